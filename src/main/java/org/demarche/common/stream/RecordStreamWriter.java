package org.demarche.common.stream;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.SequenceWriter;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.ext.MessageBodyWriter;
import jakarta.ws.rs.ext.Provider;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.lang.annotation.Annotation;
import java.lang.reflect.Type;

/**
 * Writes a {@link RecordStream} as CSV (RFC 4180, header row, CRLF) or NDJSON (one JSON record a line), in
 * UTF-8. It is declared for any type because Quarkus REST picks writers by a method's declared return
 * type, and list methods declare the JSON page; at run time it takes only streams.
 */
@Provider
@Produces({ListFormat.TEXT_CSV, ListFormat.APPLICATION_NDJSON})
public class RecordStreamWriter implements MessageBodyWriter<Object> {

    private static final CsvMapper CSV = new CsvMapper();

    private final ObjectMapper json;

    public RecordStreamWriter(ObjectMapper json) {
        this.json = json;
    }

    @Override
    public boolean isWriteable(Class<?> type, Type genericType, Annotation[] annotations, MediaType mediaType) {
        return RecordStream.class.isAssignableFrom(type);
    }

    @Override
    public void writeTo(
            Object entity,
            Class<?> type,
            Type genericType,
            Annotation[] annotations,
            MediaType mediaType,
            MultivaluedMap<String, Object> headers,
            OutputStream out)
            throws IOException {
        RecordStream<?> stream = (RecordStream<?>) entity;
        try {
            if (mediaType.isCompatible(ListFormat.CSV.mediaType)) {
                writeCsv(stream, out);
            } else {
                writeNdjson(stream, out);
            }
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }

    private void writeCsv(RecordStream<?> stream, OutputStream out) throws IOException {
        CsvColumns columns = new CsvColumns(json, stream.itemType());
        CsvSchema.Builder schema = CsvSchema.builder();
        columns.headers().forEach(schema::addColumn);
        try (SequenceWriter rows = CSV.writer(schema.build().withHeader().withLineSeparator("\r\n"))
                .without(JsonGenerator.Feature.AUTO_CLOSE_TARGET)
                .writeValues(out)) {
            stream.forEach(record -> {
                try {
                    rows.write(columns.row(json.valueToTree(record)));
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        }
    }

    private void writeNdjson(RecordStream<?> stream, OutputStream out) {
        ObjectWriter writer = json.writer().without(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
        stream.forEach(record -> {
            try {
                writer.writeValue(out, record);
                out.write('\n');
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }
}
