package org.demarche.subscription;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import java.util.List;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The {@code Demarche-Signature} header, as Stripe and GitHub sign: {@code t=<unix seconds>,v1=<hex
 * HMAC-SHA256 of "<t>.<body>">}, with one {@code v1} per valid secret (the new one first while a rotated
 * one is still in its grace period), so a receiver accepts the delivery if any matches the secret it has.
 */
final class Signatures {

    static final String HEADER = "Demarche-Signature";

    private Signatures() {}

    static String header(long unixSeconds, byte[] body, List<String> secrets) {
        StringBuilder header = new StringBuilder("t=").append(unixSeconds);
        for (String secret : secrets) {
            header.append(",v1=").append(hmac(secret, unixSeconds, body));
        }
        return header.toString();
    }

    static String hmac(String secret, long unixSeconds, byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            mac.update((unixSeconds + ".").getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(mac.doFinal(body));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }
}
