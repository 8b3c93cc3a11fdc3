package org.demarche.subscription;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Where webhooks may go when the operator allows no private targets; literals only, so no DNS is asked. */
class TargetUrlsTest {

    private final TargetUrls publicOnly = new TargetUrls(false);

    @Test
    void internalAddressesAreKnown() throws UnknownHostException {
        for (String internal : List.of(
                "127.0.0.1",
                "127.8.9.10",
                "0.0.0.0",
                "10.1.2.3",
                "172.16.0.1",
                "172.31.255.255",
                "192.168.1.1",
                "169.254.169.254",
                "100.64.0.1",
                "224.0.0.1",
                "255.255.255.255",
                "::1",
                "::",
                "fc00::1",
                "fd12:3456::1",
                "fe80::1",
                "ff02::1",
                "::ffff:127.0.0.1",
                "::ffff:169.254.169.254",
                "64:ff9b::a00:1")) {
            assertTrue(TargetAddresses.isInternal(InetAddress.getByName(internal)), internal);
        }
    }

    @Test
    void publicAddressesPass() throws UnknownHostException {
        for (String external :
                List.of("8.8.8.8", "172.32.0.1", "100.128.0.1", "93.184.215.14", "2001:4860:4860::8888")) {
            assertFalse(TargetAddresses.isInternal(InetAddress.getByName(external)), external);
        }
    }

    @Test
    void urlsToInternalAddressesAreRefused() {
        for (String url : List.of(
                "http://127.0.0.1:8080/hook",
                "http://[::1]/hook",
                "https://169.254.169.254/latest/meta-data/",
                "http://10.0.0.5/",
                "http://localhost/hook")) {
            assertTrue(publicOnly.refusal(url).orElseThrow().contains("may not reach"), url);
        }
    }

    @Test
    void onlyPlainHttpUrlsAreTaken() {
        assertEquals(Optional.empty(), publicOnly.refusal("https://93.184.215.14/hooks/demarche?x=1"));
        assertEquals(Optional.empty(), publicOnly.refusal("HTTP://93.184.215.14:8443/"));
        for (String url : List.of("ftp://93.184.215.14/", "file:///etc/passwd", "/hooks", "https://", "not a url")) {
            assertEquals(Optional.of("must be an absolute http or https URL"), publicOnly.refusal(url), url);
        }
        assertEquals(
                Optional.of("must not carry a user name or password"),
                publicOnly.refusal("https://user:secret@93.184.215.14/"));
        assertEquals(Optional.of("must not have a fragment"), publicOnly.refusal("https://93.184.215.14/#x"));
        assertTrue(
                publicOnly.refusal("https://93.184.215.14/" + "a".repeat(2000)).isPresent());
    }

    @Test
    void theOperatorMayAllowPrivateTargets() {
        assertEquals(Optional.empty(), new TargetUrls(true).refusal("http://127.0.0.1:8183/hook"));
    }
}
