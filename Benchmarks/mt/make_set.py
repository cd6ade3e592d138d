"""Builds the MT benchmark set from a parallel news TSV (Indonesian<TAB>English, in story order):
articles of consecutive sentences as JSON lines {"id","text"} (one sentence per paragraph), and the
reference translations {"source","target"} the stand-in answers from. Written for Selaras."""
import argparse, json

ap = argparse.ArgumentParser()
ap.add_argument("--tsv", required=True)
ap.add_argument("--articles", required=True)
ap.add_argument("--refs", required=True)
ap.add_argument("--per-article", type=int, default=12)
ap.add_argument("--limit", type=int, default=0, help="sentence pairs to use (0: all)")
a = ap.parse_args()

pairs = []
with open(a.tsv, encoding="utf-8") as f:
    for line in f:
        parts = line.rstrip("\n").split("\t")
        if len(parts) == 2 and parts[0].strip() and parts[1].strip():
            pairs.append((parts[0].strip(), parts[1].strip()))
if a.limit:
    pairs = pairs[: a.limit]
with open(a.articles, "w", encoding="utf-8") as out:
    for n in range(0, len(pairs), a.per_article):
        chunk = pairs[n : n + a.per_article]
        out.write(json.dumps({"id": f"panl-{n // a.per_article + 1:04d}", "text": "\n\n".join(s for s, _ in chunk)}, ensure_ascii=False) + "\n")
with open(a.refs, "w", encoding="utf-8") as out:
    for s, t in pairs:
        out.write(json.dumps({"source": s, "target": t}, ensure_ascii=False) + "\n")
print(f"{len(pairs)} pairs in {(len(pairs) + a.per_article - 1) // a.per_article} articles")
