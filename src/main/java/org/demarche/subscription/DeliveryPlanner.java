package org.demarche.subscription;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.demarche.common.ProblemException;
import org.demarche.history.Action;
import org.demarche.history.Change;
import org.demarche.history.ChangeFeed;
import org.demarche.history.History;
import org.demarche.record.FeedLease;
import org.demarche.topic.TopicService;

/**
 * Turns the next committed changes into deliveries: each change every enabled subscription wants (its
 * event types and filter) becomes one pending delivery with the body it will be sent. The deliveries and
 * the follower's new position commit together, so a change is planned once, even across a crash or a
 * change of the instance that follows.
 */
@ApplicationScoped
class DeliveryPlanner {

    /** Revisions planned per step: an import's revision holds up to 500 records. */
    private static final int REVISIONS = 20;

    private final ChangeFeed feed;
    private final History history;
    private final TopicService topics;
    private final SubscriptionService subscriptions;
    private final ObjectMapper json;

    DeliveryPlanner(
            ChangeFeed feed,
            History history,
            TopicService topics,
            SubscriptionService subscriptions,
            ObjectMapper json) {
        this.feed = feed;
        this.history = history;
        this.topics = topics;
        this.subscriptions = subscriptions;
        this.json = json;
    }

    /** Plans the changes of the next revisions; false when there were none. */
    boolean step(FeedLease lease) {
        long position = lease.position();
        long upTo = lease.next(position, REVISIONS);
        if (upTo == position) {
            return false;
        }
        QuarkusTransaction.requiringNew().run(() -> {
            List<Watch> watches = watches();
            if (!watches.isEmpty()) {
                plan(feed.revisions(position, upTo), watches).forEach(delivery -> delivery.persist());
            }
            if (!lease.advance(position, upTo)) {
                throw new IllegalStateException("The webhook follower's lease was lost; another instance plans");
            }
        });
        return true;
    }

    private List<Watch> watches() {
        List<Subscription> enabled = Subscription.list("disabledAt is null");
        Map<String, Set<String>> subtrees = new HashMap<>();
        List<Watch> watches = new ArrayList<>(enabled.size());
        for (Subscription s : enabled) {
            SubscriptionFilter filter = s.filter == null ? null : subscriptions.read(s.filter);
            Set<String> topicIds = filter == null || filter.topic() == null
                    ? Set.of()
                    : subtrees.computeIfAbsent(filter.topic(), this::subtree);
            watches.add(new Watch(s.id, s.afterRevision, new HashSet<>(EventTypes.parse(s.events)), filter, topicIds));
        }
        return watches;
    }

    private Set<String> subtree(String topicId) {
        Set<String> ids = new HashSet<>();
        try {
            topics.withDescendants("topic", topicId).forEach(id -> ids.add(id.toString()));
        } catch (ProblemException deleted) {
            // The topic is gone: nothing is on it any more.
        }
        return ids;
    }

    private List<Delivery> plan(List<Change> changes, List<Watch> watches) {
        List<Delivery> deliveries = new ArrayList<>();
        Instant now = Instant.now();
        for (Change change : changes) {
            Object before = change.action() == Action.created ? null : feed.before(change);
            JsonNode beforeJson = before == null ? null : json.valueToTree(before);
            JsonNode afterJson = change.record() == null ? null : json.valueToTree(change.record());
            List<String> names = EventTypes.of(change.type(), change.action().name(), beforeJson, afterJson);
            JsonNode matched = afterJson != null ? afterJson : beforeJson;
            for (Watch watch : watches) {
                String event = watch.eventFor(change.revision(), names);
                if (event != null && watch.matches(change.type(), matched)) {
                    deliveries.add(delivery(watch.id(), event, change, before, now));
                }
            }
        }
        return deliveries;
    }

    private Delivery delivery(UUID subscription, String event, Change change, Object before, Instant now) {
        Delivery delivery = new Delivery();
        delivery.id = UUID.randomUUID();
        delivery.subscriptionId = subscription;
        delivery.event = event;
        delivery.revision = change.revision();
        delivery.recordType = change.type();
        delivery.recordId = change.id();
        delivery.status = DeliveryStatus.pending;
        delivery.nextAttemptAt = now;
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("id", delivery.id.toString());
        body.put("type", event);
        body.put("createdAt", change.changedAt().toString());
        body.put("subscriptionId", subscription.toString());
        body.put("revision", change.revision());
        body.put("changedBy", change.changedBy());
        body.put("recordType", change.type());
        body.put("recordId", change.id().toString());
        body.put("record", change.record());
        if (change.action() == Action.updated) {
            body.put("changes", history.changes(before, change.record()));
        }
        delivery.payload = write(body);
        return delivery;
    }

    private String write(Object body) {
        try {
            return json.writeValueAsString(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
