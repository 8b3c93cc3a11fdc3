package org.demarche.bulk;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import org.demarche.common.http.Representation;
import org.demarche.common.paging.Page;
import org.demarche.common.paging.PageParams;
import org.demarche.common.stream.RecordStream;
import org.demarche.event.EventRequest;
import org.demarche.event.EventService;
import org.demarche.official.OfficialRequest;
import org.demarche.official.OfficialService;
import org.demarche.position.PositionFilter;
import org.demarche.position.PositionRequest;
import org.demarche.position.PositionService;
import org.demarche.source.SourceRequest;
import org.demarche.source.SourceService;
import org.demarche.statement.StatementRequest;
import org.demarche.statement.StatementService;
import org.demarche.topic.TopicRequest;
import org.demarche.topic.TopicResponse;
import org.demarche.topic.TopicService;

/**
 * The whole database as NDJSON, one record a line: {@code type}, {@code id}, and the fields a client
 * writes to create the record (what PUT takes), without the server's bookkeeping (version, times) or
 * the embedded summaries of related records. Records come in an order in which each one's references
 * come before it: officials, topics (a parent before its children), sources, events, statements, positions
 * (oldest first, so a replay closes each official's positions in turn). Each kind is read in pages,
 * each page in its own transaction; only topics, a short list kept by editors, are held in memory.
 */
@ApplicationScoped
public class Export {

    private final OfficialService officials;
    private final TopicService topics;
    private final SourceService sources;
    private final EventService events;
    private final StatementService statements;
    private final PositionService positions;
    private final ObjectMapper json;

    public Export(
            OfficialService officials,
            TopicService topics,
            SourceService sources,
            EventService events,
            StatementService statements,
            PositionService positions,
            ObjectMapper json) {
        this.officials = officials;
        this.topics = topics;
        this.sources = sources;
        this.events = events;
        this.statements = statements;
        this.positions = positions;
        this.json = json;
    }

    public void write(OutputStream out) {
        ObjectWriter lines = json.writer().without(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
        Line line = (type, request, record) -> {
            ObjectNode node = json.createObjectNode()
                    .put("type", type)
                    .put("id", record.id().toString());
            node.setAll((ObjectNode) json.valueToTree(json.convertValue(record, request)));
            try {
                lines.writeValue(out, node);
                out.write('\n');
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        };
        all("name", p -> officials.list(new OfficialService.Filter(null, null, null, null, null, null, null), p))
                .forEach(official -> line.write("official", OfficialRequest.class, official));
        parentsFirst(topics()).forEach(topic -> line.write("topic", TopicRequest.class, topic));
        all("url", p -> sources.list(new SourceService.Filter(null, null, null, null), p))
                .forEach(source -> line.write("source", SourceRequest.class, source));
        all("heldOn", p -> events.list(new EventService.Filter(null, null, null, null, null, null), p))
                .forEach(event -> line.write("event", EventRequest.class, event));
        all("-statedOn", statements::listStored)
                .forEach(statement -> line.write("statement", StatementRequest.class, statement));
        all("validFrom", p -> positions.list(new PositionFilter(), p))
                .forEach(position -> line.write("position", PositionRequest.class, position));
    }

    /** Writes one record as a line. */
    private interface Line {
        void write(String type, Class<?> request, Representation record);
    }

    private static <T> RecordStream<T> all(String sort, Function<PageParams, Page<T>> fetch) {
        PageParams params = new PageParams();
        params.sort = sort;
        return RecordStream.start(Object.class, params, fetch);
    }

    private List<TopicResponse> topics() {
        List<TopicResponse> all = new ArrayList<>();
        all("slug", p -> topics.list(null, null, null, null, p)).forEach(all::add);
        return all;
    }

    /** The topics in slug order, each moved after its parent. */
    private static List<TopicResponse> parentsFirst(List<TopicResponse> topics) {
        List<TopicResponse> ordered = new ArrayList<>();
        Set<UUID> placed = new HashSet<>();
        List<TopicResponse> waiting = topics;
        while (!waiting.isEmpty()) {
            List<TopicResponse> next = new ArrayList<>();
            for (TopicResponse topic : waiting) {
                if (topic.parentId() == null || placed.contains(topic.parentId())) {
                    ordered.add(topic);
                    placed.add(topic.id());
                } else {
                    next.add(topic);
                }
            }
            if (next.size() == waiting.size()) {
                throw new IllegalStateException("Topics " + next + " have parents that are not topics");
            }
            waiting = next;
        }
        return ordered;
    }
}
