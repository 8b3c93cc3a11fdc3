package org.demarche.bulk;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.hibernate.orm.panache.Panache;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.function.Function;
import org.demarche.common.FieldError;
import org.demarche.common.ProblemException;
import org.demarche.common.ProblemMappers;
import org.demarche.common.RecordService;
import org.demarche.official.OfficialRequest;
import org.demarche.official.OfficialService;
import org.demarche.position.PositionRequest;
import org.demarche.position.PositionService;
import org.demarche.source.SourceRequest;
import org.demarche.source.SourceService;
import org.demarche.statement.StatementRequest;
import org.demarche.statement.StatementService;
import org.demarche.topic.TopicRequest;
import org.demarche.topic.TopicService;
import org.jboss.logging.Logger;

/**
 * Reads NDJSON records, one a line, as {@link Export} writes them, and makes the database match them.
 * Which record a line is: its {@code id} when given and stored, else its natural key (an official's
 * wikidataId, or its name and country; a topic's slug; a source's url; a statement's official, text and
 * date; a position's official, topic and validFrom). A line that matches its record as stored changes
 * nothing, so importing a file twice writes nothing the second time. References may be ids or natural
 * keys: {@code official} ({"wikidataId": …} or {"name": …, "country": …}) for officialId, {@code topics}
 * (slugs) for topicIds, {@code sources} (urls) for sourceIds, {@code topic} (a slug) for topicId and
 * {@code parent} (a slug) for parentId.
 *
 * <p>Lines are read as they arrive and written in batches of {@value #BATCH}, each batch in one
 * transaction: it commits whole or not at all, so a stopped or killed import leaves no half-written
 * record, and the report says up to which line everything is committed. A line that is not valid is
 * rejected and reported, with every problem, and the rest of its batch goes on. Should the database
 * refuse a batch all the same, its lines are retried one per transaction, so each stands or falls alone.
 * A dry run does all of this in one transaction that it rolls back.
 */
@ApplicationScoped
public class Import {

    static final int BATCH = 500;
    /** Longer lines are rejected unread; a record is far smaller (a statement's text is at most 10 000 characters). */
    static final int MAX_LINE = 1 << 20;
    private static final Logger LOG = Logger.getLogger(Import.class);

    private final ObjectMapper json;
    private final Map<String, Kind<?>> kinds = new LinkedHashMap<>();

    public Import(ObjectMapper json, OfficialService officials, TopicService topics, SourceService sources,
            StatementService statements, PositionService positions) {
        this.json = json;
        add(new Kind<>("official", officials, OfficialRequest.class, request -> request.wikidataId() != null
                ? id("select o.id from Official o where o.wikidataId = ?1", request.wikidataId())
                : id("select o.id from Official o where o.name = ?1 and o.country = ?2", request.name(), request.country())));
        add(new Kind<>("topic", topics, TopicRequest.class,
                request -> id("select t.id from Topic t where t.slug = ?1", request.slug())));
        add(new Kind<>("source", sources, SourceRequest.class,
                request -> id("select s.id from Source s where s.url = ?1", request.url())));
        add(new Kind<>("statement", statements, StatementRequest.class, request -> id("select s.id from Statement s"
                + " where s.official.id = ?1 and s.text = ?2 and s.statedOn = ?3", request.officialId(), request.text(),
                request.statedOn())));
        add(new Kind<>("position", positions, PositionRequest.class, request -> id("select p.id from Position p"
                + " where p.official.id = ?1 and p.topic.id = ?2 and p.validFrom = ?3", request.officialId(),
                request.topicId(), request.validFrom())));
    }

    private void add(Kind<?> kind) {
        kinds.put(kind.name(), kind);
    }

    /** One record type: its service, its request, and how to find a stored record by the request's natural key. */
    private record Kind<Q>(String name, RecordService<?, Q, ?> service, Class<Q> requestType,
            Function<Q, Optional<UUID>> naturalKey) {
    }

    private enum Outcome {
        created, updated, unchanged
    }

    public ImportReport run(InputStream body, boolean dryRun) {
        Tally tally = new Tally(kinds.keySet());
        LineReader lines = new LineReader(new BufferedReader(new InputStreamReader(body, StandardCharsets.UTF_8
                .newDecoder().onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT))),
                MAX_LINE);
        if (dryRun) {
            QuarkusTransaction.begin();
            try {
                readBatches(lines, tally, batch -> {
                    batch.forEach(line -> tally.record(apply(line)));
                    Panache.getEntityManager().flush();
                    Panache.getEntityManager().clear();
                });
            } finally {
                QuarkusTransaction.rollback();
            }
        } else {
            readBatches(lines, tally, batch -> commit(batch, tally));
        }
        return tally.report(dryRun);
    }

    /** What one line came to: an outcome, or the problems that rejected it; type is null when unknown. */
    private record Result(LineReader.Line line, String type, Outcome outcome, List<LineError> errors) {
    }

    private void readBatches(LineReader lines, Tally tally, Consumer<List<LineReader.Line>> write) {
        List<LineReader.Line> batch = new ArrayList<>(BATCH);
        try {
            for (LineReader.Line line = lines.next(); line != null; line = lines.next()) {
                tally.lines = line.number();
                if (line.text() != null && line.text().isBlank()) {
                    continue;
                }
                batch.add(line);
                if (batch.size() == BATCH) {
                    write.accept(batch);
                    batch = new ArrayList<>(BATCH);
                }
            }
        } catch (CharacterCodingException e) {
            tally.errors.add(new LineError(tally.lines + 1, "", "is not UTF-8 text; the import stopped before this line"));
        } catch (IOException e) {
            // The client went away: batches so far are committed, and there is nobody to report to.
            throw new UncheckedIOException("The import body could not be read", e);
        }
        if (!batch.isEmpty()) {
            write.accept(batch);
        }
    }

    /** Writes a batch in one transaction; if the database refuses it, each line in a transaction of its own. */
    private void commit(List<LineReader.Line> batch, Tally tally) {
        try {
            List<Result> results = QuarkusTransaction.requiringNew().call(() -> batch.stream().map(this::apply).toList());
            results.forEach(tally::record);
        } catch (RuntimeException batchFailed) {
            LOG.warnf(batchFailed, "A batch of %d import lines was refused; retrying them one by one", batch.size());
            for (LineReader.Line line : batch) {
                try {
                    tally.record(QuarkusTransaction.requiringNew().call(() -> apply(line)));
                } catch (RuntimeException lineFailed) {
                    LOG.warnf(lineFailed, "Import line %d was refused by the database", line.number());
                    tally.record(rejected(line, null, "", "could not be stored, although it is valid; it may conflict"
                            + " with another line of this import"));
                }
            }
        }
        tally.committedThroughLine = batch.get(batch.size() - 1).number();
    }

    private Result apply(LineReader.Line line) {
        if (line.text() == null) {
            return rejected(line, null, "", "is longer than " + MAX_LINE + " characters");
        }
        JsonNode node;
        try {
            node = json.readTree(line.text());
        } catch (JsonProcessingException e) {
            return rejected(line, null, "", "is not valid JSON");
        }
        if (!(node instanceof ObjectNode fields)) {
            return rejected(line, null, "", "must be a JSON object");
        }
        JsonNode type = fields.remove("type");
        Kind<?> kind = type == null || !type.isTextual() ? null : kinds.get(type.asText());
        if (kind == null) {
            return rejected(line, null, "type", "must be one of: " + String.join(", ", kinds.keySet()));
        }
        return apply(line, kind, fields);
    }

    private <Q> Result apply(LineReader.Line line, Kind<Q> kind, ObjectNode fields) {
        UUID id = null;
        JsonNode idNode = fields.remove("id");
        if (idNode != null && !idNode.isNull()) {
            try {
                id = UUID.fromString(idNode.asText());
            } catch (IllegalArgumentException e) {
                return rejected(line, kind.name(), "id", "must be a UUID");
            }
        }
        List<LineError> unresolved = resolveReferences(line, kind.name(), fields);
        if (!unresolved.isEmpty()) {
            return new Result(line, kind.name(), null, unresolved);
        }
        Q request;
        try {
            request = json.treeToValue(fields, kind.requestType());
        } catch (JsonMappingException e) {
            FieldError error = ProblemMappers.fieldError(e);
            return rejected(line, kind.name(), error.field(), error.message());
        } catch (JsonProcessingException e) {
            return rejected(line, kind.name(), "", "cannot be read as a " + kind.name());
        }
        UUID stored = id != null && exists(kind, id) ? id : id == null ? kind.naturalKey().apply(request).orElse(null) : null;
        try {
            kind.service().check(request, stored);
        } catch (ProblemException problem) {
            return problem.errors == null ? rejected(line, kind.name(), "", problem.getMessage())
                    : new Result(line, kind.name(), null, problem.errors.stream()
                            .map(error -> new LineError(line.number(), error.field(), error.message())).toList());
        }
        if (stored == null) {
            kind.service().create(request, id);
            return new Result(line, kind.name(), Outcome.created, List.of());
        }
        if (json.valueToTree(kind.service().currentRequest(stored)).equals(json.valueToTree(request))) {
            return new Result(line, kind.name(), Outcome.unchanged, List.of());
        }
        kind.service().replace(stored, request, null);
        return new Result(line, kind.name(), Outcome.updated, List.of());
    }

    /** Replaces natural-key references with ids; answers the ones that name no stored record. */
    private List<LineError> resolveReferences(LineReader.Line line, String kind, ObjectNode fields) {
        List<LineError> errors = new ArrayList<>();
        switch (kind) {
            case "statement" -> {
                resolveOfficial(line, fields, errors);
                resolveAll(line, fields, "topics", "topicIds", "select t.id from Topic t where t.slug = ?1", "slug", errors);
                resolveAll(line, fields, "sources", "sourceIds", "select s.id from Source s where s.url = ?1", "url", errors);
            }
            case "position" -> {
                resolveOfficial(line, fields, errors);
                resolveOne(line, fields, "topic", "topicId", "select t.id from Topic t where t.slug = ?1", "slug", errors);
            }
            case "topic" -> resolveOne(line, fields, "parent", "parentId", "select t.id from Topic t where t.slug = ?1",
                    "slug", errors);
            default -> {
            }
        }
        return errors;
    }

    private void resolveOfficial(LineReader.Line line, ObjectNode fields, List<LineError> errors) {
        JsonNode official = fields.get("official");
        if (fields.has("officialId") || official == null || !official.isObject()) {
            return;
        }
        Optional<UUID> found = official.hasNonNull("wikidataId")
                ? id("select o.id from Official o where o.wikidataId = ?1", official.get("wikidataId").asText())
                : id("select o.id from Official o where o.name = ?1 and o.country = ?2",
                        official.path("name").asText(), official.path("country").asText());
        if (found.isPresent()) {
            fields.put("officialId", found.get().toString());
        } else {
            errors.add(new LineError(line.number(), "official", "names no stored official (by wikidataId, or name and"
                    + " country)"));
        }
    }

    private void resolveOne(LineReader.Line line, ObjectNode fields, String key, String idField, String query, String by,
            List<LineError> errors) {
        JsonNode value = fields.get(key);
        if (fields.has(idField) || value == null || !value.isTextual()) {
            return;
        }
        Optional<UUID> found = id(query, value.asText());
        if (found.isPresent()) {
            fields.put(idField, found.get().toString());
        } else {
            errors.add(new LineError(line.number(), key, "no " + key + " has the " + by + " " + value.asText()));
        }
    }

    private void resolveAll(LineReader.Line line, ObjectNode fields, String key, String idField, String query, String by,
            List<LineError> errors) {
        JsonNode values = fields.get(key);
        if (fields.has(idField) || values == null || !values.isArray() || values.isEmpty() || !values.get(0).isTextual()) {
            return;
        }
        ArrayNode ids = fields.putArray(idField);
        for (int i = 0; i < values.size(); i++) {
            Optional<UUID> found = id(query, values.get(i).asText());
            if (found.isPresent()) {
                ids.add(found.get().toString());
            } else {
                errors.add(new LineError(line.number(), key + "[" + i + "]", "no record has the " + by + " "
                        + values.get(i).asText()));
            }
        }
    }

    private static boolean exists(Kind<?> kind, UUID id) {
        return Panache.getEntityManager().find(kind.service().entityType(), id) != null;
    }

    private static Optional<UUID> id(String jpql, Object... parameters) {
        var query = Panache.getEntityManager().createQuery(jpql, UUID.class).setMaxResults(1);
        for (int i = 0; i < parameters.length; i++) {
            query.setParameter(i + 1, parameters[i]);
        }
        return query.getResultStream().findFirst();
    }

    private static Result rejected(LineReader.Line line, String type, String field, String message) {
        return new Result(line, type, null, List.of(new LineError(line.number(), field, message)));
    }

    /** The counts of an import as it goes. */
    private static final class Tally {
        static final int REJECTED = 3;
        final Map<String, long[]> byType = new LinkedHashMap<>();
        final List<LineError> errors = new ArrayList<>();
        long lines;
        long committedThroughLine;
        /** Lines rejected before their type was known. */
        long untyped;

        Tally(Iterable<String> types) {
            types.forEach(type -> byType.put(type, new long[4]));
        }

        void record(Result result) {
            int slot = result.outcome() == null ? REJECTED : result.outcome().ordinal();
            if (result.type() == null) {
                untyped++;
            } else {
                byType.get(result.type())[slot]++;
            }
            errors.addAll(result.errors());
        }

        ImportReport report(boolean dryRun) {
            Map<String, ImportReport.Counts> counts = new LinkedHashMap<>();
            long[] totals = new long[4];
            byType.forEach((type, c) -> {
                counts.put(type, new ImportReport.Counts(c[0], c[1], c[2], c[3]));
                for (int i = 0; i < 4; i++) {
                    totals[i] += c[i];
                }
            });
            return new ImportReport(dryRun, lines, totals[0], totals[1], totals[2], totals[REJECTED] + untyped,
                    counts, dryRun ? 0 : committedThroughLine, List.copyOf(errors));
        }
    }
}
