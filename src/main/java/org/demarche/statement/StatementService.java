package org.demarche.statement;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import org.demarche.common.Country;
import org.demarche.common.PartialDate;
import org.demarche.common.Problem;
import org.demarche.common.ProblemException;
import org.demarche.common.QueryParams;
import org.demarche.common.References;
import org.demarche.common.paging.Cursor;
import org.demarche.common.paging.IdFilter;
import org.demarche.common.paging.Page;
import org.demarche.common.paging.PageParams;
import org.demarche.common.paging.PageSize;
import org.demarche.common.paging.SortField;
import org.demarche.common.paging.Sorting;
import org.demarche.common.validation.Violations;
import org.demarche.event.Event;
import org.demarche.event.EventService;
import org.demarche.official.Official;
import org.demarche.official.OfficialService;
import org.demarche.official.OfficialSummary;
import org.demarche.record.ListQuery;
import org.demarche.record.RecordService;
import org.demarche.source.Source;
import org.demarche.topic.Topic;
import org.demarche.topic.TopicService;
import org.demarche.topic.TopicSummary;

@ApplicationScoped
public class StatementService extends RecordService<Statement, StatementRequest, StatementResponse> {

    public static final Sorting<Statement> SORTING = new Sorting<>(
            "-statedOn",
            SortField.date("statedOn", "statedOnStart", s -> s.statedOnStart),
            SortField.instant("createdAt", "createdAt", s -> s.createdAt),
            SortField.instant("updatedAt", "updatedAt", s -> s.updatedAt));

    @Inject
    TopicService topics;

    @Inject
    OfficialService officials;

    @Inject
    EventService events;

    /** With q, only this many matches can be paged through; a narrower search reaches the rest. */
    static final int SEARCH_WINDOW = 10_000;

    private static final UUID NO_ID = new UUID(0, 0);

    @Inject
    StatementSearch search;

    @Inject
    StanceHistory stanceHistory;

    @Transactional
    public Page<StatementResponse> list(StatementFilter filter, PageParams page) {
        return list(criteria(filter, QueryParams.uuids("officialId", filter.officialId), page), page);
    }

    /** Counts of the matching statements per official, country, topic, quote type, medium and year. */
    @Transactional
    public StatementFacets facets(StatementFilter filter, PageParams page) {
        FacetCounts counts = search.facets(criteria(filter, QueryParams.uuids("officialId", filter.officialId), page));
        Map<String, Long> byOfficial = top(counts.of(FacetCounts.OFFICIAL), TOP_FACET_VALUES);
        Map<UUID, Official> officialsById = new HashMap<>();
        Official.<Official>list("id in ?1", uuids(byOfficial.keySet())).forEach(o -> officialsById.put(o.id, o));
        Map<String, Long> byTopic = top(counts.of(FacetCounts.TOPIC), TOP_FACET_VALUES);
        Map<UUID, Topic> topicsById = new HashMap<>();
        Topic.<Topic>list("id in ?1", uuids(byTopic.keySet())).forEach(t -> topicsById.put(t.id, t));
        return new StatementFacets(
                counts.total(),
                byOfficial.entrySet().stream()
                        .filter(e -> officialsById.containsKey(UUID.fromString(e.getKey())))
                        .map(e -> new StatementFacets.OfficialCount(
                                OfficialSummary.of(officialsById.get(UUID.fromString(e.getKey()))), e.getValue()))
                        .toList(),
                values(top(counts.of(FacetCounts.COUNTRY), Integer.MAX_VALUE)),
                byTopic.entrySet().stream()
                        .filter(e -> topicsById.containsKey(UUID.fromString(e.getKey())))
                        .map(e -> new StatementFacets.TopicCount(
                                TopicSummary.of(topicsById.get(UUID.fromString(e.getKey()))), e.getValue()))
                        .toList(),
                values(top(counts.of(FacetCounts.QUOTE_TYPE), Integer.MAX_VALUE)),
                values(top(counts.of(FacetCounts.MEDIUM), Integer.MAX_VALUE)),
                counts.of(FacetCounts.YEAR).entrySet().stream()
                        .sorted(Comparator.comparingInt((Map.Entry<String, Long> e) -> Integer.parseInt(e.getKey())))
                        .map(e -> new StatementFacets.ValueCount(e.getKey(), e.getValue()))
                        .toList());
    }

    /** At most this many keys (series) and buckets in a count over time: a chart, not an export. */
    static final int MAX_SERIES = 50;

    static final int MAX_BUCKETS = 5_000;

    /**
     * How many matching statements there are per period of statedOn and value of the key, from one grouped
     * count by the search engine. A statement whose date spans more than one period (dated only to 2024 in a
     * monthly count) is counted in {@code undated}, not spread or guessed into a period.
     */
    @Transactional
    public StatementCounts counts(StatementFilter filter, PageParams page, CountInterval intervalGiven, String by) {
        CountInterval interval = intervalGiven == null ? CountInterval.month : intervalGiven;
        CountKey key = CountKey.parse(by);
        StatementCriteria criteria = criteria(filter, QueryParams.uuids("officialId", filter.officialId), page);
        StatementSearch.DatedCounts counted = search.datedCounts(criteria, key);
        List<StatementSearch.DatedCount> rows = onlyOfficialsSelected(
                onlyTopicsSelected(counted.counts(), key, criteria.topicIds()), key, criteria.officialIds());
        if (key == CountKey.stance) {
            rows = withStances(rows);
        }
        Map<LocalDate, Map<String, Long>> byPeriod = new TreeMap<>();
        Map<String, Long> undated = new TreeMap<>();
        for (StatementSearch.DatedCount row : rows) {
            LocalDate period = interval.periodOf(row.start(), row.end());
            Map<String, Long> counts =
                    period == null ? undated : byPeriod.computeIfAbsent(period, p -> new TreeMap<>());
            counts.merge(row.key(), row.count(), Long::sum);
        }
        Set<String> series = new HashSet<>(undated.keySet());
        byPeriod.values().forEach(counts -> series.addAll(counts.keySet()));
        if (series.size() > MAX_SERIES) {
            throw ProblemException.badRequest("The counts would have " + series.size() + " series (values of '"
                    + key.wireName() + "'), more than " + MAX_SERIES + "; narrow the statements with filters such as"
                    + " officialId, country, topic or id");
        }
        int buckets = byPeriod.values().stream().mapToInt(Map::size).sum();
        if (buckets > MAX_BUCKETS) {
            throw ProblemException.badRequest("The counts would have " + buckets + " buckets, more than " + MAX_BUCKETS
                    + "; choose a longer interval or a shorter period with from and to");
        }
        Map<String, String> labels = labels(key, series);
        Comparator<Map.Entry<String, Long>> byLabel = Comparator.comparing(
                        (Map.Entry<String, Long> e) -> labels.getOrDefault(e.getKey(), e.getKey()))
                .thenComparing(Map.Entry::getKey);
        List<StatementCounts.Bucket> items = new ArrayList<>();
        byPeriod.forEach((period, counts) -> counts.entrySet().stream()
                .sorted(byLabel)
                .forEach(e -> items.add(new StatementCounts.Bucket(
                        period.toString(),
                        key == CountKey.none ? null : e.getKey(),
                        key == CountKey.none ? null : labels.getOrDefault(e.getKey(), e.getKey()),
                        e.getValue()))));
        return new StatementCounts(
                interval,
                key.wireName(),
                counted.total(),
                items,
                undated.entrySet().stream()
                        .sorted(byLabel)
                        .map(e -> new StatementCounts.KeyCount(
                                key == CountKey.none ? null : e.getKey(),
                                key == CountKey.none ? null : labels.getOrDefault(e.getKey(), e.getKey()),
                                e.getValue()))
                        .toList());
    }

    /**
     * Counts by topic or stance for the topics a topic filter selects (the topic and those nested under it), not
     * for the other topics of the statements it finds.
     */
    private static List<StatementSearch.DatedCount> onlyTopicsSelected(
            List<StatementSearch.DatedCount> rows, CountKey key, Collection<UUID> topicIds) {
        if (topicIds == null || (key != CountKey.topic && key != CountKey.stance)) {
            return rows;
        }
        Set<String> selected = new HashSet<>();
        topicIds.forEach(id -> selected.add(id.toString()));
        // The topic id ends the key: "<topicId>" by topic, "<officialId> <topicId>" by stance.
        return rows.stream()
                .filter(row -> selected.contains(row.key().substring(row.key().lastIndexOf(' ') + 1)))
                .toList();
    }

    /**
     * Counts by official or stance for the officials an officialId filter selects, not for the other signatories
     * of the joint statements it finds.
     */
    private static List<StatementSearch.DatedCount> onlyOfficialsSelected(
            List<StatementSearch.DatedCount> rows, CountKey key, Collection<UUID> officialIds) {
        if (officialIds == null || (key != CountKey.official && key != CountKey.stance)) {
            return rows;
        }
        Set<String> selected = new HashSet<>();
        officialIds.forEach(id -> selected.add(id.toString()));
        // The official id starts the key: "<officialId>" by official, "<officialId> <topicId>" by stance.
        return rows.stream()
                .filter(row -> selected.contains(row.key().split(" ", 2)[0]))
                .toList();
    }

    /**
     * The engine's counts by official and topic ({@code "<officialId> <topicId>"}) keyed instead by the stance the
     * official held on the topic on the first day of the span, or {@link CountKey#UNKNOWN_STANCE}.
     */
    private List<StatementSearch.DatedCount> withStances(List<StatementSearch.DatedCount> rows) {
        Set<UUID> officialIds = new HashSet<>();
        for (StatementSearch.DatedCount row : rows) {
            officialIds.add(UUID.fromString(row.key().substring(0, row.key().indexOf(' '))));
        }
        StanceHistory.Stances stances = stanceHistory.of(officialIds);
        return rows.stream()
                .map(row -> {
                    int space = row.key().indexOf(' ');
                    String stance = stances.on(
                            UUID.fromString(row.key().substring(0, space)),
                            UUID.fromString(row.key().substring(space + 1)),
                            row.start());
                    return new StatementSearch.DatedCount(
                            row.start(), row.end(), stance == null ? CountKey.UNKNOWN_STANCE : stance, row.count());
                })
                .toList();
    }

    /** Names of the officials or topics among the keys; other keys are their own labels. */
    private static Map<String, String> labels(CountKey key, Collection<String> keys) {
        Map<String, String> labels = new HashMap<>();
        if (key == CountKey.official) {
            Official.<Official>list("id in ?1", uuids(keys)).forEach(o -> labels.put(o.id.toString(), o.name));
        } else if (key == CountKey.topic) {
            Topic.<Topic>list("id in ?1", uuids(keys)).forEach(t -> labels.put(t.id.toString(), t.name));
        }
        return labels;
    }

    private static final int TOP_FACET_VALUES = 50;

    /** The most frequent values, most first, ties by value. */
    private static Map<String, Long> top(Map<String, Long> counts, int limit) {
        Map<String, Long> top = new LinkedHashMap<>();
        counts.entrySet().stream()
                .sorted(Map.Entry.<String, Long>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                .limit(limit)
                .forEach(e -> top.put(e.getKey(), e.getValue()));
        return top;
    }

    private static List<StatementFacets.ValueCount> values(Map<String, Long> counts) {
        return counts.entrySet().stream()
                .map(e -> new StatementFacets.ValueCount(e.getKey(), e.getValue()))
                .toList();
    }

    private static List<UUID> uuids(Collection<String> ids) {
        return ids.isEmpty()
                ? List.of(new UUID(0, 0))
                : ids.stream().map(UUID::fromString).toList();
    }

    /** The statements of one official, in date order unless q or another sort is asked for; 404 for an unknown official. */
    @Transactional
    public Page<StatementResponse> listOf(UUID officialId, StatementFilter filter, PageParams page) {
        officials.find(officialId);
        StatementCriteria criteria = criteria(filter, List.of(officialId), page);
        return list(criteria, criteria.query() == null ? page.withDefaultSort("statedOn") : page);
    }

    /** Where a statement without a place in its event sorts: after every place. */
    private static final int UNORDERED = Integer.MAX_VALUE;

    private static final String EVENT_ORDER = "coalesce(s.eventOrder, " + UNORDERED + ")";

    /**
     * The statements made at one event in their order there: by eventOrder, those without one last in the order
     * they were recorded; a page at a time. 404 for an unknown event.
     */
    @Transactional
    public Page<StatementResponse> listAt(UUID eventId, PageSize limit, Cursor cursor) {
        events.find(eventId);
        ListQuery<Statement> query =
                ListQuery.of(Statement.class, "s").where("s.event.id = :eventId", "eventId", eventId);
        long total = query.count();
        if (cursor != null) {
            Cursor after = cursor.forSort("eventOrder");
            String[] parts = after.value().split("/", 2);
            int order;
            Instant createdAt;
            try {
                order = Integer.parseInt(parts[0]);
                createdAt = Instant.parse(parts[parts.length - 1]);
            } catch (NumberFormatException | DateTimeParseException e) {
                throw Cursor.notIssued("cursor");
            }
            query.where(
                    "(" + EVENT_ORDER + " > :order or (" + EVENT_ORDER + " = :order and (s.createdAt > :createdAt"
                            + " or (s.createdAt = :createdAt and s.id > :afterId))))",
                    Map.of("order", order, "createdAt", createdAt, "afterId", after.id()));
        }
        int size = PageSize.of(limit);
        List<Statement> rows = query.first(size + 1, EVENT_ORDER + ", s.createdAt");
        String next = null;
        if (rows.size() > size) {
            rows = rows.subList(0, size);
            Statement last = rows.get(size - 1);
            int order = last.eventOrder == null ? UNORDERED : last.eventOrder;
            next = new Cursor("eventOrder", order + "/" + last.createdAt, last.id).encode();
        }
        return new Page<>(rows.stream().map(this::represent).toList(), total, next);
    }

    /**
     * Every stored statement, newest first, a page at a time, read from the database rather than the search
     * index: what an export must show, even while the index is still catching up with the latest commits.
     */
    @Transactional
    public Page<StatementResponse> listStored(PageParams page) {
        return ListQuery.of(Statement.class, "s").page(page, SORTING).map(this::represent);
    }

    /** The statements of one official matching the filters, as a query (alias s) for a timeline to page. */
    public ListQuery<Statement> queryOf(UUID officialId, StatementFilter filter) {
        return criteria(filter, List.of(officialId), new PageParams()).filter(ListQuery.of(Statement.class, "s"));
    }

    private Page<StatementResponse> list(StatementCriteria criteria, PageParams page) {
        int limit = page.pageSize();
        if (criteria.query() == null) {
            Sorting.Order<Statement> order = SORTING.resolve(page.sort);
            Cursor after = page.cursor == null ? null : page.cursor.forSort(order.wireName());
            return search.list(criteria, order, after, limit).map(this::represent);
        }
        Sorting.Order<Statement> order = page.sort == null || page.sort.isBlank() ? null : SORTING.resolve(page.sort);
        String cursorSort = "q:" + (order == null ? "relevance" : order.wireName());
        int offset = searchOffset(page.cursor, cursorSort);
        // The last page of the window is cut short rather than refused.
        int size = Math.min(limit, SEARCH_WINDOW - offset);
        StatementSearch.Hits hits = search.search(criteria, order, offset, size);
        List<StatementResponse> items = Statement.inOrder(hits.ids()).stream()
                .map(s -> represent(s).withHighlight(Highlights.of(criteria.query(), s.text)))
                .toList();
        boolean more = offset + size < Math.min(hits.total(), SEARCH_WINDOW);
        String next = more ? new Cursor(cursorSort, Integer.toString(offset + size), NO_ID).encode() : null;
        return new Page<>(items, hits.total(), next);
    }

    private static int searchOffset(Cursor cursor, String sort) {
        if (cursor == null) {
            return 0;
        }
        try {
            int offset = Integer.parseInt(cursor.forSort(sort).value());
            if (offset >= 0 && offset < SEARCH_WINDOW) {
                return offset;
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        throw Cursor.notIssued("cursor");
    }

    /**
     * The criteria of a statement list's filters, as a list would apply them (a saved search applies them to
     * each new statement); 400 for a filter that is not valid, as the list would answer.
     */
    public StatementCriteria criteria(StatementFilter filter) {
        return criteria(filter, QueryParams.uuids("officialId", filter.officialId), new PageParams());
    }

    private StatementCriteria criteria(StatementFilter filter, List<UUID> officialIds, PageParams page) {
        return new StatementCriteria(
                filter.q == null ? null : SearchQuery.parse(filter.q),
                IdFilter.parse(filter.id),
                officialIds,
                Country.codeOf(filter.country),
                topics.withDescendants("topic", filter.topic),
                filter.quoteType,
                filter.medium,
                QueryParams.lowerCase(filter.language),
                filter.verification,
                QueryParams.uuid("sourceId", filter.sourceId),
                QueryParams.uuid("eventId", filter.eventId),
                QueryParams.lowerCase(filter.outlet),
                QueryParams.text(filter.mentions),
                filter.from == null ? null : filter.from.start(),
                filter.to == null ? null : filter.to.end(),
                page.updatedSince);
    }

    @Override
    public String resourceName() {
        return "statement";
    }

    @Override
    public Class<Statement> entityType() {
        return Statement.class;
    }

    @Override
    protected Class<StatementRequest> requestType() {
        return StatementRequest.class;
    }

    @Override
    protected Statement newEntity() {
        return new Statement();
    }

    @Override
    protected void checkRules(StatementRequest request, Statement existing, Violations violations) {
        if (request.officialId() != null && Official.findById(request.officialId()) == null) {
            violations.add("officialId", "no official has this id");
        }
        checkExist(violations, "signatoryIds", request.signatoryIds(), Official.class);
        for (int i = 0; i < request.signatoryIds().size(); i++) {
            if (request.officialId() != null
                    && request.officialId().equals(request.signatoryIds().get(i))) {
                violations.add("signatoryIds[" + i + "]", "is the official (officialId), the first signatory already");
            }
        }
        checkExist(violations, "topicIds", request.topicIds(), Topic.class);
        checkExist(violations, "sourceIds", request.sourceIds(), Source.class);
        if (request.eventId() != null && Event.findById(request.eventId()) == null) {
            violations.add("eventId", "no event has this id");
        }
        if (request.eventOrder() != null && request.eventId() == null) {
            violations.add("eventOrder", "needs eventId: it is a place in an event");
        }
        for (int i = 0; i < request.mentions().size(); i++) {
            String mention = request.mentions().get(i);
            if (mention == null || mention.isBlank() || Country.isCode(mention)) {
                continue;
            }
            UUID officialId = parseUuid(mention);
            if (officialId == null) {
                violations.add("mentions[" + i + "]", "must be an ISO 3166-1 alpha-2 country code or an official id");
            } else if (Official.findById(officialId) == null) {
                violations.add("mentions[" + i + "]", "no official has this id");
            }
        }
    }

    private static UUID parseUuid(String text) {
        try {
            return UUID.fromString(text);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /** Two statements of one event may not share a place in it. */
    @Override
    protected void checkConflicts(StatementRequest request, Statement existing) {
        if (request.eventId() == null || request.eventOrder() == null) {
            return;
        }
        Statement.<Statement>find("event.id = ?1 and eventOrder = ?2", request.eventId(), request.eventOrder())
                .firstResultOptional()
                .filter(other -> existing == null || !other.id.equals(existing.id))
                .ifPresent(other -> {
                    throw ProblemException.taken(
                            "Statement " + other.id + " already has eventOrder " + request.eventOrder() + " in event "
                                    + request.eventId(),
                            "statement",
                            other.id);
                });
    }

    @Override
    protected void apply(StatementRequest request, Statement statement) {
        statement.official = Official.findById(request.officialId());
        statement.signatories.clear();
        request.signatoryIds().forEach(id -> statement.signatories.add(Official.findById(id)));
        statement.text = request.text();
        statement.quoteType = request.quoteType();
        statement.language = request.language();
        statement.setStatedOn(PartialDate.of(request.statedOn()));
        statement.venue = request.venue();
        statement.medium = request.medium();
        statement.verification = request.verification();
        statement.notes = request.notes();
        statement.topics.clear();
        request.topicIds().forEach(id -> statement.topics.add(Topic.findById(id)));
        statement.sources.clear();
        request.sourceIds().forEach(id -> statement.sources.add(Source.findById(id)));
        statement.mentions.clear();
        statement.mentions.addAll(request.mentions());
        statement.event = request.eventId() == null ? null : Event.findById(request.eventId());
        statement.eventOrder = request.eventOrder();
        statement.attribution = request.attribution();
        statement.role = request.role();
        statement.inReplyTo =
                request.inReplyTo() == null ? null : request.inReplyTo().toEntity();
    }

    @Override
    public StatementResponse represent(Statement statement) {
        return StatementResponse.of(statement);
    }

    @Override
    protected StatementRequest toRequest(Statement s) {
        StatementResponse r = represent(s);
        return new StatementRequest(
                r.officialId(),
                r.signatoryIds(),
                r.text(),
                r.quoteType(),
                r.language(),
                r.statedOn(),
                r.venue(),
                r.medium(),
                r.topicIds(),
                r.sourceIds(),
                r.mentions(),
                r.verification(),
                r.notes(),
                r.eventId(),
                r.eventOrder(),
                r.attribution(),
                r.role(),
                r.inReplyTo());
    }

    /** Topics and sources are sets: a request may list them in any order. */
    @Override
    protected StatementRequest comparable(StatementRequest r) {
        return new StatementRequest(
                r.officialId(),
                r.signatoryIds(),
                r.text(),
                r.quoteType(),
                r.language(),
                r.statedOn(),
                r.venue(),
                r.medium(),
                sorted(r.topicIds()),
                sorted(r.sourceIds()),
                r.mentions(),
                r.verification(),
                r.notes(),
                r.eventId(),
                r.eventOrder(),
                r.attribution(),
                r.role(),
                r.inReplyTo());
    }

    private static List<UUID> sorted(List<UUID> ids) {
        return ids.stream()
                .sorted(Comparator.nullsFirst(Comparator.naturalOrder()))
                .toList();
    }

    @Override
    protected List<Problem.Reference> referencesTo(Statement statement) {
        return present(References.find(
                "position", "p", "from Position p join p.evidence e where e.statementId = :target", statement.id));
    }
}
