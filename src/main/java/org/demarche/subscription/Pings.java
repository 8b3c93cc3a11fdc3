package org.demarche.subscription;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * Sends a subscription's URL a signed {@code ping} at once, so its owner can check the receiver and its
 * signature check. Nothing is stored and nothing is retried; no transaction is open while it is sent.
 */
@ApplicationScoped
class Pings {

    static final String EVENT = "ping";

    private final SubscriptionService subscriptions;
    private final WebhookSender sender;
    private final ObjectMapper json;

    Pings(SubscriptionService subscriptions, WebhookSender sender, ObjectMapper json) {
        this.subscriptions = subscriptions;
        this.sender = sender;
        this.json = json;
    }

    PingResponse ping(Caller caller, UUID id) {
        SubscriptionService.Target target = subscriptions.target(caller, id);
        UUID deliveryId = UUID.randomUUID();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("id", deliveryId.toString());
        body.put("type", EVENT);
        body.put("createdAt", Instant.now().truncatedTo(ChronoUnit.MILLIS).toString());
        body.put("subscriptionId", target.id().toString());
        WebhookSender.Outcome outcome = sender.send(target.url(), deliveryId, EVENT, bytes(body), target.secrets());
        return new PingResponse(
                deliveryId,
                outcome.delivered(),
                outcome.responseCode(),
                outcome.took().toMillis(),
                outcome.error());
    }

    private byte[] bytes(Map<String, Object> body) {
        try {
            return json.writeValueAsBytes(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
