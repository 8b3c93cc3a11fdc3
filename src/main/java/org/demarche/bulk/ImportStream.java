package org.demarche.bulk;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
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
import java.util.function.Consumer;
import java.util.function.Function;
import org.demarche.common.stream.ListFormat;

/**
 * An import that runs as its NDJSON report is written: each problem on a line of its own as its batch is
 * done, then the report as the last line. The writer is declared for any type, as Quarkus REST picks writers
 * by a method's declared return type and the import method declares the JSON report; it takes only these.
 */
record ImportStream(Function<Consumer<LineError>, ImportReport> run) {

    @Provider
    @Produces(ListFormat.APPLICATION_NDJSON)
    static class Writer implements MessageBodyWriter<Object> {

        private final ObjectWriter lines;

        Writer(ObjectMapper json) {
            this.lines = json.writer().without(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
        }

        @Override
        public boolean isWriteable(Class<?> type, Type genericType, Annotation[] annotations, MediaType mediaType) {
            return ImportStream.class.isAssignableFrom(type);
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
            try {
                write(out, ((ImportStream) entity).run().apply(problem -> write(out, problem)));
            } catch (UncheckedIOException e) {
                throw e.getCause();
            }
        }

        private void write(OutputStream out, Object line) {
            try {
                lines.writeValue(out, line);
                out.write('\n');
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
