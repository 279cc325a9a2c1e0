package tyndau.ingest.feeds;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.io.SyndFeedInput;
import java.io.ByteArrayInputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.Locale;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.xml.sax.InputSource;

/**
 * On-demand benchmark (its name keeps it out of the default test run):
 * {@code ./mvnw -B -ntp -q test -Dtest=FeedParserBenchmark -Dbench.items=20000}. Generates one RSS 2.0
 * feed of N items (Russian, Kazakh and English titles and bodies, content:encoded, RFC 822 dates) and
 * reports items/s of {@link FeedParser#parse} beside Rome's own parse of the same bytes, median of
 * several runs after warm-up, by wall clock and by the CPU time of the parsing thread (the machine
 * may be shared, and CPU time is what another tenant's load changes least; GC threads are not in it).
 */
class FeedParserBenchmark {
    static final String[] WORDS = {"Казахстан", "Турция", "помощь", "переговоры", "министр", "Қазақстан", "Қытай",
        "визасыз", "келісім", "Kazakhstan", "China", "visa", "agreement", "aid", "border", "trade", "&amp;", "—"};

    static byte[] generate(int n, long seed) {
        Random r = new Random(seed);
        DateTimeFormatter rfc = DateTimeFormatter.RFC_1123_DATE_TIME.withLocale(Locale.US);
        StringBuilder b = new StringBuilder(n * 900);
        b.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<rss version=\"2.0\" xmlns:content=\"http://purl.org/rss/1.0/modules/content/\""
                + " xmlns:dc=\"http://purl.org/dc/elements/1.1/\"><channel><title>Benchmark</title><link>https://bench.example.kz/</link>"
                + "<description>generated</description><language>ru</language>\n");
        Instant t = Instant.parse("2023-01-01T00:00:00Z");
        for (int i = 0; i < n; i++) {
            b.append("<item><title>").append(words(r, 8)).append("</title><link>/news/").append(i).append("</link>")
                    .append("<guid isPermaLink=\"false\">bench-").append(i).append("</guid><pubDate>")
                    .append(rfc.format(t.plusSeconds(600L * i).atOffset(ZoneOffset.ofHours(6)))).append("</pubDate>")
                    .append("<dc:creator>Press Service</dc:creator><description>").append(words(r, 25)).append("</description>")
                    .append("<content:encoded><![CDATA[<p>").append(words(r, 60)).append("</p><p>").append(words(r, 40))
                    .append("</p>]]></content:encoded></item>\n");
        }
        return b.append("</channel></rss>\n").toString().getBytes(StandardCharsets.UTF_8);
    }

    static String words(Random r, int n) {
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < n; i++) {
            s.append(i == 0 ? "" : " ").append(WORDS[r.nextInt(WORDS.length)]);
        }
        return s.toString();
    }

    @Test
    void parseRate() throws Exception {
        int n = Integer.getInteger("bench.items", 20_000);
        int runs = Integer.getInteger("bench.runs", 5);
        byte[] body = generate(n, 42);
        for (int i = 0; i < 2; i++) {
            assertEquals(n, FeedParser.parse(body, "application/rss+xml").entries().size());
            assertEquals(n, rome(body).getEntries().size());
        }
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        double[] ours = new double[runs];
        double[] rome = new double[runs];
        double[] oursCpu = new double[runs];
        double[] romeCpu = new double[runs];
        for (int i = 0; i < runs; i++) {
            long c0 = threads.getCurrentThreadCpuTime();
            long t0 = System.nanoTime();
            ParsedFeed feed = FeedParser.parse(body, "application/rss+xml");
            long t1 = System.nanoTime();
            long c1 = threads.getCurrentThreadCpuTime();
            SyndFeed bare = rome(body);
            long t2 = System.nanoTime();
            long c2 = threads.getCurrentThreadCpuTime();
            assertEquals(n, feed.entries().size());
            assertEquals(n, bare.getEntries().size());
            ours[i] = (t1 - t0) / 1e9;
            rome[i] = (t2 - t1) / 1e9;
            oursCpu[i] = (c1 - c0) / 1e9;
            romeCpu[i] = (c2 - c1) / 1e9;
        }
        System.out.printf(Locale.ROOT, "feed of %d items, %.1f MB, median of %d runs:%n", n, body.length / 1e6, runs);
        System.out.printf(Locale.ROOT, "  FeedParser.parse          %7.0f items/s wall (%.3f s), %7.0f items/s CPU (%.3f s)%n",
                n / median(ours), median(ours), n / median(oursCpu), median(oursCpu));
        System.out.printf(Locale.ROOT, "  Rome SyndFeedInput alone  %7.0f items/s wall (%.3f s), %7.0f items/s CPU (%.3f s)%n",
                n / median(rome), median(rome), n / median(romeCpu), median(romeCpu));
    }

    static SyndFeed rome(byte[] body) throws Exception {
        return new SyndFeedInput().build(new InputSource(new ByteArrayInputStream(body)));
    }

    static double median(double[] xs) {
        double[] s = xs.clone();
        Arrays.sort(s);
        return s[s.length / 2];
    }
}
