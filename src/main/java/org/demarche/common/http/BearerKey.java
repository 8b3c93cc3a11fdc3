package org.demarche.common.http;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The API key in an {@code Authorization: Bearer <key>} header, read one way for authentication and
 * for limits. As RFC 9110 has it, the scheme is case-insensitive and is separated from the key by
 * whitespace, so {@code bearer  k} and {@code Bearer k} send the same key {@code k}.
 */
public final class BearerKey {

    private static final Pattern WHITESPACE = Pattern.compile("[ \t]+");

    private BearerKey() {}

    /** The key sent; empty when there is no header; an IllegalArgumentException when the header is not a Bearer credential. */
    public static Optional<String> of(String header) {
        if (header == null || header.isBlank()) {
            return Optional.empty();
        }
        String[] parts = WHITESPACE.split(header.strip(), -1);
        if (parts.length != 2 || !parts[0].equalsIgnoreCase("Bearer")) {
            throw new IllegalArgumentException("Authorization must be 'Bearer <key>'");
        }
        return Optional.of(parts[1]);
    }
}
