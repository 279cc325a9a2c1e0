package tyndau.fetch;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.UnknownHostException;
import org.junit.jupiter.api.Test;

class AddressGuardTest {

    static boolean ok(String ip) throws UnknownHostException {
        return AddressGuard.isPublic(java.net.InetAddress.getByName(ip)); // literals: no DNS lookup
    }

    @Test
    void refusesEveryNonPublicRange() throws UnknownHostException {
        for (String ip : new String[] {"127.0.0.1", "127.1.2.3", "10.0.0.1", "172.16.0.1", "172.31.255.255", "192.168.1.1",
                "169.254.169.254", "100.64.0.1", "100.127.255.254", "0.0.0.0", "224.0.0.1", "239.255.255.250", "240.0.0.1",
                "255.255.255.255", "::1", "::", "fe80::1", "fc00::1", "fd12:3456::1", "ff02::1",
                "::ffff:127.0.0.1", "::ffff:10.1.2.3", "::ffff:169.254.169.254", "::127.0.0.1", "64:ff9b::a9fe:a9fe",
                "2002:7f00:0001::1", "2002:c0a8:0101::1", "192.0.2.1", "198.51.100.7", "203.0.113.255", "192.88.99.1",
                "64:ff9b:1::a00:1", "2001:0:4136:e378:8000:63bf:3fff:fdd2", "2001:db8::1", "100::1", "::ffff:203.0.113.5"}) {
            assertFalse(ok(ip), ip);
        }
    }

    @Test
    void acceptsPublicAddresses() throws UnknownHostException {
        for (String ip : new String[] {"8.8.8.8", "93.184.216.34", "172.32.0.1", "100.128.0.1", "2a00:1450:4001::200e",
                "::ffff:8.8.8.8", "2002:0808:0808::1", "192.0.3.1", "198.51.101.1", "203.0.114.1", "192.88.100.1",
                "64:ff9b:2::1", "2001:4860:4860::8888"}) {
            assertTrue(ok(ip), ip);
        }
    }
}
