package org.demarche.subscription;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.demarche.search.CompiledSearch;
import org.demarche.search.StatementPercolator;

/**
 * A subscription as the planner matches changes against it: the revision after which it wants changes
 * (the newest when it was made), the event types it wants, and its filter, both as a statement search
 * (the query a statement list with these filters would run, topics nested included) and, for other
 * records, as the officials, country and topics ({@code topics}, nested included) a record must have.
 */
record Watch(
        UUID id,
        long afterRevision,
        Set<String> events,
        SubscriptionFilter filter,
        Set<String> topics,
        CompiledSearch statements) {

    /**
     * The event type this subscription gets a change of this revision as, or null if it does not want it. A
     * change is known by its record event ({@code position.updated}) and, for a position, maybe by a more
     * specific one ({@code position.closed}), which comes first in {@code names}: a subscription that lists
     * the specific one gets that, one that lists only the record event or {@code *} gets the record event.
     */
    String eventFor(long revision, List<String> names) {
        if (revision <= afterRevision) {
            return null;
        }
        String recordEvent = names.get(names.size() - 1);
        if (events.contains(EventTypes.ALL)) {
            return recordEvent;
        }
        for (String name : names) { // a loop, not a stream: a thousand watches per change
            if (events.contains(name)) {
                return name;
            }
        }
        return null;
    }

    /** Whether a statement (as the change left it; for a deletion, as it was) passes the filter. */
    boolean matches(StatementPercolator statement) {
        return filter == null || statement.matches(statements);
    }

    /**
     * Whether another record (as GET shows it; for a deletion, as it was before) passes the filter. Every
     * field given must hold; one that cannot apply to this type of record (a quote type for an official)
     * fails.
     */
    boolean matches(String type, JsonNode record) {
        if (filter == null) {
            return true;
        }
        if (record == null || filter.statementsOnly()) {
            return false;
        }
        return officials(type, record) && country(type, record) && topic(type, record);
    }

    private boolean officials(String type, JsonNode record) {
        if (filter.officialId() == null || filter.officialId().isEmpty()) {
            return true;
        }
        JsonNode official = switch (type) {
            case "official" -> record.path("id");
            case "position" -> record.path("officialId");
            default -> null;
        };
        return official != null
                && filter.officialId().stream().map(UUID::toString).anyMatch(official.asText()::equals);
    }

    private boolean country(String type, JsonNode record) {
        if (filter.country() == null) {
            return true;
        }
        JsonNode country = switch (type) {
            case "official" -> record.path("country");
            case "position" -> record.path("official").path("country");
            default -> null;
        };
        return country != null && filter.country().equals(country.asText(null));
    }

    private boolean topic(String type, JsonNode record) {
        if (filter.topic() == null) {
            return true;
        }
        return switch (type) {
            case "position" -> topics.contains(record.path("topicId").asText());
            case "topic" -> topics.contains(record.path("id").asText());
            default -> false;
        };
    }
}
