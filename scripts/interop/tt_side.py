#!/usr/bin/env python3
"""Translate Toolkit side of Selaras's interoperability checks (see check.sh).

  tt_side.py load DIR   -- load Selaras's selaras.xlf (translate.storage.xliff) and selaras.tmx
                           (translate.storage.tmx) and compare them with selaras-expected.json.
  tt_side.py write DIR  -- write tt.xlf (units in several states, text that needs escaping) and
                           tt.tmx with Translate Toolkit, and tt-expected.json for the Swift side.

Prints one line per check, then 'N passed, M failed'.
"""
import json
import os
import sys

from translate.storage import tmx, xliff

results = []


def check(name, ok, detail=""):
    results.append(ok)
    print(("ok   " if ok else "FAIL ") + name + ("" if ok or not detail else ": " + detail))


def load(folder):
    expected = json.load(open(os.path.join(folder, "selaras-expected.json"), encoding="utf-8"))
    with open(os.path.join(folder, "selaras.xlf"), "rb") as f:
        store = xliff.xlifffile.parsefile(f)
    units = [u for u in store.units if not u.isheader()]
    want = expected["xliff"]
    ids = [u.xmlelement.get("id") for u in units]
    check("xliff: Translate Toolkit loads every unit Selaras wrote", ids == [w["id"] for w in want],
          "%r != %r" % (ids, [w["id"] for w in want]))
    for u, w in zip(units, want):
        check("xliff %s: source" % w["id"], u.source == w["source"], "%r != %r" % (u.source, w["source"]))
        target = u.target or None
        check("xliff %s: target" % w["id"], target == w["target"], "%r != %r" % (target, w["target"]))
        # Selaras's TM and MT targets are drafts (Translate Toolkit: fuzzy); reviewed ones are approved.
        if w["target"] is not None:
            check("xliff %s: state" % w["id"], u.isapproved() == w["reviewed"] and u.isfuzzy() == (not w["reviewed"]),
                  "approved=%s fuzzy=%s" % (u.isapproved(), u.isfuzzy()))
        else:
            check("xliff %s: untranslated" % w["id"], not u.istranslated())
        alts = u.getalttrans()
        check("xliff %s: alt-trans" % w["id"],
              [a.target for a in alts] == [m["target"] for m in w["alt"]]
              and [a.xmlelement.get("match-quality") for a in alts] == [m["quality"] for m in w["alt"]]
              and [a.xmlelement.get("origin") for a in alts] == [m["origin"] for m in w["alt"]],
              "%r" % [(a.xmlelement.get("match-quality"), a.target) for a in alts])
        notes = u.getnotes()
        check("xliff %s: glossary notes" % w["id"], notes.count("→") >= w["notes"], repr(notes))

    with open(os.path.join(folder, "selaras.tmx"), "rb") as f:
        memory = tmx.tmxfile.parsefile(f)
    tus = [u for u in memory.units if not u.isheader()]
    want = expected["tmx"]
    check("tmx: Translate Toolkit loads every unit Selaras wrote (%d)" % len(want), len(tus) == len(want),
          "%d != %d" % (len(tus), len(want)))
    for u, w in zip(tus, want):
        check("tmx %s: tuid, source and target" % w["tuid"],
              (u.xmlelement.get("tuid"), u.source, u.target) == (w["tuid"], w["source"], w["target"]),
              "%r" % ((u.xmlelement.get("tuid"), u.source, u.target),))


def write(folder):
    store = xliff.xlifffile(sourcelanguage="id", targetlanguage="en")
    samples = [
        ("u1", "Presiden menghadiri KTT ASEAN.", "The President attended the ASEAN summit.", xliff.xliffunit.S_TRANSLATED),
        ("u2", "Harga naik 3,5% & \"tajam\" <kata BPS>.", "Prices rose 3.5% & \"sharply\" <says BPS>.",
         xliff.xliffunit.S_SIGNED_OFF),
        ("u3", "Rapat ditunda.", "Meeting postponed.", xliff.xliffunit.S_NEEDS_REVIEW),
        ("u4", "Belum diterjemahkan.", "", None),
        ("u5", "Draf terjemahan.", "Draft translation.", "fuzzy"),
        ("u6", "Menteri Luar Negeri — Retno Marsudi 🇮🇩.", "Foreign Minister — Retno Marsudi 🇮🇩.",
         xliff.xliffunit.S_TRANSLATED),
    ]
    units, reviewed = [], []
    for uid, source, target, state in samples:
        unit = store.addsourceunit(source)
        unit.setid(uid)
        if target:
            unit.target = target
        if state == "fuzzy":
            unit.markfuzzy(True)
        elif state is not None:
            unit.set_state_n(state)
        unit.addnote("written by Translate Toolkit", origin="translator")
        units.append({"id": uid, "source": source, "target": target})
        # Translate Toolkit's own view of "translated or better" is what Selaras must pick up.
        if target and unit.get_state_n() >= xliff.xliffunit.S_TRANSLATED:
            reviewed.append({"id": uid, "target": target})
    with open(os.path.join(folder, "tt.xlf"), "wb") as f:
        store.serialize(f)

    memory = tmx.tmxfile(sourcelanguage="id", targetlanguage="en")
    pairs = [
        ("Komisi Pemilihan Umum (KPU) menetapkan jadwal.", "The General Elections Commission (KPU) set the schedule."),
        ("Inflasi 2,8% & \"terkendali\" <kata BI>.", "Inflation 2.8% & \"under control\" <says BI>."),
        ("Gencatan senjata berlaku — mulai Senin.", "The ceasefire takes effect — from Monday."),
    ]
    for source, target in pairs:
        memory.addtranslation(source, "id", target, "en", comment="written by Translate Toolkit")
    with open(os.path.join(folder, "tt.tmx"), "wb") as f:
        memory.serialize(f)
    json.dump({"xliff": {"units": units, "reviewed": reviewed},
               "tmx": [{"source": s, "target": t} for s, t in pairs]},
              open(os.path.join(folder, "tt-expected.json"), "w", encoding="utf-8"), ensure_ascii=False, indent=1)
    check("wrote tt.xlf (%d units, %d translated or better)" % (len(units), len(reviewed)), len(reviewed) == 3)
    check("wrote tt.tmx (%d units)" % len(pairs), len(memory.units) == len(pairs))


if __name__ == "__main__":
    if len(sys.argv) != 3 or sys.argv[1] not in ("load", "write"):
        print(__doc__)
        sys.exit(2)
    {"load": load, "write": write}[sys.argv[1]](sys.argv[2])
    failed = results.count(False)
    print("%d passed, %d failed" % (results.count(True), failed))
    sys.exit(1 if failed else 0)
