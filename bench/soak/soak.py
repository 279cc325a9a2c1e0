#!/usr/bin/env python3
"""A day in the life: two instances of the packaged jar on one PostgreSQL database, polling a loopback
world of feeds while desk users read, one large import midway, one instance killed (SIGKILL) and
restarted midway. Then it checks that every document the world served and every line the import
accepted is stored once, that no alert was raised twice, and reports memory, threads, descriptors and
read latencies over the run as Markdown. bench/soak/README.md says how to run it.
"""
import argparse
import json
import os
import random
import shutil
import signal
import subprocess
import sys
import threading
import time
import urllib.parse

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import load  # noqa: E402
import report  # noqa: E402
import service  # noqa: E402
import text  # noqa: E402
import world as feeds  # noqa: E402

REPO = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))
KEY = "soak-" + "%016x" % random.SystemRandom().getrandbits(64)
WORKING = ("normal", "growing", "slow", "flaky")


def parse_args():
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--minutes", type=float, default=30, help="load time (default 30; up to 1440)")
    p.add_argument("--feeds", type=int, default=500)
    p.add_argument("--hosts", type=int, default=50, help="loopback hosts the feeds are spread over (127.0.1.x)")
    p.add_argument("--readers", type=int, default=20)
    p.add_argument("--import-lines", type=int, default=100_000)
    p.add_argument("--poll", default="PT2M", help="each feed's pollInterval")
    p.add_argument("--heap", default="512m", help="each instance's -Xmx")
    p.add_argument("--sample-seconds", type=float, default=30)
    p.add_argument("--gc-every", type=int, default=10, help="read the heap after a full GC every n-th sample")
    p.add_argument("--down-seconds", type=float, default=15, help="how long the killed instance stays down")
    p.add_argument("--drain-minutes", type=float, default=10, help="after the load, how long to wait for every feed to be read again")
    p.add_argument("--db-url", default="jdbc:postgresql://localhost:5432/tyndau_soak",
                   help="a database this run may empty (its public schema is dropped)")
    p.add_argument("--db-user", default="tyndau")
    p.add_argument("--db-password", default="tyndau")
    p.add_argument("--app", default=os.path.join(REPO, "target", "quarkus-app"), help="the packaged app (./mvnw package -DskipTests)")
    p.add_argument("--work", default=None, help="run directory (default target/soak/<time>)")
    p.add_argument("--report", default=None, help="Markdown report (default <work>/report.md)")
    a = p.parse_args()
    if not 0 < a.minutes <= 1440:
        p.error("--minutes is between 0 and 1440")
    a.work = os.path.abspath(a.work or os.path.join(REPO, "target", "soak", time.strftime("%Y%m%d-%H%M%S")))
    a.report = os.path.abspath(a.report or os.path.join(a.work, "report.md"))
    a.command = " ".join(["bench/soak/soak.py"] + sys.argv[1:])
    return a


class Run:
    def __init__(self, args):
        self.args = args
        self.t0 = time.time()
        self.events = []
        self.samples = []
        self.stop_sampling = threading.Event()
        self.imported = None
        self.marks = {}

    def log(self, what):
        self.events.append((time.time(), what))
        print("%7.1f s  %s" % (time.time() - self.t0, what), flush=True)

    # --- PostgreSQL -------------------------------------------------------------------------------
    def sql(self, query):
        u = urllib.parse.urlparse(self.args.db_url[len("jdbc:"):])
        env = dict(os.environ, PGPASSWORD=self.args.db_password)
        out = subprocess.run(["psql", "-h", u.hostname, "-p", str(u.port or 5432), "-U", self.args.db_user, "-d", u.path[1:],
                              "-v", "ON_ERROR_STOP=1", "-At", "-F", "\t", "-c", query],
                             env=env, capture_output=True, text=True, check=True).stdout
        return [line.split("\t") for line in out.splitlines() if line]

    def scalar(self, query):
        return int(self.sql(query)[0][0])

    # --- sampling ---------------------------------------------------------------------------------
    def sampler(self, services):
        n = 0
        while not self.stop_sampling.is_set():
            for s in services:
                row = service.sample(s, full_gc=n % self.args.gc_every == 0)
                if row:
                    self.samples.append(row)
            n += 1
            self.stop_sampling.wait(self.args.sample_seconds)

    # --- the import -------------------------------------------------------------------------------
    def write_import(self, path, run_id):
        r = random.Random(42)
        now = time.time()
        with open(path, "w", encoding="utf-8") as f:
            for i in range(self.args.import_lines):
                lang = ("kk", "ru", "en")[i % 3]
                title, body = text.story(r, lang, "import %d" % i)
                published = now - r.uniform(0, 60 * 86400)
                f.write(json.dumps({"source": "soak-imp-%02d" % (i % 20), "role": feeds.ROLES[i % len(feeds.ROLES)],
                                    "url": "https://soak.example/%s/import/%d" % (run_id, i), "title": title, "body": body,
                                    "published": time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime(published)), "lang": lang},
                                   ensure_ascii=False) + "\n")

    def do_import(self, via, path):
        self.log("import of %d lines through %s begins" % (self.args.import_lines, via.name))
        self.marks["import_start"] = time.time()
        with open(path, "rb") as body:
            status, answer = via.post("/api/import", body, "application/x-ndjson", KEY, timeout=7200,
                                      length=os.path.getsize(path))
        self.marks["import_end"] = time.time()
        result = json.loads(answer) if status == 200 else {"status": status, "answer": answer[:500].decode("utf-8", "replace")}
        self.log("import answered %s in %.0f s: %s" % (status, self.marks["import_end"] - self.marks["import_start"],
                                                       {k: v for k, v in result.items() if k != "errors"}))
        # A line the database failed to store for its own reason is to be sent again (docs/sources.md, "Import").
        again = [e["line"] for e in result.get("errors", []) if "again" in e.get("reason", "")]
        if again:
            with open(path, "rb") as f:
                lines = f.readlines()
            status, answer = via.post("/api/import", b"".join(lines[n - 1] for n in again), "application/x-ndjson", KEY, timeout=3600)
            second = json.loads(answer) if status == 200 else {}
            result["resent"] = len(again)
            result["accepted"] = result.get("accepted", 0) + second.get("accepted", 0)
            self.log("%d lines sent again: %s" % (len(again), {k: v for k, v in second.items() if k != "errors"}))
        self.imported = result

    # --- the cluster ------------------------------------------------------------------------------
    @staticmethod
    def holder(services, job):
        for s in services:
            c = s.json("/api/cluster") if s.pid() else None
            if c:
                for i in c.get("instances", []):
                    if i.get("self") and job in i.get("jobs", []):
                        return s
        return None

    def kill_and_restart(self, services, instances):
        victim = self.holder(services, "poller") or services[1]
        survivor = services[0] if victim is services[1] else services[1]
        gen = victim.generation
        instances[victim.name].up = False
        time.sleep(0.5)  # readers stop choosing it; requests already sent may still be cut
        self.marks["kill"] = time.time()
        self.marks["killed"] = victim.name
        victim.kill()
        self.log("%s (pid of generation %d, holding the poller) killed with SIGKILL" % (victim.name, gen))
        deadline = time.time() + 60
        while time.time() < deadline:
            c = survivor.json("/api/cluster")
            mine = [i for i in (c or {}).get("instances", []) if i.get("self")]
            if mine and set(mine[0].get("jobs", [])) >= {"poller", "alerts", "deliveries"}:
                self.log("every job held by %s, %.1f s after the kill" % (survivor.name, time.time() - self.marks["kill"]))
                break
            time.sleep(0.25)
        time.sleep(max(0.0, self.args.down_seconds - (time.time() - self.marks["kill"])))
        victim.start()
        self.marks["restart"] = time.time()
        self.log("%s restarted" % victim.name)
        # Readers (as a load balancer would) skip it until it says it is ready: its index has caught up.
        waiting = threading.Thread(target=self.await_restarted, args=(victim, instances[victim.name]), daemon=True)
        waiting.start()
        return waiting

    def await_restarted(self, victim, instance):
        victim.await_ready(timeout=24 * 3600)
        self.marks["restarted_ready"] = time.time()
        instance.life += 1
        instance.up = True
        self.log("%s ready again, %.1f s after the restart" % (victim.name, time.time() - self.marks["restart"]))

    # --- the run ----------------------------------------------------------------------------------
    def main(self):
        a = self.args
        os.makedirs(a.work, exist_ok=True)
        run_id = os.path.basename(a.work)
        self.log("work directory %s" % a.work)
        self.sql("DROP SCHEMA public CASCADE; CREATE SCHEMA public;")
        app = os.path.join(a.work, "app")
        shutil.copytree(a.app, app)  # a rebuild during the run leaves the running jar alone
        feeds_dir = os.path.join(a.work, "feeds")
        os.makedirs(feeds_dir)
        for f in ("topics.yml", "alerts.yml"):  # no sources.yml: the loopback world is every source
            shutil.copy(os.path.join(REPO, "feeds", f), feeds_dir)

        import_file = os.path.join(a.work, "import.jsonl")
        self.write_import(import_file, run_id)
        world = feeds.World(a.feeds, a.hosts, run_id)
        world.start()
        self.log("loopback world: %d feeds on %d hosts" % (a.feeds, a.hosts))
        props = {"tyndau.db.url": a.db_url, "tyndau.db.user": a.db_user, "tyndau.db.password": a.db_password,
                 "tyndau.api-key": KEY, "tyndau.demo.enabled": "false", "tyndau.feeds-dir": feeds_dir,
                 # The documented switch for loopback and intranet sources (docs/operate.md, "Configure").
                 "tyndau.fetch.allow-private-networks": "true"}
        services = [service.Service(n, app, os.path.join(a.work, n), 18000 + 10 * i + random.randrange(10), a.heap, props)
                    for i, n in enumerate(("a", "b"))]
        instances = {s.name: load.Instance(s.name, s.port) for s in services}
        stop = threading.Event()
        readers, streams = [], []
        try:
            for s in services:
                s.start()
                s.await_ready()
                instances[s.name].up = True
                self.log("%s ready on port %d" % (s.name, s.port))
            threading.Thread(target=self.sampler, args=(services,), daemon=True).start()

            for f in world.feeds:
                via = services[f.index % 2]
                status, body = via.post("/api/sources", json.dumps(
                    {"id": f.id, "name": "Soak feed %d (%s)" % (f.index, f.kind), "type": f.format, "url": world.url(f),
                     "role": f.role, "language": f.lang, "pollInterval": a.poll, "enabled": True}).encode(), "application/json", KEY)
                if status != 201:
                    raise RuntimeError("source %s: %s %s" % (f.id, status, body[:300]))
            self.log("%d sources registered through the API (poll interval %s)" % (len(world.feeds), a.poll))

            streams = [load.EventStream(instances[s.name], stop) for s in services]
            readers = [load.Reader(k, list(instances.values()), self.stats, stop) for k in range(a.readers)]
            for t in streams + readers:
                t.start()
            self.marks["load_start"] = time.time()
            end = self.marks["load_start"] + a.minutes * 60
            self.log("%d readers and an event stream per instance started; load for %g min" % (a.readers, a.minutes))

            importer = None
            restarted = None
            while time.time() < end:
                elapsed = (time.time() - self.marks["load_start"]) / (a.minutes * 60)
                if importer is None and elapsed >= 0.4:
                    holder = self.holder(services, "poller")
                    via = services[1] if holder is services[0] else services[0]  # the one that will not be killed
                    importer = threading.Thread(target=self.do_import, args=(via, import_file), daemon=True)
                    importer.start()
                if restarted is None and elapsed >= 0.5:
                    restarted = self.kill_and_restart(services, instances)
                time.sleep(1)

            self.marks["load_end"] = time.time()
            stop.set()
            world.freeze()
            self.log("load over: readers stopped, feeds no longer grow; waiting for every working feed to be read again")
            if importer:
                importer.join()
            if restarted:
                restarted.join()
            drain_end = time.time() + a.drain_minutes * 60
            working = [f.id for f in world.feeds if f.kind in WORKING]
            while time.time() < drain_end:
                behind = [f for f in working if world.last_ok.get(f, 0) <= world.frozen]
                if not behind:
                    break
                time.sleep(5)
            self.marks["unread"] = [f for f in working if world.last_ok.get(f, 0) <= world.frozen]
            self.log("%d working feeds read since the freeze; %d not" % (len(working) - len(self.marks["unread"]),
                                                                          len(self.marks["unread"])))
            self.await_replicas(services)
            self.stop_sampling.set()
            time.sleep(1)
            for s in services:
                row = service.sample(s, full_gc=True)
                if row:
                    self.samples.append(row)
            checks = self.check(world, services, streams)
            self.marks["end"] = time.time()
        finally:
            stop.set()
            self.stop_sampling.set()
            for s in services:
                s.stop()
            world.stop()
        report.write(self, world, checks)
        self.log("report written to %s" % a.report)

    def await_replicas(self, services, timeout=600):
        """Until both indexes hold every row the database holds."""
        deadline = time.time() + timeout
        while time.time() < deadline:
            total = self.scalar("SELECT count(*) FROM document")
            found = [(s.json("/api/search?size=1") or {}).get("total") for s in services]
            if all(f == total for f in found):
                self.log("both indexes hold the database's %d documents" % total)
                return
            time.sleep(5)
        self.log("indexes still behind the database after %d s" % timeout)

    def check(self, world, services, streams):
        c = {}
        stored = {row[0]: row[1] for row in self.sql("SELECT url, source_id FROM document WHERE source_id LIKE 'soak-f%'")}
        served = dict(world.served)
        c["served"] = len(served)
        c["stored_feed"] = len(stored)
        c["missing"] = sorted(set(served) - set(stored))
        c["unexpected"] = sorted(set(stored) - set(served))
        c["accepted"] = (self.imported or {}).get("accepted", 0)
        c["stored_import"] = self.scalar("SELECT count(*) FROM document WHERE source_id LIKE 'soak-imp-%'")
        c["stored_total"] = self.scalar("SELECT count(*) FROM document")
        c["dup_titles"] = self.scalar("SELECT count(*) - count(DISTINCT (source_id, title)) FROM document")
        c["dup_guids"] = self.scalar("SELECT count(*) - count(DISTINCT (source_id, guid)) FROM document WHERE guid IS NOT NULL")
        c["copies"] = self.scalar("SELECT count(*) FROM document WHERE duplicate_of IS NOT NULL")
        c["alerts"] = self.sql("SELECT rule_id, count(*), count(DISTINCT trigger_key), sum(CASE WHEN historical THEN 1 ELSE 0 END)"
                               " FROM alert GROUP BY rule_id ORDER BY rule_id")
        c["alert_docs"] = self.scalar("SELECT count(*) FROM alert_document")
        # One document in two alerts of one rule on one topic would be an alert raised twice for it (a document
        # may be cited by the alerts of two topics it names).
        c["alert_doc_repeats"] = self.scalar(
            "SELECT count(*) FROM (SELECT a.rule_id, a.topic, d.document_id FROM alert_document d JOIN alert a ON a.id = d.alert_id"
            " GROUP BY a.rule_id, a.topic, d.document_id HAVING count(*) > 1) x")
        c["alert_doc_topics"] = self.scalar(
            "SELECT count(*) FROM (SELECT a.rule_id, d.document_id FROM alert_document d JOIN alert a ON a.id = d.alert_id"
            " GROUP BY a.rule_id, d.document_id HAVING count(*) > 1) x")
        c["instances"] = {}
        for s in services:
            c["instances"][s.name] = {"listed": (s.json("/api/documents?size=1") or {}).get("total"),
                                      "found": (s.json("/api/search?size=1") or {}).get("total"),
                                      "alerts": (s.json("/api/alerts?size=1") or {}).get("total")}
        c["streams"] = {st.instance.name: st for st in streams}
        srcs = services[0].json("/api/sources", timeout=120) or []
        kinds = {f.id: f.kind for f in world.feeds}
        health = {}
        for s in srcs:
            h = s.get("health") or {}
            k = kinds.get(s["id"], "other")
            e = health.setdefault(k, {"sources": 0, "failing": 0, "suspended": 0, "documents": 0})
            e["sources"] += 1
            e["failing"] += 1 if (h.get("consecutiveFailures") or 0) > 0 else 0
            e["suspended"] += 1 if h.get("suspended") else 0
            e["documents"] += h.get("documents") or 0
        c["health"] = health
        return c


def main():
    args = parse_args()
    run = Run(args)
    run.stats = load.Stats()
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(143))  # the finally clause stops what this run started
    run.main()


if __name__ == "__main__":
    main()
