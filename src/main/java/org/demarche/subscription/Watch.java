package org.demarche.subscription;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;

/**
 * A subscription as the planner matches changes against it: the revision after which it wants changes
 * (the newest when it was made), the event types it wants and its filter, with the filter's topic widened
 * to the topics nested under it.
 */
record Watch(UUID id, long afterRevision, Set<String> events, SubscriptionFilter filter, Set<String> topics) {

    /**
     * The event type this subscription gets the change as, or null if it does not want it. A change is
     * known by its record event ({@code position.updated}) and, for a position, maybe by a more specific
     * one ({@code position.closed}), which comes first in {@code names}: a subscription that lists the
     * specific one gets that, one that lists only the record event or {@code *} gets the record event.
     */
    String eventFor(long revision, List<String> names) {
        if (revision <= afterRevision) {
            return null;
        }
        String recordEvent = names.get(names.size() - 1);
        if (events.contains(EventTypes.ALL)) {
            return recordEvent;
        }
        return names.stream().filter(events::contains).findFirst().orElse(null);
    }

    /**
     * Whether a record (as GET shows it; for a deletion, as it was before) passes the filter. Every field
     * given must hold; one that cannot apply to this type of record (a quote type for an official) fails.
     */
    boolean matches(String type, JsonNode record) {
        if (filter == null) {
            return true;
        }
        if (record == null) {
            return false;
        }
        return officials(type, record) && country(type, record) && topic(type, record) && quoteType(type, record);
    }

    private boolean officials(String type, JsonNode record) {
        if (filter.officialId() == null || filter.officialId().isEmpty()) {
            return true;
        }
        JsonNode official = type.equals("official") ? record.path("id") : record.path("officialId");
        return official.isTextual()
                && filter.officialId().stream().map(UUID::toString).anyMatch(official.asText()::equals);
    }

    private boolean country(String type, JsonNode record) {
        if (filter.country() == null) {
            return true;
        }
        JsonNode country = type.equals("official")
                ? record.path("country")
                : record.path("official").path("country");
        return filter.country().equals(country.asText(null));
    }

    private boolean topic(String type, JsonNode record) {
        if (filter.topic() == null) {
            return true;
        }
        return switch (type) {
            case "statement" -> {
                Set<String> on = ids(record.path("topicIds"));
                yield on.stream().anyMatch(topics::contains);
            }
            case "position" -> topics.contains(record.path("topicId").asText());
            case "topic" -> topics.contains(record.path("id").asText());
            default -> false;
        };
    }

    private boolean quoteType(String type, JsonNode record) {
        if (filter.quoteType() == null) {
            return true;
        }
        return type.equals("statement")
                && filter.quoteType().name().equals(record.path("quoteType").asText());
    }

    private static Set<String> ids(JsonNode array) {
        return StreamSupport.stream(array.spliterator(), false)
                .map(JsonNode::asText)
                .collect(Collectors.toSet());
    }
}
