package org.demarche.ingest;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.demarche.common.FieldError;
import org.demarche.common.validation.RequestValidator;
import org.demarche.common.validation.Violations;
import org.demarche.official.Official;
import org.demarche.official.OfficialRequest;
import org.demarche.official.OfficialService;
import org.demarche.source.Source;
import org.demarche.source.SourceRequest;
import org.demarche.source.SourceService;
import org.demarche.statement.Medium;
import org.demarche.statement.Statement;
import org.demarche.statement.StatementRequest;
import org.demarche.statement.StatementService;

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
    private final OfficialService officials;
    private final StatementService statements;

    ArticleIngest(
            RequestValidator validator,
            CandidateChecks checks,
            Speakers speakers,
            SourceService sources,
            OfficialService officials,
            StatementService statements) {
        this.validator = validator;
        this.checks = checks;
        this.speakers = speakers;
        this.sources = sources;
        this.officials = officials;
        this.statements = statements;
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
            Stored official = official(candidate.speaker(), created, field + ".speaker.proposed", errors);
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

    /** A record a commit stored or found, and what it did: created, linked, unchanged or found. */
    private record Stored(UUID id, String outcome) {}

    /** The candidate's official: the one named, one stored under the proposal's keys, or one created from it. */
    private Stored official(
            CandidateSpeaker speaker, Map<String, UUID> created, String field, List<FieldError> errors) {
        if (speaker.officialId() != null) {
            return new Stored(speaker.officialId(), "found");
        }
        OfficialRequest proposed = speaker.proposed();
        Optional<UUID> known = keys(proposed).stream()
                .map(created::get)
                .filter(Objects::nonNull)
                .findFirst()
                .or(() -> officialByKey(proposed));
        if (known.isPresent()) {
            return new Stored(known.get(), "found");
        }
        if (!CandidateChecks.collect(() -> officials.check(proposed, null), field, errors)) {
            return null;
        }
        UUID id = officials.create(proposed).id();
        keys(proposed).forEach(key -> created.put(key, id));
        return new Stored(id, "created");
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
                null);
        Optional<UUID> existing = Statement.byNaturalKey(officialId, candidate.text(), article.publishedAt())
                .map(statement -> statement.id);
        if (existing.isPresent()) {
            StatementRequest current = statements.currentRequest(existing.get());
            if (current.sourceIds().contains(sourceId)) {
                return new Stored(existing.get(), "unchanged");
            }
            List<UUID> linked = new ArrayList<>(current.sourceIds());
            linked.add(sourceId);
            statements.replace(
                    existing.get(),
                    new StatementRequest(
                            current.officialId(),
                            current.signatoryIds(),
                            current.text(),
                            current.quoteType(),
                            current.language(),
                            current.statedOn(),
                            current.venue(),
                            current.medium(),
                            current.topicIds(),
                            linked,
                            current.mentions(),
                            current.verification(),
                            current.notes(),
                            current.eventId(),
                            current.eventOrder(),
                            current.attribution(),
                            current.role(),
                            current.inReplyTo()),
                    null);
            return new Stored(existing.get(), "linked");
        }
        if (!CandidateChecks.collect(() -> statements.check(request, null), field, errors)) {
            return null;
        }
        return new Stored(statements.create(request).id(), "created");
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

    /** A stored official the proposal names: by its wikidataId, else by its name and country. */
    private static Optional<UUID> officialByKey(OfficialRequest proposed) {
        Optional<Official> byWikidataId =
                proposed.wikidataId() == null ? Optional.empty() : Official.byWikidataId(proposed.wikidataId());
        return byWikidataId
                .or(() -> Official.byNameAndCountry(proposed.name(), proposed.country()))
                .map(o -> o.id);
    }

    /** The keys an official proposed in this commit is known by, so one person proposed twice is created once. */
    private static List<String> keys(OfficialRequest proposed) {
        String byName = proposed.name() + "\u0000" + proposed.country();
        return proposed.wikidataId() == null ? List.of(byName) : List.of(proposed.wikidataId(), byName);
    }
}
