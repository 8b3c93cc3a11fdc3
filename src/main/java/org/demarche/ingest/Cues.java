package org.demarche.ingest;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds where an article says who said something: a mention followed by a verb of saying ("Lavrov,
 * the foreign minister, has also said"), or preceded by one ("said Lavrov", "according to the minister").
 */
final class Cues {

    private static final String VERBS = "said|says|say|told|tells|added|adds|stressed|stresses|noted|notes|note"
            + "|emphasi[sz]ed|emphasi[sz]es|emphasi[sz]ing|warned|warns|explained|explains|asserted|asserts|insisted"
            + "|insists|argued|argues|declared|declares|stated|states|pointed out|points out|reiterated|reiterates"
            + "|acknowledged|acknowledging|underlined|underscored|underscoring|remarked|replied|responded|answered"
            + "|claimed|claims|wrote|writes|tweeted|posted|announced|continued|concluded|observed|suggested|urged"
            + "|cautioned|admitted|conceded|affirmed|confirmed|clarified|recalled|complained|highlighted|vowed|promised"
            + "|made it clear|makes it clear|expressed|asked|saying|adding|stressing|noting|warning|believes|maintained"
            + "|maintains|denied|countered|went on|according to|read";
    private static final Pattern AFTER_MENTION = Pattern.compile("\\G(?:\\s*,[^,\"“”«»]{1,80},)?\\s+(?:(?:has|have|had"
            + "|also|then|later|again|once again|previously|further|firmly|repeatedly|earlier|clearly|publicly|went on to"
            + "|on \\p{Lu}\\p{L}+day)\\s+)*(" + VERBS + ")\\b");
    /** How far before a mention its verb may start: "according to" and the spaces after it. */
    private static final int LONGEST_VERB = 40;

    private static final Pattern BEFORE_MENTION = Pattern.compile("\\b(" + VERBS + ")\\s+$", Pattern.CASE_INSENSITIVE);
    /** Verbs that report what was said, so the words after them (or before them) are a paraphrase. */
    static final Set<String> REPORTING = Set.of(
            "said",
            "says",
            "told",
            "added",
            "stressed",
            "noted",
            "note",
            "emphasized",
            "emphasised",
            "warned",
            "explained",
            "asserted",
            "insisted",
            "argued",
            "declared",
            "stated",
            "pointed out",
            "points out",
            "reiterated",
            "acknowledged",
            "underlined",
            "underscored",
            "claimed",
            "announced",
            "confirmed",
            "clarified",
            "recalled",
            "made it clear",
            "believes",
            "maintained",
            "suggested",
            "admitted",
            "according to",
            "stresses",
            "notes",
            "warns",
            "explains",
            "insists",
            "argues",
            "maintains");

    private Cues() {}

    static List<Cue> in(Article article, List<Mention> mentions) {
        List<Cue> cues = new ArrayList<>();
        for (Mention mention : mentions) {
            Span sentence = article.sentenceAt(mention.span().start());
            Matcher after = AFTER_MENTION
                    .matcher(article.text)
                    .region(mention.span().end(), Math.max(mention.span().end(), sentence.end()));
            if (after.lookingAt() && article.quoteAt(after.start(1)) == null) {
                cues.add(new Cue(mention, new Span(after.start(1), after.end(1))));
                continue;
            }
            Matcher before = BEFORE_MENTION
                    .matcher(article.text)
                    .region(
                            Math.max(sentence.start(), mention.span().start() - LONGEST_VERB),
                            mention.span().start());
            if (before.find() && article.quoteAt(before.start(1)) == null) {
                cues.add(new Cue(mention, new Span(before.start(1), before.end(1))));
            }
        }
        // "Lavrov said Putin would…": the verb is Lavrov's, not Putin's.
        Set<Span> taken = new HashSet<>();
        cues.stream().filter(cue -> !cue.inverted()).forEach(cue -> taken.add(cue.verb()));
        cues.removeIf(cue -> cue.inverted() && taken.contains(cue.verb()));
        return cues;
    }

    static String verb(Article article, Cue cue) {
        return cue.verb().of(article.text).toLowerCase();
    }
}
