package org.demarche.search;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.util.Arrays;
import java.util.function.IntPredicate;
import java.util.stream.IntStream;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.NoMergePolicy;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexOrDocValuesQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.store.Directory;
import org.demarche.statement.TextAnalysis;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Whichever way {@link TopMatches} takes (the index's own count, one pass, or ranking and counting in
 * two), the total is every live match and the first matches are those Lucene ranks first. The index
 * has several segments; it is searched as written, where the index knows how many documents hold a
 * word, and after a document is deleted, where it does not.
 */
class TopMatchesTest {

    private static final int DOCS = 3_000;
    private static final int DELETED = 42;
    private static Directory directory;
    private static IndexSearcher asWritten;
    private static IndexSearcher afterDelete;

    @BeforeAll
    static void index() throws IOException {
        directory = new ByteBuffersDirectory();
        try (IndexWriter writer = new IndexWriter(
                directory, new IndexWriterConfig(TextAnalysis.ANALYZER).setMergePolicy(NoMergePolicy.INSTANCE))) {
            for (int i = 0; i < DOCS; i++) {
                Document doc = new Document();
                doc.add(new StringField("n", Integer.toString(i), Field.Store.NO));
                doc.add(new TextField("text", text(i), Field.Store.NO));
                doc.add(new StringField("country", i % 3 == 0 ? "RU" : "US", Field.Store.NO));
                doc.add(new LongPoint("day", i));
                doc.add(new NumericDocValuesField("day", i));
                writer.addDocument(doc);
                if (i % 700 == 699) {
                    writer.commit();
                }
            }
            writer.commit();
            asWritten = new IndexSearcher(DirectoryReader.open(directory));
            writer.deleteDocuments(new Term("n", Integer.toString(DELETED)));
        }
        afterDelete = new IndexSearcher(DirectoryReader.open(directory));
    }

    @AfterAll
    static void close() throws IOException {
        asWritten.getIndexReader().close();
        afterDelete.getIndexReader().close();
        directory.close();
    }

    /** "ceasefire" in every other document, repeated up to four times, so scores differ and tie. */
    private static String text(int i) {
        return i % 2 == 0 ? "ceasefire ".repeat(1 + i % 4) + "talks" : "talks only";
    }

    private static long expected(IndexSearcher searcher, IntPredicate matches) {
        return IntStream.range(0, DOCS)
                .filter(i -> searcher == asWritten || i != DELETED)
                .filter(matches)
                .count();
    }

    private static Query word() {
        return new TermQuery(new Term("text", "ceasefir"));
    }

    private static Query wordInRussiaFrom(long day) {
        return new BooleanQuery.Builder()
                .add(word(), Occur.MUST)
                .add(new TermQuery(new Term("country", "RU")), Occur.FILTER)
                .add(
                        new IndexOrDocValuesQuery(
                                LongPoint.newRangeQuery("day", day, Long.MAX_VALUE),
                                NumericDocValuesField.newSlowRangeQuery("day", day, Long.MAX_VALUE)),
                        Occur.FILTER)
                .build();
    }

    @Test
    void rankedCountsEveryLiveMatchInOnePassOrTwoWithTheSameFirstMatches() throws IOException {
        for (IndexSearcher searcher : new IndexSearcher[] {asWritten, afterDelete}) {
            for (Query query : new Query[] {word(), wordInRussiaFrom(0), wordInRussiaFrom(1_000)}) {
                TopMatches.Result onePass = TopMatches.ranked(searcher, query, 20, Long.MAX_VALUE);
                TopMatches.Result twoPasses = TopMatches.ranked(searcher, query, 20, 0);
                assertEquals(twoPasses.total(), onePass.total(), query.toString());
                assertEquals(20, onePass.docs().scoreDocs.length);
                assertArrayEquals(
                        docs(searcher.search(query, 20).scoreDocs), docs(onePass.docs().scoreDocs), query.toString());
                assertArrayEquals(docs(onePass.docs().scoreDocs), docs(twoPasses.docs().scoreDocs), query.toString());
            }
            assertEquals(
                    expected(searcher, i -> i % 2 == 0),
                    TopMatches.ranked(searcher, word(), 20).total());
            assertEquals(
                    expected(searcher, i -> i % 6 == 0),
                    TopMatches.ranked(searcher, wordInRussiaFrom(0), 20).total());
            assertEquals(
                    expected(searcher, i -> i % 6 == 0 && i >= 1_000),
                    TopMatches.ranked(searcher, wordInRussiaFrom(1_000), 20, 0).total());
        }
    }

    @Test
    void sortedCountsEveryLiveMatchWhetherTheIndexKnowsTheCountOrNot() throws IOException {
        Sort byDayDescending = new Sort(new SortField("day", SortField.Type.LONG, true));
        for (IndexSearcher searcher : new IndexSearcher[] {asWritten, afterDelete}) {
            TopMatches.Result word = TopMatches.sorted(searcher, word(), byDayDescending, null, 5);
            assertEquals(expected(searcher, i -> i % 2 == 0), word.total());
            assertArrayEquals(new int[] {2998, 2996, 2994, 2992, 2990}, docs(word.docs().scoreDocs));
            TopMatches.Result filtered = TopMatches.sorted(searcher, wordInRussiaFrom(1_000), byDayDescending, null, 5);
            assertEquals(expected(searcher, i -> i % 6 == 0 && i >= 1_000), filtered.total());
            assertArrayEquals(new int[] {2994, 2988, 2982, 2976, 2970}, docs(filtered.docs().scoreDocs));
        }
    }

    /** Document numbers, which are the days: documents were added one a day and never merged. */
    private static int[] docs(ScoreDoc[] hits) {
        return Arrays.stream(hits).mapToInt(hit -> hit.doc).toArray();
    }
}
