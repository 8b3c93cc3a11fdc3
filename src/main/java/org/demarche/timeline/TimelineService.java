package org.demarche.timeline;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import org.demarche.official.Official;
import org.demarche.official.OfficialService;
import org.demarche.official.OfficialSummary;
import org.demarche.position.Position;
import org.demarche.position.PositionFilter;
import org.demarche.position.PositionService;
import org.demarche.statement.Statement;
import org.demarche.statement.StatementFilter;
import org.demarche.statement.StatementService;
import org.demarche.topic.TopicService;
import org.demarche.topic.TopicSummary;

/** Merges an official's statements and positions into one history, in date order. */
@ApplicationScoped
public class TimelineService {

    @Inject
    OfficialService officials;

    @Inject
    TopicService topics;

    @Inject
    StatementService statements;

    @Inject
    PositionService positions;

    private record Dated(LocalDate start, int kindOrder, UUID id, TimelineEntry entry) {
    }

    @Transactional
    public Timeline of(UUID officialId, String topic) {
        Official official = officials.find(officialId);
        StatementFilter statementFilter = new StatementFilter();
        statementFilter.topic = topic;
        PositionFilter positionFilter = new PositionFilter();
        positionFilter.topic = topic;

        List<Dated> events = new ArrayList<>();
        for (Statement s : statements.allOf(officialId, statementFilter)) {
            events.add(new Dated(s.statedOnStart, 0, s.id, TimelineEntry.of(statements.represent(s))));
        }
        for (Position p : positions.allOf(officialId, positionFilter)) {
            events.add(new Dated(p.validFromStart, 1, p.id, TimelineEntry.of(positions.represent(p))));
        }
        // Statements before the positions they back on the same date; ids keep equal dates stable.
        events.sort(Comparator.comparing(Dated::start).thenComparing(Dated::kindOrder).thenComparing(Dated::id));
        TopicSummary topicSummary = topic == null || topic.isBlank() ? null
                : TopicSummary.of(topics.resolve("topic", topic));
        return new Timeline(OfficialSummary.of(official), topicSummary, events.stream().map(Dated::entry).toList());
    }
}
