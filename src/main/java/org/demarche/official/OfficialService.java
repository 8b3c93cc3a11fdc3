package org.demarche.official;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import org.demarche.common.Country;
import org.demarche.common.NameWords;
import org.demarche.common.PartialDate;
import org.demarche.common.Problem;
import org.demarche.common.ProblemException;
import org.demarche.common.QueryParams;
import org.demarche.common.References;
import org.demarche.common.paging.Page;
import org.demarche.common.paging.PageParams;
import org.demarche.common.paging.SortField;
import org.demarche.common.paging.Sorting;
import org.demarche.common.validation.Violations;
import org.demarche.record.ListQuery;
import org.demarche.record.RecordService;

@ApplicationScoped
public class OfficialService extends RecordService<Official, OfficialRequest, OfficialResponse> {

    static final Sorting<Official> SORTING = new Sorting<>(
            "name",
            SortField.text("name", "name", o -> o.name),
            SortField.text("country", "country", o -> o.country),
            SortField.instant("createdAt", "createdAt", o -> o.createdAt),
            SortField.instant("updatedAt", "updatedAt", o -> o.updatedAt));

    /** Filters of the officials list; null fields are absent filters. */
    public record Filter(
            Country country,
            OfficialKind kind,
            String name,
            String prefix,
            String organization,
            String wikidataId,
            Set<UUID> ids) {}

    @Transactional
    public Page<OfficialResponse> list(Filter filter, PageParams page) {
        return ListQuery.of(Official.class, "o")
                .whereLikeEach("o.nameKey", NameWords.lookup("prefix", filter.prefix()))
                .where("o.id in :ids", "ids", filter.ids())
                .where("o.country = :country", "country", Country.codeOf(filter.country()))
                .where("o.kind = :kind", "kind", filter.kind())
                .where(
                        "(lower(o.name) like :name escape '\\' or exists (select 1 from o.aliases a where lower(a) like :name escape '\\'))",
                        "name",
                        QueryParams.likePattern(filter.name()))
                .where(
                        "lower(o.organization) like :organization escape '\\'",
                        "organization",
                        QueryParams.likePattern(filter.organization()))
                .where("o.wikidataId = :wikidataId", "wikidataId", QueryParams.text(filter.wikidataId()))
                .page(page, SORTING)
                .map(this::represent);
    }

    @Override
    public String resourceName() {
        return "official";
    }

    @Override
    public Class<Official> entityType() {
        return Official.class;
    }

    @Override
    protected Class<OfficialRequest> requestType() {
        return OfficialRequest.class;
    }

    @Override
    protected Official newEntity() {
        return new Official();
    }

    @Override
    protected void checkRules(OfficialRequest request, Official existing, Violations violations) {
        for (int i = 0; i < request.offices().size(); i++) {
            OfficeTerm office = request.offices().get(i);
            if (office == null || office.startDate() == null || office.endDate() == null) {
                continue;
            }
            var start = PartialDate.parse(office.startDate());
            var end = PartialDate.parse(office.endDate());
            if (start.isPresent()
                    && end.isPresent()
                    && end.get().end().isBefore(start.get().start())) {
                violations.add("offices[" + i + "].endDate", "must not be before startDate");
            }
        }
    }

    @Override
    protected void checkConflicts(OfficialRequest request, Official existing) {
        if (request.wikidataId() == null) {
            return;
        }
        Official.byWikidataId(request.wikidataId())
                .filter(other -> existing == null || !Objects.equals(other.id, existing.id))
                .ifPresent(other -> {
                    throw ProblemException.conflict(
                            "Official " + other.id + " already has wikidataId " + request.wikidataId());
                });
    }

    @Override
    protected void apply(OfficialRequest request, Official official) {
        official.name = request.name();
        official.kind = request.kind();
        official.aliases.clear();
        official.aliases.addAll(request.aliases());
        List<String> names = new ArrayList<>(official.aliases);
        names.add(0, official.name);
        official.nameKey = NameWords.key(names);
        official.country = request.country();
        official.title = request.title();
        official.organization = request.organization();
        official.wikidataId = request.wikidataId();
        official.offices.clear();
        official.offices.addAll(
                request.offices().stream().map(OfficeTerm::toEntity).toList());
    }

    @Override
    public OfficialResponse represent(Official official) {
        return OfficialResponse.of(official);
    }

    @Override
    protected OfficialRequest toRequest(Official o) {
        return new OfficialRequest(
                o.name,
                o.kind,
                o.aliases,
                o.country,
                o.title,
                o.organization,
                o.wikidataId,
                o.offices.stream().map(OfficeTerm::of).toList());
    }

    @Override
    protected List<Problem.Reference> referencesTo(Official official) {
        return present(
                References.find(
                        "statement",
                        "s",
                        "from Statement s left join s.signatories g where s.official.id = :target or g.id = :target",
                        official.id),
                References.find("position", "p", "from Position p where p.official.id = :target", official.id),
                References.find(
                        "event",
                        "e",
                        "from Event e left join e.participants p where e.host.id = :target or p.id = :target",
                        official.id),
                References.find(
                        "mentioningStatement",
                        "s",
                        "from Statement s join s.mentions m where m = :target",
                        official.id.toString()));
    }
}
