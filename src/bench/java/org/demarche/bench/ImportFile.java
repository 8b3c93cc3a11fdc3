package org.demarche.bench;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Writes the {@link Corpus} as an NDJSON file for {@code POST /api/v1/import}, the way a dataset written
 * by hand would look: no ids, every record and reference by natural key (officials by name and country,
 * topics by slug, sources by url). Officials, topics and sources come first, then statements {@code 0}
 * to {@code n - 1}. With {@code ids}, officials, topics and sources carry their {@link Corpus#id} too, so
 * that a program can refer to them as it does to a corpus {@link Corpus} wrote into the tables.
 *
 * <p>Usage: {@code ImportFile <file> <statements> [seed [ids]]}; prints the number of lines written.
 */
public final class ImportFile {

    public static void main(String[] args) throws IOException {
        Path file = Path.of(args[0]);
        long statements = Long.parseLong(args[1]);
        long seed = args.length > 2 ? Long.parseLong(args[2]) : 42;
        boolean ids = args.length > 3 && args[3].equals("ids");
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(file), 1 << 16);
                JsonGenerator json = new JsonFactory().createGenerator(out)) {
            json.setRootValueSeparator(null);
            for (Corpus.OfficialRow official : Corpus.officials(seed)) {
                json.writeStartObject();
                json.writeStringField("type", "official");
                id(json, ids, "official", official.index());
                json.writeStringField("name", official.name());
                json.writeStringField("country", official.country());
                json.writeStringField("title", official.title());
                json.writeStringField("organization", official.organization());
                end(json);
            }
            for (int i = 0; i < Corpus.TOPICS; i++) {
                json.writeStartObject();
                json.writeStringField("type", "topic");
                id(json, ids, "topic", i);
                json.writeStringField("slug", Corpus.topicSlug(i));
                json.writeStringField("name", "Topic " + i);
                if (Corpus.topicParent(i) != null) {
                    json.writeStringField("parent", Corpus.topicSlug(Corpus.topicParent(i)));
                }
                end(json);
            }
            for (int i = 0; i < Corpus.SOURCES; i++) {
                json.writeStartObject();
                json.writeStringField("type", "source");
                id(json, ids, "source", i);
                json.writeStringField("url", Corpus.sourceUrl(i));
                json.writeStringField("outlet", Corpus.sourceOutlet(i));
                json.writeStringField("language", "en");
                end(json);
            }
            Corpus.OfficialRow[] officials = Corpus.officials(seed).toArray(Corpus.OfficialRow[]::new);
            for (long i = 0; i < statements; i++) {
                Corpus.StatementRow row = Corpus.statement(seed, i);
                Corpus.OfficialRow official = officials[row.official()];
                json.writeStartObject();
                json.writeStringField("type", "statement");
                json.writeObjectFieldStart("official");
                json.writeStringField("name", official.name());
                json.writeStringField("country", official.country());
                json.writeEndObject();
                json.writeStringField("text", row.text());
                json.writeStringField("quoteType", row.quoteType());
                json.writeStringField("language", "en");
                json.writeStringField("statedOn", row.statedOn());
                if (row.venue() != null) {
                    json.writeStringField("venue", row.venue());
                }
                if (row.medium() != null) {
                    json.writeStringField("medium", row.medium());
                }
                json.writeArrayFieldStart("topics");
                for (int topic : row.topics()) {
                    json.writeString(Corpus.topicSlug(topic));
                }
                json.writeEndArray();
                json.writeArrayFieldStart("sources");
                json.writeString(Corpus.sourceUrl(row.source()));
                json.writeEndArray();
                json.writeArrayFieldStart("mentions");
                for (String mention : row.mentions()) {
                    json.writeString(mention);
                }
                json.writeEndArray();
                json.writeStringField("verification", row.verification());
                end(json);
            }
        }
        System.out.println(Corpus.OFFICIALS + Corpus.TOPICS + Corpus.SOURCES + statements);
    }

    private static void id(JsonGenerator json, boolean ids, String kind, long i) throws IOException {
        if (ids) {
            json.writeStringField("id", Corpus.id(kind, i).toString());
        }
    }

    private static void end(JsonGenerator json) throws IOException {
        json.writeEndObject();
        json.writeRaw('\n');
    }
}
