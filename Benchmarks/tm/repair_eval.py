#!/usr/bin/env python3
"""Match repair on sentences whose numbers were changed.

From Indonesian<TAB>English pairs: every pair becomes a TM unit; for each pair with a number that the
English writes in a recognisable notation exactly once, the first digit run of that number is changed
(as ../shared/eval/make_queries.py does, +1..9) and the English reference is rewritten the same way,
keeping its notation (15,086 / 6.6 / 2005 / 2.5 million). The new Indonesian sentence is looked up with
`selaras tm lookup --jsonl`; a case passes when the best match is a repaired fuzzy match whose
repaired target equals the rewritten reference exactly.

The cases are built here, independently of Selaras's own placeable code: Indonesian notation
(`.` groups thousands, `,` marks decimals; ribu/juta/miliar/triliun scale words) and English notation
(`,` groups, `.` decimals; thousand/million/billion/trillion).

Usage: repair_eval.py --selaras BIN --tsv PAIRS.tsv [--work DIR] [--seed 5] [--show 8]
"""
import argparse, json, os, random, re, subprocess, sys, time
from xml.sax.saxutils import escape

SCALES = {'ribu': 3, 'juta': 6, 'miliar': 9, 'milyar': 9, 'triliun': 12}
EN_SCALES = {6: 'million', 9: 'billion', 12: 'trillion'}
ID_NUMBER = re.compile(r'(?<![\d.,])(\d+(?:[.,]\d+)*)(?![\d])(?:\s+(ribu|juta|miliar|milyar|triliun)\b)?')
BAD = re.compile('[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]')


def parse_id(s):
    """Indonesian notation -> (integer digits, fraction digits), or None when ambiguous."""
    if re.fullmatch(r'\d{1,3}(\.\d{3})+(,\d+)?', s):
        i, _, f = s.partition(',')
        return i.replace('.', ''), f
    if re.fullmatch(r'\d+,\d+', s):
        i, f = s.split(',')
        return i, f
    if re.fullmatch(r'\d+', s):
        return s, ''
    return None


def full(i, f, scale):
    digits = i + f
    point = len(i) + scale
    digits = digits.ljust(point, '0')
    ip, fp = digits[:point].lstrip('0') or '0', digits[point:].rstrip('0')
    return ip, fp


def group(i):
    out = ''
    for k, c in enumerate(i):
        if k and (len(i) - k) % 3 == 0:
            out += ','
        out += c
    return out


def renderings(i, f, scale):
    """English notations: style -> text."""
    out = {}
    if scale >= 6:
        out['scaled'] = group(i) + ('.' + f if f else '') + ' ' + EN_SCALES[scale]
    fi, ff = full(i, f, scale)
    out['grouped'] = group(fi) + ('.' + ff if ff else '')
    out['plain'] = fi + ('.' + ff if ff else '')
    return out


def find_all(text, s):
    """Occurrences of number text s not inside a longer number."""
    found = []
    start = 0
    while True:
        k = text.find(s, start)
        if k < 0:
            return found
        start = k + 1
        before = text[k - 1] if k > 0 else ' '
        before2 = text[k - 2] if k > 1 else ' '
        end = k + len(s)
        after = text[end] if end < len(text) else ' '
        after2 = text[end + 1] if end + 1 < len(text) else ' '
        if before.isdigit() or (before in '.,' and before2.isdigit()):
            continue
        if after.isdigit() or (after in '.,' and after2.isdigit()):
            continue
        found.append(k)


def make_cases(pairs, seed):
    rnd = random.Random(seed)
    cases = []
    for n, (src, tgt) in enumerate(pairs):
        numbers = [m for m in ID_NUMBER.finditer(src) if not (m.end(1) < len(src) and src[m.end(1)].isalpha())]
        if not numbers:
            continue
        m = rnd.choice(numbers)
        parsed = parse_id(m.group(1))
        if not parsed:
            continue
        i, f = parsed
        scale = SCALES.get(m.group(2) or '', 0)
        old = renderings(i, f, scale)
        hits = {}
        for style, text in old.items():
            for k in find_all(tgt, text):
                hits.setdefault(k, (style, text))
        if len(hits) != 1:
            continue  # not in the English, or ambiguous
        pos, (style, oldtext) = next(iter(hits.items()))
        # Change the first digit run of the number, as make_queries.py does.
        num = m.group(1)
        run = re.match(r'\d+', num).group()
        new_run = str(int(run) + rnd.randint(1, 9))
        if len(new_run) != len(run):
            continue  # a change of magnitude could change the English notation itself
        new_num = new_run + num[len(run):]
        ni, nf = parse_id(new_num)
        newtext = renderings(ni, nf, scale)[style]
        query = src[:m.start(1)] + new_num + src[m.end(1):]
        expected = tgt[:pos] + newtext + tgt[pos + len(oldtext):]
        cases.append({'id': 'r%d' % n, 'text': query, 'origin': src, 'expected': expected, 'style': style,
                      'change': '%s -> %s' % (num, new_num)})
    return cases


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument('--selaras', default='.build/release/selaras')
    ap.add_argument('--tsv', required=True)
    ap.add_argument('--work', default='/tmp/selaras-tm-repair')
    ap.add_argument('--seed', type=int, default=5)
    ap.add_argument('--show', type=int, default=8)
    a = ap.parse_args()
    os.makedirs(a.work, exist_ok=True)
    pairs = []
    for line in open(a.tsv, encoding='utf-8'):
        p = line.rstrip('\n').split('\t')
        if len(p) >= 2 and p[0].strip() and p[1].strip():
            pairs.append((BAD.sub('', p[0].strip()), BAD.sub('', p[1].strip())))
    tmx = os.path.join(a.work, 'pairs.tmx')
    with open(tmx, 'w', encoding='utf-8') as out:
        out.write('<?xml version="1.0" encoding="UTF-8"?>\n<tmx version="1.4"><header creationtool="repair_eval" '
                  'creationtoolversion="1" segtype="sentence" o-tmf="tsv" adminlang="en" srclang="id" datatype="plaintext"/>\n<body>\n')
        for k, (s, t) in enumerate(pairs):
            out.write('<tu tuid="%d"><tuv xml:lang="id"><seg>%s</seg></tuv><tuv xml:lang="en"><seg>%s</seg></tuv></tu>\n'
                      % (k + 1, escape(s), escape(t)))
        out.write('</body></tmx>\n')
    store = os.path.join(a.work, 'pairs.sqlite')
    for suffix in ('', '-wal', '-shm'):
        if os.path.exists(store + suffix):
            os.remove(store + suffix)
    subprocess.run([a.selaras, 'tm', 'import', tmx, '--store', store], check=False, stderr=subprocess.DEVNULL)
    cases = make_cases(pairs, a.seed)
    qin = '\n'.join(json.dumps({'id': c['id'], 'text': c['text']}, ensure_ascii=False) for c in cases) + '\n'
    t = time.perf_counter()
    run = subprocess.run([a.selaras, 'tm', 'lookup', '--store', store, '--jsonl', '--max', '1', '--threshold', '75'],
                         input=qin.encode('utf-8'), capture_output=True, check=True)
    seconds = time.perf_counter() - t
    results = {r['id']: r for r in (json.loads(l) for l in run.stdout.decode('utf-8').splitlines() if l.strip())}
    ok = 0
    by_style = {}
    failures = []
    for c in cases:
        ms = results.get(c['id'], {}).get('matches', [])
        got = ms[0].get('repaired_target') if ms and ms[0].get('kind') == 'repaired-fuzzy' else None
        good = got == c['expected']
        ok += good
        s = by_style.setdefault(c['style'], [0, 0])
        s[0] += good
        s[1] += 1
        if not good:
            failures.append((c, ms[0] if ms else None))
    print(json.dumps({'pairs': len(pairs), 'cases': len(cases), 'repaired_exactly': ok,
                      'rate': ok / max(1, len(cases)),
                      'by_style': {k: '%d/%d' % tuple(v) for k, v in sorted(by_style.items())},
                      'lookup_seconds': round(seconds, 3)}, ensure_ascii=False))
    for c, m in failures[:a.show]:
        print('  FAIL %s (%s)\n    query:    %s\n    expected: %s\n    got:      %s' % (
            c['id'], c['change'], c['text'], c['expected'],
            (m.get('repaired_target') or '[%s] %s' % (m.get('kind'), m.get('target'))) if m else 'no match'), file=sys.stderr)


main()
