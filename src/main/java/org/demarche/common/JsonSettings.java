package org.demarche.common;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.KeyDeserializer;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.databind.deser.std.StringDeserializer;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.module.SimpleModule;
import io.quarkus.jackson.ObjectMapperCustomizer;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.time.DateTimeException;
import java.time.Instant;

/**
 * JSON reading stricter than Jackson's default, so that what is accepted is stored and returned
 * unchanged: content after the body's end is malformed; strings a database cannot store are refused;
 * instants are ISO 8601 text only, as the conventions say (no epoch numbers of any size).
 * (Case-insensitive enums and refusing unknown fields are set in application.properties.)
 */
@Singleton
public class JsonSettings implements ObjectMapperCustomizer {

    /** After Quarkus's own customizer, so these deserializers replace the Java time module's. */
    @Override
    public int priority() {
        return MINIMUM_PRIORITY;
    }

    @Override
    public void customize(ObjectMapper mapper) {
        mapper.enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
        mapper.registerModule(new SimpleModule("demarche-strict-text")
                .addDeserializer(String.class, new StorableString())
                .addKeyDeserializer(String.class, new StorableKey())
                .addDeserializer(Instant.class, new IsoInstant()));
    }

    /** Strings as Jackson reads them, refused if they hold NUL or unpaired surrogates. */
    static final class StorableString extends StdScalarDeserializer<String> {
        StorableString() {
            super(String.class);
        }

        @Override
        public String deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            String value = StringDeserializer.instance.deserialize(parser, context);
            if (value != null && !UnicodeText.isStorable(value)) {
                throw InvalidFormatException.from(parser, UnicodeText.PROBLEM, value, String.class);
            }
            return value;
        }
    }

    /** Object keys (topic codes), held to the same rule as string values. */
    static final class StorableKey extends KeyDeserializer {
        @Override
        public Object deserializeKey(String key, DeserializationContext context) throws IOException {
            if (!UnicodeText.isStorable(key)) {
                throw InvalidFormatException.from(context.getParser(), UnicodeText.PROBLEM, key, String.class);
            }
            return key;
        }
    }

    /** Instants as ISO 8601 text such as {@code 2024-11-20T09:30:00Z}. */
    static final class IsoInstant extends StdScalarDeserializer<Instant> {
        IsoInstant() {
            super(Instant.class);
        }

        @Override
        public Instant deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            if (parser.currentToken() != JsonToken.VALUE_STRING) {
                return (Instant) context.handleUnexpectedToken(Instant.class, parser);
            }
            String text = parser.getText().trim();
            try {
                return Instant.parse(text);
            } catch (DateTimeException e) {
                throw InvalidFormatException.from(parser, "must be an ISO 8601 instant such as 2024-11-20T09:30:00Z",
                        text, Instant.class);
            }
        }
    }
}
