package org.demarche.position;

import io.quarkus.hibernate.orm.panache.Panache;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;
import jakarta.persistence.TypedQuery;
import jakarta.transaction.Transactional;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import org.demarche.common.Country;
import org.demarche.common.PartialDate;
import org.demarche.common.Problem;
import org.demarche.common.ProblemException;
import org.demarche.common.QueryParams;
import org.demarche.common.paging.Cursor;
import org.demarche.common.paging.IdFilter;
import org.demarche.common.paging.Page;
import org.demarche.common.paging.PageParams;
import org.demarche.common.paging.PageSize;
import org.demarche.common.paging.SortField;
import org.demarche.common.paging.Sorting;
import org.demarche.common.validation.Violations;
import org.demarche.official.Official;
import org.demarche.official.OfficialService;
import org.demarche.record.ListQuery;
import org.demarche.record.RecordService;
import org.demarche.statement.Statement;
import org.demarche.topic.Topic;
import org.demarche.topic.TopicService;
import org.demarche.topic.TopicSummary;

@ApplicationScoped
public class PositionService extends RecordService<Position, PositionRequest, PositionResponse> {

    static final Sorting<Position> SORTING = new Sorting<>(
            "-validFrom",
            SortField.date("validFrom", "validFromStart", p -> p.validFromStart),
            SortField.instant("createdAt", "createdAt", p -> p.createdAt),
            SortField.instant("updatedAt", "updatedAt", p -> p.updatedAt));

    /** The order of a topic's stances: by official name, then id. */
    private static final String STANCES = "officialName";

    @Inject
    TopicService topics;

    @Inject
    OfficialService officials;

    @Transactional
    public Page<PositionResponse> list(PositionFilter filter, PageParams page) {
        return query(filter, QueryParams.uuids("officialId", filter.officialId))
                .page(page, SORTING)
                .map(this::represent);
    }

    /**
     * Where each official stood on a topic on a day (the end of a partial date), a page of officials at a time
     * by name; 404 for an unknown topic.
     */
    @Transactional
    public TopicStances stances(
            String topicIdOrSlug, PartialDate asOf, Country country, PageSize limit, Cursor cursor) {
        Topic topic = topics.find(topicIdOrSlug);
        LocalDate day = asOf == null ? LocalDate.now(ZoneOffset.UTC) : asOf.end();
        String countryCode = Country.codeOf(country);
        int size = PageSize.of(limit);
        Cursor after = cursor == null ? null : cursor.forSort(STANCES);
        // One position per official: should edits have made two hold that day, the latest start wins, then the lower
        // id.
        String held =
                "p.topic.id = :topic and p.validFromStart <= :day and (p.validToStart is null or p.validToStart > :day)";
        TypedQuery<Position> query = Panache.getEntityManager()
                .createQuery(
                        "select p from Position p join fetch p.official o where "
                                + held + " and not exists (select 1 from Position q where q.official = p.official and "
                                + held.replace("p.", "q.")
                                + " and (q.validFromStart > p.validFromStart or (q.validFromStart ="
                                + " p.validFromStart and q.id < p.id)))"
                                + (countryCode == null ? "" : " and o.country = :country")
                                + (after == null
                                        ? ""
                                        : " and (o.name > :afterName or (o.name = :afterName and o.id > :afterId))")
                                + " order by o.name, o.id",
                        Position.class)
                .setParameter("topic", topic.id)
                .setParameter("day", day)
                .setMaxResults(size + 1);
        if (countryCode != null) {
            query.setParameter("country", countryCode);
        }
        if (after != null) {
            query.setParameter("afterName", after.value()).setParameter("afterId", after.id());
        }
        List<Position> rows = query.getResultList();
        String nextCursor = null;
        if (rows.size() > size) {
            rows = rows.subList(0, size);
            Official last = rows.get(size - 1).official;
            nextCursor = new Cursor(STANCES, last.name, last.id).encode();
        }
        return new TopicStances(
                TopicSummary.of(topic),
                day.toString(),
                rows.stream().map(TopicStances.OfficialStance::of).toList(),
                nextCursor);
    }

    /** The positions of one official, oldest first unless another sort is asked for; 404 for an unknown official. */
    @Transactional
    public Page<PositionResponse> listOf(UUID officialId, PositionFilter filter, PageParams page) {
        officials.find(officialId);
        return query(filter, List.of(officialId))
                .page(page.withDefaultSort("validFrom"), SORTING)
                .map(this::represent);
    }

    /** The positions of one official matching the filter, as a query (alias p) for a timeline to page. */
    public ListQuery<Position> queryOf(UUID officialId, PositionFilter filter) {
        return query(filter, List.of(officialId));
    }

    private ListQuery<Position> query(PositionFilter filter, List<UUID> officialIds) {
        Boolean current = QueryParams.bool("current", filter.current);
        return ListQuery.of(Position.class, "p")
                .where("p.id in :ids", "ids", IdFilter.parse(filter.id))
                .where("p.official.id in :officialIds", "officialIds", officialIds)
                .where("p.topic.id in :topicIds", "topicIds", topics.withDescendants("topic", filter.topic))
                .where("p.stance = :stance", "stance", filter.stance)
                .when(Boolean.TRUE.equals(current), "p.validTo is null")
                .when(Boolean.FALSE.equals(current), "p.validTo is not null");
    }

    /**
     * Creating a position may close another, so creations for one official are serialized by locking the
     * official's row: two concurrent requests cannot both become the current position on a topic.
     */
    @Override
    @Transactional
    public PositionResponse create(PositionRequest request) {
        if (request != null && request.officialId() != null) {
            Panache.getEntityManager().find(Official.class, request.officialId(), LockModeType.PESSIMISTIC_WRITE);
        }
        return super.create(request);
    }

    @Override
    public String resourceName() {
        return "position";
    }

    @Override
    public Class<Position> entityType() {
        return Position.class;
    }

    @Override
    protected Class<PositionRequest> requestType() {
        return PositionRequest.class;
    }

    @Override
    protected Position newEntity() {
        return new Position();
    }

    @Override
    protected void checkRules(PositionRequest request, Position existing, Violations violations) {
        if (request.officialId() != null && Official.findById(request.officialId()) == null) {
            violations.add("officialId", "no official has this id");
        }
        if (request.topicId() != null && Topic.findById(request.topicId()) == null) {
            violations.add("topicId", "no topic has this id");
        }
        checkEvidence(request, violations);
        PartialDate from = PartialDate.parse(request.validFrom()).orElse(null);
        PartialDate to = PartialDate.parse(request.validTo()).orElse(null);
        if (from != null && to != null && to.end().isBefore(from.start())) {
            violations.add("validTo", "must not be before validFrom");
        }
        if (from != null && request.validTo() == null && !violations.has("officialId") && !violations.has("topicId")) {
            checkSuccession(request, existing, from, violations);
        }
    }

    private static void checkEvidence(PositionRequest request, Violations violations) {
        for (int i = 0; i < request.evidence().size(); i++) {
            EvidenceLink link = request.evidence().get(i);
            if (link == null || link.statementId() == null) {
                continue;
            }
            Statement statement = Statement.findById(link.statementId());
            String field = "evidence[" + i + "].statementId";
            if (statement == null) {
                violations.add(field, "no statement has this id");
            } else if (request.officialId() != null && !statement.speaksFor(request.officialId())) {
                violations.add(
                        field,
                        "is a statement of another official; evidence must be the position's official's own, or a"
                                + " joint statement the official signed");
            }
        }
    }

    /**
     * A current position either succeeds the one held now (on create) or must be the only current one
     * (on replace): two current positions on one topic would make the history ambiguous.
     */
    private static void checkSuccession(
            PositionRequest request, Position existing, PartialDate from, Violations violations) {
        for (Position held : Position.currentOn(request.officialId(), request.topicId())) {
            if (existing != null && Objects.equals(held.id, existing.id)) {
                continue;
            }
            if (existing != null) {
                violations.add(
                        "validTo",
                        "position " + held.id + " is the current one on this topic;"
                                + " only one can be current, so give this one an end date");
            } else if (from.start().isBefore(held.validFromStart)) {
                violations.add(
                        "validFrom",
                        "must not be before " + held.validFrom + ", when the current position " + held.id + " began");
            }
        }
    }

    /**
     * One position per official, topic and start day: a second would leave a zero-length period. The 409 names
     * the position that holds it. (Creations for an official take turns, see {@link #create}; the unique key
     * position_official_topic_start_key refuses what a race might still let through.)
     */
    @Override
    protected void checkConflicts(PositionRequest request, Position existing) {
        PartialDate from = PartialDate.of(request.validFrom());
        Position.<Position>find(
                        "official.id = ?1 and topic.id = ?2 and validFromStart = ?3",
                        request.officialId(),
                        request.topicId(),
                        from.start())
                .stream()
                .filter(other -> existing == null || !Objects.equals(other.id, existing.id))
                .findFirst()
                .ifPresent(other -> {
                    throw ProblemException.taken(
                            "Position " + other.id + " (/api/v1/positions/" + other.id + ") of this"
                                    + " official on this topic already begins on " + from.start() + " (validFrom "
                                    + other.validFrom
                                    + "); change that one instead",
                            "position",
                            other.id);
                });
    }

    @Override
    protected void apply(PositionRequest request, Position position) {
        position.official = Official.findById(request.officialId());
        position.topic = Topic.findById(request.topicId());
        position.stance = request.stance();
        position.label = request.label();
        position.conditions.clear();
        position.conditions.addAll(request.conditions());
        position.setValidFrom(PartialDate.of(request.validFrom()));
        position.setValidTo(request.validTo() == null ? null : PartialDate.of(request.validTo()));
        position.evidence.clear();
        position.evidence.addAll(
                request.evidence().stream().map(EvidenceLink::toEntity).toList());
    }

    /** A new current position closes the one held until now: validTo becomes the new validFrom. */
    @Override
    protected void afterCreate(Position created) {
        if (created.validTo != null) {
            return;
        }
        for (Position held : Position.currentOn(created.official.id, created.topic.id)) {
            if (!held.id.equals(created.id)) {
                held.closeAt(PartialDate.of(created.validFrom));
            }
        }
    }

    @Override
    public PositionResponse represent(Position position) {
        return PositionResponse.of(position);
    }

    @Override
    protected PositionRequest toRequest(Position p) {
        return new PositionRequest(
                p.official.id,
                p.topic.id,
                p.stance,
                p.label,
                p.conditions,
                p.validFrom,
                p.validTo,
                p.evidence.stream().map(EvidenceLink::of).toList());
    }

    @Override
    protected List<Problem.Reference> referencesTo(Position position) {
        return List.of();
    }
}
