import SelarasCore
import Foundation
@testable import SelarasGlossary

/// Fixture files and scratch folders for the glossary tests.
enum Support {
    static let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures")

    static func fixture(_ path: String) -> URL { fixtures.appendingPathComponent(path) }

    /// A fresh temporary folder.
    static func scratch() -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("selaras-glossary-\(UUID().uuidString)")
        try? FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    static func write(_ text: String, _ name: String, in dir: URL) -> URL {
        let url = dir.appendingPathComponent(name)
        try? Data(text.utf8).write(to: url)
        return url
    }

    static func read(_ url: URL) -> String {
        String(decoding: (try? Data(contentsOf: url)) ?? Data(), as: UTF8.self)
    }

    /// The matching fixture glossary.
    static let glossary: Glossary = {
        (try? Glossary.load(contentsOf: fixture("matching/glossary.tsv")).0) ?? Glossary(entries: [], origin: "")
    }()

    static let matcher = TermMatcher(glossaries: [glossary])

    /// A rich entry set exercising every field.
    static let sample: [GlossaryEntry] = [
        GlossaryEntry(term: "Dewan Perwakilan Rakyat", variants: ["DPR"], translations: ["House of Representatives", "parliament"],
                      forbidden: ["People's Council"], partOfSpeech: "noun", status: .preferred, domain: "politics",
                      note: "'parliament' in running text, \"quoted\" & <tagged>", source: "DPR website", date: "2025-01-15"),
        GlossaryEntry(term: "gencatan senjata", translations: ["ceasefire"], forbidden: ["cease-fire"], partOfSpeech: "noun",
                      status: .preferred, domain: "military", date: "2025-01-15"),
        GlossaryEntry(term: "menyerahkan", translations: ["hand over"], partOfSpeech: "verb", status: .admitted,
                      domain: "politics", note: "not 'surrender', which is menyerah", date: "2025-01-16"),
        GlossaryEntry(term: "Departemen Luar Negeri", variants: ["Deplu"], translations: ["Department of Foreign Affairs"],
                      partOfSpeech: "propn", status: .deprecated, domain: "government", note: "old name; use Kementerian Luar Negeri",
                      source: "Perpres 47/2009", date: "2024-10-21"),
    ]
}

extension Diagnostic {
    /// `file:line: severity: message`, without the code: what the lint tests compare.
    var lintLine: String { "\(location.map(\.description) ?? ""): \(severity.rawValue): \(message)" }
}
