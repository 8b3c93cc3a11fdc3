package org.demarche.search;

import java.io.IOException;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.NumericDocValues;
import org.apache.lucene.index.SortedSetDocValues;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.SimpleCollector;
import org.demarche.statement.FacetCounts;

/**
 * Counts the matching documents per facet value from doc values: per segment by ordinal in an int
 * array (cheap per hit), turned into terms once per segment.
 */
final class FacetCollector extends SimpleCollector {

    /** Facets read from sorted-set doc values, by the FacetCounts name they report under. */
    private static final Map<String, String> FIELDS = Map.of(
            FacetCounts.OFFICIAL, StatementDocuments.OFFICIAL,
            FacetCounts.COUNTRY, StatementDocuments.COUNTRY,
            FacetCounts.TOPIC, StatementDocuments.TOPIC,
            FacetCounts.QUOTE_TYPE, StatementDocuments.QUOTE_TYPE,
            FacetCounts.MEDIUM, StatementDocuments.MEDIUM);
    private static final List<String> ORDER = List.of(FacetCounts.OFFICIAL, FacetCounts.COUNTRY, FacetCounts.TOPIC,
            FacetCounts.QUOTE_TYPE, FacetCounts.MEDIUM);

    private final Map<String, Map<String, Long>> counts = new LinkedHashMap<>();
    private final Map<String, SortedSetDocValues> values = new HashMap<>();
    private final Map<String, int[]> ordinalCounts = new HashMap<>();
    private final Map<Integer, Long> years = new HashMap<>();
    private NumericDocValues statedOn;
    private long total;

    FacetCollector() {
        ORDER.forEach(facet -> counts.put(facet, new HashMap<>()));
    }

    @Override
    public ScoreMode scoreMode() {
        return ScoreMode.COMPLETE_NO_SCORES;
    }

    @Override
    protected void doSetNextReader(LeafReaderContext context) throws IOException {
        for (String facet : ORDER) {
            SortedSetDocValues docValues = DocValues.getSortedSet(context.reader(), FIELDS.get(facet));
            values.put(facet, docValues);
            ordinalCounts.put(facet, new int[(int) docValues.getValueCount()]);
        }
        statedOn = DocValues.getNumeric(context.reader(), StatementDocuments.STATED_ON_START);
    }

    @Override
    public void collect(int doc) throws IOException {
        total++;
        for (String facet : ORDER) {
            SortedSetDocValues docValues = values.get(facet);
            if (docValues.advanceExact(doc)) {
                int[] tally = ordinalCounts.get(facet);
                for (int i = 0; i < docValues.docValueCount(); i++) {
                    tally[(int) docValues.nextOrd()]++;
                }
            }
        }
        if (statedOn.advanceExact(doc)) {
            years.merge(LocalDate.ofEpochDay(statedOn.longValue()).getYear(), 1L, Long::sum);
        }
    }

    @Override
    public void finish() throws IOException {
        for (String facet : ORDER) {
            int[] tally = ordinalCounts.get(facet);
            SortedSetDocValues docValues = values.get(facet);
            for (int ord = 0; ord < tally.length; ord++) {
                if (tally[ord] > 0) {
                    counts.get(facet).merge(docValues.lookupOrd(ord).utf8ToString(), (long) tally[ord], Long::sum);
                }
            }
        }
    }

    FacetCounts result() {
        Map<String, Long> byYear = new HashMap<>();
        years.forEach((year, count) -> byYear.put(Integer.toString(year), count));
        counts.put(FacetCounts.YEAR, byYear);
        return new FacetCounts(total, counts);
    }
}
