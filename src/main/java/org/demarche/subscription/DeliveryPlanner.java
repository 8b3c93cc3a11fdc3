package org.demarche.subscription;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLNonTransientException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.demarche.common.ProblemException;
import org.demarche.history.Action;
import org.demarche.history.ChangeFeed;
import org.demarche.history.History;
import org.demarche.record.FeedLease;
import org.demarche.search.CompiledSearch;
import org.demarche.search.StatementPercolator;
import org.demarche.statement.Statement;
import org.demarche.statement.StatementFilter;
import org.demarche.statement.StatementService;
import org.demarche.topic.TopicService;
import org.jboss.logging.Logger;

/**
 * Turns the next committed changes into deliveries: each change every enabled subscription wants (its
 * event types and filter) becomes one pending delivery, and the change's body, stored once for all of them
 * ({@link DeliveryBody}). The deliveries and
 * the follower's new position commit together, so a change is planned once, even across a crash or a
 * change of the instance that follows.
 *
 * <p>A change whose planning fails for good (its record cannot be written as JSON, a subscription's filter
 * cannot be evaluated on it) is not planned, for everyone or for that subscription, with an ERROR naming the
 * revision and the record: one such change must not stop every delivery behind it. A failure of the
 * database that may pass (a lost connection, a lock or statement timeout, a serialization failure) fails
 * the step instead, which is tried again.
 */
@ApplicationScoped
class DeliveryPlanner {

    private static final Logger LOG = Logger.getLogger(DeliveryPlanner.class);
    /**
     * Revisions planned per step, at most. A step holds the subscriptions it plans for, from their queueing to
     * its commit, and senders storing outcomes wait for them: steps of 50 revisions (about 5 000 deliveries at
     * 50 writes a second and 1 000 subscriptions) made the deliveries later than steps of 5.
     */
    private static final int REVISIONS = 5;
    /**
     * Changes planned per step, at most, but for the rest of the revision the last one belongs to (an
     * import's revision holds up to 500 records): the step ends at that revision.
     */
    static final int CHANGES = 1_000;

    private final ChangeFeed feed;
    private final History history;
    private final TopicService topics;
    private final SubscriptionService subscriptions;
    private final StatementService statements;
    private final ObjectMapper json;
    private final DataSource database;
    /**
     * Changes skipped by a step that had to be rolled back (the failure had marked its transaction so), to
     * skip when the step is tried again; dropped once planned past.
     */
    private final Set<Skipped> skipped = ConcurrentHashMap.newKeySet();
    /** The watches last made, with what they were made of; only the planner's thread plans. */
    private volatile MadeWatches made;

    /** Watches and what they were made of: every enabled subscription's version, and the topics' last revision. */
    private record MadeWatches(String madeOf, List<Watch> watches) {}

    /** A change left out of planning, for every subscription ({@code subscription} null) or for one. */
    private record Skipped(long revision, String type, UUID id, UUID subscription) {}

    DeliveryPlanner(
            ChangeFeed feed,
            History history,
            TopicService topics,
            SubscriptionService subscriptions,
            StatementService statements,
            ObjectMapper json,
            DataSource database) {
        this.feed = feed;
        this.history = history;
        this.topics = topics;
        this.subscriptions = subscriptions;
        this.statements = statements;
        this.json = json;
        this.database = database;
    }

    /**
     * Plans the changes of the next revisions; false when there were none. The position moves first, which
     * locks the follower's row until the step commits: a subscription being made or enabled meanwhile
     * (which takes the same row) either is seen by this step or starts after its revisions.
     */
    boolean step(FeedLease lease) {
        long position = lease.position();
        long upTo = lease.next(position, REVISIONS);
        if (upTo == position) {
            return false;
        }
        long through = QuarkusTransaction.requiringNew().call(() -> {
            if (!lease.advance(position, upTo)) {
                throw new IllegalStateException("The webhook follower's lease was lost; another instance plans");
            }
            List<Watch> watches = listening() ? currentWatches() : List.of();
            if (watches.isEmpty()) {
                return upTo;
            }
            List<ChangeFeed.Followed> changes = feed.revisions(position, upTo);
            long last = upTo;
            if (changes.size() > CHANGES) {
                last = changes.get(CHANGES - 1).revision();
                int end = CHANGES;
                while (end < changes.size() && changes.get(end).revision() == last) {
                    end++;
                }
                changes = changes.subList(0, end);
                if (last < upTo && !lease.advance(upTo, last)) {
                    throw new IllegalStateException("The webhook follower's position moved meanwhile");
                }
            }
            List<Delivery> deliveries = plan(changes, watches);
            queue(deliveries);
            LOG.debugf("Revisions %d to %d: %d deliveries planned", position + 1, last, deliveries.size());
            return last;
        });
        skipped.removeIf(change -> change.revision() <= through);
        return true;
    }

    /**
     * Stores new deliveries in commit order. Each subscription's oldest pending delivery, the head of its
     * queue, alone has a next attempt time; a new one is the head if its subscription had none pending.
     * The subscriptions are locked first, in id order, as the dispatcher locks one to move its head on.
     */
    private void queue(List<Delivery> planned) {
        if (planned.isEmpty()) {
            return;
        }
        Set<UUID> receiving = new HashSet<>();
        planned.forEach(delivery -> receiving.add(delivery.subscriptionId));
        Subscription.getEntityManager()
                .createQuery("select s.id from Subscription s where s.id in :ids order by s.id", UUID.class)
                .setParameter("ids", receiving)
                .setLockMode(LockModeType.PESSIMISTIC_WRITE)
                .getResultList();
        // Whether each has one: a look at the first pending delivery of each (by the queue index), not every one.
        Set<UUID> queued = new HashSet<>(Delivery.getEntityManager()
                .createQuery(
                        "select s.id from Subscription s where s.id in :ids and exists (select 1 from Delivery d"
                                + " where d.status = :pending and d.subscriptionId = s.id)",
                        UUID.class)
                .setParameter("pending", DeliveryStatus.pending)
                .setParameter("ids", receiving)
                .getResultList());
        Instant now = Instant.now();
        DeliveryBody stored = null;
        for (Delivery delivery : planned) {
            if (delivery.body != stored) { // a change's deliveries are planned one after the other
                stored = delivery.body;
                stored.persist();
            }
            delivery.nextAttemptAt = queued.add(delivery.subscriptionId) ? now : null;
            delivery.persist();
        }
    }

    /**
     * Whether any subscription is enabled: a plain JDBC look on the step's connection, so that a server
     * nobody subscribed to moves on at every write without loading anything.
     */
    private boolean listening() {
        try (Connection connection = database.getConnection();
                PreparedStatement query =
                        connection.prepareStatement("select 1 from subscription where disabled_at is null limit 1");
                ResultSet found = query.executeQuery()) {
            return found.next();
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot look for subscriptions", e);
        }
    }

    /**
     * The watches of the enabled subscriptions, made again only when a subscription or a topic changed since
     * they were last made: making them reads and compiles every filter (a thousand subscriptions, a few
     * milliseconds each step), and a step covers only a few revisions.
     */
    private List<Watch> currentWatches() {
        String madeOf = watchesMadeOf();
        MadeWatches last = made;
        if (last != null && last.madeOf().equals(madeOf)) {
            return last.watches();
        }
        List<Watch> watches = watches();
        made = new MadeWatches(madeOf, watches);
        return watches;
    }

    /** What the watches are made of: every enabled subscription's id and version, and the topics' last revision. */
    private String watchesMadeOf() {
        StringBuilder madeOf = new StringBuilder();
        try (Connection connection = database.getConnection();
                PreparedStatement subscriptions = connection.prepareStatement(
                        "select id, version from subscription where disabled_at is null order by id");
                PreparedStatement topics = connection.prepareStatement("select max(rev) from topic_aud")) {
            try (ResultSet rows = subscriptions.executeQuery()) {
                while (rows.next()) {
                    madeOf.append(rows.getString(1))
                            .append(':')
                            .append(rows.getLong(2))
                            .append(',');
                }
            }
            try (ResultSet rows = topics.executeQuery()) {
                rows.next();
                madeOf.append("topics:").append(rows.getLong(1));
            }
            return madeOf.toString();
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot read what the watches are made of", e);
        }
    }

    private List<Watch> watches() {
        List<Subscription> enabled = Subscription.list("disabledAt is null");
        List<Subscription> readable = new ArrayList<>(enabled.size());
        List<SubscriptionFilter> filters = new ArrayList<>(enabled.size());
        for (Subscription s : enabled) {
            try {
                SubscriptionFilter filter = s.filter == null ? null : subscriptions.read(s.filter);
                if (filter != null && filter.topic() != null) {
                    UUID.fromString(filter.topic()); // stored as an id: anything else is not a filter it can use
                }
                filters.add(filter);
                readable.add(s);
            } catch (RuntimeException e) {
                LOG.errorf(e, "Subscription %s gets no changes: its stored filter cannot be read", s.id);
            }
        }
        Set<UUID> topicIds = new HashSet<>();
        filters.stream()
                .filter(f -> f != null && f.topic() != null)
                .forEach(f -> topicIds.add(UUID.fromString(f.topic())));
        Map<UUID, Set<UUID>> subtrees = topicIds.isEmpty() ? Map.of() : topics.withDescendants(topicIds);
        List<Watch> watches = new ArrayList<>(readable.size());
        for (int i = 0; i < readable.size(); i++) {
            Subscription s = readable.get(i);
            SubscriptionFilter filter = filters.get(i);
            Set<UUID> subtree =
                    filter == null || filter.topic() == null ? null : subtrees.get(UUID.fromString(filter.topic()));
            CompiledSearch statements;
            try {
                statements = filter == null ? null : statementSearch(s.id, filter, subtree);
            } catch (RuntimeException e) {
                if (mayPass(e)) {
                    throw e;
                }
                LOG.errorf(e, "Subscription %s gets no statements: its filter cannot be made a search", s.id);
                statements = CompiledSearch.NOTHING;
            }
            watches.add(new Watch(
                    s.id,
                    s.afterRevision,
                    new HashSet<>(EventTypes.parse(s.events)),
                    filter,
                    subtree == null
                            ? Set.of()
                            : subtree.stream().map(UUID::toString).collect(Collectors.toSet()),
                    statements));
        }
        return watches;
    }

    /** The statement search a filter makes; one that no longer makes one (it was checked when made) finds nothing. */
    private CompiledSearch statementSearch(UUID subscription, SubscriptionFilter filter, Set<UUID> topics) {
        StatementFilter withoutTopic = StatementFilters.of(filter);
        withoutTopic.topic = null;
        try {
            return StatementPercolator.compile(statements.criteria(withoutTopic).withTopicIds(topics));
        } catch (ProblemException invalid) {
            LOG.warnf("Subscription %s: its filter matches no statement: %s", subscription, invalid.getMessage());
            return CompiledSearch.NOTHING;
        }
    }

    private List<Delivery> plan(List<ChangeFeed.Followed> changes, List<Watch> watches) {
        List<Delivery> deliveries = new ArrayList<>();
        boolean opensOrCloses = watches.stream().anyMatch(w -> EventTypes.opensOrCloses(w.events()));
        for (ChangeFeed.Followed followed : changes) {
            if (skipped.contains(skip(followed, null))) {
                continue;
            }
            int planned = deliveries.size();
            try {
                plan(followed, watches, opensOrCloses, deliveries);
            } catch (RuntimeException e) {
                // Left out for everyone: none of its deliveries planned before the failure goes either.
                deliveries.subList(planned, deliveries.size()).clear();
                skipOrRethrow(e, followed, null);
            }
        }
        return deliveries;
    }

    /**
     * Adds the deliveries of one change to {@code deliveries}. The record is read from the history and made
     * JSON only when a watch needs it (to match it, or to send it): with few subscriptions most changes are
     * wanted by none, and making a statement's shape at a revision reads each of its relations there. A
     * position's is read to tell its opening or closing only when a watch asks for those ({@code opensOrCloses}).
     */
    private void plan(
            ChangeFeed.Followed followed, List<Watch> watches, boolean opensOrCloses, List<Delivery> deliveries) {
        Records records = new Records(followed);
        String type = followed.type();
        List<String> names = EventTypes.of(
                type, followed.action().name(), records::before, opensOrCloses ? records::after : () -> null);
        StatementPercolator statement = null;
        StatementPercolator statementBefore = null;
        DeliveryBody body = null;
        for (Watch watch : watches) {
            String event = watch.eventFor(followed.revision(), names);
            if (event == null || skipped.contains(skip(followed, watch.id()))) {
                continue;
            }
            if (type.equals("statement") && statement == null && watch.filter() != null) {
                statement = new StatementPercolator((Statement) followed.entity());
                if (followed.action() == Action.updated) {
                    statementBefore = new StatementPercolator((Statement) followed.entityBefore());
                }
            }
            // Read outside the watch's try: a record that cannot be read is left out for every subscription.
            JsonNode after = type.equals("statement") ? null : records.after();
            JsonNode before = type.equals("statement") ? null : records.before();
            boolean wanted;
            try {
                if (type.equals("statement")) {
                    // An update that takes a statement out of a watch is told too, or the watcher's copy goes stale.
                    wanted = watch.matches(statement) || (statementBefore != null && watch.matches(statementBefore));
                } else {
                    wanted = watch.matches(type, after != null ? after : before)
                            || (after != null && before != null && watch.matches(type, before));
                }
            } catch (StatementPercolator.Unreadable e) {
                throw e; // the statement's, not this filter's: left out for everyone, with one ERROR
            } catch (RuntimeException e) {
                skipOrRethrow(e, followed, watch.id());
                continue;
            }
            if (wanted) {
                if (body == null) {
                    body = body(followed, records);
                }
                deliveries.add(delivery(watch.id(), event, followed, body));
            }
        }
    }

    /** One change's record before and after it as JSON, each made when first asked for. */
    private final class Records {

        private final ChangeFeed.Followed followed;
        private JsonNode after;
        private boolean afterMade;
        private JsonNode before;
        private boolean beforeMade;

        Records(ChangeFeed.Followed followed) {
            this.followed = followed;
        }

        /** The record as the change left it; null for a deletion. */
        JsonNode after() {
            if (!afterMade) {
                Object record = followed.change().record();
                after = record == null ? null : json.valueToTree(record);
                afterMade = true;
            }
            return after;
        }

        /** The record just before the change; null for a creation. */
        JsonNode before() {
            if (!beforeMade) {
                Object record = followed.before();
                before = record == null ? null : json.valueToTree(record);
                beforeMade = true;
            }
            return before;
        }
    }

    private static Skipped skip(ChangeFeed.Followed change, UUID subscription) {
        return new Skipped(change.revision(), change.type(), change.id(), subscription);
    }

    /**
     * Leaves a change out (for one subscription, or for all when {@code subscription} is null) after its
     * planning failed, or rethrows a failure that may pass so that the step is tried again. When the failure
     * has marked the step's transaction for rollback, the step cannot go on: the change is remembered and
     * the step fails, to be tried again without it.
     */
    private void skipOrRethrow(RuntimeException e, ChangeFeed.Followed change, UUID subscription) {
        if (mayPass(e)) {
            throw e;
        }
        LOG.errorf(
                e,
                "Revision %d, %s %s: not delivered%s; planning it failed",
                change.revision(),
                change.type(),
                change.id(),
                subscription == null ? "" : " to subscription " + subscription);
        skipped.add(skip(change, subscription));
        if (QuarkusTransaction.isRollbackOnly()) {
            throw new IllegalStateException("Planning revision " + change.revision() + " failed; planning it again"
                    + " without " + change.type() + " " + change.id());
        }
    }

    /**
     * Whether a failure may pass if the step is tried again: one of the database that is not about the data
     * (a lost connection, a lock or statement timeout, a serialization failure or deadlock, a pool with no
     * connection free, the database shutting down), by the JDBC class or the SQL state of its cause.
     */
    static boolean mayPass(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLTransientException
                    || cause instanceof SQLRecoverableException
                    || cause instanceof SQLNonTransientConnectionException) {
                return true;
            }
            if (cause instanceof SQLException sql && !(cause instanceof SQLNonTransientException)) {
                String state = sql.getSQLState();
                // No state: the pool or the driver failing (no connection free); 08 connection, 40 rollback
                // (serialization, deadlock), 53 resources, 55 object in use (a lock not available), 57 operator
                // intervention (shutdown, statement timeout), HYT timeouts.
                return state == null
                        || state.startsWith("08")
                        || state.startsWith("40")
                        || state.startsWith("53")
                        || state.startsWith("55")
                        || state.startsWith("57")
                        || state.startsWith("HYT");
            }
            if (cause.getCause() == cause) {
                break;
            }
        }
        return false;
    }

    /**
     * What every delivery of the change sends: the record as the change left it, and for an update the fields
     * it changed.
     */
    private DeliveryBody body(ChangeFeed.Followed followed, Records records) {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("revision", followed.revision());
        fields.put("changedBy", followed.changedBy());
        fields.put("recordType", followed.type());
        fields.put("recordId", followed.id().toString());
        fields.put("record", records.after());
        if (followed.action() == Action.updated) {
            fields.put(
                    "changes",
                    history.changes(followed.before(), followed.change().record()));
        }
        DeliveryBody body = new DeliveryBody();
        body.id = UUID.randomUUID();
        body.createdAt = followed.changedAt().toString();
        body.rest = write(fields).substring(1);
        return body;
    }

    private static Delivery delivery(UUID subscription, String event, ChangeFeed.Followed change, DeliveryBody body) {
        Delivery delivery = new Delivery();
        delivery.id = UUID.randomUUID();
        delivery.subscriptionId = subscription;
        delivery.event = event;
        delivery.revision = change.revision();
        delivery.recordType = change.type();
        delivery.recordId = change.id();
        delivery.status = DeliveryStatus.pending;
        delivery.body = body;
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
