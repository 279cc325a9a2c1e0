package tyndau.ingest.feeds;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The project's fixtures cut at every length and mangled at random (fixed seed): each mangled body is
 * parsed or refused with a FeedParseException that has a reason; nothing else escapes, nothing hangs.
 */
class FeedParserRobustnessTest {
    static final String[] FIXTURES = {"rss20.xml", "atom10.xml", "rss10.xml", "xxe.xml", "unescaped-ampersand.xml", "windows-1251-nodecl.xml"};
    static final byte[][] INSERTS = {"<".getBytes(), "&".getBytes(), "]]>".getBytes(), "<!--".getBytes(), "<![CDATA[".getBytes(),
        "\"".getBytes(), "<!DOCTYPE x [<!ENTITY a \"&b;\">]>".getBytes(), "&#0;".getBytes(), {(byte) 0xff, (byte) 0xfe}, {0}};

    @Test
    void everyPrefixAndManyMangledBodiesAreParsedOrRefusedWithAReason() throws Exception {
        Random random = new Random(20230206);
        List<String> unexpected = new ArrayList<>();
        int parsed = 0;
        int refused = 0;
        long slowest = 0;
        for (String name : FIXTURES) {
            byte[] body = FeedParserTest.fixture(name);
            List<byte[]> variants = new ArrayList<>();
            for (int cut = 0; cut <= body.length; cut += 13) {
                variants.add(java.util.Arrays.copyOf(body, cut));
            }
            for (int k = 0; k < 80; k++) {
                variants.add(mangle(body, random));
            }
            for (byte[] v : variants) {
                long t0 = System.nanoTime();
                try {
                    FeedParser.parse(v, random.nextBoolean() ? null : "text/xml; charset=utf-8");
                    parsed++;
                } catch (FeedParseException e) {
                    assertTrue(e.getMessage() != null && !e.getMessage().isBlank());
                    refused++;
                } catch (RuntimeException | StackOverflowError e) {
                    unexpected.add(name + ": " + e);
                }
                slowest = Math.max(slowest, System.nanoTime() - t0);
            }
        }
        System.out.printf("robustness: %d parsed, %d refused, slowest %.0f ms%n", parsed, refused, slowest / 1e6);
        assertEquals(List.of(), unexpected);
        assertTrue(parsed > 0 && refused > 0);
    }

    static byte[] mangle(byte[] body, Random random) {
        byte[] out = body.clone();
        int edits = 1 + random.nextInt(4);
        for (int e = 0; e < edits; e++) {
            int at = random.nextInt(out.length);
            switch (random.nextInt(3)) {
                case 0 -> out[at] = (byte) random.nextInt(256);
                case 1 -> {
                    byte[] insert = INSERTS[random.nextInt(INSERTS.length)];
                    byte[] grown = new byte[out.length + insert.length];
                    System.arraycopy(out, 0, grown, 0, at);
                    System.arraycopy(insert, 0, grown, at, insert.length);
                    System.arraycopy(out, at, grown, at + insert.length, out.length - at);
                    out = grown;
                }
                default -> {
                    int len = Math.min(out.length - at, 1 + random.nextInt(20));
                    byte[] shrunk = new byte[out.length - len];
                    System.arraycopy(out, 0, shrunk, 0, at);
                    System.arraycopy(out, at + len, shrunk, at, out.length - at - len);
                    out = shrunk.length == 0 ? out : shrunk;
                }
            }
        }
        return out;
    }
}
