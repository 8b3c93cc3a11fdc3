package org.demarche.source;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import org.demarche.common.Problem;
import org.demarche.common.ProblemException;
import org.demarche.common.QueryParams;
import org.demarche.common.References;
import org.demarche.common.paging.Page;
import org.demarche.common.paging.PageParams;
import org.demarche.common.paging.SortField;
import org.demarche.common.paging.Sorting;
import org.demarche.record.ListQuery;
import org.demarche.record.RecordService;

@ApplicationScoped
public class SourceService extends RecordService<Source, SourceRequest, SourceResponse> {

    static final Sorting<Source> SORTING = new Sorting<>(
            "-createdAt",
            SortField.text("outlet", "outlet", s -> s.outlet),
            SortField.text("url", "url", s -> s.url),
            SortField.instant("createdAt", "createdAt", s -> s.createdAt),
            SortField.instant("updatedAt", "updatedAt", s -> s.updatedAt));

    /** Filters of the sources list; null fields are absent filters. */
    public record Filter(String outlet, String language, String url, Set<UUID> ids) {}

    @Transactional
    public Page<SourceResponse> list(Filter filter, PageParams page) {
        return ListQuery.of(Source.class, "s")
                .where("s.id in :ids", "ids", filter.ids())
                .where("lower(s.outlet) like :outlet escape '\\'", "outlet", QueryParams.likePattern(filter.outlet()))
                .where("lower(s.language) = :language", "language", QueryParams.lowerCase(filter.language()))
                .where("s.canonicalUrl = :url", "url", canonical(QueryParams.text(filter.url())))
                .page(page, SORTING)
                .map(this::represent);
    }

    private static String canonical(String url) {
        return url == null ? null : CanonicalUrl.of(url);
    }

    @Override
    public String resourceName() {
        return "source";
    }

    @Override
    public Class<Source> entityType() {
        return Source.class;
    }

    @Override
    protected Class<SourceRequest> requestType() {
        return SourceRequest.class;
    }

    @Override
    protected Source newEntity() {
        return new Source();
    }

    @Override
    protected void checkConflicts(SourceRequest request, Source existing) {
        Source.byUrl(request.url())
                .filter(other -> existing == null || !Objects.equals(other.id, existing.id))
                .ifPresent(other -> {
                    throw ProblemException.taken(
                            "Source " + other.id + " already has this url, spelled " + other.url
                                    + " (the same in canonical form: " + other.canonicalUrl + ")",
                            "source",
                            other.id);
                });
    }

    @Override
    protected void apply(SourceRequest request, Source source) {
        source.url = request.url();
        source.canonicalUrl = CanonicalUrl.of(request.url());
        source.outlet = request.outlet();
        source.title = request.title();
        source.authors.clear();
        source.authors.addAll(request.authors());
        source.publishedAt = request.publishedAt();
        source.language = request.language();
        source.citing = request.citing();
        source.archiveUrl = request.archiveUrl();
        source.retrievedAt = request.retrievedAt();
    }

    @Override
    public SourceResponse represent(Source source) {
        return SourceResponse.of(source);
    }

    @Override
    protected SourceRequest toRequest(Source s) {
        return new SourceRequest(
                s.url, s.outlet, s.title, s.authors, s.publishedAt, s.language, s.citing, s.archiveUrl, s.retrievedAt);
    }

    @Override
    protected List<Problem.Reference> referencesTo(Source source) {
        return present(
                References.find("statement", "s", "from Statement s join s.sources x where x.id = :target", source.id),
                References.find("event", "e", "from Event e join e.sources x where x.id = :target", source.id));
    }
}
