package org.demarche.ingest.transcript;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.demarche.ingest.Span;

/**
 * Words an official says to run the event rather than to state anything: "Go ahead.", "Humeyra, go ahead.",
 * "Next question.", "Thank you.", "I'd refer you to the competent authorities." Such a turn is a turn, not a
 * statement.
 */
final class Procedure {

    /** Fewer words than this are never a statement on their own ("That's it.", "Sure."). */
    private static final int FEWEST_WORDS = 4;
    /** A sentence that opens like moderation ("Sorry, I saw a couple of more hands.") runs the event up to this long. */
    private static final int SHORT_SENTENCE = 8;
    /** Turns longer than this are statements even when they open with thanks. */
    private static final int MOST_WORDS = 25;

    /** How a sentence that runs the event opens, after the name of whom it calls on ("Humeyra, go ahead."). */
    private static final Pattern RUNNING = Pattern.compile(
            "(?i)^(?:\\p{Lu}[\\p{L}'’\\-]+,\\s+)?(?:go ahead|next question|next one|last question|final question"
                    + "|one more|thank you|thanks|good (?:afternoon|morning|evening)"
                    + "|happy (?:monday|tuesday|wednesday|thursday|friday)|welcome|let me (?:start|go|come|turn|take)"
                    + "|let's (?:go|take|move|get)|over (?:here|there)|in the back|you had one|yes,? please|sorry"
                    + "|please|i now (?:give|call)|i give the floor|i thank|that's it|that is it|all right|okay|ok"
                    + "|sure|yes|yeah|no,? (?:go|please)|hold on|wait|come back|here comes|so let's|next round)\\b");

    private static final Pattern DEFLECTING = Pattern.compile(
            "(?i)\\b(?:refer you to|nothing to (?:share|add|announce|offer)|not aware of|no information"
                    + "|don't have (?:anything|any information|any update|an update)|do not have (?:anything|any information)"
                    + "|not going to (?:get into|comment|speak)|won't (?:get into|comment)|no comment|let me check"
                    + "|get back to you|take that question|hypothetical|difficult for me to answer|not in a position to"
                    + "|cannot answer|can't answer|laughter|(?:don't|do not) have (?:the )?(?:full |complete |specific )?details"
                    + "|leave it (?:at that|for that|there)|(?:will|'ll) come (?:back )?to you|(?:see|saw) (?:a couple of |a few |some )?(?:more |other )?hands)\\b");

    /** A courtesy to whom the official is with: "I’m so happy to see you again.", "Good to be back." */
    private static final Pattern COURTESY = Pattern.compile(
            "(?i)\\b(?:happy|glad|good|great|nice|pleased|wonderful) (?:I am |I'm |I’m )?to (?:see|have) you"
                    + "|\\b(?:good|great|nice|glad|happy) to be (?:here|back|with you)\\b|\\b(?:a )?(?:pleasure|privilege) to be"
                    + " (?:here|with you)\\b");

    /** A short answer that confirms or denies what the question states: "Correct, correct.", "That's right." */
    private static final Pattern CONFIRMING = Pattern.compile(
            "(?i)^(?:yes,?\\s+|no,?\\s+)?(?:correct|incorrect|not correct|that'?s (?:not )?(?:correct|right|true|accurate)"
                    + "|that is (?:not )?(?:correct|right|true|accurate)|exactly|precisely|absolutely|that is my understanding"
                    + "|that's my understanding)\\b");

    /** The white space after a sentence's closing mark. */
    private static final Pattern SENTENCE_END = Pattern.compile("(?<=[.!?])\\s+");

    private Procedure() {}

    /** True when an answer's words confirm or deny what the question stated, which makes them a statement. */
    static boolean confirms(String words) {
        return CONFIRMING.matcher(words.strip()).find();
    }

    /**
     * How far an answer's words state something: up to the sentences after it that run the event or decline ("I
     * think I'll leave it for that, …. Sorry, I saw a couple of more hands. Next round Srinjoy."), or the whole
     * words when every sentence is such. Sentences before it stay: "I'm not aware of the specifics. Given …" is
     * one answer.
     */
    static int substanceEnd(String words) {
        List<Span> sentences = new ArrayList<>();
        Matcher end = SENTENCE_END.matcher(words);
        int start = 0;
        while (end.find()) {
            sentences.add(new Span(start, end.start()));
            start = end.end();
        }
        sentences.add(new Span(start, words.length()));
        int last = sentences.size() - 1;
        while (last > 0 && procedural(sentences.get(last).of(words))) {
            last--;
        }
        return last == 0 && procedural(sentences.get(0).of(words))
                ? words.length()
                : sentences.get(last).end();
    }

    private static boolean procedural(String sentence) {
        int count = sentence.isBlank() ? 0 : sentence.strip().split("\\s+").length;
        return count < FEWEST_WORDS
                || count <= SHORT_SENTENCE && RUNNING.matcher(sentence).find()
                || DEFLECTING.matcher(sentence).find();
    }

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
                    && !DEFLECTING.matcher(sentence).find()
                    && !COURTESY.matcher(sentence).find()) {
                return false;
            }
        }
        return true;
    }
}
