package org.demarche.search;

import java.io.IOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.NumericDocValues;
import org.apache.lucene.index.SortedSetDocValues;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.SimpleCollector;
import org.demarche.statement.CountKey;
import org.demarche.statement.StatementSearch;

/**
 * Counts the matching documents per span of statedOn (first and last day) and value of a key, from doc values:
 * the officials a statement speaks for (its official and signatories, each counted) and topics by ordinal (named
 * once per segment; both for a count by stance), the country and quote type from the {@link FacetCode}.
 */
final class DatedCountCollector extends SimpleCollector {

    private record Span(long start, long end, String key) {}

    private final CountKey key;
    private final Map<Span, Long> counts = new HashMap<>();
    private long total;

    private NumericDocValues starts;
    private NumericDocValues ends;
    private SortedSetDocValues official;
    private SortedSetDocValues topic;
    private NumericDocValues codes;
    private String[] officialNames;
    private String[] topicNames;

    DatedCountCollector(CountKey key) {
        this.key = key;
    }

    @Override
    public ScoreMode scoreMode() {
        return ScoreMode.COMPLETE_NO_SCORES;
    }

    @Override
    protected void doSetNextReader(LeafReaderContext context) throws IOException {
        starts = DocValues.getNumeric(context.reader(), StatementDocuments.STATED_ON_START);
        ends = DocValues.getNumeric(context.reader(), StatementDocuments.STATED_ON_END);
        official = DocValues.getSortedSet(context.reader(), StatementDocuments.SPEAKER);
        topic = DocValues.getSortedSet(context.reader(), StatementDocuments.TOPIC);
        codes = DocValues.getNumeric(context.reader(), StatementDocuments.FACET_CODE);
        officialNames = new String[(int) official.getValueCount()];
        topicNames = new String[(int) topic.getValueCount()];
    }

    @Override
    public void collect(int doc) throws IOException {
        total++;
        if (!starts.advanceExact(doc) || !ends.advanceExact(doc)) {
            return;
        }
        long start = starts.longValue();
        long end = ends.longValue();
        switch (key) {
            case none -> count(start, end, "");
            case official -> {
                if (official.advanceExact(doc)) {
                    for (int i = official.docValueCount(); i > 0; i--) {
                        count(start, end, officialName((int) official.nextOrd()));
                    }
                }
            }
            case topic -> {
                if (topic.advanceExact(doc)) {
                    for (int i = topic.docValueCount(); i > 0; i--) {
                        count(start, end, topicName((int) topic.nextOrd()));
                    }
                }
            }
            case stance -> {
                if (official.advanceExact(doc) && topic.advanceExact(doc)) {
                    String[] topicIds = new String[topic.docValueCount()];
                    for (int i = 0; i < topicIds.length; i++) {
                        topicIds[i] = topicName((int) topic.nextOrd());
                    }
                    for (int i = official.docValueCount(); i > 0; i--) {
                        String officialId = officialName((int) official.nextOrd());
                        for (String topicId : topicIds) {
                            count(start, end, officialId + " " + topicId);
                        }
                    }
                }
            }
            case country -> {
                if (codes.advanceExact(doc) && FacetCode.country(codes.longValue()) > 0) {
                    count(start, end, FacetCode.countryName(FacetCode.country(codes.longValue())));
                }
            }
            case quoteType -> {
                if (codes.advanceExact(doc)) {
                    count(start, end, FacetCode.quoteTypeName(FacetCode.quoteType(codes.longValue())));
                }
            }
        }
    }

    private String officialName(int ord) throws IOException {
        if (officialNames[ord] == null) {
            officialNames[ord] = official.lookupOrd(ord).utf8ToString();
        }
        return officialNames[ord];
    }

    private String topicName(int ord) throws IOException {
        if (topicNames[ord] == null) {
            topicNames[ord] = topic.lookupOrd(ord).utf8ToString();
        }
        return topicNames[ord];
    }

    private void count(long start, long end, String value) {
        counts.merge(new Span(start, end, value), 1L, Long::sum);
    }

    StatementSearch.DatedCounts result() {
        List<StatementSearch.DatedCount> rows = new ArrayList<>();
        counts.forEach((span, count) -> rows.add(new StatementSearch.DatedCount(
                LocalDate.ofEpochDay(span.start()), LocalDate.ofEpochDay(span.end()), span.key(), count)));
        return new StatementSearch.DatedCounts(total, rows);
    }
}
