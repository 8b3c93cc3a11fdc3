package org.demarche.ingest.transcript;

import io.quarkus.hibernate.orm.panache.Panache;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.demarche.common.FieldError;
import org.demarche.common.validation.RequestValidator;
import org.demarche.common.validation.Violations;
import org.demarche.event.EventKind;
import org.demarche.event.EventRequest;
import org.demarche.event.EventService;
import org.demarche.ingest.ArticleRules.Named;
import org.demarche.ingest.CandidateChecks;
import org.demarche.ingest.CandidateSpeaker;
import org.demarche.ingest.CandidateStore;
import org.demarche.ingest.CandidateStore.Stored;
import org.demarche.ingest.IngestReport;
import org.demarche.ingest.Speakers;
import org.demarche.ingest.transcript.Reading.Said;
import org.demarche.ingest.transcript.Reading.Spoken;
import org.demarche.source.Source;
import org.demarche.source.SourceRequest;
import org.demarche.source.SourceService;
import org.demarche.statement.InReplyTo;
import org.demarche.statement.Medium;
import org.demarche.statement.Statement;
import org.demarche.statement.StatementRequest;
import org.demarche.statement.StatementService;

/**
 * Finds the turns and statements in a transcript, and tells who each speaker is among the stored officials;
 * on commit, stores in one transaction the transcript's source (found by its url, else created), its event
 * (an event of the same kind citing the source, else created with the speakers as participants), the
 * speakers, and the statements in their order at the event, with the question each answers. Sending a
 * transcript again changes nothing.
 */
@ApplicationScoped
public class TranscriptIngest {

    /** The most candidates one commit stores: a commit is one transaction and one answer. */
    static final int MAX_COMMITTED = 200;

    private final RequestValidator validator;
    private final Speakers speakers;
    private final CandidateStore store;
    private final SourceService sources;
    private final EventService events;
    private final StatementService statements;

    TranscriptIngest(
            RequestValidator validator,
            Speakers speakers,
            CandidateStore store,
            SourceService sources,
            EventService events,
            StatementService statements) {
        this.validator = validator;
        this.speakers = speakers;
        this.store = store;
        this.sources = sources;
        this.events = events;
        this.statements = statements;
    }

    @Transactional
    public TranscriptReport commit(TranscriptRequest transcript) {
        Violations violations = validator.check(transcript);
        if (transcript.url() == null) {
            violations.add("url", "is needed to commit: it identifies the source");
        }
        if (transcript.outlet() == null || transcript.outlet().isBlank()) {
            violations.add("outlet", "is needed to commit: the source records it");
        }
        if (transcript.publishedAt() == null) {
            violations.add("publishedAt", "is needed to commit: it dates the event and the statements");
        }
        violations.throwIfAny();
        TranscriptCandidates found = find(transcript);
        List<FieldError> errors = new ArrayList<>();
        if (found.candidates().size() > MAX_COMMITTED) {
            errors.add(new FieldError(
                    "text",
                    "holds " + found.candidates().size() + " candidates; a commit stores at most " + MAX_COMMITTED
                            + ": send the transcript in parts"));
        }
        String title = title(transcript);
        SourceRequest sourceRequest = new SourceRequest(
                transcript.url(),
                transcript.outlet(),
                title,
                List.of(),
                transcript.publishedAt(),
                "en",
                null,
                null,
                null);
        Optional<UUID> existingSource = Source.byUrl(transcript.url()).map(source -> source.id);
        if (existingSource.isEmpty()) {
            CandidateChecks.collect(() -> sources.check(sourceRequest, null), "", errors);
        }
        CandidateChecks.throwIfAny(errors);
        UUID sourceId =
                existingSource.orElseGet(() -> sources.create(sourceRequest).id());
        // The speakers first: a new event lists them as its participants.
        Map<String, UUID> created = new HashMap<>();
        List<IngestReport.Skipped> skipped = new ArrayList<>();
        Map<Integer, Stored> speakersOf = new LinkedHashMap<>();
        Map<Integer, List<UUID>> signatoriesOf = new HashMap<>();
        for (int i = 0; i < found.candidates().size(); i++) {
            TranscriptCandidate candidate = found.candidates().get(i);
            String unstorable = unstorable(candidate);
            if (unstorable != null) {
                skipped.add(new IngestReport.Skipped(i, unstorable));
                continue;
            }
            String field = "candidates[" + i + "]";
            Stored official = store.official(candidate.speaker(), created, field + ".speaker.proposed", errors);
            List<UUID> signatories = new ArrayList<>();
            // The speaker is the first signatory; the others sign with it.
            for (int k = 1; k < candidate.signatories().size(); k++) {
                Stored signatory = store.official(
                        candidate.signatories().get(k), created, field + ".signatories[" + k + "].proposed", errors);
                if (signatory != null
                        && official != null
                        && !signatory.id().equals(official.id())
                        && !signatories.contains(signatory.id())) {
                    signatories.add(signatory.id());
                }
            }
            if (official != null) {
                speakersOf.put(i, official);
                signatoriesOf.put(i, signatories);
            }
        }
        CandidateChecks.throwIfAny(errors);
        EventKind kind = eventKind(found.kind(), title);
        Optional<UUID> existingEvent = eventCiting(sourceId, kind);
        UUID eventId = existingEvent.orElseGet(() -> events.create(new EventRequest(
                        kind,
                        title,
                        transcript.publishedAt(),
                        null,
                        null,
                        participants(speakersOf, signatoriesOf),
                        List.of(sourceId)))
                .id());
        Set<UUID> storedNow = new HashSet<>();
        List<IngestReport.StoredStatement> stored = new ArrayList<>();
        for (Map.Entry<Integer, Stored> entry : speakersOf.entrySet()) {
            int i = entry.getKey();
            Stored official = entry.getValue();
            StatementRequest request =
                    request(transcript, found, i, official.id(), signatoriesOf.get(i), sourceId, eventId);
            List<FieldError> problems = new ArrayList<>();
            boolean known = Statement.byNaturalKey(request.officialId(), request.text(), request.statedOn())
                    .isPresent();
            if (!known && !CandidateChecks.collect(() -> statements.check(request, null), "", problems)) {
                skipped.add(new IngestReport.Skipped(
                        i, problems.get(0).field() + " " + problems.get(0).message()));
                continue;
            }
            Stored statement = store.statement(request, sourceId, "candidates[" + i + "]", errors);
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
        return new TranscriptReport(
                eventId, existingEvent.isEmpty(), sourceId, existingSource.isEmpty(), stored, skipped);
    }

    /** Everyone who speaks or signs, in the order first met. */
    private static List<UUID> participants(Map<Integer, Stored> speakers, Map<Integer, List<UUID>> signatories) {
        Set<UUID> all = new LinkedHashSet<>();
        speakers.forEach((i, speaker) -> {
            all.add(speaker.id());
            all.addAll(signatories.get(i));
        });
        return List.copyOf(all);
    }

    /** Why a candidate cannot be stored as found: its speaker or a signatory cannot be, or null. */
    private static String unstorable(TranscriptCandidate candidate) {
        String speaker = CandidateChecks.unstorable(candidate.speaker());
        if (speaker != null) {
            return "speaker " + speaker;
        }
        for (int k = 1; k < candidate.signatories().size(); k++) {
            String signatory =
                    CandidateChecks.unstorable(candidate.signatories().get(k));
            if (signatory != null) {
                return "signatories[" + k + "] ("
                        + candidate.signatories().get(k).name() + ") " + signatory;
            }
        }
        return null;
    }

    /** The title given, else the transcript's first line. */
    private static String title(TranscriptRequest transcript) {
        if (transcript.title() != null && !transcript.title().isBlank()) {
            return transcript.title().strip();
        }
        String text = transcript.text().strip();
        int end = text.indexOf('\n');
        String first = (end < 0 ? text : text.substring(0, end)).strip();
        return first.length() <= 500 ? first : first.substring(0, 499) + "…";
    }

    /** The statement a candidate becomes: dated by the transcript, at its place in the event. */
    private static StatementRequest request(
            TranscriptRequest transcript,
            TranscriptCandidates found,
            int index,
            UUID officialId,
            List<UUID> signatoryIds,
            UUID sourceId,
            UUID eventId) {
        TranscriptCandidate candidate = found.candidates().get(index);
        Question question = candidate.inReplyTo();
        return new StatementRequest(
                officialId,
                signatoryIds,
                candidate.text(),
                candidate.quoteType(),
                "en",
                transcript.publishedAt(),
                null,
                medium(found.kind()),
                List.of(),
                List.of(sourceId),
                List.of(),
                null,
                null,
                eventId,
                index + 1,
                clipped(candidate.attribution(), 200),
                clipped(candidate.role(), 200),
                question == null
                        ? null
                        : new InReplyTo(clipped(question.text(), 2000), clipped(question.asker(), 200)));
    }

    /** Words cut to what a field holds, the cut marked: a question of more than 2 000 characters is rare. */
    private static String clipped(String words, int max) {
        return words == null || words.length() <= max ? words : words.substring(0, max - 1) + "…";
    }

    private static Optional<UUID> eventCiting(UUID sourceId, EventKind kind) {
        return Panache.getEntityManager()
                .createQuery(
                        "select e.id from Event e join e.sources s where s.id = ?1 and e.kind = ?2 order by e.createdAt",
                        UUID.class)
                .setParameter(1, sourceId)
                .setParameter(2, kind)
                .setMaxResults(1)
                .getResultStream()
                .findFirst();
    }

    /** A readout is of a call or of a meeting, as its title says; a joint statement's occasion is not known. */
    static EventKind eventKind(TranscriptKind kind, String title) {
        return switch (kind) {
            case briefing -> EventKind.briefing;
            case press_conference -> EventKind.press_conference;
            case interview -> EventKind.interview;
            case meeting_record -> EventKind.meeting;
            case readout ->
                title.toLowerCase(Locale.ROOT).matches("(?s).*\\b(?:call|phone|telephone)\\b.*")
                        ? EventKind.call
                        : EventKind.meeting;
            case speech -> EventKind.speech;
            case joint_statement -> EventKind.other;
        };
    }

    private static Medium medium(TranscriptKind kind) {
        return switch (kind) {
            case briefing, press_conference -> Medium.press_conference;
            case interview -> Medium.interview;
            case speech, meeting_record -> Medium.speech;
            case readout -> Medium.official_statement;
            case joint_statement -> Medium.communique;
        };
    }

    @Transactional
    public TranscriptCandidates find(TranscriptRequest transcript) {
        validator.check(transcript).throwIfAny();
        Reading reading = TranscriptRules.read(transcript.text(), transcript.title(), transcript.kind());
        Map<Named, CandidateSpeaker> identified = new HashMap<>();
        String text = transcript.text();
        return new TranscriptCandidates(
                reading.kind(),
                reading.kindDetected(),
                reading.turns().stream()
                        .map(turn -> new Turn(
                                turn.question()
                                        ? asking(turn)
                                        : speaker(turn.speaker(), turn.attribution(), identified),
                                turn.attribution(),
                                turn.role(),
                                turn.question(),
                                turn.asker(),
                                turn.parts()))
                        .toList(),
                reading.statements().stream()
                        .map(said -> candidate(text, said, identified))
                        .toList());
    }

    private TranscriptCandidate candidate(String text, Said said, Map<Named, CandidateSpeaker> identified) {
        Spoken question = said.inReplyTo();
        // What both sides said is said by each: the first of them is its speaker, as for a joint statement.
        Named first = said.speaker() != null || said.signatories().isEmpty()
                ? said.speaker()
                : said.signatories().get(0);
        CandidateSpeaker speaker = speaker(first, said.attribution(), identified);
        return new TranscriptCandidate(
                said.parts().stream().map(part -> part.of(text)).collect(Collectors.joining("\n")),
                said.quoteType(),
                said.parts(),
                speaker == null ? new CandidateSpeaker(said.attribution(), null, null, null, false, null) : speaker,
                said.confidence(),
                said.attribution(),
                said.role(),
                question == null
                        ? null
                        : new Question(
                                question.parts().stream()
                                        .map(part -> part.of(text))
                                        .collect(Collectors.joining("\n")),
                                question.asker()),
                said.signatories().stream()
                        .map(signatory -> speaker(signatory, null, identified))
                        .toList());
    }

    /** A journalist is named as the transcript names them, and never proposed as an official. */
    private static CandidateSpeaker asking(Spoken turn) {
        return turn.speaker() == null
                ? null
                : new CandidateSpeaker(turn.attribution(), turn.speaker().name(), null, null, false, null);
    }

    private CandidateSpeaker speaker(Named named, String mention, Map<Named, CandidateSpeaker> identified) {
        if (named == null) {
            return null;
        }
        return identified
                .computeIfAbsent(named, n -> speakers.identify(n.name(), n.title(), n.country(), n.organization()))
                .mentionedAs(mention);
    }
}
