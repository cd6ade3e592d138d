#!/usr/bin/env python3
"""Annotation aid (not part of scoring): for each case, list glossary entries whose
term or variant loosely appears in the sentence (substring of a crude stem, or whole
word for short/capitalised tokens) but which the expected list does not mention.
Every line printed was reviewed by hand when the cases were written."""
import json, re, sys

gloss, cases = sys.argv[1], sys.argv[2]
entries = []
with open(gloss, encoding="utf-8") as f:
    rows = [l for l in f if not l.startswith("#")]
for line in rows[1:]:
    c = line.rstrip("\n").split("\t")
    forms = [c[0]] + [v for v in c[1].split("|") if v]
    entries.append((c[0], forms))

PRE = ("meng", "meny", "mem", "men", "me", "ber", "ter", "di", "per", "pe", "ke")
def core(t):
    t = t.lower()
    for p in PRE:
        if t.startswith(p) and len(t) - len(p) >= 4:
            t = t[len(p):]; break
    for s in ("kan", "an", "i"):
        if t.endswith(s) and len(t) - len(s) >= 4:
            t = t[:-len(s)]; break
    return t

def token_present(tok, text, low):
    if len(tok) <= 3 or (tok.isupper() and len(tok) > 1):
        return re.search(r"(?<![A-Za-z])" + re.escape(tok) + r"(?![A-Za-z])", text, re.I) is not None
    return tok.lower() in low or core(tok) in low

for line in open(cases, encoding="utf-8"):
    case = json.loads(line)
    text = case["text"]; low = text.lower()
    exp_terms = {e["term"] for e in case["expected"]}
    cands = []
    for term, forms in entries:
        if term in exp_terms:
            continue
        for form in forms:
            toks = re.findall(r"[^\s,]+", form)
            if toks and all(token_present(t, text, low) for t in toks):
                cands.append("%s [%s]" % (term, form)); break
    if cands:
        print(case["id"], text)
        print("    ", "; ".join(cands))
