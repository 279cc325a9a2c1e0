"""The loopback world the soak's instances poll: RSS and Atom feeds spread over loopback hosts.

Each feed answers after its latency (50-500 ms; 2-8 s for the slow ones). Kinds:
  normal     a fixed set of items
  growing    a new item every minute (the newest 100 listed)
  slow       as normal, 2-8 s late
  flaky      grows, and answers 500 one time in three
  malformed  200 with bytes that hold no readable item (cut off before the first, or an HTML page)
  error      500, always
  timeout    never answers within the fetcher's deadline (60 s), then closes without a feed

The world remembers every item it wrote out in a complete 200 answer: those are the documents the
service owes. Conditional GET is honoured (ETag), as a real server would.
"""
import hashlib
import random
import threading
import time
from email.utils import formatdate
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from xml.sax.saxutils import escape

import text

WINDOW = 100  # a growing feed lists its newest 100 items


def kinds(n):
    """The kind of each of n feeds: fixed shares, the rest normal, dealt in a fixed order."""
    share = {"growing": 0.20, "flaky": 0.05, "slow": 0.05, "malformed": 0.02, "error": 0.02, "timeout": 0.02}
    out = []
    for kind, s in share.items():
        out += [kind] * max(1, round(n * s))
    out += ["normal"] * (n - len(out))
    random.Random(7).shuffle(out)
    return out[:n]


ROLES = ["independent_media"] * 4 + ["international_media"] * 2 + ["state_media"] * 2 + ["government"] * 2 + ["social", "civil_society"]


class Feed:
    def __init__(self, index, kind, host, run, started):
        r = random.Random(index)
        self.index = index
        self.id = "soak-f%03d" % index
        self.kind = kind
        self.host = host
        self.run = run
        self.started = started
        self.format = "atom" if index % 3 == 0 else "rss"
        self.lang = ("kk", "ru", "en")[index % 3]
        self.role = ROLES[index % len(ROLES)]
        self.latency = (2.0, 8.0) if kind == "slow" else (0.05, 0.5)
        self.fixed = r.randint(5, 15)

    def count(self, now):
        """How many items the feed has had by now."""
        if self.kind in ("growing", "flaky"):
            return 3 + max(0, int((now - self.started) // 60))
        return self.fixed

    def published(self, n):
        if self.kind in ("growing", "flaky") and n >= 3:
            return self.started + (n - 3) * 60
        return self.started - (n + 1) * 4 * 3600 - self.index * 37  # the last days, 4 h apart

    def items(self, now):
        """The items listed at {@code now}, newest first: (url, title, body, published)."""
        count = self.count(now)
        out = []
        for n in range(count - 1, max(-1, count - 1 - WINDOW), -1):
            r = random.Random(self.index * 1_000_003 + n)
            title, body = text.story(r, self.lang, "%s %d" % (self.id, n))
            out.append(("https://soak.example/%s/%s/%d" % (self.run, self.id, n), title, body, self.published(n)))
        return out

    def render(self, now):
        items = self.items(now)
        if self.format == "rss":
            parts = ['<?xml version="1.0" encoding="UTF-8"?>\n<rss version="2.0"><channel>',
                     "<title>Soak %s</title><link>https://soak.example/%s</link><description>soak</description>"
                     % (self.id, self.id)]
            for url, title, body, at in items:
                parts.append("<item><title>%s</title><link>%s</link><guid isPermaLink=\"true\">%s</guid>"
                             "<pubDate>%s</pubDate><description>%s</description></item>"
                             % (escape(title), url, url, formatdate(at, usegmt=True), escape(body)))
            parts.append("</channel></rss>")
        else:
            parts = ['<?xml version="1.0" encoding="UTF-8"?>\n<feed xmlns="http://www.w3.org/2005/Atom">',
                     "<title>Soak %s</title><id>urn:soak:%s</id><updated>%s</updated>" % (self.id, self.id, iso(now))]
            for url, title, body, at in items:
                parts.append('<entry><title>%s</title><link href="%s"/><id>%s</id><updated>%s</updated>'
                             '<published>%s</published><content type="text">%s</content></entry>'
                             % (escape(title), url, url, iso(at), iso(at), escape(body)))
            parts.append("</feed>")
        return "".join(parts).encode("utf-8"), [i[0] for i in items]


def iso(t):
    return time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime(t))


class World:
    def __init__(self, feeds, hosts, run):
        self.started = time.time()
        self.frozen = None
        self.lock = threading.Lock()
        self.served = {}          # item url -> feed id, for items written out in a complete 200
        self.answers = {}         # (kind, status) -> count
        self.last_ok = {}         # feed id -> time of its last 200 or 304 begun
        self.addresses = ["127.0.1.%d" % (h + 1) for h in range(hosts)]
        self.feeds = [Feed(i, k, self.addresses[i % hosts], run, self.started) for i, k in enumerate(kinds(feeds))]
        self.by_path = {}
        self.servers = []
        self.ports = {}

    def start(self):
        world = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def log_message(self, *args):
                pass

            def do_GET(self):
                world.answer(self)

        class Server(ThreadingHTTPServer):
            daemon_threads = True

            def handle_error(self, request, client_address):
                pass  # a fetcher that hung up (a deadline, a killed instance): nothing to serve

        for address in self.addresses:
            server = Server((address, 0), Handler)
            self.ports[address] = server.server_address[1]
            threading.Thread(target=server.serve_forever, name="world-" + address, daemon=True).start()
            self.servers.append(server)
        for f in self.feeds:
            self.by_path[(f.host, "/feed/%s.xml" % f.id)] = f

    def url(self, feed):
        return "http://%s:%d/feed/%s.xml" % (feed.host, self.ports[feed.host], feed.id)

    def freeze(self):
        """No feed grows after this: what is listed now is all the service can owe."""
        self.frozen = time.time()

    def now(self):
        return min(time.time(), self.frozen) if self.frozen else time.time()

    def count(self, kind, status):
        with self.lock:
            self.answers[(kind, status)] = self.answers.get((kind, status), 0) + 1

    def answer(self, h):
        feed = self.by_path.get((h.server.server_address[0], h.path.split("?")[0]))
        if feed is None:
            h.send_error(404)
            return
        begun = time.time()
        time.sleep(random.uniform(*feed.latency))
        kind = feed.kind
        if kind == "timeout":
            self.count(kind, "hung")
            time.sleep(90)
            h.close_connection = True
            return
        if kind == "error" or (kind == "flaky" and random.random() < 1 / 3):
            self.count(kind, 500)
            self.send(h, 500, b"internal error", "text/plain")
            return
        if kind == "malformed":
            self.count(kind, 200)
            junk = (b'<?xml version="1.0"?><rss version="2.0"><channel><title>cut off' if feed.index % 2
                    else b"<html><body><h1>Service temporarily unavailable</h1></body></html>")
            self.send(h, 200, junk, "application/rss+xml")
            return
        body, urls = feed.render(self.now())
        etag = '"%s"' % hashlib.sha1(body).hexdigest()[:20]
        if h.headers.get("If-None-Match") == etag:
            self.count(kind, 304)
            with self.lock:
                self.last_ok[feed.id] = begun
            self.send(h, 304, b"", None, etag)
            return
        ctype = "application/atom+xml" if feed.format == "atom" else "application/rss+xml"
        if self.send(h, 200, body, ctype, etag):
            self.count(kind, 200)
            with self.lock:
                self.last_ok[feed.id] = begun
                for u in urls:
                    self.served.setdefault(u, feed.id)
        else:
            self.count(kind, "cut by the client")

    @staticmethod
    def send(h, status, body, ctype, etag=None):
        try:
            h.send_response(status)
            if ctype:
                h.send_header("Content-Type", ctype + "; charset=utf-8")
            if etag:
                h.send_header("ETag", etag)
            h.send_header("Content-Length", str(len(body)))
            h.end_headers()
            h.wfile.write(body)
            h.wfile.flush()
            return True
        except OSError:
            return False

    def stop(self):
        for s in self.servers:
            s.shutdown()
            s.server_close()
