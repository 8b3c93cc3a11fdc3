package org.demarche.common.http;

import jakarta.ws.rs.core.EntityTag;
import org.demarche.common.ProblemException;
import org.demarche.common.ProblemType;

/** Entity tags are the record's version; this checks a client's {@code If-Match} against it. */
public final class ETags {

    private ETags() {}

    public static EntityTag of(long version) {
        return new EntityTag(Long.toString(version));
    }

    /** The tag of another representation of a version, such as {@code "3-ld+json"} for its JSON-LD. */
    public static EntityTag of(long version, String representation) {
        return new EntityTag(version + "-" + representation);
    }

    /**
     * Answers 412 unless the {@code If-Match} header is absent, {@code *}, or lists the current version.
     * Tags compare strongly, as RFC 9110 (section 13.1.1) has it for If-Match: a weak tag never matches,
     * nor does a malformed one (an unquoted {@code 3} is not the tag {@code "3"}).
     */
    public static void checkIfMatch(String ifMatch, long currentVersion) {
        if (ifMatch == null || ifMatch.isBlank() || ifMatch.trim().equals("*")) {
            return;
        }
        String quoted = "\"" + currentVersion + "\"";
        for (String tag : ifMatch.split(",")) {
            if (tag.trim().equals(quoted)) {
                return;
            }
        }
        throw new ProblemException(
                ProblemType.PRECONDITION_FAILED,
                "If-Match does not match the current ETag " + quoted + " (a weak W/ tag never matches);"
                        + " read the record again before changing it");
    }
}
