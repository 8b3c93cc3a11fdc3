package org.demarche.common.http;

import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.ext.ParamConverter;
import jakarta.ws.rs.ext.ParamConverterProvider;
import jakarta.ws.rs.ext.Provider;
import java.lang.annotation.Annotation;
import java.lang.reflect.Type;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.function.BiFunction;
import java.util.stream.Collectors;
import org.demarche.common.Country;
import org.demarche.common.PartialDate;
import org.demarche.common.ProblemException;
import org.demarche.common.paging.Cursor;
import org.demarche.common.paging.PageSize;

/**
 * Turns the text of a query parameter into the type a resource method declares, so its signature says
 * what it takes: {@link Country}, {@link PartialDate}, {@link Instant}, {@link PageSize}, {@link Cursor} and
 * any enum. A value that is not one is a 400 problem naming the parameter, with one message per type
 * written here (a cursor's in {@link Cursor#notIssued}); an empty value is an absent one. Free text, UUIDs
 * and booleans stay text, read by {@code common.QueryParams}.
 *
 * <p>Quarkus REST answers a converter's failure with a 404 wrapping it; {@link ProblemMappers} answers the
 * problem inside instead.
 */
@Provider
public class QueryParameterTypes implements ParamConverterProvider {

    private static final Instant EARLIEST = Instant.parse("0000-01-01T00:00:00Z");
    private static final Instant LATEST = Instant.parse("9999-12-31T23:59:59.999999Z");

    @Override
    @SuppressWarnings({"unchecked", "rawtypes"})
    public <T> ParamConverter<T> getConverter(Class<T> rawType, Type genericType, Annotation[] annotations) {
        String name = queryParameterName(annotations);
        if (name == null) {
            return null;
        }
        if (rawType == Country.class) {
            return (ParamConverter<T>) converter(name, QueryParameterTypes::country);
        }
        if (rawType == PartialDate.class) {
            return (ParamConverter<T>) converter(name, QueryParameterTypes::partialDate);
        }
        if (rawType == Instant.class) {
            return (ParamConverter<T>) converter(name, QueryParameterTypes::instant);
        }
        if (rawType == PageSize.class) {
            return (ParamConverter<T>) converter(name, QueryParameterTypes::pageSize);
        }
        if (rawType == Cursor.class) {
            return (ParamConverter<T>) converter(name, Cursor::parse);
        }
        if (rawType.isEnum()) {
            return (ParamConverter<T>) converter(name, (n, text) -> enumValue(n, text, (Class<Enum>) rawType));
        }
        return null;
    }

    static Country country(String name, String text) {
        if (!Country.isCode(text)) {
            throw ProblemException.badRequest(
                    "Query parameter '" + name + "' must be an ISO 3166-1 alpha-2 code such as RU, not '" + text + "'");
        }
        return new Country(text);
    }

    static PartialDate partialDate(String name, String text) {
        return PartialDate.parse(text)
                .orElseThrow(() -> ProblemException.badRequest(
                        "Query parameter '" + name + "' " + PartialDate.FORMAT_MESSAGE + ", not '" + text + "'"));
    }

    static Instant instant(String name, String text) {
        Instant instant;
        try {
            instant = Instant.parse(text);
        } catch (DateTimeParseException e) {
            throw ProblemException.badRequest("Query parameter '" + name + "' must be an ISO 8601 instant such as"
                    + " 2024-11-20T09:30:00Z, not '" + text + "'");
        }
        if (instant.isAfter(LATEST) || instant.isBefore(EARLIEST)) {
            throw ProblemException.badRequest("Query parameter '" + name + "' must lie between years 0000 and 9999");
        }
        return instant;
    }

    static PageSize pageSize(String name, String text) {
        try {
            int value = Integer.parseInt(text);
            if (value >= 1 && value <= PageSize.MAX) {
                return new PageSize(value);
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        throw ProblemException.badRequest("Query parameter '" + name + "' must be a whole number from 1 to "
                + PageSize.MAX + ", not '" + text + "'");
    }

    /** A constant's name in any case ({@code DIRECT_QUOTE} or {@code direct_quote}). */
    static <E extends Enum<E>> E enumValue(String name, String text, Class<E> type) {
        for (E constant : type.getEnumConstants()) {
            if (constant.name().equalsIgnoreCase(text)) {
                return constant;
            }
        }
        throw ProblemException.badRequest("Query parameter '" + name + "' must be one of "
                + Arrays.stream(type.getEnumConstants()).map(Enum::name).collect(Collectors.joining(", "))
                + ", not '" + text + "'");
    }

    /** The name of the query parameter, or null for a path, header or other parameter: those are not converted here. */
    private static String queryParameterName(Annotation[] annotations) {
        for (Annotation annotation : annotations) {
            if (annotation instanceof QueryParam query) {
                return query.value();
            }
        }
        return null;
    }

    /** A converter reading trimmed text with the parse given, and null for an empty value. */
    private static <T> ParamConverter<T> converter(String name, BiFunction<String, String, T> parse) {
        return new ParamConverter<>() {
            @Override
            public T fromString(String text) {
                return text == null || text.isBlank() ? null : parse.apply(name, text.trim());
            }

            @Override
            public String toString(T value) {
                throw new UnsupportedOperationException("Query parameters are only read");
            }
        };
    }
}
