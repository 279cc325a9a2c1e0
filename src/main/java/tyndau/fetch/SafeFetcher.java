package tyndau.fetch;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.zip.GZIPInputStream;
import java.util.zip.InflaterInputStream;
import org.apache.hc.client5.http.SystemDefaultDnsResolver;
import org.apache.hc.client5.http.classic.methods.HttpGet;
import org.apache.hc.client5.http.classic.methods.HttpPost;
import org.apache.hc.client5.http.classic.methods.HttpUriRequestBase;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.ManagedHttpClientConnectionFactory;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManager;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.HttpEntity;
import org.apache.hc.core5.http.MessageConstraintException;
import org.apache.hc.core5.http.config.Http1Config;
import org.apache.hc.core5.http.io.entity.ByteArrayEntity;
import org.apache.hc.core5.util.Timeout;
import tyndau.TyndauConfig;

/**
 * The one way Tyndau fetches anything (sources, and alert webhooks through {@link #post}). http and https only;
 * every address connected to — resolved by this fetcher's own DNS resolver, on every redirect hop —
 * must pass the address policy (public addresses only unless tyndau.fetch.allow-private-networks);
 * at most N redirects, never from https to http; a connect timeout and a deadline over the whole
 * exchange that cancels it wherever it is (a status line, headers or a body trickled byte by byte);
 * a cap on header lines and their length; a byte cap counted after gzip/deflate
 * decompression; conditional GET plus a body hash for servers whose validators lie; an honest
 * User-Agent; per-host concurrency and spacing.
 */
@ApplicationScoped
public class SafeFetcher {
    private static final org.jboss.logging.Logger LOG = org.jboss.logging.Logger.getLogger(SafeFetcher.class);
    /** Fetch settings (from tyndau.fetch.*). */
    public record Settings(Duration connectTimeout, Duration deadline, long maxBytes, int maxRedirects, String userAgent,
                           int perHostConcurrency, Duration perHostDelay) {
    }

    /** A request: the URL and what is known from the last fetch of it. */
    public record Request(URI uri, String etag, String lastModified, String previousSha256) {
        public static Request of(URI uri) {
            return new Request(uri, null, null, null);
        }
    }

    /** Bytes in the status line or one header line, and header lines in an answer: beyond either the fetch fails. */
    static final int MAX_HEADER_LINE = 8 * 1024;
    static final int MAX_HEADERS = 100;
    /** Cancels each exchange at its deadline, wherever it is: connecting, waiting for the status line, headers, body. */
    private static final ScheduledExecutorService DEADLINES = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "fetch-deadlines");
        t.setDaemon(true);
        return t;
    });

    private final Settings settings;
    private final Predicate<InetAddress> allowed;
    private final CloseableHttpClient client;
    private final Map<String, Semaphore> hostSlots = new ConcurrentHashMap<>();
    private final Map<String, Instant> hostLast = new ConcurrentHashMap<>();

    @Inject
    SafeFetcher(TyndauConfig config) {
        this(new Settings(config.fetch().connectTimeout(), config.fetch().deadline(), config.fetch().maxBytes(),
                        config.fetch().maxRedirects(), "Tyndau/0.1 (+" + config.fetch().contactUrl() + ")",
                        config.fetch().perHostConcurrency(), config.fetch().perHostDelay()),
                config.fetch().allowPrivateNetworks() ? a -> true : AddressGuard::isPublic);
    }

    /** For tests and tools: explicit settings and address policy. */
    public SafeFetcher(Settings settings, Predicate<InetAddress> allowed) {
        this.settings = settings;
        this.allowed = allowed;
        SystemDefaultDnsResolver guardedDns = new SystemDefaultDnsResolver() {
            @Override
            public InetAddress[] resolve(String host) throws UnknownHostException {
                // The connection operator connects only to what this returns: checking here is
                // checking the address actually connected to, at connect time, on every hop.
                InetAddress[] all = super.resolve(host);
                for (InetAddress a : all) {
                    if (!allowed.test(a)) {
                        // The message reaches public source health: it names the host, never the inner address
                        // (which would map the operator's network for whoever can add a source); the log has it.
                        LOG.warnf("refused %s: resolves to %s", host, a.getHostAddress());
                        throw new UnknownHostException("refused: " + host + " resolves to a private or reserved address");
                    }
                }
                return all;
            }
        };
        PoolingHttpClientConnectionManager cm = PoolingHttpClientConnectionManagerBuilder.create()
                .setDnsResolver(guardedDns)
                .setConnectionFactory(ManagedHttpClientConnectionFactory.builder()
                        .http1Config(Http1Config.custom().setMaxLineLength(MAX_HEADER_LINE).setMaxHeaderCount(MAX_HEADERS).build())
                        .build())
                .setDefaultConnectionConfig(ConnectionConfig.custom()
                        .setConnectTimeout(Timeout.of(settings.connectTimeout()))
                        .setSocketTimeout(Timeout.ofSeconds(Math.max(1, Math.min(10, settings.deadline().toSeconds()))))
                        .build())
                .setMaxConnTotal(64)
                .setMaxConnPerRoute(Math.max(1, settings.perHostConcurrency()))
                .build();
        this.client = HttpClients.custom()
                .setConnectionManager(cm)
                .disableRedirectHandling()
                .disableContentCompression()
                .disableAutomaticRetries()
                .disableCookieManagement()
                .setUserAgent(settings.userAgent())
                .setDefaultRequestConfig(RequestConfig.custom().setResponseTimeout(Timeout.of(settings.deadline())).build())
                .build();
    }

    public Fetched fetch(Request request) throws FetchException {
        Instant deadline = Instant.now().plus(settings.deadline());
        URI uri = request.uri();
        checkScheme(uri);
        for (int hop = 0; ; hop++) {
            Fetched f = once(uri, conditionalGet(uri, request), request, deadline);
            if (f.status() < 300 || f.status() >= 400 || f.status() == 304) {
                return f;
            }
            String location = f.location();
            if (location == null) {
                throw FetchException.refused("redirect " + f.status() + " without a Location");
            }
            if (hop + 1 > settings.maxRedirects()) {
                throw FetchException.refused("more than " + settings.maxRedirects() + " redirects");
            }
            URI next;
            try {
                next = uri.resolve(new URI(location.trim()));
            } catch (URISyntaxException | IllegalArgumentException e) {
                throw FetchException.refused("redirect to an invalid URL");
            }
            checkScheme(next);
            if ("https".equalsIgnoreCase(uri.getScheme()) && "http".equalsIgnoreCase(next.getScheme())) {
                throw FetchException.refused("redirect from https to http refused");
            }
            uri = next;
        }
    }

    /**
     * POSTs {@code body} (an alert webhook) through the same guards as {@link #fetch}: http(s) only,
     * the address policy on the address connected to, the deadline, the byte cap on the answer. A
     * redirect is never followed: it comes back as its status and {@code location}, since sending
     * the body on to another address is not this fetcher's decision (RFC 9110 §15.4: a client may
     * re-send a POST after 307/308 only with its user's consent).
     */
    public Fetched post(URI uri, String contentType, byte[] body, Map<String, String> headers) throws FetchException {
        Instant deadline = Instant.now().plus(settings.deadline());
        checkScheme(uri);
        HttpPost post = new HttpPost(uri);
        post.setEntity(new ByteArrayEntity(body, ContentType.parse(contentType)));
        headers.forEach(post::setHeader);
        return once(uri, post, null, deadline);
    }

    private static HttpGet conditionalGet(URI uri, Request request) {
        HttpGet get = new HttpGet(uri);
        if (request.etag() != null) {
            get.setHeader("If-None-Match", request.etag());
        }
        if (request.lastModified() != null) {
            get.setHeader("If-Modified-Since", request.lastModified());
        }
        return get;
    }

    private static void checkScheme(URI uri) throws FetchException {
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https") || uri.getHost() == null) {
            throw FetchException.refused("only http and https URLs with a host are fetched");
        }
    }

    /** One request; a redirect comes back as its status and {@code location}, for the caller to judge. */
    private Fetched once(URI uri, HttpUriRequestBase get, Request request, Instant deadline) throws FetchException {
        String host = uri.getHost().toLowerCase(Locale.ROOT);
        Semaphore slot = hostSlots.computeIfAbsent(host, h -> new Semaphore(Math.max(1, settings.perHostConcurrency())));
        try {
            if (!slot.tryAcquire(remaining(deadline).toMillis(), TimeUnit.MILLISECONDS)) {
                throw new FetchException("deadline passed waiting for a free connection to " + host);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new FetchException("interrupted");
        }
        ScheduledFuture<?> timer = null;
        try {
            pace(host, deadline);
            get.setHeader("Accept-Encoding", "gzip, deflate");
            // cancel() drops the connection (closing normally would read the rest of a body).
            timer = DEADLINES.schedule(get::cancel, Math.max(1, remaining(deadline).toMillis()), TimeUnit.MILLISECONDS);
            return client.execute(get, response -> {
                int status = response.getCode();
                String etag = header(response.getFirstHeader("ETag"));
                String lastModified = header(response.getFirstHeader("Last-Modified"));
                Duration retryAfter = retryAfter(header(response.getFirstHeader("Retry-After")));
                if (status >= 300 && status < 400 && status != 304) {
                    return new Fetched(status, uri, null, header(response.getFirstHeader("Location")), new byte[0], etag, lastModified,
                            null, false, retryAfter);
                }
                if (status == 304 && request != null) {
                    return new Fetched(304, uri, null, null, new byte[0], etag == null ? request.etag() : etag,
                            lastModified == null ? request.lastModified() : lastModified, request.previousSha256(), true, retryAfter);
                }
                HttpEntity entity = response.getEntity();
                byte[] body = entity == null ? new byte[0]
                        : read(entity, header(response.getFirstHeader("Content-Encoding")), get);
                String sha = sha256(body);
                return new Fetched(status, uri, entity == null ? null : entity.getContentType(), null, body, etag, lastModified, sha,
                        request != null && sha.equals(request.previousSha256()), retryAfter);
            });
        } catch (FetchException e) {
            throw e;
        } catch (MessageConstraintException e) {
            throw FetchException.refused("the answer's headers pass the cap (" + MAX_HEADER_LINE + " bytes a line, " + MAX_HEADERS
                    + " lines): " + e.getMessage());
        } catch (IOException e) {
            if (get.isCancelled()) {
                throw new FetchException("deadline of " + settings.deadline().toSeconds() + " s passed before the answer from "
                        + host + " was complete");
            }
            if (e instanceof UnknownHostException) {
                if (e.getMessage() != null && e.getMessage().startsWith("refused")) {
                    throw FetchException.refused(e.getMessage());
                }
                throw new FetchException("unknown host " + host);
            }
            if (e instanceof java.net.SocketTimeoutException) {
                throw new FetchException("timed out talking to " + host);
            }
            throw new FetchException("fetch failed: " + e.getClass().getSimpleName().replace("Exception", "").toLowerCase(Locale.ROOT)
                    + (e.getMessage() == null ? "" : " (" + e.getMessage() + ")"));
        } finally {
            if (timer != null) {
                timer.cancel(false);
            }
            slot.release();
        }
    }

    /**
     * Waits for this host's next turn. Each caller reserves its turn atomically (the next free one,
     * {@code per-host-delay} after the last) and sleeps without holding any lock, so a slow or
     * throttled host delays only the requests to that host.
     */
    private void pace(String host, Instant deadline) throws FetchException {
        Instant now = Instant.now();
        Instant turn = hostLast.compute(host, (h, last) -> {
            Instant earliest = last == null ? now : last.plus(settings.perHostDelay());
            return earliest.isAfter(now) ? earliest : now;
        });
        Duration wait = Duration.between(now, turn);
        if (!wait.isNegative() && !wait.isZero()) {
            if (turn.isAfter(deadline)) {
                throw new FetchException("deadline passed waiting to be polite to " + host);
            }
            try {
                Thread.sleep(wait.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new FetchException("interrupted");
            }
        }
    }

    private byte[] read(HttpEntity entity, String encoding, HttpUriRequestBase get) throws IOException {
        InputStream raw = entity.getContent();
        String enc = encoding == null ? "" : encoding.trim().toLowerCase(Locale.ROOT);
        try (InputStream in = enc.equals("gzip") || enc.equals("x-gzip") ? new GZIPInputStream(raw)
                : enc.equals("deflate") ? new InflaterInputStream(raw) : raw) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            byte[] buf = new byte[16 * 1024];
            while (true) {
                int n = in.read(buf);
                if (n < 0) {
                    return out.toByteArray();
                }
                if (out.size() + (long) n > settings.maxBytes()) {
                    get.cancel();
                    throw FetchException.refused("body larger than " + settings.maxBytes() + " bytes (after decompression)");
                }
                out.write(buf, 0, n);
            }
        }
    }

    private static Duration remaining(Instant deadline) {
        Duration d = Duration.between(Instant.now(), deadline);
        return d.isNegative() ? Duration.ZERO : d;
    }

    private static String header(Header h) {
        return h == null ? null : h.getValue();
    }

    /** Retry-After as seconds or an HTTP date (RFC 9110 §10.2.3). */
    static Duration retryAfter(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Duration.ofSeconds(Math.max(0, Long.parseLong(value.trim())));
        } catch (NumberFormatException notSeconds) {
            try {
                Duration d = Duration.between(Instant.now(), ZonedDateTime.parse(value.trim(), DateTimeFormatter.RFC_1123_DATE_TIME));
                return d.isNegative() ? Duration.ZERO : d;
            } catch (RuntimeException notADate) {
                return null;
            }
        }
    }

    static String sha256(byte[] body) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(body));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    @PreDestroy
    void close() throws IOException {
        client.close();
    }
}
