#!/usr/bin/env python3
"""Peer for `selaras tm lookup`: an exhaustive fuzzy scan with rapidfuzz.

For each query, every TM source is scored with rapidfuzz.distance.Levenshtein.normalized_similarity
(character level) with score_cutoff 0.75, through rapidfuzz.process.extract (its C++ loop, the fastest
way to run that scan from Python). Loading the TMX is not timed; only the scans are.

Usage: rapidfuzz_scan.py TM.tmx QUERIES.jsonl [--limit N] [--out RESULTS.jsonl]
Prints: queries, seconds per query, top-3 recall of each query's "origin" sentence.
"""
import json, sys, time
from xml.etree.ElementTree import iterparse
from rapidfuzz import process
from rapidfuzz.distance import Levenshtein

def sources(path):
    out = []
    for _, el in iterparse(path, events=('end',)):
        if el.tag == 'tu':
            for tuv in el.findall('tuv'):
                lang = tuv.get('{http://www.w3.org/XML/1998/namespace}lang') or tuv.get('lang') or ''
                if lang.lower().split('-')[0] in ('id', 'in', 'ind'):
                    seg = tuv.find('seg')
                    out.append(''.join(seg.itertext()) if seg is not None else '')
                    break
            el.clear()
    return out

def main():
    args = sys.argv[1:]
    tm, qpath = args[0], args[1]
    limit = int(args[args.index('--limit') + 1]) if '--limit' in args else None
    outpath = args[args.index('--out') + 1] if '--out' in args else None
    src = sources(tm)
    queries = [json.loads(l) for l in open(qpath, encoding='utf-8') if l.strip()]
    if limit:
        queries = queries[:limit]
    hits = 0
    elapsed = 0.0
    out = open(outpath, 'w', encoding='utf-8') if outpath else None
    for q in queries:
        t = time.perf_counter()
        res = process.extract(q['text'], src, scorer=Levenshtein.normalized_similarity, score_cutoff=0.75, limit=3,
                              processor=None)
        elapsed += time.perf_counter() - t
        if any(src[i] == q.get('origin') for _, _, i in res):
            hits += 1
        if out:
            out.write(json.dumps({'id': q['id'], 'matches': [src[i] for _, _, i in res]}, ensure_ascii=False) + '\n')
    print(json.dumps({'units': len(src), 'queries': len(queries), 'seconds_per_query': elapsed / max(1, len(queries)),
                      'top3_recall': hits / max(1, len(queries))}))

main()
