package org.demarche.subscription;

import jakarta.enterprise.context.ApplicationScoped;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.Locale;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Checks where a webhook may be sent: an absolute http or https URL without credentials or fragment, whose
 * host resolves, and only to public addresses ({@link TargetAddresses}) unless
 * {@code demarche.webhooks.allow-private-targets} is true. Every address a name resolves to must pass,
 * since a sender may use any of them.
 */
@ApplicationScoped
public class TargetUrls {

    static final int MAX_LENGTH = 2000;

    private final boolean allowPrivate;

    public TargetUrls(
            @ConfigProperty(name = "demarche.webhooks.allow-private-targets", defaultValue = "false")
                    boolean allowPrivate) {
        this.allowPrivate = allowPrivate;
    }

    /** What is wrong with the URL, or empty if a webhook may be sent to it. */
    public Optional<String> refusal(String url) {
        if (url.length() > MAX_LENGTH) {
            return Optional.of("must be at most " + MAX_LENGTH + " characters");
        }
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException e) {
            return Optional.of("must be an absolute http or https URL");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https") || uri.getHost() == null) {
            return Optional.of("must be an absolute http or https URL");
        }
        if (uri.getRawUserInfo() != null) {
            return Optional.of("must not carry a user name or password");
        }
        if (uri.getRawFragment() != null) {
            return Optional.of("must not have a fragment");
        }
        return addressRefusal(uri.getHost());
    }

    private Optional<String> addressRefusal(String host) {
        InetAddress[] addresses;
        try {
            addresses = InetAddress.getAllByName(host);
        } catch (UnknownHostException e) {
            return Optional.of("host " + host + " does not resolve");
        }
        if (allowPrivate) {
            return Optional.empty();
        }
        for (InetAddress address : addresses) {
            if (TargetAddresses.isInternal(address)) {
                return Optional.of("host " + host + " resolves to " + address.getHostAddress()
                        + ", a loopback, private, link-local or metadata address, which webhooks may not reach");
            }
        }
        return Optional.empty();
    }
}
