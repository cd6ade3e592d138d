#!/usr/bin/env python3
"""Top-k recall of `selaras tm lookup --jsonl` output: the share of queries whose "origin" sentence is
among the first k matches' sources.  Usage: recall.py QUERIES.jsonl RESULTS.jsonl [K]"""
import json, sys
qs = [json.loads(l) for l in open(sys.argv[1], encoding='utf-8') if l.strip()]
rs = {r['id']: r for r in (json.loads(l) for l in open(sys.argv[2], encoding='utf-8') if l.strip())}
k = int(sys.argv[3]) if len(sys.argv) > 3 else 3
hit = 0
missed = []
for q in qs:
    ms = rs.get(q['id'], {}).get('matches', [])[:k]
    if any(m['source'] == q['origin'] for m in ms):
        hit += 1
    else:
        missed.append(q)
print(json.dumps({'queries': len(qs), 'top%d' % k: hit / max(1, len(qs)), 'missed': [m['text'] for m in missed[:5]]}, ensure_ascii=False))
