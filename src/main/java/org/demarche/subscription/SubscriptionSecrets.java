package org.demarche.subscription;

import java.security.SecureRandom;
import java.util.Base64;

/** Makes signing secrets: {@code whsec_} and 256 random bits in base64url. */
final class SubscriptionSecrets {

    static final String PREFIX = "whsec_";
    private static final SecureRandom RANDOM = new SecureRandom();

    private SubscriptionSecrets() {}

    static String generate() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
