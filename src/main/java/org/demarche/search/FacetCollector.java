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
    private final SortedSetDocValues[] values = new SortedSetDocValues[ORDER.size()];
    private final int[][] tallies = new int[ORDER.size()][];
    /** Counts per year, 0000 to 9999 as partial dates allow. */
    private final long[] years = new long[YEARS];
    private NumericDocValues statedOn;
    private long total;

    private static final int FIRST_YEAR = 0;
    private static final int YEARS = 10_000;

    FacetCollector() {
        ORDER.forEach(facet -> counts.put(facet, new HashMap<>()));
    }

    @Override
    public ScoreMode scoreMode() {
        return ScoreMode.COMPLETE_NO_SCORES;
    }

    @Override
    protected void doSetNextReader(LeafReaderContext context) throws IOException {
        flush();
        for (int f = 0; f < ORDER.size(); f++) {
            values[f] = DocValues.getSortedSet(context.reader(), FIELDS.get(ORDER.get(f)));
            tallies[f] = new int[(int) values[f].getValueCount()];
        }
        statedOn = DocValues.getNumeric(context.reader(), StatementDocuments.STATED_ON_START);
    }

    @Override
    public void collect(int doc) throws IOException {
        total++;
        for (int f = 0; f < values.length; f++) {
            SortedSetDocValues docValues = values[f];
            if (docValues.advanceExact(doc)) {
                int[] tally = tallies[f];
                for (int i = docValues.docValueCount(); i > 0; i--) {
                    tally[(int) docValues.nextOrd()]++;
                }
            }
        }
        if (statedOn.advanceExact(doc)) {
            int year = LocalDate.ofEpochDay(statedOn.longValue()).getYear() - FIRST_YEAR;
            if (year >= 0 && year < YEARS) {
                years[year]++;
            }
        }
    }

    @Override
    public void finish() throws IOException {
        flush();
    }

    /** Turns the ordinal counts of the segment just read into terms. */
    private void flush() throws IOException {
        for (int f = 0; f < values.length; f++) {
            int[] tally = tallies[f];
            if (tally == null) {
                continue;
            }
            Map<String, Long> facet = counts.get(ORDER.get(f));
            for (int ord = 0; ord < tally.length; ord++) {
                if (tally[ord] > 0) {
                    facet.merge(values[f].lookupOrd(ord).utf8ToString(), (long) tally[ord], Long::sum);
                }
            }
            tallies[f] = null;
        }
    }

    FacetCounts result() {
        Map<String, Long> byYear = new HashMap<>();
        for (int year = 0; year < YEARS; year++) {
            if (years[year] > 0) {
                byYear.put(Integer.toString(FIRST_YEAR + year), years[year]);
            }
        }
        counts.put(FacetCounts.YEAR, byYear);
        return new FacetCounts(total, counts);
    }
}
