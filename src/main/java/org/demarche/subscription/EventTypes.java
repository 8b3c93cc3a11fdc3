package org.demarche.subscription;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;

/**
 * The event types a subscription may ask for: {@code <record>.created}, {@code .updated} and {@code .deleted}
 * for each of the six records, {@code position.opened} and {@code position.closed} (a position's validity
 * starting or ending), or {@code *} for all of them.
 */
final class EventTypes {

    static final String ALL = "*";
    static final String OPENED = "position.opened";
    static final String CLOSED = "position.closed";
    static final Set<String> KNOWN = known();

    private EventTypes() {}

    private static Set<String> known() {
        Set<String> types = new LinkedHashSet<>();
        for (String record : List.of("official", "topic", "source", "event", "statement", "position")) {
            for (String change : List.of("created", "updated", "deleted")) {
                types.add(record + "." + change);
            }
        }
        types.add(OPENED);
        types.add(CLOSED);
        return Set.copyOf(types);
    }

    /** Whether these asked-for events tell a position's opening or closing apart ({@code *} gets the record event). */
    static boolean opensOrCloses(Set<String> events) {
        return events.contains(OPENED) || events.contains(CLOSED);
    }

    /** The list without repeats, in the order given; {@code *} alone if it is among them. */
    static List<String> normalised(List<String> events) {
        if (events.contains(ALL)) {
            return List.of(ALL);
        }
        return new ArrayList<>(new LinkedHashSet<>(events));
    }

    /**
     * The event types of one change, the most specific first: {@code position.opened} for a new current
     * position or one whose end is removed, {@code position.closed} for one given an end; then the record
     * event ({@code statement.updated}). {@code recordBefore} and {@code recordAfter} give the record's JSON
     * either side of the change (null where it did not exist), asked for only for a position.
     */
    static List<String> of(
            String type, String action, Supplier<JsonNode> recordBefore, Supplier<JsonNode> recordAfter) {
        String recordEvent = type + "." + action;
        JsonNode after = type.equals("position") ? recordAfter.get() : null;
        if (after != null) {
            JsonNode before = recordBefore.get();
            boolean open =
                    after.path("validTo").isNull() || after.path("validTo").isMissingNode();
            boolean wasOpen = before != null
                    && (before.path("validTo").isNull()
                            || before.path("validTo").isMissingNode());
            if (open && (before == null || !wasOpen)) {
                return List.of(OPENED, recordEvent);
            }
            if (!open && before != null && wasOpen) {
                return List.of(CLOSED, recordEvent);
            }
        }
        return List.of(recordEvent);
    }

    static List<String> parse(String stored) {
        return List.of(stored.split(","));
    }

    static String join(List<String> events) {
        return String.join(",", events);
    }
}
