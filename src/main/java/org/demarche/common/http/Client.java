package org.demarche.common.http;

import io.vertx.ext.web.RoutingContext;
import java.util.Optional;
import org.demarche.common.Sha256;

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
            key = BearerKey.of(context.request().getHeader("Authorization")).map(Sha256::hex);
        } catch (IllegalArgumentException notBearer) {
            key = Optional.empty();
        }
        return new Client(address, key);
    }
}
