package org.demarche.subscription;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.demarche.common.PartialDate;
import org.demarche.common.ProblemException;
import org.demarche.common.http.ETags;
import org.demarche.common.http.MergePatch;
import org.demarche.common.paging.Page;
import org.demarche.common.paging.PageParams;
import org.demarche.common.paging.SortField;
import org.demarche.common.paging.Sorting;
import org.demarche.common.validation.RequestValidator;
import org.demarche.common.validation.Violations;
import org.demarche.key.ApiKey;
import org.demarche.official.Official;
import org.demarche.record.ListQuery;
import org.demarche.statement.SearchQuery;
import org.demarche.topic.TopicService;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Creates, lists, reads, deletes subscriptions and rotates their secrets. A key sees only its own
 * subscriptions (others' are 404s, as if they did not exist); an admin key sees all.
 */
@ApplicationScoped
public class SubscriptionService {

    static final Sorting<Subscription> SORTING = new Sorting<>(
            "createdAt",
            SortField.instant("createdAt", "createdAt", s -> s.createdAt),
            SortField.text("url", "url", s -> s.url));

    private final RequestValidator validator;
    private final TargetUrls targets;
    private final TopicService topics;
    private final ObjectMapper json;
    private final Duration secretGrace;
    private final int maxPerKey;

    SubscriptionService(
            RequestValidator validator,
            TargetUrls targets,
            TopicService topics,
            ObjectMapper json,
            @ConfigProperty(name = "demarche.webhooks.secret-grace", defaultValue = "24h") Duration secretGrace,
            @ConfigProperty(name = "demarche.webhooks.max-per-key") int maxPerKey) {
        this.validator = validator;
        this.targets = targets;
        this.topics = topics;
        this.json = json;
        this.secretGrace = secretGrace;
        this.maxPerKey = maxPerKey;
    }

    /**
     * Makes a subscription. Once the request is checked (which may resolve the target's name, so before any
     * row is held), the caller's key row is held until the transaction ends: creations for one key take
     * turns, so two at once cannot both count one below the cap and both be inserted.
     */
    @Transactional
    public SubscriptionResponse create(Caller caller, SubscriptionRequest request) {
        Subscription subscription = new Subscription();
        subscription.keyId = caller.keyId();
        apply(subscription, request);
        ApiKey.findById(caller.keyId(), LockModeType.PESSIMISTIC_WRITE);
        long owned = Subscription.count("keyId", caller.keyId());
        if (owned >= maxPerKey) {
            throw ProblemException.conflict(
                    "This key has " + owned + " subscriptions, the most one key may have;" + " delete some first");
        }
        subscription.secret = SubscriptionSecrets.generate();
        holdPlanning();
        subscription.afterRevision = latestRevision();
        subscription.persistAndFlush();
        return represent(subscription, subscription.secret);
    }

    /**
     * Changes a subscription's url, events or filter: a JSON Merge Patch over {@code {url, events, filter}}
     * (a filter given replaces the stored one's fields it names; null removes), checked as a new one is: the
     * whole result, so a stored filter naming a topic or official deleted since is a 422 naming that field,
     * as POST would answer, until the PATCH drops or replaces it.
     * Its secret, log and pending deliveries stay; changes already planned are sent as planned.
     */
    @Transactional
    public SubscriptionResponse patch(Caller caller, UUID id, JsonNode patch, String ifMatch) {
        Subscription subscription = find(caller, id);
        ETags.checkIfMatch(ifMatch, subscription.version);
        SubscriptionRequest stored = new SubscriptionRequest(
                subscription.url,
                EventTypes.parse(subscription.events),
                subscription.filter == null ? null : read(subscription.filter));
        SubscriptionRequest patched;
        try {
            patched = json.treeToValue(MergePatch.apply(json.valueToTree(stored), patch), SubscriptionRequest.class);
        } catch (JsonProcessingException e) {
            // The problem mappers unwrap it and name the field, as for a request body that cannot be read.
            throw new UncheckedIOException(e);
        }
        apply(subscription, patched);
        subscription.persistAndFlush();
        return represent(subscription, null);
    }

    /** Checks a request (422 naming every invalid field) and sets its url, events and filter. */
    private void apply(Subscription subscription, SubscriptionRequest request) {
        Violations violations = validator.check(request);
        if (request.url() != null && !violations.has("url")) {
            targets.refusal(request.url()).ifPresent(reason -> violations.add("url", reason));
        }
        if (request.events() != null) {
            for (int i = 0; i < request.events().size(); i++) {
                String event = request.events().get(i);
                if (event != null && !event.equals(EventTypes.ALL) && !EventTypes.KNOWN.contains(event)) {
                    violations.add(
                            "events[" + i + "]",
                            "must be * or one of "
                                    + String.join(
                                            ", ",
                                            EventTypes.KNOWN.stream().sorted().toList()));
                }
            }
        }
        SubscriptionFilter filter = request.filter() == null ? null : resolved(request.filter(), violations);
        violations.throwIfAny();
        subscription.url = request.url();
        subscription.events = EventTypes.join(EventTypes.normalised(request.events()));
        subscription.filter = filter == null ? null : write(filter);
    }

    /**
     * The filter with its topic given by id; problems with it go to {@code violations}, each under the
     * filter's field, with the reason a statement list would give.
     */
    private SubscriptionFilter resolved(SubscriptionFilter filter, Violations violations) {
        List<UUID> officials = filter.officialId();
        if (officials != null && !violations.has("filter.officialId")) {
            for (int i = 0; i < officials.size(); i++) {
                if (officials.get(i) == null) {
                    violations.add("filter.officialId[" + i + "]", "must not be null");
                } else if (Official.findById(officials.get(i)) == null) {
                    violations.add("filter.officialId[" + i + "]", "names no official: " + officials.get(i));
                }
            }
        }
        String topicId = null;
        if (filter.topic() != null) {
            try {
                topicId = topics.find(filter.topic()).id.toString();
            } catch (ProblemException notFound) {
                violations.add("filter.topic", "names no topic: " + filter.topic());
            }
        }
        checkDate("filter.from", filter.from(), violations);
        checkDate("filter.to", filter.to(), violations);
        if (filter.q() != null) {
            try {
                SearchQuery.parse(filter.q());
            } catch (ProblemException invalid) {
                violations.add("filter.q", invalid.getMessage().replace("Query parameter 'q' is", "is"));
            }
        }
        return new SubscriptionFilter(
                officials,
                filter.country(),
                topicId,
                filter.quoteType(),
                filter.medium(),
                filter.language(),
                filter.verification(),
                filter.sourceId(),
                filter.eventId(),
                filter.outlet(),
                filter.mentions(),
                filter.from(),
                filter.to(),
                filter.q());
    }

    private static void checkDate(String field, String value, Violations violations) {
        if (value != null && PartialDate.parse(value).isEmpty()) {
            violations.add(field, "must be a date as YYYY, YYYY-MM or YYYY-MM-DD, not '" + value + "'");
        }
    }

    @Transactional
    public Page<SubscriptionResponse> list(Caller caller, PageParams page) {
        return ListQuery.of(Subscription.class, "s")
                .where("s.keyId = :keyId", "keyId", caller.admin() ? null : caller.keyId())
                .page(page, SORTING)
                .map(s -> represent(s, null));
    }

    @Transactional
    public SubscriptionResponse get(Caller caller, UUID id) {
        return represent(find(caller, id), null);
    }

    /**
     * Deletes a subscription with its delivery log (the database deletes the log with it) and the bodies only
     * that log has. Takes the webhook follower's row first, as planning and pruning do, so that no body is
     * being given to it or taken from another log meanwhile.
     */
    @Transactional
    public void delete(Caller caller, UUID id) {
        Subscription subscription = find(caller, id);
        holdPlanning();
        DeliveryBody.dropOnlyUsedBy(id);
        subscription.delete();
    }

    /**
     * A new secret, shown once; the one it replaces stays valid for the grace period
     * ({@code demarche.webhooks.secret-grace}), so receivers can switch without losing deliveries.
     */
    @Transactional
    public SubscriptionResponse rotateSecret(Caller caller, UUID id) {
        Subscription subscription = find(caller, id);
        subscription.previousSecret = subscription.secret;
        subscription.previousSecretUntil = Instant.now().plus(secretGrace);
        subscription.secret = SubscriptionSecrets.generate();
        subscription.persistAndFlush();
        return represent(subscription, subscription.secret);
    }

    /** Where to send, and the secrets that sign: the current one, and the previous one in its grace period. */
    record Target(UUID id, String url, List<String> secrets) {}

    @Transactional
    Target target(Caller caller, UUID id) {
        Subscription s = find(caller, id);
        return new Target(s.id, s.url, s.signingSecrets(Instant.now()));
    }

    /**
     * Takes the webhook follower's row in {@code feed_consumer} until the transaction ends, as a planning
     * step does first: a subscription made or enabled now is either seen by the step under way or starts
     * after the revisions it plans, never between.
     */
    static void holdPlanning() {
        Subscription.getEntityManager()
                .createNativeQuery("select position from feed_consumer where name = 'webhooks' for update")
                .getResultList();
    }

    /** The newest revision: a subscription made now gets the changes after it. */
    static long latestRevision() {
        return Subscription.getEntityManager()
                .createQuery("select coalesce(max(r.id), 0) from Revision r", Long.class)
                .getSingleResult();
    }

    /** The caller's subscription (any, for an admin); 404 otherwise, as if it did not exist. */
    static Subscription find(Caller caller, UUID id) {
        Subscription subscription = Subscription.findById(id);
        if (subscription == null || !caller.mayUse(subscription)) {
            throw ProblemException.notFound("subscription", id);
        }
        return subscription;
    }

    SubscriptionResponse represent(Subscription s, String secret) {
        Instant previousUntil = s.previousSecretValid(Instant.now()) ? s.previousSecretUntil : null;
        return new SubscriptionResponse(
                s.id,
                s.version,
                s.keyId,
                s.url,
                EventTypes.parse(s.events),
                s.filter == null ? null : read(s.filter),
                secret,
                previousUntil,
                s.disabledAt,
                s.disabledReason,
                s.createdAt,
                s.updatedAt);
    }

    private String write(SubscriptionFilter filter) {
        try {
            return json.writeValueAsString(filter);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A stored filter. */
    SubscriptionFilter read(String filter) {
        try {
            return json.readValue(filter, SubscriptionFilter.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Stored filter is not readable: " + filter, e);
        }
    }
}
