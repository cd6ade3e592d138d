import Foundation
import SelarasCore
import XCTest

/// A temporary folder with helpers to write fixture files; removed after the test.
final class TestWorkspace {
    let root: URL

    init() throws {
        root = FileManager.default.temporaryDirectory.appendingPathComponent("selaras-test-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
    }

    deinit { try? FileManager.default.removeItem(at: root) }

    func url(_ path: String) -> URL { root.appendingPathComponent(path) }

    @discardableResult
    func write(_ path: String, _ text: String) throws -> URL {
        try write(path, Data(text.utf8))
    }

    @discardableResult
    func write(_ path: String, _ data: Data) throws -> URL {
        let u = url(path)
        try FileManager.default.createDirectory(at: u.deletingLastPathComponent(), withIntermediateDirectories: true)
        try data.write(to: u)
        return u
    }

    /// The names in a folder, sorted; hidden ones (the run state, temporaries) only when asked.
    func files(in path: String, hidden: Bool = false) -> [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: url(path).path)) ?? []).sorted().filter { hidden || !$0.hasPrefix(".") }
    }

    func modificationDate(_ path: String) -> Date? {
        (try? FileManager.default.attributesOfItem(atPath: url(path).path))?[.modificationDate] as? Date
    }

    /// A small TMX written for the tests.
    static let tmx = """
        <?xml version="1.0" encoding="UTF-8"?>
        <tmx version="1.4">
        <header creationtool="test" creationtoolversion="1" datatype="plaintext" segtype="sentence" adminlang="en" srclang="id" o-tmf="test"/>
        <body>
        <tu tuid="1"><tuv xml:lang="id"><seg>Presiden membuka sidang kabinet di Jakarta.</seg></tuv><tuv xml:lang="en"><seg>The President opened the cabinet meeting in Jakarta.</seg></tuv></tu>
        <tu tuid="2"><tuv xml:lang="id"><seg>DPR mengesahkan undang-undang baru pada Selasa.</seg></tuv><tuv xml:lang="en"><seg>The House passed a new law on Tuesday.</seg></tuv></tu>
        </body>
        </tmx>
        """

    /// Two good articles in plain text.
    func writeArticles(in folder: String = "articles") throws {
        try write("\(folder)/satu.txt", """
            Presiden Buka Sidang Kabinet

            Presiden membuka sidang kabinet di Jakarta. Rapat membahas anggaran negara.

            Menteri Keuangan hadir dalam rapat itu.
            """)
        try write("\(folder)/dua.txt", """
            DPR Sahkan Undang-Undang

            DPR mengesahkan undang-undang baru pada Selasa. Keputusan itu diambil dalam rapat paripurna.
            """)
    }

    /// A pipeline config writing JSON (and the given formats) for articles in `articles/`.
    @discardableResult
    func writeConfig(_ name: String = "pipeline.yaml", formats: String = "[json]", extra: String = "") throws -> URL {
        try write("tm.tmx", Self.tmx)
        return try write(name, """
            version: 1
            inputs: [articles]
            output: out
            resources:
              translation_memories: [tm.tmx]
            stages:
              - segment
              - match
              - summarize: {sentences: 1}
              - translate
              - write: {formats: \(formats)}
            \(extra)
            """)
    }
}
