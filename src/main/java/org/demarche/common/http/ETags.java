package org.demarche.common.http;

import jakarta.ws.rs.core.EntityTag;
import org.demarche.common.ProblemException;
import org.demarche.common.ProblemType;
import org.demarche.common.Sha256;

/**
 * Entity tags are digests of the bytes a client receives, so a tag changes whenever the representation
 * does, the summaries of other records it embeds included. A record's tag also names its version,
 * {@code "<version>-<digest>"}, which {@code If-Match} is checked against.
 */
public final class ETags {

    /** Hex digits of the SHA-256 digest kept: 64 bits. */
    private static final int DIGEST_HEX_DIGITS = 16;

    private ETags() {}

    /** The tag of a record's representation: its version and the digest of the body. */
    public static EntityTag of(long version, byte[] body) {
        return new EntityTag(version + "-" + digest(body));
    }

    /** The tag of any other representation (a page, counts): the digest of the body. */
    public static EntityTag of(byte[] body) {
        return new EntityTag(digest(body));
    }

    /**
     * Whether an {@code If-None-Match} header lists this tag, or is {@code *}. Tags compare weakly, as RFC 9110
     * (section 13.1.2) has it for If-None-Match: {@code W/"x"} matches {@code "x"}.
     */
    public static boolean noneMatchLists(String ifNoneMatch, EntityTag tag) {
        if (ifNoneMatch == null || ifNoneMatch.isBlank()) {
            return false;
        }
        String quoted = "\"" + tag.getValue() + "\"";
        for (String listed : ifNoneMatch.split(",")) {
            String candidate = listed.trim();
            if (candidate.equals("*") || candidate.equals(quoted) || candidate.equals("W/" + quoted)) {
                return true;
            }
        }
        return false;
    }

    /**
     * Answers 412 unless the {@code If-Match} header is absent, {@code *}, or lists a tag of the record's
     * current version. It guards the record's own fields: a tag read before a record it embeds a summary of
     * changed still matches, as the write cannot undo that change. Tags compare strongly, as RFC 9110 (section
     * 13.1.1) has it for If-Match: a weak tag never matches, nor does a malformed one (an unquoted tag, or the
     * tag of a page or of the JSON-LD form, which names no version).
     */
    public static void checkIfMatch(String ifMatch, long currentVersion) {
        if (ifMatch == null || ifMatch.isBlank() || ifMatch.trim().equals("*")) {
            return;
        }
        String versionPrefix = "\"" + currentVersion + "-";
        for (String listed : ifMatch.split(",")) {
            String tag = listed.trim();
            if (tag.startsWith(versionPrefix) && tag.endsWith("\"") && tag.length() > versionPrefix.length() + 1) {
                return;
            }
        }
        throw new ProblemException(
                ProblemType.PRECONDITION_FAILED,
                "If-Match names no ETag of the record's current version " + currentVersion
                        + " (its tags start with \"" + currentVersion + "-; a weak W/ tag never matches);"
                        + " read the record again before changing it");
    }

    private static String digest(byte[] body) {
        return Sha256.hex(body).substring(0, DIGEST_HEX_DIGITS);
    }
}
