package org.demarche.search;

import java.io.IOException;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.NumericDocValues;
import org.apache.lucene.index.SortedDocValues;
import org.apache.lucene.index.SortedSetDocValues;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.SimpleCollector;
import org.demarche.statement.FacetCounts;

/**
 * Counts the matching documents per facet value from doc values: per segment by ordinal in an int
 * array (cheap per hit), turned into terms once per segment.
 */
final class FacetCollector extends SimpleCollector {

    /** Single-valued facets, read from sorted doc values, by the FacetCounts name they report under. */
    private static final List<String> SINGLE = List.of(FacetCounts.OFFICIAL, FacetCounts.COUNTRY,
            FacetCounts.QUOTE_TYPE, FacetCounts.MEDIUM);
    private static final Map<String, String> FIELDS = Map.of(
            FacetCounts.OFFICIAL, StatementDocuments.OFFICIAL,
            FacetCounts.COUNTRY, StatementDocuments.COUNTRY,
            FacetCounts.QUOTE_TYPE, StatementDocuments.QUOTE_TYPE,
            FacetCounts.MEDIUM, StatementDocuments.MEDIUM);
    /** Counts per year, 0000 to 9999 as partial dates allow. */
    private static final int YEARS = 10_000;

    private final Map<String, Map<String, Long>> counts = new LinkedHashMap<>();
    private final SortedDocValues[] single = new SortedDocValues[SINGLE.size()];
    private final int[][] singleTallies = new int[SINGLE.size()][];
    private SortedSetDocValues topics;
    private int[] topicTallies;
    private NumericDocValues year;
    private final long[] years = new long[YEARS];
    private long total;

    FacetCollector() {
        SINGLE.forEach(facet -> counts.put(facet, new HashMap<>()));
        counts.put(FacetCounts.TOPIC, new HashMap<>());
    }

    @Override
    public ScoreMode scoreMode() {
        return ScoreMode.COMPLETE_NO_SCORES;
    }

    @Override
    protected void doSetNextReader(LeafReaderContext context) throws IOException {
        flush();
        for (int f = 0; f < single.length; f++) {
            single[f] = DocValues.getSorted(context.reader(), FIELDS.get(SINGLE.get(f)));
            singleTallies[f] = new int[single[f].getValueCount()];
        }
        topics = DocValues.getSortedSet(context.reader(), StatementDocuments.TOPIC);
        topicTallies = new int[(int) topics.getValueCount()];
        year = DocValues.getNumeric(context.reader(), StatementDocuments.YEAR);
    }

    @Override
    public void collect(int doc) throws IOException {
        total++;
        for (int f = 0; f < single.length; f++) {
            if (single[f].advanceExact(doc)) {
                singleTallies[f][single[f].ordValue()]++;
            }
        }
        if (topics.advanceExact(doc)) {
            for (int i = topics.docValueCount(); i > 0; i--) {
                topicTallies[(int) topics.nextOrd()]++;
            }
        }
        if (year.advanceExact(doc)) {
            long value = year.longValue();
            if (value >= 0 && value < YEARS) {
                years[(int) value]++;
            }
        }
    }

    @Override
    public void finish() throws IOException {
        flush();
    }

    /** Turns the ordinal counts of the segment just read into terms. */
    private void flush() throws IOException {
        for (int f = 0; f < single.length; f++) {
            if (singleTallies[f] == null) {
                continue;
            }
            Map<String, Long> facet = counts.get(SINGLE.get(f));
            for (int ord = 0; ord < singleTallies[f].length; ord++) {
                if (singleTallies[f][ord] > 0) {
                    facet.merge(single[f].lookupOrd(ord).utf8ToString(), (long) singleTallies[f][ord], Long::sum);
                }
            }
            singleTallies[f] = null;
        }
        if (topicTallies != null) {
            Map<String, Long> facet = counts.get(FacetCounts.TOPIC);
            for (int ord = 0; ord < topicTallies.length; ord++) {
                if (topicTallies[ord] > 0) {
                    facet.merge(topics.lookupOrd(ord).utf8ToString(), (long) topicTallies[ord], Long::sum);
                }
            }
            topicTallies = null;
        }
    }

    FacetCounts result() {
        Map<String, Long> byYear = new HashMap<>();
        for (int y = 0; y < YEARS; y++) {
            if (years[y] > 0) {
                byYear.put(Integer.toString(y), years[y]);
            }
        }
        counts.put(FacetCounts.YEAR, byYear);
        return new FacetCounts(total, counts);
    }
}
