package org.demarche.search;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.miscellaneous.PerFieldAnalyzerWrapper;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.document.SortedDocValuesField;
import org.apache.lucene.document.SortedSetDocValuesField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.util.BytesRef;
import org.demarche.source.Source;
import org.demarche.statement.Statement;
import org.demarche.statement.TextAnalysis;
import org.demarche.topic.Topic;

/** How a statement is stored in the Lucene index: its text for search, and every filter and sort value. */
public final class StatementDocuments {

    public static final String ID = "id";
    public static final String TEXT = "text";
    /** The text's words as written, for prefixes ({@link TextAnalysis#WORDS}). */
    public static final String TEXT_WORDS = "textWords";
    /** The text as pairs of neighbouring terms, for phrases ({@link TextAnalysis#PAIRS}). */
    public static final String TEXT_PAIRS = "textPairs";

    /**
     * Every official a statement speaks for: its official and its signatories (a joint statement), for the
     * officialId filter and the counts by official, so a joint statement is found and counted under each.
     */
    public static final String SPEAKER = "speaker";

    public static final String COUNTRY = "country";
    public static final String TOPIC = "topic";
    public static final String QUOTE_TYPE = "quoteType";
    public static final String MEDIUM = "medium";
    public static final String LANGUAGE = "language";
    public static final String VERIFICATION = "verification";
    public static final String SOURCE = "source";
    public static final String EVENT = "event";
    public static final String OUTLET = "outlet";
    public static final String MENTION = "mention";
    public static final String STATED_ON_START = "statedOnStart";
    public static final String STATED_ON_END = "statedOnEnd";
    public static final String CREATED_AT = "createdAt";
    public static final String UPDATED_AT = "updatedAt";
    /** Country, quote type, medium and the year of statedOnStart for facets ({@link FacetCode}). */
    public static final String FACET_CODE = "facetCode";
    /** How documents are laid out; an index written with another layout is rebuilt at start. */
    public static final String LAYOUT = "8/" + FacetCode.VERSION;

    private StatementDocuments() {}

    /** How the fields are analysed: the text as terms, words and pairs; other fields are not analysed. */
    public static final Analyzer ANALYZER = new PerFieldAnalyzerWrapper(
            TextAnalysis.ANALYZER, Map.of(TEXT_PAIRS, TextAnalysis.PAIRS, TEXT_WORDS, TextAnalysis.WORDS));

    public static Document of(Statement statement) {
        Document doc = new Document();
        String id = statement.id.toString();
        doc.add(new StringField(ID, id, Field.Store.NO));
        doc.add(new SortedDocValuesField(ID, new BytesRef(id)));
        doc.add(new TextField(TEXT, statement.text, Field.Store.NO));
        doc.add(new TextField(TEXT_PAIRS, statement.text, Field.Store.NO));
        doc.add(new TextField(TEXT_WORDS, statement.text, Field.Store.NO));
        for (String speaker : speakers(statement)) {
            doc.add(new StringField(SPEAKER, speaker, Field.Store.NO));
            doc.add(new SortedSetDocValuesField(SPEAKER, new BytesRef(speaker)));
        }
        doc.add(new StringField(COUNTRY, statement.official.country, Field.Store.NO));
        for (Topic topic : statement.topics) {
            doc.add(new StringField(TOPIC, topic.id.toString(), Field.Store.NO));
            doc.add(new SortedSetDocValuesField(TOPIC, new BytesRef(topic.id.toString())));
        }
        doc.add(new StringField(QUOTE_TYPE, statement.quoteType.name(), Field.Store.NO));
        if (statement.medium != null) {
            doc.add(new StringField(MEDIUM, statement.medium.name(), Field.Store.NO));
        }
        if (statement.language != null) {
            doc.add(new StringField(LANGUAGE, lowerCase(statement.language), Field.Store.NO));
        }
        doc.add(new StringField(VERIFICATION, statement.verification.name(), Field.Store.NO));
        for (Source source : statement.sources) {
            doc.add(new StringField(SOURCE, source.id.toString(), Field.Store.NO));
            doc.add(new StringField(OUTLET, lowerCase(source.outlet), Field.Store.NO));
        }
        if (statement.event != null) {
            doc.add(new StringField(EVENT, statement.event.id.toString(), Field.Store.NO));
        }
        for (String mention : statement.mentions) {
            doc.add(new StringField(MENTION, mention, Field.Store.NO));
        }
        long start = statement.statedOnStart.toEpochDay();
        doc.add(new LongPoint(STATED_ON_START, start));
        doc.add(new NumericDocValuesField(STATED_ON_START, start));
        doc.add(new NumericDocValuesField(
                FACET_CODE,
                FacetCode.of(
                        statement.official.country,
                        statement.quoteType,
                        statement.medium,
                        statement.statedOnStart.getYear())));
        long end = statement.statedOnEnd.toEpochDay();
        doc.add(new LongPoint(STATED_ON_END, end));
        doc.add(new NumericDocValuesField(STATED_ON_END, end));
        long created = micros(statement.createdAt);
        doc.add(new LongPoint(CREATED_AT, created));
        doc.add(new NumericDocValuesField(CREATED_AT, created));
        long updated = micros(statement.updatedAt);
        doc.add(new LongPoint(UPDATED_AT, updated));
        doc.add(new NumericDocValuesField(UPDATED_AT, updated));
        return doc;
    }

    /** The ids of the officials a statement speaks for: its official first, then its signatories. */
    public static List<String> speakers(Statement statement) {
        List<String> ids = new ArrayList<>();
        ids.add(statement.official.id.toString());
        statement.signatories.forEach(official -> ids.add(official.id.toString()));
        return ids;
    }

    public static String lowerCase(String text) {
        return text.toLowerCase(Locale.ROOT);
    }

    /** Instants to the microsecond, as the database keeps them. */
    public static long micros(Instant instant) {
        return ChronoUnit.MICROS.between(Instant.EPOCH, instant);
    }
}
