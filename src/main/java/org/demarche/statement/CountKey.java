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
    quoteType("quoteType"),
    /**
     * The stance of the official's position on each of the statement's topics on the statement's first day
     * ({@link StanceHistory}), {@value #UNKNOWN_STANCE} when they held none there; a statement counts once for each
     * topic, statements without a topic are not counted. The search engines group by official and topic.
     */
    stance("stance");

    /** The series of statements whose official held no position on the topic on their date. */
    public static final String UNKNOWN_STANCE = "unknown";

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
