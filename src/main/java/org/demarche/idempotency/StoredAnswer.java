package org.demarche.idempotency;

import java.time.Instant;

/**
 * What is kept of a POST sent with an Idempotency-Key: a digest of the request, when it started, and its
 * answer once it has one ({@code status} is null while the first request is under way).
 */
record StoredAnswer(
        String fingerprint,
        Instant startedAt,
        Integer status,
        String contentType,
        String location,
        String etag,
        String body) {

    boolean underWay() {
        return status == null;
    }
}
