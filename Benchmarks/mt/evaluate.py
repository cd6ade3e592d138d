"""Scores the MT benchmark (written for Selaras): reads the JSON documents a run wrote, the
stand-in's request log, and pofilter's output, and prints the figures side by side."""
import argparse, glob, json, os, re, sys
import xml.etree.ElementTree as ET

ap = argparse.ArgumentParser()
ap.add_argument("--out", required=True, help="the run's output directory (ID.json, ID.xlf)")
ap.add_argument("--log", required=True, help="the stand-in's request log of the first run")
ap.add_argument("--pofilter", required=True, help="pofilter's output directory")
ap.add_argument("--examples", type=int, default=0, help="show this many misses and false flags")
a = ap.parse_args()

planted = {}
requests = []
with open(a.log, encoding="utf-8") as f:
    for line in f:
        r = json.loads(line)
        requests.append(r)
        for s, k in zip(r["sentences"], r["planted"]):
            planted[s] = k

# Selaras: the targets of every document.
docs = {}
rows = []  # (article, segment id, source, target, provenance, qa checks)
terms_of = {}
for path in sorted(glob.glob(os.path.join(a.out, "*.json"))):
    if os.path.basename(path) in ("run.json",):
        continue
    d = json.load(open(path, encoding="utf-8"))
    if "segments" not in d:
        continue
    art = d["article"]["id"]
    for i, seg in enumerate(d["segments"]):
        t = d["targets"][i] if d.get("targets") else {}
        hits = (d.get("terms") or [[]] * len(d["segments"]))[i]
        terms_of.setdefault(seg["text"], hits)
        rows.append((art, seg["id"], seg["text"], t.get("text"), t.get("provenance"), [q["check"] for q in t.get("qa", [])], seg.get("role")))

# pofilter: the units it flagged (it writes only failing units, each with a <note from="pofilter">).
po_flags = {}
for path in glob.glob(os.path.join(a.pofilter, "*.xlf")):
    art = os.path.basename(path)[: -len(".xlf")]
    root = ET.parse(path).getroot()
    for unit in root.iter():
        if unit.tag.endswith("trans-unit"):
            notes = [n.text or "" for n in unit if n.tag.endswith("note") and n.get("from") == "pofilter"]
            checks = sorted({n.split(":")[0].strip() for n in notes})
            if checks:
                po_flags[(art, unit.get("id"))] = checks

untranslated = [r for r in rows if r[6] != "furniture" and r[4] in (None, "untranslated")]
mt = [r for r in rows if r[4] == "mt" and planted.get(r[2]) not in (None, "noref")]
noref = sum(1 for r in rows if r[4] == "mt" and planted.get(r[2]) == "noref")
kinds = ["number", "half", "echo"]


def score(flagged):
    out = {}
    for k in kinds + ["clean"]:
        group = [r for r in mt if planted[r[2]] == k]
        out[k] = (sum(1 for r in group if flagged(r)), len(group))
    return out


sel = score(lambda r: bool(r[5]))
po = score(lambda r: (r[0], r[1]) in po_flags)

# Every request carries the glossary terms of its sentences.
missing_terms = 0
requests_missing = 0
term_total = 0
for r in requests:
    keys = {k.lower() for k in r["glossary"]}
    miss = 0
    for s in r["sentences"]:
        for h in terms_of.get(s, []):
            if not h.get("translations"):
                continue
            term_total += 1
            if h["text"].lower() not in keys and h["term"].lower() not in keys:
                miss += 1
    missing_terms += miss
    requests_missing += miss > 0

print(f"segments {len(rows)}, machine-translated and scored {len(mt)} (+{noref} the segmenter split otherwise, not scored)")
print(f"segments without English (furniture aside): {len(untranslated)}")
print(f"requests {len(requests)}; glossary terms in their sentences {term_total}, missing from the request {missing_terms} ({requests_missing} requests)")
print()
print(f"{'':22}{'number':>14}{'half':>14}{'echo':>14}{'recall':>10}{'clean flagged':>20}")
for name, s in (("selaras QA", sel), ("pofilter", po)):
    hit = sum(s[k][0] for k in kinds)
    tot = sum(s[k][1] for k in kinds)
    cells = "".join(f"{s[k][0]:>7}/{s[k][1]:<6}" for k in kinds)
    print(f"{name:22}{cells}{hit / max(1, tot):>10.3f}{s['clean'][0]:>9}/{s['clean'][1]:<5}{100 * s['clean'][0] / max(1, s['clean'][1]):>5.2f}%")
sel_recall = sum(sel[k][0] for k in kinds) / max(1, sum(sel[k][1] for k in kinds))
po_recall = sum(po[k][0] for k in kinds) / max(1, sum(po[k][1] for k in kinds))
sel_fp = sel["clean"][0] / max(1, sel["clean"][1])
po_fp = po["clean"][0] / max(1, po["clean"][1])
by_check = {}
for r in mt:
    if planted[r[2]] == "clean":
        for c in r[5]:
            by_check[c] = by_check.get(c, 0) + 1
print(f"selaras false flags by check: {json.dumps(by_check, sort_keys=True)}")
if a.examples:
    shown = 0
    for r in mt:
        k = planted[r[2]]
        if (k == "clean" and r[5]) or (k != "clean" and not r[5]):
            print(f"  [{k}] {r[5]} {r[2]}\n      -> {r[3]}")
            shown += 1
            if shown >= a.examples:
                break
ok = (not untranslated and missing_terms == 0 and sel_recall >= 0.95 and sel_fp <= 0.03
      and sel_recall >= po_recall and sel_fp <= po_fp)
print(f"bars: every sentence English {'yes' if not untranslated else 'NO'}; glossary in every request "
      f"{'yes' if missing_terms == 0 else 'NO'}; recall >= 0.95 {'yes' if sel_recall >= 0.95 else 'NO'}; "
      f"clean flagged <= 3% {'yes' if sel_fp <= 0.03 else 'NO'}; better than pofilter on both "
      f"{'yes' if sel_recall >= po_recall and sel_fp <= po_fp else 'NO'}")
sys.exit(0 if ok else 1)
