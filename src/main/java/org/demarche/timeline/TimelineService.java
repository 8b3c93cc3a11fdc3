package org.demarche.timeline;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.demarche.common.PartialDate;
import org.demarche.common.paging.Cursor;
import org.demarche.common.paging.PageSize;
import org.demarche.official.Official;
import org.demarche.official.OfficialService;
import org.demarche.official.OfficialSummary;
import org.demarche.position.Position;
import org.demarche.position.PositionFilter;
import org.demarche.position.PositionService;
import org.demarche.record.ListQuery;
import org.demarche.record.TrackedEntity;
import org.demarche.statement.Statement;
import org.demarche.statement.StatementFilter;
import org.demarche.statement.StatementService;
import org.demarche.topic.TopicService;
import org.demarche.topic.TopicSummary;

/**
 * Merges an official's statements and positions into one history, in date order, a page at a time: a page
 * reads at most one page of each after where the last page ended, so its cost does not grow with the history.
 */
@ApplicationScoped
public class TimelineService {

    private static final String SORT = "timeline";

    @Inject
    OfficialService officials;

    @Inject
    TopicService topics;

    @Inject
    StatementService statements;

    @Inject
    PositionService positions;

    /**
     * Where an event sorts: by date, statements before positions on the same date, then by id as the database
     * orders ids (as unsigned bytes, which their text follows; Java's UUID order compares signed numbers).
     */
    private record Place(LocalDate start, int kindOrder, UUID id) {

        static final Comparator<Place> ORDER = Comparator.comparing(Place::start)
                .thenComparing(Place::kindOrder)
                .thenComparing(place -> place.id().toString());

        Cursor cursor() {
            return new Cursor(SORT, start + " " + kindOrder, id);
        }

        static Place after(Cursor cursor) {
            Cursor decoded = cursor.forSort(SORT);
            String[] parts = decoded.value().split(" ");
            try {
                if (parts.length == 2 && (parts[1].equals("0") || parts[1].equals("1"))) {
                    return new Place(LocalDate.parse(parts[0]), Integer.parseInt(parts[1]), decoded.id());
                }
            } catch (DateTimeParseException e) {
                // answered below
            }
            throw Cursor.notIssued("cursor");
        }
    }

    private record Dated(Place place, TimelineEntry entry) {}

    @Transactional
    public Timeline of(
            UUID officialId, String topic, PartialDate fromDate, PartialDate toDate, PageSize limit, Cursor cursor) {
        int size = PageSize.of(limit);
        Place after = cursor == null ? null : Place.after(cursor);
        Official official = officials.find(officialId);
        StatementFilter statementFilter = new StatementFilter();
        statementFilter.topic = topic;
        statementFilter.from = fromDate;
        statementFilter.to = toDate;
        PositionFilter positionFilter = new PositionFilter();
        positionFilter.topic = topic;

        List<Dated> events = new ArrayList<>();
        for (Statement s : following(statements.queryOf(officialId, statementFilter), "s.statedOnStart", 0, after)
                .first(size + 1, "s.statedOnStart")) {
            events.add(new Dated(new Place(s.statedOnStart, 0, s.id), TimelineEntry.of(statements.represent(s))));
        }
        ListQuery<Position> positionQuery =
                takenWithin(positions.queryOf(officialId, positionFilter), fromDate, toDate);
        for (Position p : following(positionQuery, "p.validFromStart", 1, after).first(size + 1, "p.validFromStart")) {
            events.add(new Dated(new Place(p.validFromStart, 1, p.id), TimelineEntry.of(positions.represent(p))));
        }
        events.sort(Comparator.comparing(Dated::place, Place.ORDER));
        String nextCursor =
                events.size() > size ? events.get(size - 1).place().cursor().encode() : null;
        return new Timeline(
                OfficialSummary.of(official),
                topicOf(topic),
                events.stream().limit(size).map(Dated::entry).toList(),
                nextCursor);
    }

    /**
     * The official's statements and positions recorded or changed last, newest first: what a feed reader following
     * the timeline has not seen yet, whatever the dates the events carry.
     */
    @Transactional
    public Timeline latest(UUID officialId, String topic, PageSize limit) {
        int size = PageSize.of(limit);
        Official official = officials.find(officialId);
        StatementFilter statementFilter = new StatementFilter();
        statementFilter.topic = topic;
        PositionFilter positionFilter = new PositionFilter();
        positionFilter.topic = topic;
        record Changed(Instant at, TimelineEntry entry) {}
        List<Changed> events = new ArrayList<>();
        for (Statement s : statements.queryOf(officialId, statementFilter).first(size, "s.updatedAt desc")) {
            events.add(new Changed(s.updatedAt, TimelineEntry.of(statements.represent(s))));
        }
        for (Position p : positions.queryOf(officialId, positionFilter).first(size, "p.updatedAt desc")) {
            events.add(new Changed(p.updatedAt, TimelineEntry.of(positions.represent(p))));
        }
        events.sort(Comparator.comparing(Changed::at)
                .reversed()
                .thenComparing(changed -> changed.entry().kind())
                .thenComparing(changed -> changed.entry().statement() != null
                        ? changed.entry().statement().id().toString()
                        : changed.entry().position().id().toString()));
        return new Timeline(
                OfficialSummary.of(official),
                topicOf(topic),
                events.stream().limit(size).map(Changed::entry).toList(),
                null);
    }

    private TopicSummary topicOf(String topic) {
        return topic == null || topic.isBlank() ? null : TopicSummary.of(topics.resolve("topic", topic));
    }

    /**
     * Limits positions to those taken within the period, by the rule statements follow for statedOn: the period
     * of validFrom must end on or after the first day of {@code from} and start on or before the last day of
     * {@code to}. Only the start of validFrom is stored; its period ends on or after a day exactly when it
     * starts on or after that day, or on or after the first day of that day's month (validFrom known to the
     * month) or year (known to the year).
     */
    private static ListQuery<Position> takenWithin(ListQuery<Position> query, PartialDate from, PartialDate to) {
        if (from != null) {
            LocalDate day = from.start();
            query.where(
                    "(p.validFromStart >= :fromDay"
                            + " or (length(p.validFrom) = 7 and p.validFromStart >= :fromMonth)"
                            + " or (length(p.validFrom) = 4 and p.validFromStart >= :fromYear))",
                    Map.of("fromDay", day, "fromMonth", day.withDayOfMonth(1), "fromYear", day.withDayOfYear(1)));
        }
        return query.where("p.validFromStart <= :toDay", "toDay", to == null ? null : to.end());
    }

    /** Limits a query of one kind of event to those that sort after {@code after}. */
    private static <E extends TrackedEntity> ListQuery<E> following(
            ListQuery<E> query, String start, int kindOrder, Place after) {
        if (after == null) {
            return query;
        }
        String alias = start.substring(0, start.indexOf('.'));
        if (kindOrder < after.kindOrder()) {
            return query.where(start + " > :afterStart", "afterStart", after.start());
        }
        query.where(start + " >= :afterStart", "afterStart", after.start());
        return kindOrder > after.kindOrder()
                ? query
                : query.where("(" + start + " > :afterStart or " + alias + ".id > :afterId)", "afterId", after.id());
    }
}
