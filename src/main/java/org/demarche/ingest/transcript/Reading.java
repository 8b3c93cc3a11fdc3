package org.demarche.ingest.transcript;

import java.util.List;
import org.demarche.ingest.ArticleRules.Named;
import org.demarche.ingest.Span;
import org.demarche.statement.QuoteType;

/** What the rules read in a transcript, before any speaker is looked up among the stored officials. */
record Reading(TranscriptKind kind, boolean kindDetected, List<Spoken> turns, List<Said> statements) {

    /** A turn: who speaks (null when unknown), as printed, in what role, whether it asks, and its words. */
    record Spoken(Named speaker, String attribution, String role, boolean question, String asker, List<Span> parts) {}

    /** A statement: its words, who said it, and what it answers or who else it speaks for. */
    record Said(
            List<Span> parts,
            QuoteType quoteType,
            Named speaker,
            double confidence,
            String attribution,
            String role,
            Spoken inReplyTo,
            List<Named> signatories) {

        int start() {
            return parts.get(0).start();
        }
    }
}
