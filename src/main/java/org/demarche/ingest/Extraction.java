package org.demarche.ingest;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.demarche.statement.QuoteType;

/**
 * Finds the statements in an article's text, by rules. Every quotation is a quote candidate unless it is
 * a short phrase (three words or fewer) with nobody said to say it, which is taken for a scare quote or a
 * name. Who said a quote is, by falling confidence: the cue right after or right before it ("…," he
 * said; the minister stressed, "…"), a cue elsewhere in its sentence, the speaker of the quote before it
 * in the same or the previous paragraph, the person last named. A quote interrupted by its cue ("…," he
 * said, "…") is one candidate in two parts. Reported speech is a paraphrase candidate: the clause after
 * a reporting cue ("Lavrov pointed out that …"), or before one that ends its sentence ("…, Lavrov
 * pointed out."; "…, according to the minister.").
 */
final class Extraction {

    /** Longer sentences are not prose (a list, a table, an attack); their reported speech is not looked for. */
    private static final int MAX_SENTENCE = 3000;
    /** The most a cue that ends its sentence may be followed by: "…, he said following a meeting with …". */
    private static final int MAX_TRAILER = 200;

    private static final Pattern SEPARATOR = Pattern.compile("[\\s,:;—–-]*");
    /** What may follow a cue that ends its sentence: "on Thursday", "following a meeting with the prime minister". */
    private static final Pattern TRAILER = Pattern.compile(
            "(?!.*\\bthat\\b)(?:\\s+(?:on|in|at|during|following|after"
                    + "|before|to|when|while|earlier|later|last|this|yesterday|today)\\b(?:\\s+[^\\s,;\"“”«»]+){0,11})?\\s*[.!?]?\\s*");
    /** Whom a speaker told, before what: "told US Secretary of State Antony Blinken that …". */
    private static final Pattern TOLD_THAT = Pattern.compile("^\\s+(?:\\S+\\s+){1,8}?that\\b\\s*,?\\s*");

    private static final Pattern THAT = Pattern.compile("^(?:\\s*[,:])?\\s*(?:that\\b\\s*,?\\s*)?");
    /** Verbs that take a clause without "that" ("Kuleba said there are …"); others then take a thing, not words. */
    private static final Set<String> CLAUSE_WITHOUT_THAT = Set.of("said", "says", "added", "according to");

    private final Article article;
    private final List<Mention> mentions;
    private final List<Cue> cues;
    private final TreeMap<Integer, Cue> cuesByStart = new TreeMap<>();
    private final TreeMap<Integer, Cue> cuesByEnd = new TreeMap<>();

    private Extraction(String text) {
        article = new Article(text);
        mentions = Mentions.in(article);
        cues = Cues.in(article, mentions);
        cues.forEach(cue -> {
            cuesByStart.putIfAbsent(cue.span().start(), cue);
            cuesByEnd.put(cue.span().end(), cue);
        });
    }

    static List<Extracted> of(String text) {
        Extraction extraction = new Extraction(text);
        List<Extracted> found = new ArrayList<>(extraction.quotes());
        found.addAll(extraction.paraphrases());
        found.sort(Comparator.comparingInt(Extracted::start));
        return found;
    }

    private List<Extracted> quotes() {
        List<Extracted> quotes = new ArrayList<>();
        Extracted previous = null;
        Cue previousCue = null;
        Span previousWords = null;
        for (int index = 0; index < article.quotes.size(); index++) {
            QuotedSpan quote = article.quotes.get(index);
            if (previous != null && previousCue != null && continues(previousWords, previousCue, quote)) {
                List<Span> parts = new ArrayList<>(previous.parts());
                parts.set(parts.size() - 1, previousWords);
                parts.add(withoutTrailingComma(quote.words()));
                previous = new Extracted(parts, previous.quoteType(), previous.speaker(), previous.confidence());
                previousWords = quote.words();
                quotes.set(quotes.size() - 1, previous);
                continue;
            }
            Cue adjacentAfter = cueAdjacentAfter(quote);
            Cue cue = adjacentAfter != null ? adjacentAfter : cueAdjacentBefore(quote);
            double confidence = 0.95;
            if (cue == null) {
                cue = cueInSentence(quote);
                confidence = 0.75;
            }
            if (cue == null) {
                cue = cueOfContinuation(index);
                confidence = 0.7;
            }
            Mention speaker = cue == null ? null : cue.mention();
            if (speaker == null && words(quote.words()) <= 3) {
                continue;
            }
            if (speaker == null && previous != null && nearby(previous, quote)) {
                speaker = previous.speaker();
                confidence = 0.6;
            }
            if (speaker == null) {
                speaker = lastPersonBefore(quote.marks().start());
                confidence = speaker == null ? 0.2 : 0.4;
            }
            if (speaker != null && speaker.kind() != Mention.Kind.name) {
                confidence -= 0.05;
            }
            previous =
                    new Extracted(List.of(withoutTrailingComma(quote.words())), quoteType(quote), speaker, confidence);
            previousCue = adjacentAfter;
            previousWords = quote.words();
            quotes.add(previous);
        }
        return quotes;
    }

    /**
     * The cue of a quote running over paragraphs, which the convention leaves open at each paragraph's end and
     * attributes where it closes: "…¶"…," said Hajizada.
     */
    private Cue cueOfContinuation(int index) {
        for (int i = index; i + 1 < article.quotes.size(); i++) {
            QuotedSpan open = article.quotes.get(i);
            QuotedSpan next = article.quotes.get(i + 1);
            boolean runsOn = !open.closed()
                    && article.paragraphAt(next.marks().start()).start()
                            == next.marks().start();
            if (!runsOn) {
                return null;
            }
            Cue cue = cueAdjacentAfter(next);
            if (cue != null) {
                return cue;
            }
        }
        return null;
    }

    /** Whether a quote goes on after its cue: "…," he said, "…". */
    private boolean continues(Span last, Cue cue, QuotedSpan quote) {
        char end = article.text.charAt(last.end() - 1);
        int cueEnd = cue.span().end();
        return cue.span().start() > last.end()
                && cueEnd <= quote.marks().start()
                && (end == ',' || end == '—' || end == '…')
                && article.text.substring(cueEnd, quote.marks().start()).matches("\\s*,\\s*")
                && article.sentenceAt(cueEnd).contains(quote.marks().start());
    }

    /** A quote's words without the comma that hands over to its cue: "A ceasefire will not suit us," he asserted. */
    private Span withoutTrailingComma(Span words) {
        int end = words.end();
        while (end > words.start() + 1 && ", ".indexOf(article.text.charAt(end - 1)) >= 0) {
            end--;
        }
        return new Span(words.start(), end);
    }

    private Cue cueAdjacentAfter(QuotedSpan quote) {
        int from = quote.marks().end();
        var separator = SEPARATOR.matcher(article.text).region(from, article.text.length());
        return cuesByStart.get(separator.lookingAt() ? separator.end() : from);
    }

    /** The cue ending last before the quote in its sentence, if only a comma, colon or "that" lies between. */
    private Cue cueAdjacentBefore(QuotedSpan quote) {
        Span sentence = article.sentenceAt(quote.marks().start());
        var before = cuesByEnd.floorEntry(quote.marks().start());
        if (before == null || before.getValue().span().start() < sentence.start()) {
            return null;
        }
        String between = article.text.substring(before.getKey(), quote.marks().start());
        return between.length() <= MAX_TRAILER && between.matches("\\s*[,:]?\\s*(?:that\\s+)?")
                ? before.getValue()
                : null;
    }

    /** The cue nearest the quote in its sentence, outside quotations. */
    private Cue cueInSentence(QuotedSpan quote) {
        Span sentence = article.sentenceAt(quote.marks().start());
        var before = cuesByStart.lowerEntry(quote.marks().start());
        var after = cuesByStart.ceilingEntry(quote.marks().end());
        Cue earlier = before != null && sentence.contains(before.getKey()) ? before.getValue() : null;
        Cue later = after != null && sentence.contains(after.getKey()) ? after.getValue() : null;
        if (earlier == null || later == null) {
            return earlier != null ? earlier : later;
        }
        return quote.marks().start() - earlier.span().end()
                        <= later.span().start() - quote.marks().end()
                ? earlier
                : later;
    }

    /** Whether a quote follows another closely enough to be the same person's: same or next paragraph. */
    private boolean nearby(Extracted previous, QuotedSpan quote) {
        if (previous.speaker() == null) {
            return false;
        }
        int before = article.paragraphs.indexOf(article.paragraphAt(previous.start()));
        int now = article.paragraphs.indexOf(article.paragraphAt(quote.marks().start()));
        boolean someoneElseNamed = mentions.stream()
                .anyMatch(m -> m.kind() == Mention.Kind.name
                        && m.span().start() > previous.parts().get(0).end()
                        && m.span().start() < quote.marks().start()
                        && m.person() != previous.speaker().person()
                        && !m.person().organization);
        return now - before <= 1 && !someoneElseNamed;
    }

    private Mention lastPersonBefore(int offset) {
        Mention last = null;
        for (Mention mention : mentions) {
            if (mention.span().start() < offset && !mention.person().organization) {
                last = mention;
            }
        }
        return last;
    }

    private QuoteType quoteType(QuotedSpan quote) {
        char first = article.text.charAt(quote.words().start());
        int before = quote.marks().start() - 1;
        while (before >= 0 && article.text.charAt(before) == ' ') {
            before--;
        }
        boolean woven = before >= 0 && Character.isLetter(article.text.charAt(before));
        return Character.isLowerCase(first) || woven && !endsSentence(quote.words())
                ? QuoteType.partial_quote
                : QuoteType.direct_quote;
    }

    private boolean endsSentence(Span words) {
        return ".!?,".indexOf(article.text.charAt(words.end() - 1)) >= 0;
    }

    private List<Extracted> paraphrases() {
        List<Extracted> paraphrases = new ArrayList<>();
        Map<Integer, List<Cue>> bySentence = cues.stream()
                .filter(cue -> Cues.REPORTING.contains(Cues.verb(article, cue)))
                .collect(Collectors.groupingBy(
                        cue -> article.sentenceIndexAt(cue.span().start())));
        for (int index = 0; index < article.sentences.size(); index++) {
            Span sentence = article.sentences.get(index);
            if (sentence.end() - sentence.start() > MAX_SENTENCE) {
                continue;
            }
            List<Cue> inSentence = bySentence.getOrDefault(index, List.of());
            Extracted before = inSentence.stream()
                    .map(cue -> clauseBefore(sentence, cue))
                    .filter(e -> e != null)
                    .findFirst()
                    .orElse(null);
            if (before != null) {
                paraphrases.add(before);
                continue;
            }
            inSentence.stream()
                    .map(cue -> clauseAfter(sentence, cue))
                    .filter(e -> e != null)
                    .findFirst()
                    .ifPresent(paraphrases::add);
        }
        return paraphrases;
    }

    /** "…, Lavrov pointed out." and "…, according to the minister.": the words before the cue. */
    private Extracted clauseBefore(Span sentence, Cue cue) {
        if (cue.span().start() <= sentence.start()
                || cue.span().end() > sentence.end()
                || sentence.end() - cue.span().end() > MAX_TRAILER) {
            return null;
        }
        int comma = cue.span().start() - 1;
        while (comma > sentence.start() && article.text.charAt(comma) == ' ') {
            comma--;
        }
        if (article.text.charAt(comma) != ','
                || article.quoteAt(sentence.start()) != null
                || !TRAILER.matcher(article.text.substring(cue.span().end(), sentence.end()))
                        .matches()) {
            return null;
        }
        return clause(new Span(sentence.start(), comma), cue, true);
    }

    /** "Lavrov pointed out that …", "according to Lavrov, …": the words after the cue, to the end of the sentence. */
    private Extracted clauseAfter(Span sentence, Cue cue) {
        int from = cue.span().end();
        if (from > sentence.end()) {
            return null;
        }
        var told = TOLD_THAT.matcher(article.text).region(from, sentence.end());
        var that = THAT.matcher(article.text).region(from, sentence.end());
        int start = Cues.verb(article, cue).equals("told") && told.lookingAt()
                ? told.end()
                : that.lookingAt() ? that.end() : from;
        int end = sentence.end();
        while (end > start && ".!? ".indexOf(article.text.charAt(end - 1)) >= 0) {
            end--;
        }
        QuotedSpan quoted = article.quoteAt(start);
        if (start >= end
                || quoted != null
                        && (quoted.marks().end() >= end
                                || words(new Span(quoted.marks().end(), end)) < 2)) {
            return null;
        }
        String verb = Cues.verb(article, cue);
        boolean saysThat = article.text.substring(from, start).contains("that") || verb.equals("according to");
        if (!saysThat && !CLAUSE_WITHOUT_THAT.contains(verb)) {
            return null;
        }
        return clause(new Span(start, end), cue, saysThat);
    }

    /** A paraphrase, more certain when its cue says "that" or "according to", or ends its sentence. */
    private Extracted clause(Span span, Cue cue, boolean saysThat) {
        if (words(span) < 4) {
            return null;
        }
        double confidence = (saysThat ? 0.7 : 0.5) - (cue.mention().kind() == Mention.Kind.name ? 0 : 0.05);
        return new Extracted(List.of(span), QuoteType.paraphrase, cue.mention(), confidence);
    }

    private int words(Span span) {
        return span.of(article.text).trim().split("\\s+").length;
    }
}
