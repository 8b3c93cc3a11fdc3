package org.demarche.ingest.transcript;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.demarche.ingest.ArticleRules.Named;
import org.demarche.ingest.Span;
import org.demarche.ingest.transcript.Reading.Said;
import org.demarche.ingest.transcript.Reading.Spoken;
import org.junit.jupiter.api.Test;

/**
 * Measures the transcript rules on the labelled primary sources in {@code
 * src/test/resources/extraction/transcripts}, each read with its title and without its kind, as a client that
 * leaves the kind out would: the kind detected; turns (a labelled turn is found when a turn starts where it
 * starts, within three characters, and agrees on whether it asks); statements (found when a candidate
 * covers at least half of the labelled words and spans at most three times as many); speakers (a found
 * statement's speaker has the labelled speaker's last word); question links (a found answer's question
 * covers at least half of the labelled question); and questions taken for statements (a candidate lying
 * mostly inside a labelled question turn). It prints a table per transcript, which docs/extraction.md
 * reports, and every miss, and fails if a figure falls under its floor.
 */
class TranscriptEvaluationTest {

    private static final Path DEVELOPMENT = Path.of("src/test/resources/extraction/transcripts");
    private static final Path HELD_OUT = Path.of("src/test/resources/extraction/transcripts-heldout-2");
    private static final Path FRESH_HELD_OUT = Path.of("src/test/resources/extraction/transcripts-heldout-3");
    private static final int TOLERANCE = 3;

    /** The least share of each figure a set must reach. */
    private record Floors(
            double kinds,
            double turnRecall,
            double turnPrecision,
            double statementRecall,
            double statementPrecision,
            double speakers,
            double links) {}

    /** Counts for one transcript or for all. */
    private static final class Score {
        int files, kindsRight, turnsLabelled, turnsFound, turnsMatched, statementsLabelled, statementsFound;
        int statementsCovered, candidatesRight, speakersLabelled, speakersRight, linksLabelled, linksRight;
        int questionsTaken;

        void add(Score other) {
            files += other.files;
            kindsRight += other.kindsRight;
            turnsLabelled += other.turnsLabelled;
            turnsFound += other.turnsFound;
            turnsMatched += other.turnsMatched;
            statementsLabelled += other.statementsLabelled;
            statementsFound += other.statementsFound;
            statementsCovered += other.statementsCovered;
            candidatesRight += other.candidatesRight;
            speakersLabelled += other.speakersLabelled;
            speakersRight += other.speakersRight;
            linksLabelled += other.linksLabelled;
            linksRight += other.linksRight;
            questionsTaken += other.questionsTaken;
        }

        /**
         * Fails unless the set has at least twelve transcripts, each figure reaches its floor and no question
         * was taken for a statement.
         */
        void assertAtLeast(Floors floors) {
            assertTrue(files >= 12, "at least twelve labelled transcripts");
            assertTrue(kindsRight >= floors.kinds() * files, "kinds detected");
            assertTrue(turnsMatched >= floors.turnRecall() * turnsLabelled, "turn recall");
            assertTrue(turnsMatched >= floors.turnPrecision() * turnsFound, "turn precision");
            assertTrue(statementsCovered >= floors.statementRecall() * statementsLabelled, "statement recall");
            assertTrue(candidatesRight >= floors.statementPrecision() * statementsFound, "statement precision");
            assertTrue(speakersRight >= floors.speakers() * speakersLabelled, "speaker accuracy");
            assertTrue(linksRight >= floors.links() * linksLabelled, "questions linked");
            assertTrue(questionsTaken == 0, "no question taken for a statement");
        }

        String row(String name, String kind) {
            return String.format(
                    "| %s | %s | %d/%d | %d | %d | %s | %s | %d | %d | %s | %s | %s | %s | %d |",
                    name,
                    kind,
                    kindsRight,
                    files,
                    turnsLabelled,
                    turnsFound,
                    ratio(turnsMatched, turnsFound),
                    ratio(turnsMatched, turnsLabelled),
                    statementsLabelled,
                    statementsFound,
                    ratio(candidatesRight, statementsFound),
                    ratio(statementsCovered, statementsLabelled),
                    ratio(speakersRight, speakersLabelled),
                    ratio(linksRight, linksLabelled),
                    questionsTaken);
        }
    }

    /** The set the rules were written and tuned on: the targets, a little under the figures reached. */
    @Test
    void rulesReachTheTargetsOnTheDevelopmentSet() throws IOException {
        // Floors a little under the figures in docs/extraction.md, so a change that loses ground fails; the
        // issue's targets are turns 0.95, statement recall 0.90, speakers 0.90, questions linked 0.90.
        evaluate(DEVELOPMENT).assertAtLeast(new Floors(0.9, 0.95, 0.95, 0.93, 0.83, 0.93, 0.95));
    }

    /**
     * The second set labelled after the rules were written: measured once untuned, then read on 2026-12-05 to tune
     * the rules, so development data now (a fresh held-out set measures the rules on sources they have not seen).
     * Its floors sit just under the figures docs/extraction.md reports for it after that tuning, so that a change
     * to the rules cannot make it worse unnoticed.
     */
    @Test
    void rulesOnTheHeldOutSet() throws IOException {
        evaluate(HELD_OUT).assertAtLeast(new Floors(0.8, 0.98, 0.98, 0.97, 0.9, 0.97, 0.95));
    }

    /**
     * The third set, labelled while the rules were being tuned on the second, by someone who read neither the
     * rules nor their misses, and never read to tune them: what to expect on sources the rules have not seen.
     * Its floors sit under the figures docs/extraction.md reports for it, measured once.
     */
    @Test
    void rulesOnTheFreshHeldOutSet() throws IOException {
        evaluate(FRESH_HELD_OUT).assertAtLeast(new Floors(0.7, 0.6, 0.8, 0.6, 0.8, 0.9, 0.9));
    }

    private static Score evaluate(Path directory) throws IOException {
        Score total = new Score();
        List<String> rows = new ArrayList<>();
        List<String> misses = new ArrayList<>();
        try (Stream<Path> files = Files.list(directory)) {
            for (Path file :
                    files.filter(f -> f.toString().endsWith(".json")).sorted().toList()) {
                JsonNode labels = new ObjectMapper().readTree(file.toFile());
                String name = file.getFileName().toString().replace(".json", "");
                Score score = score(name, labels, misses);
                rows.add(score.row(name, labels.path("kind").asText()));
                total.add(score);
            }
        }
        System.out.println("| transcript | kind | kind detected | turns labelled | turns found | turn precision"
                + " | turn recall | statements labelled | statements found | statement precision | statement recall"
                + " | speaker accuracy | questions linked | questions taken for statements |");
        System.out.println("|---|---|---|---|---|---|---|---|---|---|---|---|---|---|");
        rows.forEach(System.out::println);
        System.out.println(total.row("**all " + rows.size() + "**", ""));
        misses.forEach(System.out::println);
        return total;
    }

    private static Score score(String name, JsonNode labels, List<String> misses) {
        String text = labels.get("text").asText();
        String title = labels.path("title").isTextual() ? labels.get("title").asText() : null;
        Reading reading = TranscriptRules.read(text, title, null);
        Score score = new Score();
        score.files = 1;
        score.kindsRight = reading.kind().name().equals(labels.get("kind").asText()) ? 1 : 0;
        if (score.kindsRight == 0) {
            misses.add(name + ": kind " + reading.kind() + ", labelled "
                    + labels.get("kind").asText());
        }
        // Labelled turns: where each starts, and where each labelled question lies.
        List<Integer> starts = new ArrayList<>();
        int from = 0;
        for (JsonNode turn : labels.get("turns")) {
            int at = text.indexOf(turn.get("start").asText(), from);
            starts.add(at);
            from = at + 1;
        }
        List<Span> questions = new ArrayList<>();
        JsonNode turns = labels.get("turns");
        for (int i = 0; i < turns.size(); i++) {
            if (turns.get(i).get("isQuestion").asBoolean()) {
                questions.add(new Span(starts.get(i), i + 1 < starts.size() ? starts.get(i + 1) : text.length()));
            }
        }
        score.turnsLabelled = turns.size();
        score.turnsFound = reading.turns().size();
        for (int i = 0; i < turns.size(); i++) {
            int start = starts.get(i);
            boolean asks = turns.get(i).get("isQuestion").asBoolean();
            Spoken found = reading.turns().stream()
                    .filter(t ->
                            !t.parts().isEmpty() && Math.abs(t.parts().get(0).start() - start) <= TOLERANCE)
                    .findFirst()
                    .orElse(null);
            if (found != null && found.question() == asks) {
                score.turnsMatched++;
            } else {
                misses.add(name + ": turn " + (found == null ? "missed" : "asks=" + found.question()) + ": "
                        + turns.get(i).get("start").asText());
            }
        }
        for (Spoken turn : reading.turns()) {
            int start = turn.parts().isEmpty() ? -1 : turn.parts().get(0).start();
            if (starts.stream().noneMatch(s -> Math.abs(s - start) <= TOLERANCE)) {
                misses.add(name + ": turn not labelled: " + excerpt(text, turn.parts()));
            }
        }
        // Statements.
        List<Span> labelled = new ArrayList<>();
        from = 0;
        for (JsonNode statement : labels.get("statements")) {
            String words = statement.get("text").asText();
            int at = text.indexOf(words, from);
            at = at < 0 ? text.indexOf(words) : at;
            labelled.add(new Span(at, at + words.length()));
            from = at;
        }
        score.statementsLabelled = labelled.size();
        score.statementsFound = reading.statements().size();
        boolean[] right = new boolean[reading.statements().size()];
        JsonNode statements = labels.get("statements");
        for (int i = 0; i < labelled.size(); i++) {
            Span words = labelled.get(i);
            JsonNode label = statements.get(i);
            Said found = null;
            for (int c = 0; c < reading.statements().size() && found == null; c++) {
                if (covers(reading.statements().get(c).parts(), words)) {
                    found = reading.statements().get(c);
                    right[c] = true;
                }
            }
            if (found == null) {
                misses.add(name + ": statement missed: " + shortened(words.of(text)));
                continue;
            }
            score.statementsCovered++;
            if (label.get("speaker").isTextual()) {
                score.speakersLabelled++;
                if (sameSpeaker(label.get("speaker").asText(), found.speaker())) {
                    score.speakersRight++;
                } else {
                    misses.add(name + ": speaker "
                            + (found.speaker() == null ? null : found.speaker().name()) + ", labelled "
                            + label.get("speaker").asText() + ": " + shortened(words.of(text)));
                }
            }
            if (label.get("inReplyTo").isTextual()) {
                score.linksLabelled++;
                String question = label.get("inReplyTo").asText();
                int at = text.indexOf(question);
                if (found.inReplyTo() != null
                        && covers(found.inReplyTo().parts(), new Span(at, at + question.length()))) {
                    score.linksRight++;
                } else {
                    misses.add(name + ": question not linked: " + shortened(question));
                }
            }
        }
        for (int c = 0; c < right.length; c++) {
            Said said = reading.statements().get(c);
            score.candidatesRight += right[c] ? 1 : 0;
            if (!right[c]) {
                misses.add(name + ": statement not labelled: " + excerpt(text, said.parts()));
            }
            int inQuestions = 0;
            int length = 0;
            for (Span part : said.parts()) {
                length += part.end() - part.start();
                for (Span question : questions) {
                    inQuestions += Math.max(
                            0, Math.min(part.end(), question.end()) - Math.max(part.start(), question.start()));
                }
            }
            if (inQuestions * 2 > length) {
                score.questionsTaken++;
                misses.add(name + ": question taken for a statement: " + excerpt(text, said.parts()));
            }
        }
        return score;
    }

    /** At least half of the labelled words, and at most three times as many. */
    private static boolean covers(List<Span> parts, Span words) {
        int overlap = 0;
        for (Span part : parts) {
            overlap += Math.max(0, Math.min(part.end(), words.end()) - Math.max(part.start(), words.start()));
        }
        int extent = parts.get(parts.size() - 1).end() - parts.get(0).start();
        int length = words.end() - words.start();
        return overlap * 2 >= length && extent <= 3 * length + 10;
    }

    private static boolean sameSpeaker(String labelled, Named found) {
        if (found == null) {
            return false;
        }
        return lastWord(labelled).equals(lastWord(found.name()));
    }

    private static String lastWord(String name) {
        // "Gulf Cooperation Council (GCC)" is the Gulf Cooperation Council.
        String[] words = SpeakerNames.folded(name.replaceAll("\\([^)]*\\)", ""))
                .replaceAll("[^\\p{L}\\d ]", " ")
                .strip()
                .split("\\s+");
        return words[words.length - 1].toLowerCase(Locale.ROOT);
    }

    private static String excerpt(String text, List<Span> parts) {
        return parts.isEmpty()
                ? "(empty)"
                : shortened(text.substring(
                        parts.get(0).start(), parts.get(parts.size() - 1).end()));
    }

    private static String shortened(String words) {
        String line = words.replace('\n', ' ');
        return line.length() <= 100 ? line : line.substring(0, 100) + "…";
    }

    private static String ratio(int part, int whole) {
        return whole == 0 ? "–" : String.format(Locale.ROOT, "%.2f", (double) part / whole);
    }
}
