package org.demarche.common;

/**
 * Text Demarche can store and return unchanged on both databases: PostgreSQL refuses the NUL character,
 * and an unpaired surrogate cannot be encoded as UTF-8, so either would be lost or fail on the way in.
 */
public final class UnicodeText {

    public static final String PROBLEM = "must not contain the NUL character or unpaired UTF-16 surrogates";

    private UnicodeText() {
    }

    public static boolean isStorable(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\0') {
                return false;
            }
            if (Character.isHighSurrogate(c)) {
                if (i + 1 == text.length() || !Character.isLowSurrogate(text.charAt(i + 1))) {
                    return false;
                }
                i++;
            } else if (Character.isLowSurrogate(c)) {
                return false;
            }
        }
        return true;
    }
}
