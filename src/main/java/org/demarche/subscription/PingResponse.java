package org.demarche.subscription;

import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** What became of a ping. */
@Schema(name = "PingResult", description = "What became of a ping sent to a subscription's URL")
public record PingResponse(
        @Schema(description = "The id the ping carried (body id and Demarche-Delivery header)")
        UUID deliveryId,

        @Schema(description = "True when the receiver answered 2xx")
        boolean delivered,

        @Schema(description = "The receiver's status code; null when there was no answer", nullable = true)
        Integer responseCode,

        @Schema(description = "How long the attempt took, in milliseconds")
        long durationMs,

        @Schema(description = "Why there was no answer (refused URL, timeout, connection failure)", nullable = true)
        String error) {}
