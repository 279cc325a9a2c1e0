"""The readers: each a desk user on a loopback address of its own (127.0.2.k, so the rate limit sees
20 clients, as it would), opening the dashboard's pages and the API requests those pages make, with a
pause between pages. Every request is timed and its outcome kept; an instance that is down (killed,
restarting) is skipped as a load balancer would skip it. Plus one alert event stream per instance.
"""
import http.client
import json
import random
import threading
import time
import urllib.parse

TOPICS = ["russia", "china", "ukraine", "turkey", "turkey-aid", "xinjiang", "china-visa-free", "mobilisation-relocation"]
QUERIES = ["Китай", "Россия", "Қытай", "Ресей", "China", "Russia", "бюджет", "парламент", "мектеп", "шекара",
           "election", "border", "harvest", "railway", "налог", "Түркия", "Украина"]


class Stats:
    """Every request: endpoint, instance, start, seconds, outcome ('ok', 'refused' for 429/503, else an error)."""

    def __init__(self):
        self.lock = threading.Lock()
        self.rows = []

    def add(self, endpoint, instance, start, seconds, outcome):
        with self.lock:
            self.rows.append((endpoint, instance, start, seconds, outcome))


class Instance:
    def __init__(self, name, port):
        self.name = name
        self.port = port
        self.up = False
        self.life = 1  # a restart is a new life: a client's kept-alive connections to the old one are gone


def get(conn_cache, instance, path, source, timeout=60):
    """GET on a kept-alive connection from {@code source}; answers (status, body bytes)."""
    key = (instance.name, instance.life)
    conn = conn_cache.get(key)
    if conn is None:
        conn = http.client.HTTPConnection("127.0.0.1", instance.port, timeout=timeout, source_address=(source, 0))
        conn_cache[key] = conn
    try:
        conn.request("GET", path, headers={"Accept-Language": "en"})
        r = conn.getresponse()
        return r.status, r.read()
    except Exception:
        conn.close()
        conn_cache.pop(key, None)
        raise


def ranges():
    to = time.strftime("%Y-%m-%d", time.gmtime(time.time() + 86400))
    frm = time.strftime("%Y-%m-%d", time.gmtime(time.time() - 60 * 86400))
    return frm, to


def q(**params):
    return "?" + urllib.parse.urlencode(params)


class Reader(threading.Thread):
    def __init__(self, k, instances, stats, stop):
        super().__init__(name="reader-%d" % k, daemon=True)
        self.source = "127.0.2.%d" % (k + 1)
        self.instances = instances
        self.stats = stats
        self.stop = stop
        self.r = random.Random(k)
        self.conns = {}
        self.doc_ids = []

    def call(self, instance, endpoint, path):
        start = time.time()
        t = time.perf_counter()
        try:
            status, body = get(self.conns, instance, path, self.source)
            outcome = "ok" if status < 400 else ("refused %d" % status if status in (429, 503) else "HTTP %d" % status)
        except Exception as e:  # noqa: BLE001 - every failure is data here
            body, outcome = b"", type(e).__name__
        self.stats.add(endpoint, instance.name, start, time.perf_counter() - t, outcome)
        return body if outcome == "ok" else None

    def json(self, instance, endpoint, path):
        body = self.call(instance, endpoint, path)
        try:
            return json.loads(body) if body else None
        except ValueError:
            return None

    # The dashboard's pages: each its frame, then the API requests its scripts make.
    def overview(self, i):
        frm, to = ranges()
        self.call(i, "GET /ui/ (overview page)", "/ui/")
        self.call(i, "GET /api/sources", "/api/sources")
        self.call(i, "GET /api/timeline", "/api/timeline" + q(**{"from": frm, "to": to}))
        for t in self.r.sample(TOPICS, 3):
            self.call(i, "GET /api/timeline", "/api/timeline" + q(topic=t, **{"from": frm, "to": to}))
            self.call(i, "GET /api/responsiveness", "/api/responsiveness" + q(topic=t, **{"from": frm, "to": to}))

    def search(self, i):
        word = self.r.choice(QUERIES)
        self.call(i, "GET /ui/search (page)", "/ui/search" + q(q=word))
        found = self.json(i, "GET /api/search", "/api/search" + q(q=word, size=20))
        if found and found.get("items"):
            self.doc_ids = [d["id"] for d in found["items"]][:10]

    def topic(self, i):
        frm, to = ranges()
        t = self.r.choice(TOPICS)
        self.call(i, "GET /ui/topics/{id} (page)", "/ui/topics/" + t)
        self.call(i, "GET /api/timeline", "/api/timeline" + q(topic=t, interval="day", **{"from": frm, "to": to}))
        self.call(i, "GET /api/responsiveness", "/api/responsiveness" + q(topic=t, **{"from": frm, "to": to}))

    def documents(self, i):
        listed = self.json(i, "GET /api/documents", "/api/documents" + q(size=20, page=self.r.randint(1, 5)))
        ids = [d["id"] for d in (listed or {}).get("items", [])] or self.doc_ids
        if ids:
            d = self.r.choice(ids)
            self.call(i, "GET /api/documents/{id}", "/api/documents/%s" % d)
            self.call(i, "GET /ui/documents/{id} (page)", "/ui/documents/%s" % d)

    def alerts(self, i):
        self.call(i, "GET /ui/alerts (page)", "/ui/alerts")
        self.call(i, "GET /api/alerts", "/api/alerts" + q(size=50))

    def sources(self, i):
        self.call(i, "GET /ui/sources (page)", "/ui/sources")
        self.call(i, "GET /api/sources", "/api/sources")

    def run(self):
        pages = [self.overview] + [self.search] * 4 + [self.topic] * 2 + [self.documents] * 3 + [self.alerts] * 2 + [self.sources]
        while not self.stop.is_set():
            up = [i for i in self.instances if i.up]
            if up:
                self.r.choice(pages)(self.r.choice(up))
            self.stop.wait(self.r.uniform(1.0, 4.0))


class EventStream(threading.Thread):
    """One client of an instance's /api/alerts/stream: the alert ids it was sent, reconnecting while the instance is up."""

    def __init__(self, instance, stop):
        super().__init__(name="events-" + instance.name, daemon=True)
        self.instance = instance
        self.stop = stop
        self.ids = []          # (connection number, alert id) per 'alert' event
        self.connections = 0

    def run(self):
        while not self.stop.is_set():
            if not self.instance.up:
                self.stop.wait(1)
                continue
            try:
                conn = http.client.HTTPConnection("127.0.0.1", self.instance.port, timeout=120, source_address=("127.0.3.1", 0))
                conn.request("GET", "/api/alerts/stream", headers={"Accept": "text/event-stream"})
                r = conn.getresponse()
                if r.status != 200:
                    conn.close()
                    self.stop.wait(5)
                    continue
                self.connections += 1
                name, ident = None, None
                while not self.stop.is_set():
                    line = r.readline()
                    if not line:
                        break
                    line = line.decode("utf-8", "replace").rstrip("\r\n")
                    if line.startswith("event:"):
                        name = line[6:].strip()
                    elif line.startswith("id:"):
                        ident = line[3:].strip()
                    elif line == "":
                        if name == "alert" and ident:
                            self.ids.append((self.connections, ident))
                        name, ident = None, None
                conn.close()
            except Exception:  # noqa: BLE001 - the instance went away; try again while it is up
                self.stop.wait(1)
