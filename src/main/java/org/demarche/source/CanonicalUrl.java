package org.demarche.source;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A source's identity: its URL in the one spelling RFC 3986 (section 6.2.2 and 6.2.3) makes of every
 * equivalent one. The scheme and host are lower-cased, a default port (80 for http, 443 for https) or an
 * empty one is dropped, an empty path becomes {@code /}, percent-encoded unreserved characters are decoded
 * and the remaining escapes upper-cased, an empty query ({@code ?}) and the fragment are dropped (a
 * fragment names a part of the page, not another page). The path's case, its dot segments, trailing slashes
 * and the order of query parameters are kept: servers may tell those apart.
 */
public final class CanonicalUrl {

    /** RFC 3986 appendix B: scheme, authority, path, query and fragment of any URI reference. */
    private static final Pattern PARTS =
            Pattern.compile("^(?:([^:/?#]+):)?(?://([^/?#]*))?([^?#]*)(?:\\?([^#]*))?(?:#.*)?$", Pattern.DOTALL);

    private static final Pattern ESCAPE = Pattern.compile("%([0-9A-Fa-f]{2})");

    private CanonicalUrl() {}

    /** The canonical spelling of a URL. */
    public static String of(String url) {
        Matcher parts = PARTS.matcher(url.trim());
        if (!parts.matches()) {
            return url;
        }
        String scheme = parts.group(1) == null ? null : parts.group(1).toLowerCase(Locale.ROOT);
        StringBuilder canonical = new StringBuilder();
        if (scheme != null) {
            canonical.append(scheme).append(':');
        }
        String authority = parts.group(2);
        String path = escapes(parts.group(3));
        if (authority != null) {
            canonical.append("//").append(authority(authority, scheme));
            if (path.isEmpty()) {
                path = "/";
            }
        }
        canonical.append(path);
        String query = parts.group(4);
        if (query != null && !query.isEmpty()) {
            canonical.append('?').append(escapes(query));
        }
        return canonical.toString();
    }

    /** User information as given (it is case-sensitive), host in lower case, port unless the scheme's default. */
    private static String authority(String authority, String scheme) {
        int at = authority.lastIndexOf('@');
        String userInfo = at < 0 ? "" : escapes(authority.substring(0, at + 1));
        String hostPort = authority.substring(at + 1);
        int colon = hostPort.lastIndexOf(':');
        String host = hostPort;
        String port = "";
        if (colon >= 0 && colon > hostPort.lastIndexOf(']')) {
            host = hostPort.substring(0, colon);
            port = hostPort.substring(colon + 1);
        }
        if (("http".equals(scheme) && port.equals("80")) || ("https".equals(scheme) && port.equals("443"))) {
            port = "";
        }
        // Lower-casing the decoded host lower-cases its escapes too; the second pass upper-cases them again.
        return userInfo + escapes(escapes(host).toLowerCase(Locale.ROOT)) + (port.isEmpty() ? "" : ":" + port);
    }

    /** Decodes escapes of unreserved characters (letters, digits, - . _ ~) and upper-cases the others. */
    private static String escapes(String text) {
        Matcher escape = ESCAPE.matcher(text);
        StringBuilder result = new StringBuilder();
        while (escape.find()) {
            char c = (char) Integer.parseInt(escape.group(1), 16);
            boolean unreserved = (c >= 'A' && c <= 'Z')
                    || (c >= 'a' && c <= 'z')
                    || (c >= '0' && c <= '9')
                    || c == '-'
                    || c == '.'
                    || c == '_'
                    || c == '~';
            escape.appendReplacement(
                    result,
                    unreserved ? String.valueOf(c) : "%" + escape.group(1).toUpperCase(Locale.ROOT));
        }
        escape.appendTail(result);
        return result.toString();
    }
}
