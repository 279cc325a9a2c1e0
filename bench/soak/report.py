"""The soak's Markdown report: documents owed and stored, alerts, memory and threads over time, reads."""
import math
import os
import platform
import subprocess
import time


def pct(values, p):
    if not values:
        return None
    v = sorted(values)
    return v[max(0, math.ceil(p / 100 * len(v)) - 1)]


def ms(x):
    return "–" if x is None else "{:,.0f}".format(x * 1000)


def mb(x):
    return "–" if x is None else "{:,.0f}".format(x / 2**20)


def num(x):
    return "–" if x is None else "{:,.0f}".format(x)


def slope_per_hour(points):
    """Least-squares slope of (t, value) in value per hour; None with fewer than 3 points."""
    if len(points) < 3:
        return None
    n = len(points)
    mt = sum(t for t, _ in points) / n
    mv = sum(v for _, v in points) / n
    den = sum((t - mt) ** 2 for t, _ in points)
    return None if den == 0 else sum((t - mt) * (v - mv) for t, v in points) / den * 3600


def clock(run, t):
    return "%d:%02d" % divmod(int(t - run.t0), 60)


def version(cmd):
    try:
        out = subprocess.run(cmd, capture_output=True, text=True, timeout=30)
        return (out.stdout + out.stderr).strip().splitlines()[0]
    except (OSError, IndexError, subprocess.SubprocessError):
        return "?"


def write(run, world, c):
    a, m = run.args, run.marks
    out = []
    w = out.append
    w("# A day in the life: soak report\n")
    w("Command: `%s` (run directory `%s`)\n" % (a.command, os.path.relpath(a.work)))
    w("Started %s UTC; load %g min, then a drain of %.1f min; %.1f min in all. Two instances of the packaged jar "
      "(`-Xmx%s`) on one PostgreSQL database; %d feeds on %d loopback hosts, polled every %s; %d readers; "
      "%d import lines. Machine: %d cores, %s; %s; %s; load average at the end %s.\n"
      % (time.strftime("%Y-%m-%d %H:%M", time.gmtime(run.t0)), a.minutes, (m["end"] - m["load_end"]) / 60,
         (m["end"] - run.t0) / 60, a.heap, a.feeds, a.hosts, a.poll, a.readers, a.import_lines, os.cpu_count(),
         platform.platform(), version(["java", "-version"]), version(["psql", "--version"]),
         open("/proc/loadavg").read().split()[:3]))

    w("## Timeline\n\n| at (min:s) | what |\n|---|---|")
    for t, what in run.events:
        w("| %s | %s |" % (clock(run, t), what))
    w("")

    w("## Documents\n")
    expected = c["served"] + c["accepted"]
    lost = len(c["missing"])
    w("| what | count |\n|---|---|")
    w("| distinct feed items the world served (in complete 200 answers) | {:,} |".format(c["served"]))
    w("| of them stored | {:,} |".format(c["served"] - lost))
    w("| **lost** (served, not stored) | **{:,}** |".format(lost))
    w("| stored from the feeds but never served | {:,} |".format(len(c["unexpected"])))
    imp = run.imported or {}
    w("| import lines sent / accepted / duplicates / rejected | {:,} / {:,} / {} / {} |".format(
        a.import_lines, c["accepted"], imp.get("duplicates", "–"), imp.get("rejected", "–")))
    w("| import documents stored | {:,} |".format(c["stored_import"]))
    w("| **expected** (served + accepted) | **{:,}** |".format(expected))
    w("| **stored** in the database | **{:,}** |".format(c["stored_total"]))
    w("| **duplicated**: one source's title twice / one source's GUID twice | **{}** / **{}** |".format(c["dup_titles"], c["dup_guids"]))
    w("| stored as a copy of another story (`duplicate_of`; stored and counted, not duplicates) | {:,} |".format(c["copies"]))
    for name, i in c["instances"].items():
        w("| instance %s: `/api/documents` total / `/api/search` total | %s / %s |" % (name, i["listed"], i["found"]))
    w("")
    if c["missing"]:
        kinds = {f.id: f.kind for f in world.feeds}
        w("Lost items (first 20): " + ", ".join("`%s` (%s)" % (u, kinds.get(world.served[u], "?")) for u in c["missing"][:20]) + "\n")
    if m.get("unread"):
        w("Working feeds not read again after the freeze (their items counted anyway): %s\n" % ", ".join(m["unread"][:50]))

    w("## Alerts\n\n| rule | alerts | distinct triggers | historical |\n|---|---|---|---|")
    for rule, n, triggers, hist in c["alerts"]:
        w("| %s | %s | %s | %s |" % (rule, n, triggers, hist))
    w("")
    w("Documents cited by alerts: {:,}; **cited twice by one rule on one topic: {}** (by one rule on two topics the document "
      "names: {}). `/api/alerts` total per instance: {}.".format(
        c["alert_docs"], c["alert_doc_repeats"], c["alert_doc_topics"],
        ", ".join("%s %s" % (n, i["alerts"]) for n, i in c["instances"].items())))
    for name, st in c["streams"].items():
        ids = [i for _, i in st.ids]
        w("Event stream on %s: %d connection(s), %d `alert` events, %d distinct alerts, %d sent twice." % (
            name, st.connections, len(ids), len(set(ids)), len(ids) - len(set(ids))))
    w("")

    w("## Memory, threads, descriptors\n")
    w("Per process (an instance's first life, and its life after the restart). *Under load*: samples from the "
      "start of the load (or the restart) to its end, every %g s; heap after a full GC (`jcmd GC.run`) every %d samples. "
      "*After the drain*: the last sample, the load stopped and the instances idle.\n" % (a.sample_seconds, a.gc_every))
    w("| process | measure | first | last under load | after the drain | min–max under load | slope per hour under load |")
    w("|---|---|---|---|---|---|---|")
    for key in sorted({(s["instance"], s["generation"]) for s in run.samples}):
        rows = [s for s in run.samples if (s["instance"], s["generation"]) == key]
        under = [s for s in rows if m["load_start"] <= s["t"] <= m["load_end"]]
        if not under:
            continue
        for field, label, fmt in (("heap_after_gc", "heap after full GC (MB)", mb), ("heap", "heap used (MB)", mb),
                                  ("rss", "RSS (MB)", mb), ("fds", "open descriptors", str), ("sockets", "of them sockets", str),
                                  ("os_threads", "threads", str),
                                  ("behind", "index behind the database (rows)", num)):
            series = [(s["t"], s[field]) for s in under if s.get(field) is not None]
            after = [s[field] for s in rows if s["t"] > m["load_end"] and s.get(field) is not None]
            if not series:
                continue
            vals = [v for _, v in series]
            sl = slope_per_hour(series)
            w("| %s (life %d) | %s | %s | %s | %s | %s–%s | %s |" % (
                key[0], key[1], label, fmt(series[0][1]), fmt(series[-1][1]), fmt(after[-1]) if after else "–",
                fmt(min(vals)), fmt(max(vals)), "–" if sl is None else (mb(sl) if fmt is mb else "{:,.1f}".format(sl))))
    w("")
    w("Heap after full GC over time (MB; min:s of the run, the last after the drain):\n")
    for name in ("a", "b"):
        pts = [(s["t"], s["heap_after_gc"]) for s in run.samples if s["instance"] == name and "heap_after_gc" in s]
        w("- %s: %s" % (name, ", ".join("%s %s" % (clock(run, t), mb(v)) for t, v in pts)))
    w("")

    w("## Reads\n")
    rows = run.stats.rows
    w("Reads by the desk users (each on an address of its own, a page then its API requests, 1–4 s between pages). "
      "*refused*: 429 or 503 with `Retry-After`, the service's back-pressure; *errors*: anything else.\n")
    w("| endpoint | reads | p50 ms | p99 ms | max ms | refused | errors |\n|---|---|---|---|---|---|---|")
    for ep in sorted({r[0] for r in rows}):
        mine = [r for r in rows if r[0] == ep]
        ok = [r[3] for r in mine if r[4] == "ok"]
        refused = sum(1 for r in mine if r[4].startswith("refused"))
        w("| %s | {:,} | %s | %s | %s | %d | %d |".format(len(mine)) % (
            ep, ms(pct(ok, 50)), ms(pct(ok, 99)), ms(max(ok) if ok else None), refused, len(mine) - len(ok) - refused))
    w("")
    phases = [("before the import", m["load_start"], m.get("import_start", m["load_end"])),
              ("during the import", m.get("import_start", m["load_end"]), m.get("import_end", m["load_end"])),
              ("after the import", m.get("import_end", m["load_end"]), m["load_end"])]
    w("| phase | reads | p50 ms | p99 ms |\n|---|---|---|---|")
    for label, start, end in phases:
        ok = [r[3] for r in rows if start <= r[2] < end and r[4] == "ok"]
        w("| %s | {:,} | %s | %s |".format(len(ok)) % (label, ms(pct(ok, 50)), ms(pct(ok, 99))))
    w("")
    kill = m.get("kill")
    cut = [r for r in rows if r[4] != "ok" and not r[4].startswith("refused") and kill and r[1] == m.get("killed")
           and r[2] <= kill <= r[2] + r[3] + 1]
    other = [r for r in rows if r[4] != "ok" and not r[4].startswith("refused") and r not in cut]
    w("Errors: %d in flight on the killed instance when it was killed; %d otherwise." % (len(cut), len(other)))
    counts = {}
    for r in other:
        counts[(r[0], r[1], r[4])] = counts.get((r[0], r[1], r[4]), []) + [clock(run, r[2])]
    for (ep, instance, outcome), at in sorted(counts.items()):
        w("- %s on %s: %s × %d (at %s)" % (ep, instance, outcome, len(at), ", ".join(at[:10])))
    w("")

    w("## The world\n\n| feed kind | answers |\n|---|---|")
    for kind in ("normal", "growing", "slow", "flaky", "malformed", "error", "timeout"):
        ans = {k[1]: v for k, v in world.answers.items() if k[0] == kind}
        w("| %s (%d feeds) | %s |" % (kind, sum(1 for f in world.feeds if f.kind == kind),
                                      ", ".join("%s × %d" % (s, n) for s, n in sorted(ans.items(), key=str))))
    w("\n| feed kind | sources | failing at the end | suspended | documents |\n|---|---|---|---|---|")
    for kind, h in sorted(c["health"].items()):
        w("| %s | %d | %d | %d | {:,} |".format(h["documents"]) % (kind, h["sources"], h["failing"], h["suspended"]))
    w("")
    with open(a.report, "w", encoding="utf-8") as f:
        f.write("\n".join(out))
