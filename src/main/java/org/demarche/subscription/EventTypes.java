package org.demarche.subscription;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The event types a subscription may ask for: {@code <record>.created}, {@code .updated} and {@code .deleted}
 * for each of the five records, {@code position.opened} and {@code position.closed} (a position's validity
 * starting or ending), or {@code *} for all of them.
 */
final class EventTypes {

    static final String ALL = "*";
    static final Set<String> KNOWN = known();

    private EventTypes() {}

    private static Set<String> known() {
        Set<String> types = new LinkedHashSet<>();
        for (String record : List.of("official", "topic", "source", "statement", "position")) {
            for (String change : List.of("created", "updated", "deleted")) {
                types.add(record + "." + change);
            }
        }
        types.add("position.opened");
        types.add("position.closed");
        return Set.copyOf(types);
    }

    /** The list without repeats, in the order given; {@code *} alone if it is among them. */
    static List<String> normalised(List<String> events) {
        if (events.contains(ALL)) {
            return List.of(ALL);
        }
        return new ArrayList<>(new LinkedHashSet<>(events));
    }

    static List<String> parse(String stored) {
        return List.of(stored.split(","));
    }

    static String join(List<String> events) {
        return String.join(",", events);
    }
}
