package org.demarche.common;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.KeyDeserializer;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.databind.deser.std.StringDeserializer;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.TextNode;
import io.quarkus.jackson.ObjectMapperCustomizer;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.time.DateTimeException;
import java.time.Instant;
import java.util.Optional;

/**
 * JSON reading stricter than Jackson's default, so that what is accepted is stored and returned
 * unchanged: content after the body's end is malformed; a key given twice in one object is malformed
 * (rather than the last one winning); strings a database cannot store are refused, and every other string
 * is read in Unicode normalization form C, in bodies bound to requests and in trees (merge patches, import
 * lines) alike; instants are ISO 8601 text only, as the conventions say (no epoch numbers of any size).
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
        mapper.getFactory().enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION.mappedFeature());
        mapper.setNodeFactory(new NfcNodes());
        mapper.registerModule(new SimpleModule("demarche-strict-text")
                .addDeserializer(String.class, new StorableString())
                .addKeyDeserializer(String.class, new StorableKey())
                .addDeserializer(Instant.class, new IsoInstant()));
    }

    /** The message of the parse failure Jackson raises for a key given twice, which it has no type of its own for. */
    private static final String DUPLICATE_KEY = "Duplicate field '";

    /**
     * For a failure to read a key given twice in one object, what is wrong, as in "gives the key 'slug'
     * twice in one object, at /slug; each key may appear once"; otherwise empty.
     */
    public static Optional<String> duplicateKey(JsonProcessingException failure) {
        if (!(failure.getProcessor() instanceof JsonParser parser)
                || failure.getOriginalMessage() == null
                || !failure.getOriginalMessage().startsWith(DUPLICATE_KEY)) {
            return Optional.empty();
        }
        return Optional.of(
                "gives the key '" + parser.getParsingContext().getCurrentName() + "' twice in one object, at "
                        + parser.getParsingContext().pathAsPointer() + "; each key may appear once");
    }

    /** Strings as Jackson reads them, refused if they hold NUL or unpaired surrogates, otherwise in NFC. */
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
            return UnicodeText.nfc(value);
        }
    }

    /** Object keys (topic codes), held to the same rule as string values. */
    static final class StorableKey extends KeyDeserializer {
        @Override
        public Object deserializeKey(String key, DeserializationContext context) throws IOException {
            if (!UnicodeText.isStorable(key)) {
                throw InvalidFormatException.from(context.getParser(), UnicodeText.PROBLEM, key, String.class);
            }
            return UnicodeText.nfc(key);
        }
    }

    /** Text nodes of trees in NFC, whether read from JSON or put by code (a CSV cell becomes a text node). */
    static final class NfcNodes extends JsonNodeFactory {
        @Override
        public TextNode textNode(String text) {
            return super.textNode(UnicodeText.nfc(text));
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
                throw InvalidFormatException.from(
                        parser, "must be an ISO 8601 instant such as 2024-11-20T09:30:00Z", text, Instant.class);
            }
        }
    }
}
