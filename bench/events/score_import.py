#!/usr/bin/env python3
"""Scores events through a running service (issue 31, docs/events.md "Also still to do").

Imports each labelled set (src/test/resources/events/*.jsonl) through POST /api/import under URLs of a run of
its own, reads every document's `event` back through /api/search, and prints B-cubed precision, recall and F1,
the multi-language events whose reports all landed in one event, and the lookalike pairs kept apart
(lookalikes.tsv beside the set). Python standard library only.

  python3 bench/events/score_import.py PORT API_KEY_FILE SET.jsonl[:shuffled] ...

E2E=-s also lists the multi-language events that were split.
"""
import urllib.parse
import json, sys, urllib.request, time, collections, random
base = "http://localhost:%s" % sys.argv[1]
key = open(sys.argv[2]).read().strip()
sets = sys.argv[3:]
def post(lines):
    req = urllib.request.Request(base + "/api/import", data="".join(lines).encode(), method="POST",
        headers={"Authorization": "Bearer " + key, "Content-Type": "application/x-ndjson"})
    return json.loads(urllib.request.urlopen(req, timeout=600).read())
def get(path):
    return json.loads(urllib.request.urlopen(base + path, timeout=60).read())
def bcubed(gold, pred):
    ids = list(gold)
    P = R = 0
    bg = collections.defaultdict(set); bp = collections.defaultdict(set)
    for i in ids: bg[gold[i]].add(i); bp[pred[i]].add(i)
    for i in ids:
        g = bg[gold[i]]; p = bp[pred[i]]
        inter = len(g & p)
        P += inter / len(p); R += inter / len(g)
    P /= len(ids); R /= len(ids)
    return P, R, 2*P*R/(P+R)
for s in sets:
    path, order = s.split(":") if ":" in s else (s, "sorted")
    rows = [json.loads(l) for l in open(path) if l.strip()]
    run = "e2e%06d" % random.randint(0, 999999)
    if order == "shuffled":
        random.Random(7).shuffle(rows)
    lines = []
    for r in rows:
        lines.append(json.dumps({"source": r["source"], "role": "government" if r["side"] == "government" else "independent_media",
            "url": "https://example.org/%s/%s" % (run, r["id"]), "title": r["title"], "body": r["text"],
            "published": r["published"], "lang": r["lang"]}, ensure_ascii=False) + "\n")
    ans = post(lines)
    time.sleep(3)
    docs = {}
    page = 1
    while True:
        res = get("/api/search?q=&size=100&page=%d&from=%s&to=%s" % (page, min(r["published"][:10] for r in rows), max(r["published"][:10] for r in rows)))
        for it in res["items"]:
            if run in it["url"]:
                docs[it["url"].rsplit("/", 1)[1]] = it["event"]
        if page * 100 >= res["total"]: break
        page += 1
    gold = {r["id"]: r["event"] for r in rows}
    pred = {i: docs.get(i, "missing-" + i) for i in gold}
    P, R, F = bcubed(gold, pred)
    byg = collections.defaultdict(list)
    for r in rows: byg[r["event"]].append(r)
    multi = [e for e, rs in byg.items() if len(set(x["lang"] for x in rs)) > 1]
    joined = sum(1 for e in multi if len(set(pred[x["id"]] for x in byg[e])) == 1)
    name = path.rsplit('/', 1)[1].split('.')[0]
    pairs = [l.rstrip("\n").split("\t") for l in open(path.rsplit('/', 1)[0] + "/lookalikes.tsv") if l.startswith(name + "\t")]
    merged = [(a, b) for _, a, b, *rest in pairs if set(pred[x["id"]] for x in byg[a]) & set(pred[x["id"]] for x in byg[b])]
    if "-s" in __import__("os").environ.get("E2E", ""):
        for e in multi:
            if len(set(pred[x["id"]] for x in byg[e])) > 1:
                print("   split:", e, [(x["id"][-3:], x["lang"], pred[x["id"]]) for x in byg[e]])
    print("   languages joined %d/%d, lookalike pairs apart %d/%d %s" % (joined, len(multi), len(pairs) - len(merged), len(pairs), merged))
    print("%s (%s): accepted %s nearDup %s rejected %s; found %d/%d; B-cubed P %.3f R %.3f F1 %.3f" % (path.rsplit('/',1)[1], order,
          ans.get("accepted"), ans.get("nearDuplicates"), ans.get("rejected"), len(docs), len(gold), P, R, F))
