#!/usr/bin/env python3
"""Precision and recall of glossary term matching, side by side with two baselines.

Systems, all on the same cases and the same glossary, measured in the same run:
  selaras    `selaras glossary match --glossary G --jsonl` (morphology-aware matcher)
  substring  whole-word substring matching of every term and variant, case-folded
             (words in capitals case-sensitive), longest first, no overlaps
  sastrawi   every word of text and terms stemmed with PySastrawi (Sastrawi's
             Nazief-Adriani stemmer), stemmed token sequences matched longest first

A hit is the pair (entry term, matched text) in a case; scores count pairs (multiset).
Cases: JSON lines {"id", "text", "expected": [{"term", "text"}], "note"}.
Throughput (optional, --speed FILE): sentences per second on one sentence per line.
"""
import argparse, collections, json, re, subprocess, sys, time

WORD = re.compile(r"\w+(?:[-'’]\w+)*", re.UNICODE)


def load_glossary(path):
    """Entries as (term, [forms]) from the extended TSV (header row) or OmegaT's 3 columns."""
    entries, header = [], None
    with open(path, encoding="utf-8-sig") as f:
        for line in f:
            line = line.rstrip("\r\n")
            if not line.strip() or line.startswith("#"):
                continue
            fields = line.split("\t")
            if header is None and fields[0] == "term":
                header = fields
                continue
            if header:
                row = dict(zip(header, fields))
                term = row.get("term", "").strip()
                variants = [v.strip() for v in row.get("variants", "").split("|") if v.strip()]
            else:
                term, variants = fields[0].strip(), []
            if term:
                entries.append((term, [term] + variants))
    return entries


def is_acronym(w):
    letters = [c for c in w if c.isalpha()]
    return len(letters) >= 2 and all(c.isupper() for c in letters)


def tokens(text):
    return [(m.group(0), m.start(), m.end()) for m in WORD.finditer(text)]


def longest_first(cands):
    """cands: (start, end, ntok, entry_index, term); choose longest, non-overlapping."""
    chosen = []
    for c in sorted(cands, key=lambda c: (-(c[1] - c[0]), -c[2], c[3], c[0])):
        if all(c[1] <= o[0] or o[1] <= c[0] for o in chosen):
            chosen.append(c)
    return chosen


def index_forms(forms):
    """forms keyed by their first token key (lowercased), so each text token looks up only its own."""
    idx = collections.defaultdict(list)
    for f in forms:
        idx[f[0][0].lower()].append(f)
    return idx


def match_tokens(text, index, norm):
    """index: first key -> [(token keys, entry_index, term, acronym flags)]. norm: token -> key."""
    toks = tokens(text)
    keys = [norm(t[0]) for t in toks]
    cands = []
    for i in range(len(toks)):
        for (fkeys, ei, term, acr) in index.get(keys[i].lower(), ()):
            n = len(fkeys)
            if i + n > len(toks):
                continue
            ok = True
            for k in range(n):
                if acr[k]:
                    if toks[i + k][0] != fkeys[k]:
                        ok = False; break
                elif keys[i + k] != fkeys[k]:
                    ok = False; break
            if ok:
                cands.append((toks[i][1], toks[i + n - 1][2], n, ei, term))
    return [(c[4], text[c[0]:c[1]]) for c in longest_first(cands)]


def substring_system(entries):
    forms = []
    for ei, (term, fs) in enumerate(entries):
        for f in fs:
            ws = [t[0] for t in tokens(f)]
            if ws:
                forms.append(([w if is_acronym(w) else w.lower() for w in ws], ei, term, [is_acronym(w) for w in ws]))
    index = index_forms(forms)
    return lambda text: match_tokens(text, index, lambda w: w.lower())


def sastrawi_system(entries):
    from Sastrawi.Stemmer.StemmerFactory import StemmerFactory
    stemmer = StemmerFactory().create_stemmer()
    cache = {}

    def stem(w):
        w = w.lower()
        if w not in cache:
            cache[w] = stemmer.stem(w) or w
        return cache[w]

    forms = []
    for ei, (term, fs) in enumerate(entries):
        for f in fs:
            ws = [t[0] for t in tokens(f)]
            if ws:
                forms.append(([stem(w) for w in ws], ei, term, [False] * len(ws)))
    index = index_forms(forms)
    return lambda text: match_tokens(text, index, stem)


def selaras_system(binary, glossary, texts):
    lines = "".join(json.dumps({"id": str(i), "text": t}, ensure_ascii=False) + "\n" for i, t in enumerate(texts))
    p = subprocess.run([binary, "glossary", "match", "--glossary", glossary, "--jsonl"], input=lines.encode(),
                       capture_output=True, check=False)
    if p.returncode != 0:
        sys.stderr.write(p.stderr.decode())
        raise SystemExit(f"selaras exited with {p.returncode}")
    out = {}
    for line in p.stdout.decode().splitlines():
        r = json.loads(line)
        out[int(r["id"])] = [(h["term"], h["text"]) for h in r["terms"]]
    return [out.get(i, []) for i in range(len(texts))]


def score(cases, predictions):
    tp = fp = fn = 0
    errors = []
    for case, pred in zip(cases, predictions):
        gold = collections.Counter((h["term"], h["text"]) for h in case["expected"])
        got = collections.Counter(pred)
        t = sum((gold & got).values())
        tp += t
        fp += sum(got.values()) - t
        fn += sum(gold.values()) - t
        if gold != got:
            errors.append((case["id"], case["text"], sorted((got - gold).elements()), sorted((gold - got).elements())))
    p = tp / (tp + fp) if tp + fp else 1.0
    r = tp / (tp + fn) if tp + fn else 1.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return p, r, f, errors


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--selaras", default=".build/release/selaras")
    ap.add_argument("--glossary", required=True)
    ap.add_argument("--cases", required=True)
    ap.add_argument("--errors", action="store_true", help="list the cases each system gets wrong")
    ap.add_argument("--speed", help="a text file, one sentence per line, for throughput")
    args = ap.parse_args()

    cases = [json.loads(l) for l in open(args.cases, encoding="utf-8") if l.strip()]
    entries = load_glossary(args.glossary)
    texts = [c["text"] for c in cases]
    print(f"{len(cases)} cases, {sum(len(c['expected']) for c in cases)} expected hits, "
          f"{len(entries)} glossary entries ({args.glossary})")
    systems = [("selaras", lambda: selaras_system(args.selaras, args.glossary, texts))]
    sub = substring_system(entries)
    systems.append(("substring", lambda: [sub(t) for t in texts]))
    try:
        sas = sastrawi_system(entries)
        systems.append(("sastrawi", lambda: [sas(t) for t in texts]))
    except ImportError:
        print("(PySastrawi not installed: the sastrawi column is left out)")
    print(f"{'system':<12}{'precision':>10}{'recall':>8}{'F1':>8}{'wrong cases':>13}")
    results = {}
    for name, run in systems:
        p, r, f, errors = score(cases, run())
        results[name] = errors
        print(f"{name:<12}{p:>10.3f}{r:>8.3f}{f:>8.3f}{len(errors):>13}")
    if args.errors:
        for name, errors in results.items():
            print(f"\n== {name}: {len(errors)} cases differ")
            for cid, text, extra, missing in errors:
                print(f"{cid}: {text}\n   extra {extra}\n   missing {missing}")

    if args.speed:
        sentences = [l.rstrip("\n") for l in open(args.speed, encoding="utf-8") if l.strip()]
        size = sum(len(s.encode()) for s in sentences) / 1e6
        print(f"\nthroughput on {len(sentences)} sentences ({size:.2f} MB), same glossary:")
        timings = {}
        t0 = time.perf_counter(); selaras_system(args.selaras, args.glossary, sentences); timings["selaras"] = time.perf_counter() - t0
        t0 = time.perf_counter(); [sub(s) for s in sentences]; timings["substring"] = time.perf_counter() - t0
        if "sastrawi" in results:
            t0 = time.perf_counter(); [sas(s) for s in sentences]; timings["sastrawi"] = time.perf_counter() - t0
        for name, t in timings.items():
            ratio = timings[name] / timings["selaras"]
            print(f"{name:<12}{len(sentences) / t:>12.0f} sentences/s {size / t:>8.2f} MB/s   time x{ratio:.2f} of selaras")


if __name__ == "__main__":
    main()
