"""Writes Debian's FreeDict English-Indonesian dictionary (dictd format) as a hunalign dictionary
('english @ indonesian' per line), so hunalign gets the same dictionary as Selaras. Written for
Selaras's benchmark."""
import gzip, re, sys

path, out = sys.argv[1], sys.argv[2]
text = gzip.open(path, "rt", encoding="utf-8").read()
pairs, head, n = set(), None, 0
for line in text.split("\n"):
    if line and not line[0].isspace() and line.endswith(">") and "<" in line:
        h = line[: line.rindex("<")].strip()
        if "/" in h:
            h = h[: h.index("/")].strip()
        head, n = (None if h.startswith("00") else h), 0
        continue
    if head is None or not line.strip():
        continue
    n += 1
    body = line.strip()
    m = re.match(r"^(\d+)\.\s*(.*)$", body)
    if m:
        body = m.group(2)
    elif n > 1:
        continue  # an English gloss
    for t in body.split(","):
        if t.strip():
            pairs.add(f"{head} @ {t.strip()}")
open(out, "w", encoding="utf-8").write("\n".join(sorted(pairs)) + "\n")
print(f"{len(pairs)} dictionary pairs", file=sys.stderr)
