package org.demarche.subscription;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonRawValue;
import java.time.Instant;
import java.util.UUID;
import org.demarche.common.http.Representation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One entry of a subscription's delivery log; {@code body} only when one delivery is read. */
@Schema(
        name = "Delivery",
        description = "A change sent, or to send, to a subscription, and what became of it",
        requiredProperties = {
            "id",
            "version",
            "subscriptionId",
            "sequence",
            "event",
            "revision",
            "recordType",
            "recordId",
            "status",
            "attempts",
            "firstAttemptAt",
            "lastAttemptAt",
            "nextAttemptAt",
            "responseCode",
            "responseMillis",
            "error",
            "deliveredAt",
            "createdAt",
            "updatedAt"
        })
public record DeliveryResponse(
        @Schema(description = "Sent as the Demarche-Delivery header and as the body's id, the same on every attempt")
        UUID id,

        long version,
        UUID subscriptionId,

        @Schema(description = "Rises with the commit order of the changes; a subscription gets them in this order")
        long sequence,

        @Schema(examples = "statement.created") String event,

        @Schema(description = "The revision of the change, as in the change feed and the record's history")
        long revision,

        @Schema(examples = "statement") String recordType,
        UUID recordId,
        DeliveryStatus status,

        @Schema(description = "Attempts since it was planned or last redelivered")
        int attempts,

        @Schema(nullable = true) Instant firstAttemptAt,
        @Schema(nullable = true) Instant lastAttemptAt,

        @Schema(
                description = "When it is sent next, for the oldest pending delivery of the subscription; null for"
                        + " those queued behind it (sent in order after it) and once delivered. While the"
                        + " subscription is disabled it waits, and is sent when it is enabled again",
                nullable = true)
        Instant nextAttemptAt,

        @Schema(description = "The status the receiver answered the last attempt with", nullable = true)
        Integer responseCode,

        @Schema(description = "How long the last attempt took, in milliseconds", nullable = true)
        Long responseMillis,

        @Schema(
                description = "Why the last attempt failed: the status it answered, or why there was no answer",
                nullable = true,
                examples = "answered 503")
        String error,

        @Schema(nullable = true) Instant deliveredAt,
        Instant createdAt,
        Instant updatedAt,

        @Schema(
                description = "The JSON body sent (the same on every attempt); only when one delivery is read",
                type = SchemaType.OBJECT)
        @JsonInclude(JsonInclude.Include.NON_NULL)
        @JsonRawValue
        String body)
        implements Representation {

    static DeliveryResponse of(Delivery d, boolean withBody) {
        return new DeliveryResponse(
                d.id,
                d.version,
                d.subscriptionId,
                d.sequence,
                d.event,
                d.revision,
                d.recordType,
                d.recordId,
                d.status,
                d.attempts,
                d.firstAttemptAt,
                d.lastAttemptAt,
                d.nextAttemptAt,
                d.responseCode,
                d.responseMillis,
                d.error,
                d.deliveredAt,
                d.createdAt,
                d.updatedAt,
                withBody ? d.payload() : null);
    }
}
