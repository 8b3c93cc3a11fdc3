package org.demarche.ingest;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.demarche.statement.QuoteType;
import org.junit.jupiter.api.Test;

/**
 * Measures the extraction rules on the labelled articles in {@code src/test/resources/extraction}: precision
 * and recall of quotes (a quote is found when a candidate part has its words, trailing punctuation aside),
 * of speaker attribution (a found quote's speaker has the labelled speaker's surname), and of paraphrases
 * (found when a paraphrase candidate covers at least half the labelled clause and is at most three times
 * as long). It prints a table per
 * article, which docs/extraction.md reports, and fails if a figure falls under its floor.
 */
class ExtractionEvaluationTest {

    private static final Path ARTICLES = Path.of("src/test/resources/extraction/articles");

    /** Counts for one article or for all: true positives, and the sizes of what was labelled and found. */
    private static final class Score {
        int quotesLabelled, quotesFound, quotesMatched, speakersLabelled, speakersRight;
        int paraphrasesLabelled, paraphrasesFound, paraphrasesCovered, paraphrasesRight;

        void add(Score other) {
            quotesLabelled += other.quotesLabelled;
            quotesFound += other.quotesFound;
            quotesMatched += other.quotesMatched;
            speakersLabelled += other.speakersLabelled;
            speakersRight += other.speakersRight;
            paraphrasesLabelled += other.paraphrasesLabelled;
            paraphrasesFound += other.paraphrasesFound;
            paraphrasesCovered += other.paraphrasesCovered;
            paraphrasesRight += other.paraphrasesRight;
        }

        String row(String name) {
            return String.format(
                    "| %s | %d | %d | %s | %s | %s | %d | %d | %s | %s |",
                    name,
                    quotesLabelled,
                    quotesFound,
                    ratio(quotesMatched, quotesFound),
                    ratio(quotesMatched, quotesLabelled),
                    ratio(speakersRight, speakersLabelled),
                    paraphrasesLabelled,
                    paraphrasesFound,
                    ratio(paraphrasesRight, paraphrasesFound),
                    ratio(paraphrasesCovered, paraphrasesLabelled));
        }
    }

    @Test
    void rulesFindQuotesAndTheirSpeakers() throws IOException {
        Score total = new Score();
        List<String> rows = new ArrayList<>();
        try (Stream<Path> files = Files.list(ARTICLES)) {
            for (Path file : files.sorted().toList()) {
                Score score = score(new ObjectMapper().readTree(file.toFile()));
                rows.add(score.row(file.getFileName().toString().replace(".json", "")));
                total.add(score);
            }
        }
        System.out.println("| article | quotes labelled | quotes found | quote precision | quote recall | speaker"
                + " accuracy | paraphrases labelled | paraphrases found | paraphrase precision | paraphrase recall |");
        System.out.println("|---|---|---|---|---|---|---|---|---|---|");
        rows.forEach(System.out::println);
        System.out.println(total.row("**all " + rows.size() + "**"));
        assertTrue(rows.size() >= 11, "at least ten articles besides the sample");
        // Floors a little under the figures in docs/extraction.md, so a change that loses ground fails.
        assertTrue(total.quotesMatched >= 0.93 * total.quotesFound, "quote precision");
        assertTrue(total.quotesMatched >= 0.93 * total.quotesLabelled, "quote recall");
        assertTrue(total.speakersRight >= 0.9 * total.speakersLabelled, "speaker accuracy");
        assertTrue(total.paraphrasesRight >= 0.8 * total.paraphrasesFound, "paraphrase precision");
        assertTrue(total.paraphrasesCovered >= 0.55 * total.paraphrasesLabelled, "paraphrase recall");
    }

    private static Score score(JsonNode labelled) {
        String text = labelled.get("text").asText();
        List<Extracted> found = Extraction.of(text);
        Score score = new Score();
        List<Span> quoteParts = new ArrayList<>();
        List<Extracted> quoteOwners = new ArrayList<>();
        for (Extracted candidate : found) {
            if (candidate.quoteType() != QuoteType.paraphrase) {
                candidate.parts().forEach(part -> {
                    quoteParts.add(part);
                    quoteOwners.add(candidate);
                });
            }
        }
        score.quotesFound = quoteParts.size();
        boolean[] used = new boolean[quoteParts.size()];
        for (JsonNode quote : labelled.get("quotes")) {
            score.quotesLabelled++;
            int matchedBefore = score.quotesMatched;
            String words = normalized(quote.get("text").asText());
            for (int i = 0; i < quoteParts.size(); i++) {
                if (!used[i] && normalized(quoteParts.get(i).of(text)).equals(words)) {
                    used[i] = true;
                    score.quotesMatched++;
                    if (!quote.get("speaker").isNull()) {
                        score.speakersLabelled++;
                        boolean right = sameSpeaker(
                                quoteOwners.get(i), quote.get("speaker").asText());
                        score.speakersRight += right ? 1 : 0;
                        if (!right) {
                            Mention said = quoteOwners.get(i).speaker();
                            System.out.printf(
                                    "speaker: \"%s\" is %s's, found %s%n",
                                    words,
                                    quote.get("speaker").asText(),
                                    said == null
                                            ? "nobody"
                                            : said.person().name + " (\""
                                                    + said.span().of(text) + "\")");
                        }
                    }
                    break;
                }
            }
            if (score.quotesMatched == matchedBefore) {
                System.out.printf("quote missed: \"%s\"%n", quote.get("text").asText());
            }
        }
        for (int i = 0; i < quoteParts.size(); i++) {
            if (!used[i]) {
                System.out.printf(
                        "not a labelled quote: \"%s\"%n", quoteParts.get(i).of(text));
            }
        }
        List<Extracted> paraphrases = found.stream()
                .filter(c -> c.quoteType() == QuoteType.paraphrase)
                .toList();
        score.paraphrasesFound = paraphrases.size();
        List<Span> labels = new ArrayList<>();
        for (JsonNode paraphrase : labelled.get("paraphrases")) {
            String words = paraphrase.get("text").asText();
            // A clause labelled twice is the article saying it twice: the second label is the next occurrence.
            int from = labels.stream()
                    .filter(label -> label.of(text).equals(words))
                    .mapToInt(Span::end)
                    .max()
                    .orElse(0);
            int start = text.indexOf(words, from);
            assertTrue(start >= 0, "a labelled paraphrase is words of its article: " + words);
            labels.add(new Span(start, start + words.length()));
        }
        score.paraphrasesLabelled = labels.size();
        for (Span label : labels) {
            boolean covered =
                    paraphrases.stream().anyMatch(p -> covers(p.parts().get(0), label));
            score.paraphrasesCovered += covered ? 1 : 0;
            if (!covered) {
                System.out.printf("paraphrase missed: \"%s\"%n", label.of(text));
            }
        }
        for (Extracted paraphrase : paraphrases) {
            boolean right =
                    labels.stream().anyMatch(label -> covers(paraphrase.parts().get(0), label));
            score.paraphrasesRight += right ? 1 : 0;
        }
        return score;
    }

    private static boolean sameSpeaker(Extracted candidate, String labelled) {
        if (candidate.speaker() == null) {
            return false;
        }
        String found = Person.folded(candidate.speaker().person().name);
        String expected = Person.folded(labelled);
        return found.substring(found.lastIndexOf(' ') + 1).equals(expected.substring(expected.lastIndexOf(' ') + 1))
                || expected.contains(found)
                || found.contains(expected);
    }

    private static String normalized(String words) {
        return words.strip().replaceAll("[\\s,.;:…—–-]+$", "").replaceAll("\\s+", " ");
    }

    /** A paraphrase found for a label: at least half of the labelled clause, and not three times longer. */
    private static boolean covers(Span found, Span label) {
        return overlap(found, label) * 2 >= length(label) && length(found) <= 3 * length(label);
    }

    private static int overlap(Span a, Span b) {
        return Math.max(0, Math.min(a.end(), b.end()) - Math.max(a.start(), b.start()));
    }

    private static int length(Span span) {
        return span.end() - span.start();
    }

    private static String ratio(int part, int whole) {
        return whole == 0 ? "–" : String.format("%.2f", (double) part / whole);
    }
}
