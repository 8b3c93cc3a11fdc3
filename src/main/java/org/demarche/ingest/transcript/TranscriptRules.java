package org.demarche.ingest.transcript;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Reads a transcript by rules: detects its kind when not told (from the title, else the text), then reads it
 * by its labels ({@link LabelledTranscript}) when its turns are labelled, else as prose ({@link
 * ProseTranscript}).
 */
final class TranscriptRules {

    private static final Pattern JOINT = Pattern.compile(
            "joint (?:statement|declaration|communiqu|press statement)|d[ée]claration (?:conjointe|commune)"
                    + "|gemeinsame erkl[äa]rung");
    private static final Pattern READOUT = Pattern.compile(
            "readout|read-out|\\bcall with\\b|phone call|tele(?:phone|video) (?:call|conversation|talks?)|video (?:call|conference)|spoke (?:with|by phone)"
                    + "|\\bmeets? with\\b|\\bmet with\\b|\\btalks with\\b|\\bmeeting with\\b|\\bholds talks\\b"
                    + "|ministers[’']? meeting|summit meeting|\\bbilateral meeting");
    private static final Pattern MEETING =
            Pattern.compile("security council|general assembly|meetings coverage|human rights council|plenary|committee"
                    + "|\\bsc/\\d|\\bga/\\d|\\bmeeting\\b.*\\bdebate");
    private static final Pattern INTERVIEW = Pattern.compile("\\binterview|\\bjoins\\b");
    /** "Secretary Antony J. Blinken With Jake Tapper of CNN": a journalist by name, then the outlet. */
    private static final Pattern WITH_JOURNALIST = Pattern.compile(
            "\\b[Ww]ith (?!(?:US|U\\.S\\.|UK|the|The|Secretary|Minister|Foreign|President|Prime|Chancellor|Counterpart)\\b)"
                    + "(?:\\p{Lu}\\p{Ll}+ ){1,3}(?:of|on|from) ");
    /** "We, the leaders of …", "Nous, dirigeants de …": a statement several sign. */
    private static final Pattern WE_THE = Pattern.compile(
            "(?m)^(?:We|Nous|Wir),? (?:the |les |die )?(?:leaders|dirigeants|foreign ministers|ministers|heads of state"
                    + "|ministres|chefs d'[ée]tat|Au[ßs]enminister)");

    private static final Pattern PRESS_CONFERENCE = Pattern.compile(
            "(?<!regular )press conference|answers? (?:to )?(?:media |the media'?s? |journalists'? )?questions"
                    + "|questions from (?:the )?media|joint press|press availability"
                    + "|media availability|press encounter|doorstep|doorstop|press point|news conference");
    private static final Pattern BRIEFING =
            Pattern.compile("briefing|regular press conference|spokesperson|spokesman|spokeswoman|press secretary");
    private static final Pattern SPEECH =
            Pattern.compile("^(?:transcript of )?(?:speech|remarks|address|keynote|statement)\\b|\\bspeech by\\b");
    private static final Pattern THIRD_PERSON = Pattern.compile(
            "(?m)^(?:Speaking (?:for|on behalf of) [^,]+, )?[Tt]he representative of|^\\p{Lu}{2,}[\\p{Lu}\\p{M}' -]+ \\([^)]+\\)");
    private static final Pattern BOTH_SIDES = Pattern.compile("\\b(?:The|Both) two (?:sides|leaders)|\\bspoke with\\b");

    private TranscriptRules() {}

    static Reading read(String text, String title, TranscriptKind kind) {
        boolean detected = kind == null;
        TranscriptKind titled = detected ? fromTitle(title != null ? title : firstLine(text)) : kind;
        if (LabelledTranscript.labels(text) >= LabelledTranscript.FEWEST_LABELS
                && titled != TranscriptKind.joint_statement
                && titled != TranscriptKind.readout) {
            Reading reading = LabelledTranscript.read(text, title, titled, detected);
            if (reading != null) {
                return reading;
            }
        }
        TranscriptKind read = titled != null
                ? titled
                : WE_THE.matcher(text).find() || ProseTranscript.leadIn(text) != null
                        ? TranscriptKind.joint_statement
                        : THIRD_PERSON.matcher(text).find()
                                ? TranscriptKind.meeting_record
                                : BOTH_SIDES.matcher(text).find() ? TranscriptKind.readout : TranscriptKind.speech;
        return ProseTranscript.read(text, title, read, detected);
    }

    /** The kind a title says, or null when it says none. */
    static TranscriptKind fromTitle(String title) {
        String heading = title.toLowerCase(Locale.ROOT);
        if (JOINT.matcher(heading).find()) {
            return TranscriptKind.joint_statement;
        }
        if (INTERVIEW.matcher(heading).find()) {
            return TranscriptKind.interview;
        }
        // A spokesperson's press conference is a briefing: "Press Conference by Foreign Press Secretary Kawamura".
        if (BRIEFING.matcher(heading).find()) {
            return TranscriptKind.briefing;
        }
        if (PRESS_CONFERENCE.matcher(heading).find()) {
            return TranscriptKind.press_conference;
        }
        if (READOUT.matcher(heading).find()) {
            return TranscriptKind.readout;
        }
        if (WITH_JOURNALIST.matcher(title).find()) {
            return TranscriptKind.interview;
        }
        if (SPEECH.matcher(heading).find()) {
            return TranscriptKind.speech;
        }
        return MEETING.matcher(heading).find() ? TranscriptKind.meeting_record : null;
    }

    private static String firstLine(String text) {
        int end = text.indexOf('\n');
        return end < 0 ? "" : text.substring(0, end);
    }
}
