package org.demarche.subscription;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;

/**
 * Which addresses a webhook may not be sent to unless the operator allows it: this host (loopback, any
 * local), private networks (10/8, 172.16/12, 192.168/16, fc00::/7), shared address space (100.64/10),
 * link-local (169.254/16 with the cloud metadata address 169.254.169.254, fe80::/10), multicast and
 * 0/8. IPv4 addresses written as IPv6 (::ffff:a.b.c.d, NAT64 64:ff9b::a.b.c.d) are judged as IPv4.
 */
final class TargetAddresses {

    private TargetAddresses() {}

    static boolean isInternal(InetAddress address) {
        if (address.isLoopbackAddress()
                || address.isAnyLocalAddress()
                || address.isLinkLocalAddress()
                || address.isSiteLocalAddress()
                || address.isMulticastAddress()) {
            return true;
        }
        byte[] bytes = address.getAddress();
        if (address instanceof Inet4Address) {
            return isInternalIpv4(bytes, 0);
        }
        if (address instanceof Inet6Address) {
            int first = bytes[0] & 0xff;
            if ((first & 0xfe) == 0xfc) {
                return true; // unique local fc00::/7
            }
            if (isMappedIpv4(bytes) || isNat64(bytes)) {
                return isInternalIpv4(bytes, 12);
            }
        }
        return false;
    }

    private static boolean isInternalIpv4(byte[] bytes, int at) {
        int a = bytes[at] & 0xff;
        int b = bytes[at + 1] & 0xff;
        return a == 0
                || a == 10
                || a == 127
                || a == 100 && (b & 0xc0) == 64
                || a == 169 && b == 254
                || a == 172 && (b & 0xf0) == 16
                || a == 192 && b == 168
                || a >= 224;
    }

    /** ::ffff:a.b.c.d and the deprecated ::a.b.c.d. */
    private static boolean isMappedIpv4(byte[] bytes) {
        for (int i = 0; i < 10; i++) {
            if (bytes[i] != 0) {
                return false;
            }
        }
        return (bytes[10] == 0 && bytes[11] == 0) || (bytes[10] == (byte) 0xff && bytes[11] == (byte) 0xff);
    }

    /** 64:ff9b::/96, where a NAT64 gateway reaches IPv4 addresses. */
    private static boolean isNat64(byte[] bytes) {
        if (bytes[0] != 0 || bytes[1] != 0x64 || bytes[2] != (byte) 0xff || bytes[3] != (byte) 0x9b) {
            return false;
        }
        for (int i = 4; i < 12; i++) {
            if (bytes[i] != 0) {
                return false;
            }
        }
        return true;
    }
}
