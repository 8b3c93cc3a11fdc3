package org.demarche.key;

import java.security.SecureRandom;
import java.util.Base64;
import org.demarche.common.Sha256;

/**
 * Makes and hashes key secrets: {@code dmk_} and 256 random bits in base64url. A secret this long cannot
 * be guessed, so a fast hash (SHA-256) is enough to store it; no salt or slow hash is needed.
 */
final class KeySecrets {

    static final String PREFIX = "dmk_";
    static final int MIN_CONFIGURED_LENGTH = 32;
    private static final SecureRandom RANDOM = new SecureRandom();

    private KeySecrets() {}

    static String generate() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    static String hash(String secret) {
        return Sha256.hex(secret);
    }

    /** What a listing shows of a secret: enough to recognise it, far too little to use it. */
    static String visiblePrefix(String secret) {
        return secret.substring(0, Math.min(secret.length(), PREFIX.length() + 6));
    }
}
