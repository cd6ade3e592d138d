#!/usr/bin/env python3
"""Fit the weights of Selaras's learned summariser (SelarasSummary/Resources/summary-model.json).

Usage:
  .build/peers/bin/python scripts/summary/fit_weights.py DATA.jsonl [--selaras .build/release/selaras]
      [--out Sources/SelarasSummary/Resources/summary-model.json] [--folds 5] [--seed 1] [--stem]

DATA is IndoSum-style JSON lines: "text" (the article), "sentences" and "gold_labels" (the corpus's
sentence split and which sentences its extractive oracle keeps), "summary" (the reference).

1. `selaras summarize --jsonl --features` cuts each article into sentences with Selaras's own
   segmenter and prints the features of every rankable sentence (so training and run time compute
   features with the same code). With --stem, terms are stemmed (IndonesianStemmer) and the model
   file says so, so that the ranker stems at run time too.
2. Each of our sentences gets a soft label: the share of its characters that fall inside a gold
   sentence labelled true (both are located in "text"; the corpus's sentences occur there verbatim).
3. A logistic regression (L2-regularised, Newton's method on standardised features) is fitted.
4. The selection constants (MMR redundancy, length exponent) and the L2 strength are chosen on a small
   grid by cross-validated ROUGE-1 of the whole command (Selaras picks the sentences, rouge-score
   scores them, as the measuring harness does).
5. Honest figure: nested cross-validation. For each of --folds outer folds, grid choice and fitting
   see only the other folds; the held-out fold is summarised with that model. The mean over held-out
   articles is printed next to LEAD-3 on the same articles, and stored in the model file.
The final model is fitted on all articles with the grid point that cross-validation prefers.
Needs numpy and rouge-score (both in the peers venv). Only a development tool: Selaras itself reads
the JSON file it writes.
"""
import argparse, json, os, subprocess, sys, tempfile
import numpy as np
from rouge_score import rouge_scorer

# Features used by the model (names of SentenceFeature in SelarasSummary). Headline similarity and
# glossary terms are left out: IndoSum articles have neither, so their weights cannot be learned.
FEATURES = [
    "position_0", "position_1", "position_2", "position_3", "position_4", "position_5",
    "relative_position", "log_position", "log_words", "words", "starts_with_quote", "has_quote",
    "attribution", "centrality", "lexrank", "similarity_to_first", "capitalised", "numbers",
    "question", "colon", "article_sentences", "paragraph_start", "first_paragraph",
]
GRID_L2 = [1.0, 10.0]
GRID_REDUNDANCY = [0.0, 0.15, 0.3]
GRID_LENGTH = [0.0, 0.2, 0.4, 0.6]  # capped: beyond 0.6 cross-validation gains nothing (tried 0.9)

SCORER = rouge_scorer.RougeScorer(["rouge1", "rouge2", "rougeL"], use_stemmer=False)


def run_selaras(binary, args, records):
    inp = "".join(json.dumps({"id": r["id"], "text": r["text"]}, ensure_ascii=False) + "\n" for r in records)
    p = subprocess.run([binary, "summarize", "--jsonl"] + args, input=inp.encode(), capture_output=True)
    if p.returncode != 0:
        sys.exit("selaras failed: " + p.stderr.decode()[-2000:])
    return [json.loads(l) for l in p.stdout.decode().splitlines() if l.strip()]


def soft_labels(record, line):
    """Share of each rankable sentence's characters inside gold-positive sentences."""
    text = record["text"]
    gold = np.zeros(len(text) + 1)
    pos = 0
    for s, g in zip(record["sentences"], record["gold_labels"]):
        k = text.find(s, pos)
        if k < 0:
            continue
        if g:
            gold[k:k + len(s)] = 1
        pos = k + len(s)
    labels = []
    pos = 0
    sentences = line["sentences"]
    spans = {}
    for i, s in enumerate(sentences):
        k = text.find(s, pos)
        if k >= 0:
            spans[i] = (k, k + len(s))
            pos = k + len(s)
    for i in line["indices"]:
        if i in spans:
            a, b = spans[i]
            labels.append(float(gold[a:b].mean()) if b > a else 0.0)
        else:
            labels.append(0.0)
    return np.array(labels)


def fit(X, y, l2):
    """L2-regularised logistic regression with soft targets; returns (mean, scale, weights, intercept)."""
    mean = X.mean(0)
    scale = X.std(0)
    scale[scale < 1e-9] = 1.0
    Z = np.hstack([np.ones((len(X), 1)), (X - mean) / scale])
    w = np.zeros(Z.shape[1])
    reg = l2 * np.eye(Z.shape[1])
    reg[0, 0] = 0.0
    for _ in range(100):
        p = 1 / (1 + np.exp(-(Z @ w)))
        g = Z.T @ (p - y) + reg @ w
        H = (Z.T * (p * (1 - p))) @ Z + reg + 1e-9 * np.eye(len(w))
        step = np.linalg.solve(H, g)
        w -= step
        if np.abs(step).max() < 1e-8:
            break
    return mean, scale, w[1:], w[0]


STEMMING = False


def model_json(mean, scale, weights, intercept, redundancy, length_exponent, training):
    return {
        "format": "selaras-summary-model", "version": 1,
        "features": FEATURES,
        "mean": [round(float(x), 6) for x in mean],
        "scale": [round(float(x), 6) for x in scale],
        "weights": [round(float(x), 6) for x in weights],
        "intercept": round(float(intercept), 6),
        "selection": {"redundancy": redundancy, "length_exponent": length_exponent},
        "analysis": {"stemming": STEMMING},
        "training": training,
    }


def rouge(records, summaries):
    t = np.zeros(3)
    for r in records:
        s = SCORER.score(" ".join(r["summary"]), " ".join(summaries.get(r["id"], [])))
        t += [s["rouge1"].fmeasure, s["rouge2"].fmeasure, s["rougeL"].fmeasure]
    return 100 * t / max(len(records), 1)


class Fitter:
    def __init__(self, binary, records, lines, tmp):
        self.binary, self.records, self.tmp = binary, records, tmp
        names = lines[0]["names"]
        cols = [names.index(f) for f in FEATURES]
        self.X = [np.array(l["features"], dtype=float)[:, cols] if l["features"] else np.zeros((0, len(cols))) for l in lines]
        self.y = [soft_labels(r, l) for r, l in zip(records, lines)]
        self.fits = {}

    def model(self, train, l2):
        key = (tuple(train), l2)
        if key not in self.fits:
            self.fits[key] = fit(np.vstack([self.X[i] for i in train]), np.concatenate([self.y[i] for i in train]), l2)
        return self.fits[key]

    def evaluate(self, train, test, l2, redundancy, length_exponent):
        """Mean ROUGE (x100) on `test` of the model fitted on `train`, with the whole command."""
        mean, scale, w, b = self.model(train, l2)
        path = os.path.join(self.tmp, "model.json")
        with open(path, "w") as f:
            json.dump(model_json(mean, scale, w, b, redundancy, length_exponent, {}), f)
        recs = [self.records[i] for i in test]
        out = run_selaras(self.binary, ["--sentences", "3", "--weights", path], recs)
        return rouge(recs, {o["id"]: o["summary"] for o in out})

    def choose(self, indices, folds, seed):
        """The grid point with the best cross-validated ROUGE-1 over `indices`."""
        rng = np.random.RandomState(seed)
        order = list(rng.permutation(indices))
        parts = [order[k::folds] for k in range(folds)]
        best = None
        for l2 in GRID_L2:
            for red in GRID_REDUNDANCY:
                for le in GRID_LENGTH:
                    total = np.zeros(3)
                    for k in range(folds):
                        test = parts[k]
                        train = [i for j, p in enumerate(parts) if j != k for i in p]
                        total += self.evaluate(sorted(train), test, l2, red, le) * len(test)
                    score = total / len(indices)
                    if best is None or score[0] > best[0][0]:
                        best = (score, (l2, red, le))
        return best


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("data")
    ap.add_argument("--selaras", default=".build/release/selaras")
    ap.add_argument("--out", default="Sources/SelarasSummary/Resources/summary-model.json")
    ap.add_argument("--folds", type=int, default=5)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--stem", action="store_true", help="stem terms (IndonesianStemmer)")
    a = ap.parse_args()
    global STEMMING
    STEMMING = a.stem

    records = [json.loads(l) for l in open(a.data, encoding="utf-8") if l.strip()]
    records = [r for r in records if r.get("sentences") and r.get("gold_labels") and r.get("summary")]
    lines = run_selaras(a.selaras, ["--features"] + (["--stem"] if a.stem else []), records)
    assert [l["id"] for l in lines] == [r["id"] for r in records], "feature lines out of step with the data"
    with tempfile.TemporaryDirectory() as tmp:
        fitter = Fitter(a.selaras, records, lines, tmp)
        n = len(records)
        rng = np.random.RandomState(a.seed)
        order = list(rng.permutation(n))
        outer = [order[k::a.folds] for k in range(a.folds)]

        # Nested cross-validation: the honest, held-out figure.
        held = np.zeros(3)
        lead_given = np.zeros(3)
        chosen = []
        for k, test in enumerate(outer):
            train = sorted(i for j, p in enumerate(outer) if j != k for i in p)
            _, (l2, red, le) = fitter.choose(train, a.folds - 1, a.seed + k + 1)
            chosen.append((l2, red, le))
            held += fitter.evaluate(train, test, l2, red, le) * len(test)
            recs = [records[i] for i in test]
            lead_given += rouge(recs, {r["id"]: r["sentences"][:3] for r in recs}) * len(test)
            print(f"outer fold {k + 1}/{a.folds}: l2={l2} redundancy={red} length_exponent={le}", file=sys.stderr)
        held /= n
        lead_given /= n

        # Final model: grid point chosen by cross-validation over everything, fitted on everything.
        cv, (l2, red, le) = fitter.choose(list(range(n)), a.folds, a.seed)
        mean, scale, w, b = fitter.model(list(range(n)), l2)

    training = {
        "data": os.path.basename(a.data), "articles": n, "folds": a.folds, "seed": a.seed,
        "labels": "share of each sentence's characters inside gold-labelled sentences",
        "l2": l2,
        "nested_cv_rouge": {"rouge1": round(held[0], 2), "rouge2": round(held[1], 2), "rougeL": round(held[2], 2)},
        "lead3_rouge": {"rouge1": round(lead_given[0], 2), "rouge2": round(lead_given[1], 2), "rougeL": round(lead_given[2], 2)},
        "script": "scripts/summary/fit_weights.py",
    }
    with open(a.out, "w", encoding="utf-8") as f:
        json.dump(model_json(mean, scale, w, b, red, le, training), f, indent=1)
        f.write("\n")
    print(f"grid choice per outer fold: {chosen}")
    print(f"final: l2={l2} redundancy={red} length_exponent={le} (cross-validated R-1 {cv[0]:.2f})")
    print(f"held-out (nested {a.folds}-fold) ROUGE-1/2/L: {held[0]:.2f} {held[1]:.2f} {held[2]:.2f}")
    print(f"LEAD-3 on the same articles:           {lead_given[0]:.2f} {lead_given[1]:.2f} {lead_given[2]:.2f}")
    print(f"difference R-1: {held[0] - lead_given[0]:+.2f}")
    for name, x in zip(FEATURES, w):
        print(f"  {name:22s} {x:+.3f}")
    print(f"wrote {a.out}")


if __name__ == "__main__":
    main()
