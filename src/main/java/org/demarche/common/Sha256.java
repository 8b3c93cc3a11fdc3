package org.demarche.common;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** SHA-256 digests in lower-case hex: stored key secrets, rate-limit identities, ETags, index layouts. */
public final class Sha256 {

    private Sha256() {}

    /** A new digest to feed in parts. */
    public static MessageDigest digest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java platform has SHA-256", e);
        }
    }

    /** The hex digest of the bytes. */
    public static String hex(byte[] bytes) {
        return hex(digest(), bytes);
    }

    /** The hex digest of the text in UTF-8. */
    public static String hex(String text) {
        return hex(text.getBytes(StandardCharsets.UTF_8));
    }

    /** The hex of what the digest was fed and then these bytes. */
    public static String hex(MessageDigest digest, byte[] bytes) {
        return HexFormat.of().formatHex(digest.digest(bytes));
    }
}
