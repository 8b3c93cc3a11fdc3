package org.demarche.statement;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;
import org.demarche.common.ProblemException;

/** What statement counts over time are split by ({@code by}); each value is one series. */
public enum CountKey {
    none("none"),
    official("official"),
    /** The official's country. */
    country("country"),
    /** A statement counts once for each topic it is about; statements without a topic are not counted. */
    topic("topic"),
    quoteType("quoteType");

    private final String wireName;

    CountKey(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }

    /** The {@code by} parameter in any case; {@code none} when absent; a 400 naming the values otherwise. */
    public static CountKey parse(String text) {
        if (text == null || text.isBlank()) {
            return none;
        }
        String wanted = text.trim().toLowerCase(Locale.ROOT);
        return Arrays.stream(values())
                .filter(key -> key.wireName.toLowerCase(Locale.ROOT).equals(wanted))
                .findFirst()
                .orElseThrow(() -> ProblemException.badRequest("Query parameter 'by' must be one of "
                        + Arrays.stream(values()).map(CountKey::wireName).collect(Collectors.joining(", "))
                        + ", not '" + text + "'"));
    }
}
