import Foundation
import SelarasCore
import SelarasFormats

/// Glossary entries to and from TBX (the file format itself is `TBXDocument`, in SelarasFormats).
///
/// Read: the Indonesian language section gives the term (the preferred one, else the first that is
/// not an acronym, abbreviation or variant, else the first) and its variants; the English one the
/// translations (preferred first) and, from deprecated, superseded or forbidden terms, the forbidden
/// renderings. `descrip type="subjectField"` is the domain, `note` (and `descrip` definition or
/// context) the note, `admin type="source"` the source, the last `transacGrp/date` the date;
/// `termNote type="partOfSpeech"` the part of speech.
///
/// Written: TBX-Basic v2 with `tig` (or `ntig/termGrp` on request) or TBX v3 in DCA style.
enum TBXGlossaryFormat {
    static func isIndonesian(_ lang: String) -> Bool {
        let p = lang.lowercased().split(whereSeparator: { $0 == "-" || $0 == "_" }).first.map(String.init) ?? ""
        return p == "id" || p == "in" || p == "ind"
    }

    static func isEnglish(_ lang: String) -> Bool {
        let p = lang.lowercased().split(whereSeparator: { $0 == "-" || $0 == "_" }).first.map(String.init) ?? ""
        return p == "en" || p == "eng"
    }

    static func read(data: Data, url: URL) throws(Diagnostic) -> GlossaryFile {
        let file = url.lastPathComponent
        let tbx = try TBXDocument.read(data: data, name: file, code: .glossaryUnreadable)
        var result = GlossaryFile(url: url, format: tbx.dialect == .v3 ? .tbx3 : .tbx2, raw: [], issues: [],
                                  hasBOM: data.starts(with: [0xEF, 0xBB, 0xBF]), comments: [], header: nil)
        if tbx.concepts.isEmpty {
            result.issues.append(.warning(.glossaryEntry, at: SourceLocation(file: file, line: tbx.rootLine),
                                          "no termEntry or conceptEntry elements"))
        }
        for concept in tbx.concepts {
            var raw = RawGlossaryEntry(line: concept.line, term: "")
            var notes: [String] = []
            for f in concept.fields {
                switch (f.element, f.type) {
                case ("descrip", "subjectField"): if raw.domain.isEmpty { raw.domain = f.value }
                case ("descrip", "definition"), ("descrip", "context"), ("note", _): notes.append(f.value)
                case ("admin", "source"), ("descrip", "source"): if raw.source.isEmpty { raw.source = f.value }
                case ("date", _): raw.date = f.value
                default: break
                }
            }
            let source = concept.languages.first { isIndonesian($0.language) }
                ?? concept.languages.first { $0.language.lowercased() == tbx.language.lowercased() && !isEnglish($0.language) }
            let target = concept.languages.first { isEnglish($0.language) }
            let loc = SourceLocation(file: file, line: concept.line)
            guard let source, !source.terms.isEmpty else {
                result.issues.append(.error(.glossaryEntry, at: loc, "entry has no Indonesian term"))
                continue
            }
            if target == nil {
                result.issues.append(.error(.glossaryEntry, at: loc, "entry has no English language section"))
            }
            let mainIndex = Self.mainIndex(source.terms)
            let main = source.terms[mainIndex]
            raw.term = main.text
            raw.line = main.line > 0 ? main.line : concept.line
            raw.status = status(main)
            raw.pos = canonicalPOS(main.note("partOfSpeech") ?? "")
            raw.variants = source.terms.enumerated().filter { $0.offset != mainIndex }.map(\.element.text)
            var preferred: [String] = [], others: [String] = []
            for t in target?.terms ?? [] {
                switch GlossaryEntry.Status(parsing: status(t)) {
                case .deprecated?: raw.forbidden.append(t.text)
                case .preferred?: preferred.append(t.text)
                default: others.append(t.text)
                }
                if raw.pos.isEmpty { raw.pos = canonicalPOS(t.note("partOfSpeech") ?? "") }
            }
            raw.translations = preferred + others
            raw.translationStatuses = (target?.terms ?? []).map(status)
            raw.note = notes.joined(separator: "; ")
            result.raw.append(raw)
        }
        return result
    }

    /// A term's status as TBX-Basic or TBX v3 writes it.
    static func status(_ t: TBXTerm) -> String {
        t.note("administrativeStatus") ?? t.note("normativeAuthorization") ?? ""
    }

    /// Which Indonesian term of an entry is the entry's term: the preferred one, else the first that
    /// is not an acronym, abbreviation or variant, else the first.
    static func mainIndex(_ terms: [TBXTerm]) -> Int {
        terms.firstIndex { GlossaryEntry.Status(parsing: status($0)) == .preferred }
            ?? terms.firstIndex { !["acronym", "abbreviation", "shortform", "variant"].contains(($0.note("termType") ?? "").lowercased()) }
            ?? 0
    }

    /// The concept's term as `read` would choose it, or nil when it has no Indonesian term.
    static func mainTerm(_ c: TBXConcept, rootLanguage: String = "id") -> String? {
        guard let section = c.languages.first(where: { isIndonesian($0.language) }), !section.terms.isEmpty else { return nil }
        return section.terms[mainIndex(section.terms)].text
    }

    /// TBX's part-of-speech names mapped to the short ones the TSV uses.
    static func canonicalPOS(_ s: String) -> String {
        switch s.trimmingCharacters(in: .whitespaces).lowercased() {
        case "propernoun", "proper noun": return "propn"
        case "adjective": return "adj"
        case "adverb": return "adv"
        default: return s
        }
    }

    /// Our part of speech as a TBX-Basic picklist value.
    static func tbxPOS(_ s: String?) -> String? {
        guard let s, !s.isEmpty else { return nil }
        switch PartOfSpeech(parsing: s) {
        case .noun?: return "noun"
        case .properNoun?: return "properNoun"
        case .verb?: return "verb"
        case .adjective?: return "adjective"
        case .other?: return s.lowercased() == "adv" || s.lowercased() == "adverb" ? "adverb" : "other"
        case nil: return s
        }
    }

    static func termType(_ variant: String) -> String {
        let letters = variant.filter(\.isLetter)
        if letters.count >= 2, letters.allSatisfy(\.isUppercase) { return "acronym" }
        return variant.split(separator: " ").count == 1 && variant.count <= 8 ? "abbreviation" : "variant"
    }

    // MARK: writing

    /// The TBX concept of one entry.
    static func concept(_ e: GlossaryEntry, id: String? = nil) -> TBXConcept {
        var fields: [TBXField] = []
        if let d = e.domain { fields.append(TBXField(element: "descrip", type: "subjectField", value: d)) }
        if let s = e.source { fields.append(TBXField(element: "admin", type: "source", value: s)) }
        if let n = e.note { fields.append(TBXField(element: "note", value: n)) }
        if let d = e.date { fields.append(TBXField(element: "date", value: d)) }
        let pos = tbxPOS(e.partOfSpeech)
        func term(_ text: String, _ status: GlossaryEntry.Status, type: String? = nil) -> TBXTerm {
            var notes: [TBXNote] = []
            if let type { notes.append(TBXNote(type: "termType", value: type)) }
            if let pos { notes.append(TBXNote(type: "partOfSpeech", value: pos)) }
            notes.append(TBXNote(type: "administrativeStatus", value: status.tbxValue))
            return TBXTerm(text: text, notes: notes)
        }
        let source = TBXLanguage(language: "id", terms: [term(e.term, e.status)] + e.variants.map { term($0, .admitted, type: termType($0)) })
        let target = TBXLanguage(language: "en", terms: e.translations.enumerated().map { term($0.element, $0.offset == 0 ? .preferred : .admitted) }
                                     + e.forbidden.map { term($0, .deprecated) })
        return TBXConcept(id: id, fields: fields, languages: [source, target])
    }

    static func write(_ entries: [GlossaryEntry], v3: Bool, title: String, ntig: Bool = false) -> String {
        TBXDocument.write(entries.map { concept($0) }, dialect: v3 ? .v3 : .basic2, title: title, ntig: ntig)
    }

    // MARK: editing in place

    /// The file with entries whose term matches `removing` (ignoring case and spacing) taken out and
    /// `adding` appended at the end of the body; comments, order and everything else stay as they
    /// were. Returns the new bytes and how many entries were removed.
    static func edit(data: Data, name: String, removing: String?, adding: GlossaryEntry?) throws(Diagnostic) -> (Data, Int) {
        try TBXDocument.edit(data: data, name: name, code: .glossaryUnreadable, removing: { concept in
            guard let removing, let term = mainTerm(concept) else { return false }
            return GlossaryEditor.editKey(term) == GlossaryEditor.editKey(removing)
        }, adding: adding.map { concept($0) })
    }
}
