package org.demarche.search;

import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;
import java.util.function.Function;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.store.FSDirectory;
import org.demarche.bench.Corpus;
import org.demarche.statement.SearchQuery;
import org.demarche.statement.StatementCriteria;

/**
 * Measures the choice {@link TopMatches#ranked} makes for a relevance-ranked search whose count the index
 * does not know: one pass that scores and counts every match, or a pass that ranks skipping what cannot
 * make the page and a second that counts. For searches of several shapes over a search index written by
 * the app (the corpus of {@code src/bench/search.sh}), prints Lucene's mean estimate of candidates
 * (what {@link TopMatches#ONE_PASS_CANDIDATES} is compared with), the mean number of matches, and the
 * milliseconds per search each way, in one thread, after two rounds of warm-up. Not a test: run it on a
 * copy of the index, with no app running on it, to check the threshold on other data or hardware.
 *
 * <p>Usage: {@code OnePassBench <search-index-dir> [searches-per-shape]}.
 */
public final class OnePassBench {

    private OnePassBench() {}

    public static void main(String[] args) throws IOException {
        int searches = args.length > 1 ? Integer.parseInt(args[1]) : 300;
        Map<String, Function<Random, StatementCriteria>> shapes = new LinkedHashMap<>();
        shapes.put(
                "word, country, from (benchmark: q + filters)",
                r -> criteria(Corpus.commonWord(r), Corpus.country(r), year(r)));
        shapes.put("word, country", r -> criteria(Corpus.commonWord(r), Corpus.country(r), null));
        shapes.put(
                "word, from a month of 2023",
                r -> criteria(Corpus.commonWord(r), null, LocalDate.of(2023, 1 + r.nextInt(12), 1)));
        shapes.put("word, from", r -> criteria(Corpus.commonWord(r), null, year(r)));
        shapes.put("two words", r -> criteria(Corpus.commonWord(r) + " " + Corpus.commonWord(r), null, null));
        shapes.put("word OR word", r -> criteria(Corpus.commonWord(r) + " OR " + Corpus.commonWord(r), null, null));
        shapes.put("prefix", r -> criteria(Corpus.prefix(r), null, null));
        shapes.put("prefix, country", r -> criteria(Corpus.prefix(r), Corpus.country(r), null));
        try (DirectoryReader reader = DirectoryReader.open(FSDirectory.open(Path.of(args[0])))) {
            IndexSearcher searcher = new IndexSearcher(reader);
            for (int round = 0; round < 3; round++) {
                if (round == 2) {
                    System.out.println("| search | candidates (estimate) | matches | two passes, ms | one pass, ms |");
                    System.out.println("|---|---|---|---|---|");
                }
                for (Map.Entry<String, Function<Random, StatementCriteria>> shape : shapes.entrySet()) {
                    double[] millis = new double[2];
                    long candidates = 0;
                    long matches = 0;
                    for (int way = 0; way < 2; way++) {
                        Random random = new Random(7);
                        long started = System.nanoTime();
                        for (int i = 0; i < searches; i++) {
                            Query query =
                                    LuceneQueries.matching(shape.getValue().apply(random));
                            long total = TopMatches.ranked(searcher, query, 20, way == 0 ? 0 : Long.MAX_VALUE)
                                    .total();
                            matches += way == 0 ? total : 0;
                        }
                        millis[way] = (System.nanoTime() - started) / 1e6 / searches;
                    }
                    Random random = new Random(7);
                    for (int i = 0; i < searches; i++) {
                        candidates += TopMatches.candidates(
                                searcher,
                                LuceneQueries.matching(shape.getValue().apply(random)));
                    }
                    if (round == 2) {
                        System.out.printf(
                                "| %s | %d | %d | %.2f | %.2f |%n",
                                shape.getKey(), candidates / searches, matches / searches, millis[0], millis[1]);
                    }
                }
            }
        }
    }

    private static StatementCriteria criteria(String q, String country, LocalDate from) {
        return new StatementCriteria(
                SearchQuery.parse(q),
                null,
                null,
                country,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                from,
                null,
                null);
    }

    private static LocalDate year(Random random) {
        return LocalDate.of(2000 + random.nextInt(20), 1, 1);
    }
}
