package org.demarche.ingest;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.demarche.common.FieldError;
import org.demarche.common.validation.RequestValidator;
import org.demarche.common.validation.Violations;
import org.demarche.ingest.CandidateStore.Stored;
import org.demarche.source.Source;
import org.demarche.source.SourceRequest;
import org.demarche.source.SourceService;
import org.demarche.statement.Medium;
import org.demarche.statement.StatementRequest;

/**
 * Finds the statements in a news article and, on commit, stores them in one transaction: the article's
 * source (found by its url, else created), the speakers (stored officials, else created from the
 * proposal), and the statements, dated by the article and linked to its source. A statement already
 * stored (same official, words and date) is not stored twice: it gains the source if it lacks it.
 */
@ApplicationScoped
public class ArticleIngest {

    /** The most candidates one commit stores, chosen or found: a commit is one transaction and one answer. */
    static final int MAX_COMMITTED = 200;

    private final RequestValidator validator;
    private final CandidateChecks checks;
    private final Speakers speakers;
    private final SourceService sources;
    private final CandidateStore store;

    ArticleIngest(
            RequestValidator validator,
            CandidateChecks checks,
            Speakers speakers,
            SourceService sources,
            CandidateStore store) {
        this.validator = validator;
        this.checks = checks;
        this.speakers = speakers;
        this.sources = sources;
        this.store = store;
    }

    @Transactional
    public ArticleCandidates find(ArticleRequest article) {
        validator.check(article).throwIfAny();
        return new ArticleCandidates(
                article.url() == null
                        ? null
                        : Source.byUrl(article.url()).map(source -> source.id).orElse(null),
                candidates(article.text()));
    }

    @Transactional
    public IngestReport commit(ArticleRequest article) {
        Violations violations = validator.check(article);
        CandidateChecks.requireForCommit(article, violations);
        List<FieldError> errors = new ArrayList<>();
        CandidateChecks.collect(violations::throwIfAny, "", errors);
        boolean chosen = article.candidates() != null;
        List<Candidate> candidates =
                chosen ? article.candidates() : errors.isEmpty() ? candidates(article.text()) : List.of();
        if (!chosen && candidates.size() > MAX_COMMITTED) {
            errors.add(new FieldError(
                    "text",
                    "holds " + candidates.size() + " candidates; a commit stores at most " + MAX_COMMITTED
                            + ": send the ones to store in candidates, in several commits"));
        }
        if (chosen && article.text() != null) {
            for (int i = 0; i < candidates.size(); i++) {
                CandidateChecks.checkChosen(article.text(), candidates.get(i), "candidates[" + i + "]", errors);
            }
        }
        CandidateChecks.throwIfAny(errors);
        SourceRequest sourceRequest = sourceRequest(article);
        Optional<UUID> existingSource = Source.byUrl(article.url()).map(source -> source.id);
        if (existingSource.isEmpty()) {
            CandidateChecks.collect(() -> sources.check(sourceRequest, null), "", errors);
        }
        CandidateChecks.throwIfAny(errors);
        UUID sourceId =
                existingSource.orElseGet(() -> sources.create(sourceRequest).id());
        Map<String, UUID> created = new HashMap<>();
        Set<UUID> storedNow = new HashSet<>();
        List<IngestReport.StoredStatement> stored = new ArrayList<>();
        List<IngestReport.Skipped> skipped = new ArrayList<>();
        for (int i = 0; i < candidates.size(); i++) {
            Candidate candidate = candidates.get(i);
            String field = "candidates[" + i + "]";
            String unstorable = chosen ? null : checks.unstorableFound(candidate);
            if (unstorable != null) {
                skipped.add(new IngestReport.Skipped(i, unstorable));
                continue;
            }
            Stored official = store.official(candidate.speaker(), created, field + ".speaker.proposed", errors);
            Stored statement =
                    official == null ? null : statement(article, candidate, official.id(), sourceId, field, errors);
            if (statement != null) {
                String outcome = statement.outcome().equals("unchanged") && storedNow.contains(statement.id())
                        ? "repeated"
                        : statement.outcome();
                storedNow.add(statement.id());
                stored.add(new IngestReport.StoredStatement(
                        i,
                        statement.id(),
                        outcome,
                        official.id(),
                        official.outcome().equals("created")));
            }
        }
        CandidateChecks.throwIfAny(errors);
        return new IngestReport(sourceId, existingSource.isEmpty(), stored, skipped);
    }

    /** The candidates the article rules find in a text; the caller holds the transaction the speaker look-ups need. */
    public List<Candidate> candidates(String text) {
        Map<Person, CandidateSpeaker> identified = new HashMap<>();
        return Extraction.of(text).stream()
                .map(found -> new Candidate(
                        found.text(text),
                        found.quoteType(),
                        found.parts(),
                        found.speaker() == null
                                ? new CandidateSpeaker(null, null, null, null, false, null)
                                : identified
                                        .computeIfAbsent(found.speaker().person(), speakers::identify)
                                        .mentionedAs(found.speaker().span().of(text)),
                        Math.round(found.confidence() * 100) / 100.0))
                .toList();
    }

    private Stored statement(
            ArticleRequest article,
            Candidate candidate,
            UUID officialId,
            UUID sourceId,
            String field,
            List<FieldError> errors) {
        StatementRequest request = new StatementRequest(
                officialId,
                List.of(),
                candidate.text(),
                candidate.quoteType(),
                article.language() == null ? "en" : article.language(),
                article.publishedAt(),
                null,
                article.medium() == null ? Medium.other : article.medium(),
                List.of(),
                List.of(sourceId),
                List.of(),
                null,
                null,
                null,
                null,
                null,
                null,
                null);
        return store.statement(request, sourceId, field, errors);
    }

    private static SourceRequest sourceRequest(ArticleRequest article) {
        Span headline = new Article(article.text()).headline();
        String title = article.title() != null
                ? article.title()
                : headline == null ? null : headline.of(article.text()).strip();
        return new SourceRequest(
                article.url(),
                article.outlet(),
                title,
                article.authors(),
                article.publishedAt(),
                article.language(),
                null,
                null,
                null);
    }
}
