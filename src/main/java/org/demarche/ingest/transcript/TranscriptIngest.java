package org.demarche.ingest.transcript;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Collectors;
import org.demarche.common.validation.RequestValidator;
import org.demarche.ingest.ArticleRules.Named;
import org.demarche.ingest.CandidateSpeaker;
import org.demarche.ingest.Speakers;
import org.demarche.ingest.transcript.Reading.Said;
import org.demarche.ingest.transcript.Reading.Spoken;

/** Finds the turns and statements in a transcript, and tells who each speaker is among the stored officials. */
@ApplicationScoped
public class TranscriptIngest {

    private final RequestValidator validator;
    private final Speakers speakers;

    TranscriptIngest(RequestValidator validator, Speakers speakers) {
        this.validator = validator;
        this.speakers = speakers;
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
