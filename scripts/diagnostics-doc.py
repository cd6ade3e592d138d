#!/usr/bin/env python3
"""Writes docs/diagnostics.md from the code: every `static let NAME: Self = "CODE"` with its doc
comment, and the glossary linter's findings (GLO1xx) with their messages. Run from the repository."""
import glob, re

rows = []
for path in sorted(glob.glob("Sources/**/*.swift", recursive=True)):
    lines = open(path, encoding="utf-8").read().split("\n")
    for i, line in enumerate(lines):
        m = re.search(r'static let (\w+): Self = "([A-Z]+\d+)"', line)
        if not m:
            continue
        doc, j = [], i - 1
        while j >= 0 and lines[j].strip().startswith("///"):
            doc.insert(0, lines[j].strip()[3:].strip())
            j -= 1
        rows.append((m.group(2), m.group(1), " ".join(doc), path.split("/")[1]))

def swift_string(text, i):
    """The literal starting at text[i] == '"', with interpolations shown as '…'; and its end."""
    assert text[i] == '"'
    i += 1
    out = ""
    while text[i] != '"':
        if text[i] == "\\" and text[i + 1] == "(":
            depth, i = 1, i + 2
            while depth:
                if text[i] == '"':
                    _, i = swift_string(text, i)
                    continue
                depth += {"(": 1, ")": -1}.get(text[i], 0)
                i += 1
            out += "…"
        elif text[i] == "\\":
            out += text[i + 1]
            i += 2
        else:
            out += text[i]
            i += 1
    return out, i + 1

lint = []
text = open("Sources/SelarasGlossary/GlossaryLinter.swift", encoding="utf-8").read()
for m in re.finditer(r'"(GLO1\d\d)",\s*', text):
    msg, _ = swift_string(text, m.end())
    lint.append((m.group(1), msg))

lint.sort()
out = ["# Diagnostics", "",
       "Every problem Selaras reports is a `Diagnostic`: a severity (`error`, `warning`, `note`), a stable",
       "code, the file, line and column where there is one, the unit it is about (a tuid, a trans-unit id)",
       "and what became of it (`kept`, `repaired`, `skipped`, `failed`). The command line prints each as",
       "", "```", "FILE:LINE:COLUMN: SEVERITY[CODE]: (UNIT) MESSAGE [ACTION]", "```", "",
       "Codes do not change between versions (scripts may match on them); messages may. This page is",
       "written by `scripts/diagnostics-doc.py` from the code, and a test checks that it lists every code.",
       "", "| code | name | target | meaning |", "|---|---|---|---|"]
for code, name, doc, target in sorted(rows):
    out.append(f"| `{code}` | `{name}` | {target} | {doc} |")
out += ["", "## Glossary lint findings", "",
        "`selaras glossary lint` gives each kind of finding its own code (in GlossaryLinter.swift, in order):", "",
        "| code | message |", "|---|---|"]
for code, msg in lint:
    cell = msg.replace("|", "\\|")
    out.append(f"| `{code}` | {cell} |")
open("docs/diagnostics.md", "w", encoding="utf-8").write("\n".join(out) + "\n")
print(f"{len(rows)} codes, {len(lint)} lint findings")
