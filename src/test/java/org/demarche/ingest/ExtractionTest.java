package org.demarche.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.demarche.statement.QuoteType;
import org.junit.jupiter.api.Test;

class ExtractionTest {

    private static String sample() throws IOException {
        String file = Files.readString(Path.of("../shared/data/lavrov-caliber-az.txt"));
        return file.substring(file.indexOf("\n\n") + 2);
    }

    private static List<String> texts(String article, QuoteType... types) {
        List<QuoteType> wanted = List.of(types);
        return Extraction.of(article).stream()
                .filter(found -> wanted.contains(found.quoteType()))
                .map(found -> found.text(article))
                .toList();
    }

    @Test
    void everyQuoteOfTheSampleIsLavrovs() throws IOException {
        String article = sample();
        List<Extracted> quotes = Extraction.of(article).stream()
                .filter(e -> e.quoteType() != QuoteType.paraphrase)
                .toList();
        assertEquals(
                List.of(
                        "We need to see serious concrete proposals when they come to us. And, of course, we will make"
                                + " decisions on the reaction to these proposals, based on national interests, the goals of the special military"
                                + " operation, and the president's speech to the Foreign Ministry on 14 June this year.",
                        "serious concrete proposals when they come to us.",
                        "A ceasefire will not suit us",
                        "We need reliable, legally binding agreements",
                        "no illusions"),
                quotes.stream().map(e -> e.text(article)).toList());
        assertEquals(
                List.of(
                        QuoteType.direct_quote,
                        QuoteType.partial_quote,
                        QuoteType.direct_quote,
                        QuoteType.direct_quote,
                        QuoteType.partial_quote),
                quotes.stream().map(Extracted::quoteType).toList());
        quotes.forEach(quote -> assertEquals("Sergei Lavrov", quote.speaker().person().name));
        assertEquals("he", quotes.get(2).speaker().span().of(article));
        assertEquals(
                "The Russian foreign minister", quotes.get(4).speaker().span().of(article));
    }

    @Test
    void theSamplesReportedSpeechIsParaphrased() throws IOException {
        String article = sample();
        List<Extracted> paraphrases = Extraction.of(article).stream()
                .filter(e -> e.quoteType() == QuoteType.paraphrase)
                .toList();
        List<String> texts = paraphrases.stream().map(e -> e.text(article)).toList();
        assertTrue(
                texts.contains(
                        "Both the Russian Foreign Ministry and President Vladimir Putin have previously stated that"
                                + " Russia has not ruled out the possibility of negotiations with Ukraine"),
                "…, Lavrov pointed out.");
        assertTrue(texts.contains("Russia’s position is grounded in international law"), "made it clear that");
        assertTrue(
                texts.stream().anyMatch(t -> t.startsWith("so far, no such proposals have been received from Kyiv")),
                "went on to note that");
        assertTrue(
                texts.stream().anyMatch(t -> t.startsWith("Moscow had no illusions about the West’s")),
                "He noted that");
        paraphrases.forEach(p -> assertEquals("Sergei Lavrov", p.speaker().person().name));
    }

    @Test
    void aQuoteInterruptedByItsAttributionIsOneStatementInTwoParts() {
        String article =
                "Foreign Minister Jane Doe spoke on Monday.\n\"We will talk,\" the minister said, \"but not now.\"";
        List<Extracted> found = Extraction.of(article);
        assertEquals(1, found.size());
        assertEquals("We will talk, but not now.", found.get(0).text(article));
        assertEquals(2, found.get(0).parts().size());
        assertEquals("Jane Doe", found.get(0).speaker().person().name);
    }

    @Test
    void curlyLowHighAndGuillemetQuotesAreFound() {
        String article = "Ukrainian Foreign Minister Dmytro Kuleba spoke.\nKuleba said: “They seek our surrender.”\n"
                + "Later he added: «This is not going to happen.» He also said: „We are ready to talk.“";
        assertEquals(
                List.of("They seek our surrender.", "This is not going to happen.", "We are ready to talk."),
                texts(article, QuoteType.direct_quote));
        Extraction.of(article)
                .forEach(e -> assertEquals("Dmytro Kuleba", e.speaker().person().name));
    }

    @Test
    void aQuoteOverParagraphsIsAttributedWhereItCloses() {
        String article = "Spokesperson of the Azerbaijani Foreign Ministry Aykhan Hajizada commented.\n"
                + "\"The talks are not proceeding as presented. The text was submitted in October.\n"
                + "\"Azerbaijan stands ready to sign a peace agreement,\" said Hajizada.";
        List<Extracted> found = Extraction.of(article);
        assertEquals(2, found.size());
        found.forEach(e -> assertEquals("Aykhan Hajizada", e.speaker().person().name));
    }

    @Test
    void aShortPhraseNobodyIsSaidToSayIsNotAStatement() {
        String article = "The so-called \"peace plan\" was on the table in Geneva on Tuesday.";
        assertEquals(List.of(), Extraction.of(article));
    }

    @Test
    void accordingToIsReportedSpeech() {
        String article =
                "Russian Foreign Ministry Spokesperson Maria Zakharova held a briefing.\nAccording to Zakharova, the"
                        + " mission staff collect intelligence on neighbouring countries.";
        List<Extracted> found = Extraction.of(article);
        assertEquals(
                List.of("the mission staff collect intelligence on neighbouring countries"),
                texts(article, QuoteType.paraphrase));
        assertEquals("Maria Zakharova", found.get(0).speaker().person().name);
    }

    @Test
    void aTitleMeansThePersonNamedWithIt() {
        String article =
                "Prime Minister Kyriakos Mitsotakis met Greek Foreign Affairs Minister Nikos Dendias on Tuesday.\n"
                        + "One thing is certain, the Foreign Affairs minister said, \"We shall not accept faits accomplis.\"";
        assertEquals("Nikos Dendias", Extraction.of(article).get(0).speaker().person().name);
    }

    @Test
    void initialsDoNotEndASentence() {
        String article = "The talks will resume next week, said E.U. Foreign Policy Chief Josep Borrell.";
        List<Extracted> found = Extraction.of(article);
        assertEquals(List.of("The talks will resume next week"), texts(article, QuoteType.paraphrase));
        assertEquals("Josep Borrell", found.get(0).speaker().person().name);
    }

    @Test
    void aQuoteMarkWithNoWordsIsNoCandidate() {
        assertEquals(List.of(), Extraction.of("Sergei Lavrov said: “"));
        assertEquals(List.of(), Extraction.of("Sergei Lavrov said: “ ”."));
        String article = "Headline\nSergei Lavrov said: “\nWe will fight on.”";
        Extraction.of(article).forEach(found -> assertTrue(!found.text(article).isBlank(), found.toString()));
    }

    @Test
    void aLongRunOfCapitalsIsReadWithoutRunningOutOfStack() {
        assertEquals(List.of(), Extraction.of("WE WILL NOT ACCEPT THIS ".repeat(2000)));
    }

    /** Random text made of the characters the rules react to: nothing throws, and every part is words of the text. */
    @Test
    void anyTextGivesCandidatesWithinIt() {
        String[] pieces = {
            "\"",
            "“",
            "”",
            "«",
            "»",
            "„",
            "‘",
            "’",
            "'",
            ".",
            ",",
            ":",
            " ",
            " ",
            "\n",
            "\r\n",
            "he said",
            "Lavrov",
            "Sergei Lavrov",
            "the minister",
            "Foreign Minister",
            "U.S.",
            "that",
            "according to",
            "E.U.",
            "She",
            "pointed out",
            "Ministry",
            "’s",
            "😀",
            "a",
            "word",
            "We will",
            "—"
        };
        java.util.Random random = new java.util.Random(7);
        for (int n = 0; n < 3000; n++) {
            StringBuilder text = new StringBuilder();
            for (int i = random.nextInt(40); i >= 0; i--) {
                text.append(pieces[random.nextInt(pieces.length)]);
            }
            String article = text.toString();
            for (Extracted found : Extraction.of(article)) {
                for (Span part : found.parts()) {
                    assertTrue(
                            part.start() >= 0 && part.start() < part.end() && part.end() <= article.length(),
                            article + " " + found);
                }
                assertTrue(!found.text(article).isBlank(), article + " " + found);
            }
        }
    }
}
