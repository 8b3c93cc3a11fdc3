package org.demarche.ingest.transcript;

import java.util.regex.Pattern;

/**
 * Words an official says to run the event rather than to state anything: "Go ahead.", "Humeyra, go ahead.",
 * "Next question.", "Thank you.", "I'd refer you to the competent authorities." Such a turn is a turn, not a
 * statement.
 */
final class Procedure {

    /** Fewer words than this are never a statement on their own ("That's it.", "Sure."). */
    private static final int FEWEST_WORDS = 4;
    /** Turns longer than this are statements even when they open with thanks. */
    private static final int MOST_WORDS = 25;

    /** How a sentence that runs the event opens, after the name of whom it calls on ("Humeyra, go ahead."). */
    private static final Pattern RUNNING = Pattern.compile(
            "(?i)^(?:\\p{Lu}[\\p{L}'’\\-]+,\\s+)?(?:go ahead|next question|next one|last question|final question"
                    + "|one more|thank you|thanks|good (?:afternoon|morning|evening)"
                    + "|happy (?:monday|tuesday|wednesday|thursday|friday)|welcome|let me (?:start|go|come|turn|take)"
                    + "|let's (?:go|take|move|get)|over (?:here|there)|in the back|you had one|yes,? please|sorry"
                    + "|please|i now (?:give|call)|i give the floor|i thank|that's it|that is it|all right|okay|ok"
                    + "|sure|yes|yeah|no,? (?:go|please)|hold on|wait|come back|here comes|so let's)\\b");

    private static final Pattern DEFLECTING =
            Pattern.compile("(?i)\\b(?:refer you to|nothing to (?:share|add|announce|offer)|not aware of|no information"
                    + "|don't have (?:anything|any information|any update|an update)|do not have (?:anything|any information)"
                    + "|not going to (?:get into|comment|speak)|won't (?:get into|comment)|no comment|let me check"
                    + "|get back to you|take that question|hypothetical|difficult for me to answer|not in a position to"
                    + "|cannot answer|can't answer|laughter)\\b");

    private Procedure() {}

    /** True when the words run the event or decline to answer, rather than state something. */
    static boolean runsTheEvent(String words) {
        int count = words.isBlank() ? 0 : words.strip().split("\\s+").length;
        if (count < FEWEST_WORDS) {
            return true;
        }
        if (count > MOST_WORDS) {
            return false;
        }
        if (words.contains("(Laughter")) {
            return true;
        }
        for (String sentence : words.split("(?<=[.!?])\\s+")) {
            int sentenceWords = sentence.isBlank() ? 0 : sentence.strip().split("\\s+").length;
            if (sentenceWords >= FEWEST_WORDS
                    && !RUNNING.matcher(sentence).find()
                    && !DEFLECTING.matcher(sentence).find()) {
                return false;
            }
        }
        return true;
    }
}
