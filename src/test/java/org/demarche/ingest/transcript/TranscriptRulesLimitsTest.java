package org.demarche.ingest.transcript;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * Texts as long as a request may send (200 000 characters) and shaped to hurt the rules: runs of
 * capitalised words, labels with many notes, one sentence of thousands of verbs. Each is read in bounded
 * time and stack, so no client can make a worker spin or answer 500 (these gave a StackOverflowError and a
 * 15 s answer before the patterns were bounded).
 */
class TranscriptRulesLimitsTest {

    private static final int LIMIT = 199_000;

    private static Reading read(String title, String text) {
        return assertTimeoutPreemptively(
                Duration.ofSeconds(20),
                () -> TranscriptRules.read(text.substring(0, Math.min(LIMIT, text.length())), title, null));
    }

    @Test
    void aRepresentativeOfAnEndlessCountryIsReadInBoundedStack() {
        read("Security Council debate", "The representative of " + "Aa of the and ".repeat(14_000) + "said x.");
    }

    @Test
    void anEndlessNameInCapitalsIsReadInBoundedStack() {
        read("Readout of a call", "VASSILY " + "NEBENZIA ".repeat(20_000) + "(Russia) said x.");
    }

    @Test
    void aLabelWithEndlessNotesIsNotALabel() {
        Reading reading = read("Briefing", "Mao Ning" + "(a)".repeat(60_000) + ": words.\nAFP: Why?");
        assertEquals(TranscriptKind.briefing, reading.kind());
    }

    @Test
    void aSentenceOfThousandsOfVerbsGivesAStatementEach() {
        Reading reading = read(
                "Readout of a call",
                "Secretary Blinken spoke with Minister Wong. He "
                        + "stressed a, and emphasized b, and ".repeat(5_000)
                        + "warned c.");
        assertEquals(10_001, reading.statements().size());
    }

    @Test
    void endlessAttributionsAndSpeakersInOneSentenceAreReadInBoundedTime() {
        read("Third Committee", "Rights mattered, said Sudan’s delegate, who stressed a, ".repeat(3_000) + "end.");
        read("Third Committee", "Sudan’s delegate said a, while Chad’s delegate said b".repeat(3_000) + ".");
        read("Third Committee", "In Chad, whose delegate said a, ".repeat(5_000) + "the Government acted.");
        read("Third Committee", "Noting a, " + "b, ".repeat(60_000) + "he said c.");
        read("Readout of a call", "At the onset of " + "the talk ".repeat(20_000) + "Minister Carr said x.");
    }
}
