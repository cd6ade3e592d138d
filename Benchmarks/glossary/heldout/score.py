#!/usr/bin/env python3
"""Score glossary-term matching on the held-out cases.

    score.py --selaras .build/release/selaras \
             --glossary Glossaries/politik.tsv --cases cases.jsonl [--errors]
    score.py --baseline substring --glossary ... --cases ... [--errors]
    ../../../.build/peers/bin/python score.py --baseline sastrawi --glossary ... --cases ... [--errors]

Each case line is {"id", "text", "expected": [{"term", "text"}, ...]} (extra fields such as
"category" and "note" are used for the breakdown and the error listing only).

The system under test finds a multiset of (term, text) pairs per sentence; it is compared
with the expected multiset. Reported:

* strict: a hit counts when both the glossary term and the matched text are equal;
* term-only: the matched text is ignored (only the multiset of terms is compared), which
  separates boundary-convention disagreements ("DPR" vs "DPR-lah") from real misses;
* micro precision, recall and F1 over all occurrences, per category, per tag (and without
  the tagged cases), and the number of sentences whose multiset is exactly right.

Selaras is run once as `SELARAS glossary match --glossary GLOSSARY --jsonl` with one
{"id","text"} line per case on stdin; each output line is {"id", "terms": [{"term",
"start", "end", "text", ...}]}.

Baselines (both in Python, no morphology beyond what is stated):

* substring: every term and variant is matched as a whole word sequence (not adjacent to a
  letter; any run of whitespace between words), case-insensitively except acronym tokens
  (a token with an upper-case letter and no lower-case letter, e.g. DPR, KPU, RI, II, G20)
  which are matched case-sensitively; overlapping candidates are resolved longest first
  (by characters, then leftmost, then glossary order).
* sastrawi: the sentence and every term and variant are split into word tokens (letter runs,
  with internal hyphens/apostrophes kept so that reduplication reaches the stemmer, and
  digit runs); every non-acronym token is stemmed with PySastrawi and compared by stem,
  acronym tokens (as above) are compared verbatim; stem sequences are matched and resolved
  longest first as above. Needs PySastrawi (run with the peers' Python, .build/peers/bin/python from `make peers`).
"""
import argparse
import collections
import json
import re
import subprocess
import sys


# ----------------------------------------------------------------------------- input

def load_glossary(path):
    """[(term, [forms])] in file order; forms = term + variants."""
    entries = []
    header_seen = False
    with open(path, encoding="utf-8") as f:
        for line in f:
            line = line.rstrip("\n")
            if not line or line.startswith("#"):
                continue
            if not header_seen:
                header_seen = True
                continue
            cols = line.split("\t")
            term = cols[0]
            variants = [v for v in (cols[1].split("|") if len(cols) > 1 else []) if v]
            forms = [term] + [v for v in variants if v != term]
            entries.append((term, forms))
    return entries


def load_cases(path):
    cases = []
    with open(path, encoding="utf-8") as f:
        for line in f:
            if line.strip():
                cases.append(json.loads(line))
    return cases


# ----------------------------------------------------------------------------- systems

def run_selaras(binary, glossary, cases):
    payload = "".join(json.dumps({"id": c["id"], "text": c["text"]}, ensure_ascii=False) + "\n"
                      for c in cases)
    proc = subprocess.run([binary, "glossary", "match", "--glossary", glossary, "--jsonl"],
                          input=payload.encode("utf-8"), stdout=subprocess.PIPE,
                          stderr=subprocess.PIPE, timeout=600)
    if proc.returncode != 0:
        sys.stderr.write(proc.stderr.decode("utf-8", "replace"))
        sys.exit("selaras exited with status %d" % proc.returncode)
    found = {}
    for line in proc.stdout.decode("utf-8").splitlines():
        if not line.strip():
            continue
        rec = json.loads(line)
        text = next(c["text"] for c in cases if c["id"] == rec["id"])
        hits = []
        for t in rec.get("terms", []):
            span = t.get("text")
            if span is None:
                span = text[t["start"]:t["end"]]
            elif "start" in t and text[t["start"]:t["end"]] != span:
                sys.stderr.write("warning: %s: offsets %d-%d give %r, text says %r\n"
                                 % (rec["id"], t["start"], t["end"], text[t["start"]:t["end"]], span))
            hits.append((t["term"], span))
        found[rec["id"]] = hits
    missing = [c["id"] for c in cases if c["id"] not in found]
    if missing:
        sys.stderr.write("warning: no output for %d cases: %s\n" % (len(missing), " ".join(missing[:10])))
    return found


def is_acronym_token(tok):
    return any(ch.isupper() for ch in tok) and not any(ch.islower() for ch in tok)


def resolve_longest(cands):
    """cands: [(start, end, order, term)] -> accepted non-overlapping, longest first."""
    cands.sort(key=lambda c: (-(c[1] - c[0]), c[0], c[2]))
    taken = []
    for s, e, order, term in cands:
        if all(e <= ts or s >= te for ts, te, _ in taken):
            taken.append((s, e, term))
    taken.sort()
    return taken


class SubstringBaseline:
    def __init__(self, entries):
        self.patterns = []
        for order, (term, forms) in enumerate(entries):
            for form in forms:
                toks = form.split()
                if not toks:
                    continue
                parts = [re.escape(t) if is_acronym_token(t) else "(?i:%s)" % re.escape(t) for t in toks]
                pat = r"(?<![^\W\d_])" + r"\s+".join(parts) + r"(?![^\W\d_])"
                self.patterns.append((re.compile(pat), order, term))

    def match(self, text):
        cands = []
        for rx, order, term in self.patterns:
            for m in rx.finditer(text):
                cands.append((m.start(), m.end(), order, term))
        return [(term, text[s:e]) for s, e, term in resolve_longest(cands)]


TOKEN_RX = re.compile(r"[^\W\d_]+(?:['\u2019-][^\W\d_]+)*|\d+")


class SastrawiBaseline:
    def __init__(self, entries):
        from Sastrawi.Stemmer.StemmerFactory import StemmerFactory
        self.stemmer = StemmerFactory().create_stemmer()
        self.cache = {}
        self.forms = []  # (keys tuple, order, term)
        self.by_first = collections.defaultdict(list)
        for order, (term, forms) in enumerate(entries):
            for form in forms:
                keys = tuple(self.key(m.group()) for m in TOKEN_RX.finditer(form))
                if keys:
                    self.by_first[keys[0]].append((keys, order, term))

    def stem(self, word):
        s = self.cache.get(word)
        if s is None:
            s = self.stemmer.stem(word) or word.lower()
            self.cache[word] = s
        return s

    def key(self, tok):
        return ("A", tok) if is_acronym_token(tok) else ("S", self.stem(tok))

    def match(self, text):
        toks = [(m.start(), m.end(), m.group()) for m in TOKEN_RX.finditer(text)]
        keys = [self.key(t[2]) for t in toks]
        cands = []
        for i, k in enumerate(keys):
            for fkeys, order, term in self.by_first.get(k, ()):
                n = len(fkeys)
                if tuple(keys[i:i + n]) == fkeys:
                    cands.append((toks[i][0], toks[i + n - 1][1], order, term))
        return [(term, text[s:e]) for s, e, term in resolve_longest(cands)]


# ----------------------------------------------------------------------------- scoring

def prf(tp, nfound, nexp):
    p = tp / nfound if nfound else 1.0
    r = tp / nexp if nexp else 1.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return p, r, f


def overlap(a, b):
    return sum((collections.Counter(a) & collections.Counter(b)).values())


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--selaras", help="path to the selaras binary")
    ap.add_argument("--baseline", choices=["substring", "sastrawi"], help="score a Python baseline instead")
    ap.add_argument("--glossary", required=True)
    ap.add_argument("--cases", required=True)
    ap.add_argument("--errors", action="store_true", help="list every case whose found multiset differs")
    ap.add_argument("--json", action="store_true", help="also print the summary as one JSON line")
    args = ap.parse_args()
    if bool(args.selaras) == bool(args.baseline):
        ap.error("give exactly one of --selaras or --baseline")

    cases = load_cases(args.cases)
    entries = load_glossary(args.glossary)
    if args.selaras:
        system = "selaras"
        found = run_selaras(args.selaras, args.glossary, cases)
    else:
        system = "baseline:" + args.baseline
        matcher = SubstringBaseline(entries) if args.baseline == "substring" else SastrawiBaseline(entries)
        found = {c["id"]: matcher.match(c["text"]) for c in cases}

    totals = collections.Counter()
    per_cat = collections.defaultdict(collections.Counter)
    all_tags = sorted({t for c in cases for t in c.get("tags", [])})
    per_tag = collections.defaultdict(collections.Counter)
    no_tag = collections.defaultdict(collections.Counter)
    wrong = []
    for c in cases:
        exp = [(e["term"], e["text"]) for e in c["expected"]]
        got = found.get(c["id"], [])
        tp = overlap(exp, got)
        tp_term = overlap([t for t, _ in exp], [t for t, _ in got])
        cat = c.get("category", "all")
        counters = [totals, per_cat[cat]]
        for tag in all_tags:
            counters.append(per_tag[tag] if tag in c.get("tags", []) else no_tag[tag])
        for counter in counters:
            counter["tp"] += tp
            counter["tp_term"] += tp_term
            counter["found"] += len(got)
            counter["expected"] += len(exp)
            counter["cases"] += 1
            counter["exact"] += int(collections.Counter(exp) == collections.Counter(got))
        if collections.Counter(exp) != collections.Counter(got):
            wrong.append((c, exp, got))

    def line(name, k):
        p, r, f = prf(k["tp"], k["found"], k["expected"])
        pt, rt, ft = prf(k["tp_term"], k["found"], k["expected"])
        return ("%-9s %4d cases %4d exact | strict P %.3f R %.3f F1 %.3f | term-only P %.3f R %.3f F1 %.3f"
                " | expected %d found %d" % (name, k["cases"], k["exact"], p, r, f, pt, rt, ft,
                                             k["expected"], k["found"]))

    print("system: %s   glossary: %s   cases: %s" % (system, args.glossary, args.cases))
    print(line("all", totals))
    for cat in sorted(per_cat):
        print(line(cat, per_cat[cat]))
    if per_tag:
        for tag in sorted(per_tag):
            print(line("tag:" + tag, per_tag[tag]))
            print(line("no " + tag, no_tag[tag]))

    if args.errors:
        print("\n%d cases differ from the expectation:" % len(wrong))
        for c, exp, got in wrong:
            miss = collections.Counter(exp) - collections.Counter(got)
            extra = collections.Counter(got) - collections.Counter(exp)
            print("\n%s [%s] %s" % (c["id"], c.get("category", ""), c["text"]))
            if c.get("note"):
                print("    note: %s" % c["note"])
            print("    expected: %s" % "; ".join("%s=%r" % (t, s) for t, s in exp))
            print("    found:    %s" % "; ".join("%s=%r" % (t, s) for t, s in got))
            for (t, s), n in sorted(miss.items()):
                print("    - missing %s=%r%s" % (t, s, " x%d" % n if n > 1 else ""))
            for (t, s), n in sorted(extra.items()):
                print("    + extra   %s=%r%s" % (t, s, " x%d" % n if n > 1 else ""))

    if args.json:
        p, r, f = prf(totals["tp"], totals["found"], totals["expected"])
        print(json.dumps({"system": system, "precision": round(p, 4), "recall": round(r, 4), "f1": round(f, 4),
                          "cases": totals["cases"], "exact": totals["exact"]}))


if __name__ == "__main__":
    main()
