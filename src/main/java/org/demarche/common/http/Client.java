package org.demarche.common.http;

import io.vertx.ext.web.RoutingContext;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;

/**
 * Who sent a request, as limits count it: the client's address (the proxy's X-Forwarded-For hop when
 * forwarding is on) and, when it sends one, a hash of its API key (never the key, nor the raw header).
 */
record Client(String address, Optional<String> keyHash) {

    static Client of(RoutingContext context) {
        String address = context.request().remoteAddress() == null
                ? "unknown"
                : context.request().remoteAddress().hostAddress();
        Optional<String> key;
        try {
            key = BearerKey.of(context.request().getHeader("Authorization")).map(Client::sha256);
        } catch (IllegalArgumentException notBearer) {
            key = Optional.empty();
        }
        return new Client(address, key);
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is always available", e);
        }
    }
}
