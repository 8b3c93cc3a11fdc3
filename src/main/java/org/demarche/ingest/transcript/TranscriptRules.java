package org.demarche.ingest.transcript;

import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import org.demarche.ingest.Span;

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
    private static final Pattern MEETING = Pattern.compile(
            "security council|general assembly|meetings coverage|human rights council|plenary|committee"
                    + "|\\b(?:sc|ga)/[a-z/]{0,12}\\d|\\b\\d+(?:st|nd|rd|th) (?:plenary )?meetings?\\b|\\bmeeting\\b.*\\bdebate");
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
    /** Delegates spoken of in the third person, as meeting coverage speaks of them. */
    private static final Pattern DELEGATES = Pattern.compile(
            "\\b(?:representative|delegate)s? of (?:the )?\\p{Lu}|\\p{L}[’']s (?:representative|delegate)\\b"
                    + "|\\b(?:[Ss]everal|[Mm]any|[Ss]ome|[Oo]ther) (?:speakers|delegates|delegations)\\b");
    /** Two sides that talked, as a readout tells of them. */
    private static final Pattern BOTH_SIDES = Pattern.compile(
            "\\b(?:The|the|Both|both) two (?:sides|leaders|ministers)\\b|\\b[Bb]oth sides\\b|\\bspoke (?:\\p{Ll}+ )?(?:with|to)\\b"
                    + "|\\bheld (?:a |an )?(?:\\S+ ){0,4}(?:[Mm]eeting|talks?|call|conversation) with\\b"
                    + "|\\b(?:telephone|phone|video) (?:talks?|call|conversation)\\b|\\bexchang(?:ed|ing) views\\b"
                    + "|\\boutline of the (?:meeting|talks?|discussion|call|conversation)\\b"
                    + "|\\bThe (?:Foreign )?Ministers (?:exchanged|shared|agreed|discussed)\\b");
    /** A heading line: not many words, and no closing full stop or colon. */
    private static final Pattern HEADING = Pattern.compile("(?s)(?:\\S+\\s+){0,30}\\S+(?<![.!?:;\"”])");
    /** The most lines read as headings for the kind, when there is no title. */
    private static final int HEADING_LINES = 6;
    /** The longest heading line, in characters. */
    private static final int HEADING_LENGTH = 400;

    private TranscriptRules() {}

    static Reading read(String text, String title, TranscriptKind kind) {
        boolean detected = kind == null;
        TranscriptKind titled = !detected ? kind : title != null ? fromTitle(title) : fromHeadings(text);
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
                                        || DELEGATES.matcher(text).find()
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

    /**
     * The kind the heading lines say, read together as a title ("Media Note", "Office of the Spokesman", …,
     * "Gulf Cooperation Council-Plus-Two Ministerial Joint Statement"), or null.
     */
    private static TranscriptKind fromHeadings(String text) {
        List<Span> lines = Paragraphs.of(text);
        StringBuilder headings = new StringBuilder();
        for (Span line : lines.subList(0, Math.min(HEADING_LINES, lines.size()))) {
            String words = line.of(text);
            if (words.length() > HEADING_LENGTH || !HEADING.matcher(words).matches()) {
                break;
            }
            headings.append(words).append('\n');
        }
        return fromTitle(headings.toString());
    }
}
