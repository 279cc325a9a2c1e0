#!/usr/bin/env python3
"""Rebuilds items.jsonl, the texts of the article-tone evaluation (ArticleToneEvaluation), from three
public repositories checked out side by side (commits in README.md):

    python3 build-items.py RUSENTNE_DIR RUOPINIONNE_DIR NEREL_DIR > items.jsonl

dev-*:  RuSentNE's validation sentences (MIT) grouped back into the NEREL article each comes from (found
        by its letters and digits inside the article's), in text order; articles with 3 or more.
test-*: 160 whole NEREL articles, drawn with a fixed seed among those no RuSentNE or RuOpinionNE training
        sentence and no dev excerpt comes from (the tone model never read them).
"""
import bisect, csv, glob, json, os, random, re, sys

csv.field_size_limit(10**9)
rusentne, ruopinionne, nerel = sys.argv[1:4]
norm = lambda s: re.sub(r"[^0-9a-zа-яё]+", "", s.lower())
raw = {p.split("/")[-2] + "/" + os.path.basename(p)[:-4]: open(p, encoding="utf-8").read()
       for p in glob.glob(os.path.join(nerel, "NEREL-v1.1", "*", "*.txt"))}
big = "".join(f"|{k}|{norm(v)}" for k, v in raw.items())
starts = [(m.start(), m.group(1)) for m in re.finditer(r"\|([a-z]+/[0-9a-z_]+)\|", big)]
pos = [s for s, _ in starts]


def find(sentence):
    """NEREL article → offset of the sentence in its normalised text, for every article holding it."""
    s, out = norm(sentence), {}
    i = big.find(s) if len(s) > 20 else -1
    while i != -1:
        j = bisect.bisect_right(pos, i) - 1
        out[starts[j][1]] = i - starts[j][0]
        i = big.find(s, i + 1)
    return out


def rows(path):
    return csv.DictReader(open(path, encoding="utf-8"), delimiter="\t", quoting=csv.QUOTE_NONE)


trained = set()
for r in rows(os.path.join(rusentne, "train_data.csv")):
    trained.update(find(r["sentence"]))
for line in open(os.path.join(ruopinionne, "train.jsonl"), encoding="utf-8"):
    trained.update(find(json.loads(line)["text"]))
grouped = {}
for r in rows(os.path.join(rusentne, "validation_data_labeled.csv")):
    hits = find(r["sentence"])
    if len(hits) == 1:
        doc, at = next(iter(hits.items()))
        grouped.setdefault(doc, {})[r["sentence"]] = at
items = [{"id": "dev-" + d.replace("/", "-"), "text": "\n".join(s for s, _ in sorted(ss.items(), key=lambda x: x[1]))}
         for d, ss in sorted(grouped.items()) if len(ss) >= 3]
rest = sorted(k for k in raw if k not in trained and k not in grouped)
random.Random(20261207).shuffle(rest)
items += [{"id": "test-" + k.replace("/", "-"), "text": raw[k].strip()} for k in rest[:160]]
random.Random(7).shuffle(items)
for it in items:
    print(json.dumps(it, ensure_ascii=False))
