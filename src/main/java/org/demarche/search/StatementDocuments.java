package org.demarche.search;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
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
import org.demarche.topic.Topic;

/** How a statement is stored in the Lucene index: its text for search, and every filter and sort value. */
final class StatementDocuments {

    static final String ID = "id";
    static final String TEXT = "text";
    static final String OFFICIAL = "official";
    static final String COUNTRY = "country";
    static final String TOPIC = "topic";
    static final String QUOTE_TYPE = "quoteType";
    static final String MEDIUM = "medium";
    static final String LANGUAGE = "language";
    static final String VERIFICATION = "verification";
    static final String SOURCE = "source";
    static final String OUTLET = "outlet";
    static final String MENTION = "mention";
    static final String STATED_ON_START = "statedOnStart";
    static final String STATED_ON_END = "statedOnEnd";
    static final String CREATED_AT = "createdAt";
    static final String UPDATED_AT = "updatedAt";
    /** The year of statedOnStart, counted by the year facet. */
    static final String YEAR = "year";
    /** How documents are laid out; an index written with another layout is rebuilt at start. */
    static final String LAYOUT = "2";

    private StatementDocuments() {
    }

    static Document of(Statement statement) {
        Document doc = new Document();
        String id = statement.id.toString();
        doc.add(new StringField(ID, id, Field.Store.YES));
        doc.add(new SortedDocValuesField(ID, new BytesRef(id)));
        doc.add(new TextField(TEXT, statement.text, Field.Store.NO));
        facet(doc, OFFICIAL, statement.official.id.toString());
        facet(doc, COUNTRY, statement.official.country);
        for (Topic topic : statement.topics) {
            doc.add(new StringField(TOPIC, topic.id.toString(), Field.Store.NO));
            doc.add(new SortedSetDocValuesField(TOPIC, new BytesRef(topic.id.toString())));
        }
        facet(doc, QUOTE_TYPE, statement.quoteType.name());
        if (statement.medium != null) {
            facet(doc, MEDIUM, statement.medium.name());
        }
        if (statement.language != null) {
            doc.add(new StringField(LANGUAGE, lowerCase(statement.language), Field.Store.NO));
        }
        doc.add(new StringField(VERIFICATION, statement.verification.name(), Field.Store.NO));
        for (Source source : statement.sources) {
            doc.add(new StringField(SOURCE, source.id.toString(), Field.Store.NO));
            doc.add(new StringField(OUTLET, lowerCase(source.outlet), Field.Store.NO));
        }
        for (String mention : statement.mentions) {
            doc.add(new StringField(MENTION, mention, Field.Store.NO));
        }
        long start = statement.statedOnStart.toEpochDay();
        doc.add(new LongPoint(STATED_ON_START, start));
        doc.add(new NumericDocValuesField(STATED_ON_START, start));
        doc.add(new NumericDocValuesField(YEAR, statement.statedOnStart.getYear()));
        doc.add(new LongPoint(STATED_ON_END, statement.statedOnEnd.toEpochDay()));
        long created = micros(statement.createdAt);
        doc.add(new LongPoint(CREATED_AT, created));
        doc.add(new NumericDocValuesField(CREATED_AT, created));
        long updated = micros(statement.updatedAt);
        doc.add(new LongPoint(UPDATED_AT, updated));
        doc.add(new NumericDocValuesField(UPDATED_AT, updated));
        return doc;
    }

    /** A single value that can be filtered on and counted (topics, of which there are several, are kept apart). */
    private static void facet(Document doc, String field, String value) {
        doc.add(new StringField(field, value, Field.Store.NO));
        doc.add(new SortedDocValuesField(field, new BytesRef(value)));
    }

    static String lowerCase(String text) {
        return text.toLowerCase(Locale.ROOT);
    }

    /** Instants to the microsecond, as the database keeps them. */
    static long micros(Instant instant) {
        return ChronoUnit.MICROS.between(Instant.EPOCH, instant);
    }
}
