import Foundation
import SelarasCore
import SelarasText

/// Checks a glossary file for mistakes a terminologist should fix.
///
/// Errors (the file should not ship with them): a row or entry that cannot be read, an empty term,
/// no translation, a translation that is also listed as forbidden, an unknown status, two entries
/// with one term (a duplicate, or a conflict when their translations differ; in OmegaT files,
/// where several rows with one source are several translations, only identical rows), an entry
/// that can never be found because the text of its term is matched as another entry (shadowed),
/// and a common-noun term whose translation is the term itself.
///
/// Warnings: whitespace damage (outer, doubled or non-plain spaces, invisible characters, empty
/// list items), a variant shadowed by another entry, an acronym with no expansion (no variant, no
/// entry listing it, no note), a translation
/// equal to a capitalised source, several translations without a note on when to use which, a
/// deprecated term without a note, repeated translations or variants, an unknown part of speech or
/// domain, a date that is not ISO 8601, more fields than the header has, unbalanced brackets, an
/// exception that does not contain its term.
public struct GlossaryLinter: Sendable {
    public init() {}

    /// The findings for one file, sorted by line. `name` is how the file is named in messages.
    public func lint(_ file: GlossaryFile, name: String? = nil) -> [Diagnostic] {
        let display = name ?? file.url.path
        var out: [Diagnostic] = file.issues.map {
            var d = $0
            d.location = SourceLocation(file: display, line: $0.line)
            return d
        }
        func report(_ line: Int, _ severity: Diagnostic.Severity, _ code: Diagnostic.Code, _ message: String) {
            out.append(Diagnostic(severity, code, at: SourceLocation(file: display, line: line), message))
        }

        let entries = file.raw.map(GlossaryEntry.init(cleaning:))
        let omegaT = file.format == .omegaT || (file.format == .csv && file.raw.allSatisfy { $0.expectedFieldCount == 3 })

        // Acronyms that some entry lists as a variant (their expansion exists).
        var expandedAcronyms = Set<String>()
        for e in entries {
            for v in e.variants where TermMatcher.isAcronym(v) && !TermMatcher.isAcronym(e.term) { expandedAcronyms.insert(v) }
            if TermMatcher.isAcronym(e.term), e.variants.contains(where: { $0.split(separator: " ").count >= 2 }) {
                expandedAcronyms.insert(e.term)
            }
        }
        // OmegaT rows naming a term with `variant of X` are variants, not entries of their own.
        let variantRows: Set<Int> = omegaT
            ? Set(entries.indices.filter { entries[$0].note.flatMap(GlossaryFile.variantTarget) != nil }) : []
        for i in variantRows { expandedAcronyms.insert(entries[i].term) }

        var firstByKey: [String: Int] = [:]
        var duplicateRows = Set<Int>()
        for (i, r) in file.raw.enumerated() {
            let e = entries[i]
            let line = r.line
            let label = e.term.isEmpty ? "entry" : "'\(e.term)'"

            if let n = r.fieldCount, let m = r.expectedFieldCount, n > m {
                if omegaT {
                    report(line, .warning, "GLO101", "\(n) tab-separated fields; OmegaT reads 3 (source, target, comment), the rest was joined into the comment")
                } else {
                    report(line, .error, "GLO102", "\(n) fields but the header has \(m) columns (a stray tab?)")
                }
            }
            if e.term.isEmpty { report(line, .error, "GLO103", "empty term") }
            if e.translations.isEmpty { report(line, .error, "GLO104", "no translation for \(label)") }

            // Whitespace and empty list items.
            func checkField(_ name: String, _ value: String) {
                if let damage = GlossaryText.whitespaceDamage(value) {
                    report(line, .warning, "GLO105", "\(name) '\(GlossaryText.clean(value))' \(damage)")
                }
            }
            func checkList(_ name: String, _ items: [String]) {
                for item in items {
                    if GlossaryText.clean(item).isEmpty {
                        report(line, .warning, "GLO106", "empty item in \(name) of \(label) (two '|' in a row, or a '|' at an end?)")
                    } else {
                        checkField(String(name.dropLast()), item)
                    }
                }
            }
            checkField("term", r.term)
            checkList("variants", r.variants)
            checkList("translations", r.translations)
            checkList("forbiddens", r.forbidden)
            checkList("exceptions", r.exceptions)
            for (n, v) in [("pos", r.pos), ("status", r.status), ("domain", r.domain), ("note", r.note),
                           ("source", r.source), ("date", r.date)] {
                checkField(n, v)
            }

            // Field values.
            if !GlossaryText.clean(r.status).isEmpty, GlossaryEntry.Status(parsing: r.status) == nil {
                report(line, .error, "GLO107", "unknown status '\(GlossaryText.clean(r.status))' (expected preferred, admitted or deprecated)")
            }
            if let d = e.domain, !GlossaryEntry.isKnownDomain(d) {
                report(line, .warning, "GLO108", "unknown domain '\(d)' (known: \(GlossaryEntry.knownDomains.joined(separator: ", ")))")
            }
            if let p = e.partOfSpeech, PartOfSpeech(parsing: p) == nil {
                report(line, .warning, "GLO109", "unknown part of speech '\(p)' (expected noun, propn, verb, adj or other)")
            }
            if let d = e.date, d.range(of: "^[0-9]{4}(-[0-9]{2}(-[0-9]{2})?)?$", options: .regularExpression) == nil {
                report(line, .warning, "GLO110", "date '\(d)' is not ISO 8601 (YYYY-MM-DD)")
            }

            // Translations.
            let forbiddenKeys = Set(e.forbidden.map { $0.lowercased() })
            for t in e.translations where forbiddenKeys.contains(t.lowercased()) {
                report(line, .error, "GLO111", "'\(t)' is both a translation and a forbidden translation of \(label)")
            }
            func repeats(_ xs: [String]) -> [String] {
                var seen = Set<String>(), rep: [String] = []
                for x in xs where !seen.insert(x.lowercased()).inserted { rep.append(x) }
                return rep
            }
            for t in repeats(r.translations.map(GlossaryText.clean).filter { !$0.isEmpty }) {
                report(line, .warning, "GLO112", "translation '\(t)' is listed twice")
            }
            for v in repeats(r.variants.map(GlossaryText.clean).filter { !$0.isEmpty }) {
                report(line, .warning, "GLO113", "variant '\(v)' is listed twice (matching ignores case, except for words in capitals)")
            }
            for v in e.variants where v.lowercased() == e.term.lowercased() {
                report(line, .warning, "GLO114", "variant '\(v)' is the term itself")
            }
            if !e.term.isEmpty {
                for t in e.translations where t.lowercased() == e.term.lowercased() {
                    if TermMatcher.isAcronym(e.term) || PartOfSpeech(parsing: e.partOfSpeech) == .properNoun
                        || (e.term.first?.isUppercase == true && !e.term.contains(" ")) {
                        continue  // names and acronyms are often kept: NATO, ASEAN, Golkar
                    }
                    let common = e.term.split(separator: " ").contains { $0.first?.isLowercase == true }
                    report(line, common ? .error : .warning, "GLO127",
                           "translation '\(t)' is the source term itself (untranslated?)")
                }
            }
            if e.translations.count > 1, e.note == nil, !omegaT {
                report(line, .warning, "GLO115", "\(e.translations.count) translations of \(label) but no note on when to use which")
            }
            if e.status == .deprecated, e.note == nil {
                report(line, .warning, "GLO116", "deprecated term \(label) has no note saying what to use instead")
            }
            if TermMatcher.isAcronym(e.term), !expandedAcronyms.contains(e.term), !variantRows.contains(i), e.note == nil {
                report(line, .warning, "GLO117", "acronym '\(e.term)' has no expansion (add the full form as a variant, an entry with '\(e.term)' as its variant, or a note that spells it out)")
            }
            for (field, value) in [("term", e.term)] + e.translations.map({ ("translation", $0) }) where !Self.balanced(value) {
                report(line, .warning, "GLO118", "\(field) '\(value)' has unbalanced brackets or quotes")
            }

            // Duplicates and conflicts between entries.
            guard !e.term.isEmpty, !variantRows.contains(i) else { continue }
            var key = TermMatcher.isAcronym(e.term) ? e.term : TextNormalizer.matchKey(e.term)
            if omegaT { key += "\t" + e.translations.map { $0.lowercased() }.joined(separator: "|") }
            if let j = firstByKey[key] {
                let other = entries[j]
                let mine = Set(e.translations.map { $0.lowercased() })
                let theirs = Set(other.translations.map { $0.lowercased() })
                let posA = PartOfSpeech(parsing: e.partOfSpeech), posB = PartOfSpeech(parsing: other.partOfSpeech)
                if let posA, let posB, posA != posB {
                    report(line, .warning, "GLO119", "\(label) is also at line \(file.raw[j].line) as another part of speech; the matcher finds the first")
                } else if omegaT {
                    if mine == theirs { report(line, .error, "GLO120", "duplicate of line \(file.raw[j].line)") }
                } else if mine == theirs {
                    report(line, .error, "GLO121", "duplicate of line \(file.raw[j].line) (\(label))")
                } else {
                    report(line, .error, "GLO122", "\(label) is also at line \(file.raw[j].line) with other translations: '\(e.translations.joined(separator: "|"))' here, '\(other.translations.joined(separator: "|"))' there")
                }
                duplicateRows.insert(i)
            } else {
                firstByKey[key] = i
            }
        }

        // Exceptions must contain a form of their term, or they never apply.
        for (i, e) in entries.enumerated() where !e.exceptions.isEmpty && !e.term.isEmpty {
            var plain = e
            plain.exceptions = []
            let own = TermMatcher(glossaries: [Glossary(entries: [plain], origin: display)])
            for x in e.exceptions where own.match(x).isEmpty {
                report(file.raw[i].line, .warning, "GLO123", "exception '\(x)' of '\(e.term)' does not contain the term, so it never applies")
            }
        }

        // Shadowing: run the matcher over each form; the form must come back as its own entry.
        let usable = entries.enumerated().filter { !$0.element.term.isEmpty && !$0.element.translations.isEmpty }
        let glossary = Glossary(entries: usable.map(\.element), origin: display)
        let matcher = TermMatcher(glossaries: [glossary])
        let lineOfTerm = Dictionary(usable.map { ($0.element.term, file.raw[$0.offset].line) }, uniquingKeysWith: { a, _ in a })
        let termCounts = Dictionary(usable.map { ($0.element.term, 1) }, uniquingKeysWith: +)
        for (i, e) in usable where !duplicateRows.contains(i) && !variantRows.contains(i) && termCounts[e.term] == 1 {
            let line = file.raw[i].line
            for (k, form) in e.forms.enumerated() {
                let hits = matcher.match(form)
                let length = form.unicodeScalars.count
                let whole = hits.first { $0.start <= Self.leading(form) && $0.end >= length - Self.trailing(form) }
                if let whole {
                    guard whole.term != e.term else { continue }
                    let other = "'\(whole.term)'\(lineOfTerm[whole.term].map { " (line \($0))" } ?? "")"
                    if k == 0 {
                        report(line, .error, "GLO124", "'\(e.term)' is shadowed: its text is matched as \(other), so this entry is never found")
                    } else {
                        report(line, .warning, "GLO125", "variant '\(form)' of '\(e.term)' is shadowed: it is matched as \(other)")
                    }
                } else if !hits.isEmpty {
                    let longer = hits.map { "'\($0.term)'" }.joined(separator: ", ")
                    report(line, k == 0 ? .error : .warning, "GLO128",
                           "\(k == 0 ? "'\(e.term)'" : "variant '\(form)' of '\(e.term)'") is shadowed by \(longer): its own text is split among other entries")
                } else if k == 0 {
                    report(line, .warning, "GLO126", "'\(e.term)' never matches its own text (no word characters?)")
                }
            }
        }

        func key(_ d: Diagnostic) -> (Int, Int) { (d.line ?? 0, d.severity == .error ? 0 : 1) }
        return out.sorted { key($0) < key($1) }
    }

    static func leading(_ s: String) -> Int { s.unicodeScalars.prefix { $0.properties.isWhitespace }.count }
    static func trailing(_ s: String) -> Int { s.unicodeScalars.reversed().prefix { $0.properties.isWhitespace }.count }

    /// Whether brackets and straight double quotes pair up.
    static func balanced(_ s: String) -> Bool {
        var stack: [Character] = []
        let pairs: [Character: Character] = [")": "(", "]": "[", "}": "{"]
        for c in s {
            if "([{".contains(c) { stack.append(c) } else if let open = pairs[c] {
                guard stack.last == open else { return false }
                stack.removeLast()
            }
        }
        return stack.isEmpty && s.filter { $0 == "\"" }.count % 2 == 0
    }
}
