package org.demarche.common;

import java.text.Normalizer;

/**
 * Text Demarche can store and return unchanged on both databases: PostgreSQL refuses the NUL character,
 * and an unpaired surrogate cannot be encoded as UTF-8, so either would be lost or fail on the way in.
 * Text is kept in Unicode normalization form C, so that one word typed with composed or decomposed
 * accents is one value: one natural key, one search term.
 */
public final class UnicodeText {

    public static final String PROBLEM = "must not contain the NUL character or unpaired UTF-16 surrogates";

    private UnicodeText() {}

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

    /** The text in Unicode normalization form C (composed accents); null stays null. */
    public static String nfc(String text) {
        return text == null || Normalizer.isNormalized(text, Normalizer.Form.NFC)
                ? text
                : Normalizer.normalize(text, Normalizer.Form.NFC);
    }
}
