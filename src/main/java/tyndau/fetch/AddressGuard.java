package tyndau.fetch;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;

/**
 * Tells public addresses from those a fetcher must never connect to: loopback, private (RFC 1918),
 * link-local (169.254/16, fe80::/10), CGNAT (100.64/10, RFC 6598), multicast, unspecified,
 * reserved and broadcast, the documentation networks (192.0.2/24, 198.51.100/24, 203.0.113/24,
 * 2001:db8::/32), the 6to4 relay anycast 192.88.99/24, IPv6 unique-local (fc00::/7), discard-only
 * (100::/64), Teredo (2001::/32: the IPv4 it carries is obscured, and a relay would reach it),
 * local-use NAT64 (64:ff9b:1::/48: translated to whatever the site chose), and IPv4 addresses carried
 * inside IPv6 (mapped ::ffff:0:0/96, compatible ::/96, NAT64 64:ff9b::/96, 6to4 2002::/16), judged
 * by the IPv4 address they carry.
 */
public final class AddressGuard {
    private AddressGuard() {
    }

    public static boolean isPublic(InetAddress address) {
        if (address instanceof Inet4Address v4) {
            return isPublicV4(v4.getAddress());
        }
        if (address instanceof Inet6Address v6) {
            byte[] b = v6.getAddress();
            byte[] embedded = embeddedV4(b);
            if (embedded != null) {
                return isPublicV4(embedded);
            }
            if (v6.isAnyLocalAddress() || v6.isLoopbackAddress() || v6.isLinkLocalAddress() || v6.isSiteLocalAddress()
                    || v6.isMulticastAddress()) {
                return false;
            }
            int first = b[0] & 0xff;
            if ((first & 0xfe) == 0xfc) {
                return false; // fc00::/7 unique local
            }
            int w0 = ((b[0] & 0xff) << 8) | (b[1] & 0xff);
            int w1 = ((b[2] & 0xff) << 8) | (b[3] & 0xff);
            int w2 = ((b[4] & 0xff) << 8) | (b[5] & 0xff);
            if (w0 == 0x2001 && (w1 == 0 || w1 == 0x0db8)) {
                return false; // Teredo 2001::/32, documentation 2001:db8::/32
            }
            if (w0 == 0x0064 && w1 == 0xff9b && w2 == 0x0001) {
                return false; // local-use NAT64 64:ff9b:1::/48
            }
            if (w0 == 0x0100 && allZero(b, 2, 8)) {
                return false; // discard-only 100::/64
            }
            return true;
        }
        return false;
    }

    static boolean isPublicV4(byte[] a) {
        int b0 = a[0] & 0xff;
        int b1 = a[1] & 0xff;
        if (b0 == 0 || b0 == 10 || b0 == 127) {
            return false; // unspecified "this network", private, loopback
        }
        if (b0 == 169 && b1 == 254) {
            return false; // link-local, cloud metadata
        }
        if (b0 == 172 && b1 >= 16 && b1 <= 31) {
            return false;
        }
        if (b0 == 192 && b1 == 168) {
            return false;
        }
        if (b0 == 100 && b1 >= 64 && b1 <= 127) {
            return false; // CGNAT
        }
        if (b0 == 192 && b1 == 0 && (a[2] & 0xff) == 0) {
            return false; // IETF protocol assignments
        }
        if (b0 == 198 && (b1 == 18 || b1 == 19)) {
            return false; // benchmarking
        }
        int b2 = a[2] & 0xff;
        if ((b0 == 192 && b1 == 0 && b2 == 2) || (b0 == 198 && b1 == 51 && b2 == 100) || (b0 == 203 && b1 == 0 && b2 == 113)) {
            return false; // documentation TEST-NET-1, -2, -3
        }
        if (b0 == 192 && b1 == 88 && b2 == 99) {
            return false; // 6to4 relay anycast
        }
        return b0 < 224; // multicast 224/4, reserved 240/4, broadcast
    }

    /** The IPv4 address inside an IPv6 one, for the forms that carry one; null otherwise. */
    static byte[] embeddedV4(byte[] b) {
        boolean firstTenZero = true;
        for (int i = 0; i < 10; i++) {
            firstTenZero &= b[i] == 0;
        }
        if (firstTenZero && (((b[10] & 0xff) == 0xff && (b[11] & 0xff) == 0xff) || (b[10] == 0 && b[11] == 0 && !allZero(b, 12)))) {
            return new byte[] {b[12], b[13], b[14], b[15]}; // ::ffff:a.b.c.d and ::a.b.c.d
        }
        if ((b[0] & 0xff) == 0x00 && (b[1] & 0xff) == 0x64 && (b[2] & 0xff) == 0xff && (b[3] & 0xff) == 0x9b && allZero(b, 4, 12)) {
            return new byte[] {b[12], b[13], b[14], b[15]}; // 64:ff9b::/96
        }
        if ((b[0] & 0xff) == 0x20 && (b[1] & 0xff) == 0x02) {
            return new byte[] {b[2], b[3], b[4], b[5]}; // 2002:aabb:ccdd::/48
        }
        return null;
    }

    private static boolean allZero(byte[] b, int from) {
        return allZero(b, from, b.length);
    }

    private static boolean allZero(byte[] b, int from, int to) {
        for (int i = from; i < to; i++) {
            if (b[i] != 0) {
                return false;
            }
        }
        return true;
    }
}
