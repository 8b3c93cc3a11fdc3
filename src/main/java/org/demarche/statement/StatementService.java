package org.demarche.statement;

import io.quarkus.hibernate.orm.panache.Panache;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.demarche.common.PartialDate;
import org.demarche.common.Problem;
import org.demarche.common.ProblemException;
import org.demarche.common.QueryParams;
import org.demarche.common.RecordService;
import org.demarche.common.References;
import org.demarche.common.TrackedEntity;
import org.demarche.common.paging.ListQuery;
import org.demarche.common.paging.Page;
import org.demarche.common.paging.PageParams;
import org.demarche.common.paging.SortField;
import org.demarche.common.paging.Sorting;
import org.demarche.common.validation.CountryCode;
import org.demarche.common.validation.Violations;
import org.demarche.official.Official;
import org.demarche.official.OfficialService;
import org.demarche.source.Source;
import org.demarche.topic.Topic;
import org.demarche.topic.TopicService;

@ApplicationScoped
public class StatementService extends RecordService<Statement, StatementRequest, StatementResponse> {

    static final Sorting<Statement> SORTING = new Sorting<>("-statedOn",
            SortField.date("statedOn", "statedOnStart", s -> s.statedOnStart),
            SortField.instant("createdAt", "createdAt", s -> s.createdAt),
            SortField.instant("updatedAt", "updatedAt", s -> s.updatedAt));

    @Inject
    TopicService topics;

    @Inject
    OfficialService officials;

    @Transactional
    public Page<StatementResponse> list(StatementFilter filter, PageParams page) {
        return query(filter, QueryParams.uuids("officialId", filter.officialId)).page(page, SORTING).map(this::represent);
    }

    /** The statements of one official, in date order unless another sort is asked for; 404 for an unknown official. */
    @Transactional
    public Page<StatementResponse> listOf(UUID officialId, StatementFilter filter, PageParams page) {
        officials.find(officialId);
        return query(filter, List.of(officialId)).page(page.withDefaultSort("statedOn"), SORTING).map(this::represent);
    }

    /** Every statement of one official matching the filter, oldest first (a timeline). */
    public List<Statement> allOf(UUID officialId, StatementFilter filter) {
        return query(filter, List.of(officialId)).all("s.statedOnStart");
    }

    private ListQuery<Statement> query(StatementFilter filter, List<UUID> officialIds) {
        String country = QueryParams.text(filter.country);
        if (country != null && !CountryCode.Validator.isCountryCode(country)) {
            throw ProblemException.badRequest("Query parameter 'country' must be an ISO 3166-1 alpha-2 code such as RU,"
                    + " not '" + country + "'");
        }
        PartialDate from = filter.from == null ? null : PartialDate.ofParameter("from", filter.from);
        PartialDate to = filter.to == null ? null : PartialDate.ofParameter("to", filter.to);
        return ListQuery.of(Statement.class, "s")
                .where("s.official.id in :officialIds", "officialIds", officialIds)
                .where("s.official.country = :country", "country", country)
                .where("exists (select 1 from s.topics t where t.id in :topicIds)", "topicIds",
                        topics.withDescendants("topic", filter.topic))
                .where("s.quoteType = :quoteType", "quoteType",
                        QueryParams.enumValue("quoteType", filter.quoteType, QuoteType.class))
                .where("s.medium = :medium", "medium", QueryParams.enumValue("medium", filter.medium, Medium.class))
                .where("lower(s.language) = :language", "language", QueryParams.lowerCase(filter.language))
                .where("s.verification = :verification", "verification",
                        QueryParams.enumValue("verification", filter.verification, Verification.class))
                .where("exists (select 1 from s.sources x where x.id = :sourceId)", "sourceId",
                        QueryParams.uuid("sourceId", filter.sourceId))
                .where(":mention member of s.mentions", "mention", QueryParams.text(filter.mentions))
                .where("s.statedOnEnd >= :from", "from", from == null ? null : from.start())
                .where("s.statedOnStart <= :to", "to", to == null ? null : to.end());
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
        checkExist(violations, "topicIds", request.topicIds(), Topic.class);
        checkExist(violations, "sourceIds", request.sourceIds(), Source.class);
        for (int i = 0; i < request.mentions().size(); i++) {
            String mention = request.mentions().get(i);
            if (mention == null || mention.isBlank() || CountryCode.Validator.isCountryCode(mention)) {
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

    private static void checkExist(Violations violations, String field, List<UUID> ids,
            Class<? extends TrackedEntity> type) {
        for (int i = 0; i < ids.size(); i++) {
            UUID id = ids.get(i);
            if (id != null && Panache.getEntityManager().find(type, id) == null) {
                violations.add(field + "[" + i + "]", "no " + type.getSimpleName().toLowerCase(Locale.ROOT) + " has this id");
            } else if (id != null && ids.indexOf(id) < i) {
                violations.add(field + "[" + i + "]", "is listed twice");
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

    @Override
    protected void apply(StatementRequest request, Statement statement) {
        statement.official = Official.findById(request.officialId());
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
    }

    @Override
    public StatementResponse represent(Statement statement) {
        return StatementResponse.of(statement);
    }

    @Override
    protected StatementRequest toRequest(Statement s) {
        StatementResponse r = represent(s);
        return new StatementRequest(r.officialId(), r.text(), r.quoteType(), r.language(), r.statedOn(), r.venue(),
                r.medium(), r.topicIds(), r.sourceIds(), r.mentions(), r.verification(), r.notes());
    }

    @Override
    protected List<Problem.Reference> referencesTo(Statement statement) {
        return present(References.find("position", "p",
                "from Position p join p.evidence e where e.statementId = :target", statement.id));
    }
}
