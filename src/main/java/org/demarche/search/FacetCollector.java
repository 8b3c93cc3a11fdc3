package org.demarche.search;

import java.io.IOException;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.IntFunction;
import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.NumericDocValues;
import org.apache.lucene.index.SortedSetDocValues;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.SimpleCollector;
import org.demarche.statement.FacetCounts;

/**
 * Counts the matching documents per facet value from doc values, reading three per match: the
 * officials it speaks for (its official and signatories, each counted) and the topics by ordinal per segment (turned into ids once per segment), and the country,
 * quote type, medium and year from one {@link FacetCode}.
 */
final class FacetCollector extends SimpleCollector {

    private final Map<String, Long> officials = new HashMap<>();
    private final Map<String, Long> topics = new HashMap<>();
    private final long[] countries = new long[FacetCode.COUNTRIES];
    private final long[] quoteTypes = new long[FacetCode.QUOTE_TYPES_ROOM];
    private final long[] media = new long[FacetCode.MEDIA_ROOM];
    private final long[] years = new long[FacetCode.YEARS];
    private long total;

    private SortedSetDocValues official;
    private int[] officialTallies;
    private SortedSetDocValues topic;
    private int[] topicTallies;
    private NumericDocValues codes;

    @Override
    public ScoreMode scoreMode() {
        return ScoreMode.COMPLETE_NO_SCORES;
    }

    @Override
    protected void doSetNextReader(LeafReaderContext context) throws IOException {
        flush();
        official = DocValues.getSortedSet(context.reader(), StatementDocuments.SPEAKER);
        officialTallies = new int[(int) official.getValueCount()];
        topic = DocValues.getSortedSet(context.reader(), StatementDocuments.TOPIC);
        topicTallies = new int[(int) topic.getValueCount()];
        codes = DocValues.getNumeric(context.reader(), StatementDocuments.FACET_CODE);
    }

    @Override
    public void collect(int doc) throws IOException {
        total++;
        if (official.advanceExact(doc)) {
            for (int i = official.docValueCount(); i > 0; i--) {
                officialTallies[(int) official.nextOrd()]++;
            }
        }
        if (topic.advanceExact(doc)) {
            for (int i = topic.docValueCount(); i > 0; i--) {
                topicTallies[(int) topic.nextOrd()]++;
            }
        }
        if (codes.advanceExact(doc)) {
            long code = codes.longValue();
            quoteTypes[FacetCode.quoteType(code)]++;
            media[FacetCode.medium(code)]++;
            int year = FacetCode.year(code);
            if (year >= 0) {
                years[year]++;
            }
            countries[FacetCode.country(code)]++;
        }
    }

    @Override
    public void finish() throws IOException {
        flush();
    }

    /** Turns the ordinal counts of the segment just read into ids. */
    private void flush() throws IOException {
        if (officialTallies != null) {
            for (int ord = 0; ord < officialTallies.length; ord++) {
                if (officialTallies[ord] > 0) {
                    officials.merge(official.lookupOrd(ord).utf8ToString(), (long) officialTallies[ord], Long::sum);
                }
            }
            officialTallies = null;
        }
        if (topicTallies != null) {
            for (int ord = 0; ord < topicTallies.length; ord++) {
                if (topicTallies[ord] > 0) {
                    topics.merge(topic.lookupOrd(ord).utf8ToString(), (long) topicTallies[ord], Long::sum);
                }
            }
            topicTallies = null;
        }
    }

    FacetCounts result() {
        Map<String, Map<String, Long>> counts = new LinkedHashMap<>();
        counts.put(FacetCounts.OFFICIAL, officials);
        counts.put(FacetCounts.COUNTRY, named(countries, 1, FacetCode::countryName));
        counts.put(FacetCounts.TOPIC, topics);
        counts.put(FacetCounts.QUOTE_TYPE, named(quoteTypes, 0, FacetCode::quoteTypeName));
        counts.put(FacetCounts.MEDIUM, named(media, 1, FacetCode::mediumName));
        counts.put(FacetCounts.YEAR, named(years, 0, Integer::toString));
        return new FacetCounts(total, counts);
    }

    /** The tallies from {@code first} on that counted something, by the name of their number. */
    private static Map<String, Long> named(long[] tallies, int first, IntFunction<String> name) {
        Map<String, Long> counts = new HashMap<>();
        for (int number = first; number < tallies.length; number++) {
            if (tallies[number] > 0) {
                counts.put(name.apply(number), tallies[number]);
            }
        }
        return counts;
    }
}
