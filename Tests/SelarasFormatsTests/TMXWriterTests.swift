import Foundation
import SelarasCore
import XCTest
import SelarasTestSupport
@testable import SelarasFormats

final class TMXWriterTests: XCTestCase {
    /// ../shared/schemas/tmx14.dtd beside the repository, when present.
    static var dtd: URL? {
        let repo = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let url = repo.deletingLastPathComponent().appendingPathComponent("shared/schemas/tmx14.dtd")
        return FileManager.default.fileExists(atPath: url.path) ? url : nil
    }

    static var xmllint: String? {
        for p in ["/usr/bin/xmllint", "/usr/local/bin/xmllint", "/opt/homebrew/bin/xmllint"] where FileManager.default.isExecutableFile(atPath: p) {
            return p
        }
        return nil
    }

    /// Validates `data` against the TMX DTD with xmllint; returns xmllint's messages, or skips.
    func validate(_ data: Data) throws -> (Int32, String) {
        guard let dtd = Self.dtd else { throw XCTSkip("../shared/schemas/tmx14.dtd not found: DTD validation skipped") }
        guard let xmllint = Self.xmllint else { throw XCTSkip("xmllint not installed: DTD validation skipped") }
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("selaras-\(UUID().uuidString).tmx")
        try data.write(to: file)
        defer { try? FileManager.default.removeItem(at: file) }
        let p = Process()
        p.executableURL = URL(fileURLWithPath: xmllint)
        p.arguments = ["--noout", "--nonet", "--dtdvalid", dtd.path, file.path]
        let pipe = Pipe()
        p.standardError = pipe
        p.standardOutput = pipe
        try p.run()
        let out = pipe.fileHandleForReading.readDataToEndOfFile()
        p.waitUntilExit()
        return (p.terminationStatus, String(decoding: out, as: UTF8.self))
    }

    func readAll(_ data: Data) throws -> ([TMUnit], [Diagnostic], TMXHeader?) {
        var units: [TMUnit] = []
        var header: TMXHeader?
        let issues = try TMXReader().read(data: data, name: "t.tmx", header: { header = $0 }) { units.append($0) }
        return (units, issues, header)
    }

    static let awkward = TMUnit(tuid: "q&\"<1>", source: "A < B & C > D \"kutip\" 'x' \u{1B}esc\ttab",
                                target: "A < B & C > D \"quote\" \u{0}nul ]]> end", origin: "mem",
                                creationDate: "20240102T030405Z", changeDate: "20240203T040506Z",
                                attributes: [TMAttribute(name: "usagecount", value: "2"), TMAttribute(name: "bogus", value: "dropped")])

    func testRoundTripKeepsTextPropsNotesAndMarkup() throws {
        let (units, issues, header) = try readAll(Data((TMXFixtures.plain).utf8))
        XCTAssertEqual(issues, [])
        let (inlineUnits, _, _) = try readAll(Data(TMXFixtures.inline.utf8))
        var all = units + inlineUnits
        all.append(Self.awkward)
        let data = TMXWriter(header: header!).render(units: all)
        let (again, issues2, header2) = try readAll(data)
        XCTAssertEqual(issues2, [])
        XCTAssertEqual(again.count, all.count)
        for (a, b) in zip(all, again) {
            XCTAssertEqual(a.tuid, b.tuid)
            XCTAssertEqual(TMXWriter.xmlSafe(a.source), b.source)
            XCTAssertEqual(TMXWriter.xmlSafe(a.target), b.target)
            XCTAssertEqual(a.props, b.props)
            XCTAssertEqual(a.notes, b.notes)
            XCTAssertEqual(a.sourceVariant.markup, b.sourceVariant.markup)
            XCTAssertEqual(a.targetVariant.markup, b.targetVariant.markup)
            XCTAssertEqual(a.sourceVariant.props, b.sourceVariant.props)
            XCTAssertEqual(a.creationDate ?? b.creationDate, b.creationDate)
        }
        XCTAssertEqual(again.last?.attributes, [TMAttribute(name: "usagecount", value: "2")])
        XCTAssertEqual(again.last?.source, "A < B & C > D \"kutip\" 'x' esc\ttab")
        XCTAssertEqual(header2?.props, header?.props)
        XCTAssertEqual(header2?.notes, header?.notes)
        XCTAssertEqual(header2?.creationTool, "fixture")
    }

    func testStampsDatesOnNewUnits() throws {
        let date = Date(timeIntervalSince1970: 1_700_000_000)
        let unit = TMUnit(source: "Baru.", target: "New.", origin: "run")
        let data = TMXWriter(date: date).render(units: [unit])
        let (units, _, header) = try readAll(data)
        XCTAssertEqual(units.first?.creationDate, "20231114T221320Z")
        XCTAssertEqual(units.first?.changeDate, "20231114T221320Z")
        XCTAssertEqual(header?.creationDate, "20231114T221320Z")
        let text = String(decoding: data, as: UTF8.self)
        XCTAssertTrue(text.hasPrefix("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<tmx version=\"1.4\">"), text)
        for required in ["creationtool=", "creationtoolversion=", "segtype=", "o-tmf=", "adminlang=", "srclang=", "datatype="] {
            XCTAssertTrue(text.contains(required), required)
        }
    }

    func testOutputIsValidAgainstTheTMXDTD() throws {
        let (inlineUnits, _, _) = try readAll(Data(TMXFixtures.inline.utf8))
        let (plainUnits, _, header) = try readAll(Data(TMXFixtures.plain.utf8))
        var odd = TMUnit(source: "Kode tanpa i", target: "Code without i", origin: "mem")
        odd.sourceVariant.markup = [TMInline(kind: .bpt, offset: 0, content: "<b>"), TMInline(kind: .ept, offset: 4, content: "</b>"),
                                    TMInline(kind: .it, offset: 5, attributes: [TMAttribute(name: "pos", value: "middle")]),
                                    TMInline(kind: .hiStart, offset: 6), TMInline(kind: .ph, offset: 200, content: "<br/>")]
        let data = TMXWriter(header: header!).render(units: plainUnits + inlineUnits + [Self.awkward, odd])
        let (status, messages) = try validate(data)
        XCTAssertEqual(status, 0, messages)
        let (back, issues, _) = try readAll(data)
        XCTAssertEqual(issues, [])
        XCTAssertEqual(back.last?.sourceVariant.markup.first?.content, "&lt;b&gt;")
    }

    func testEmptyDocumentIsValid() throws {
        let data = TMXWriter.render(units: [])
        let (units, issues, _) = try readAll(data)
        XCTAssertEqual(units, [])
        XCTAssertEqual(issues, [])
        let (status, messages) = try validate(data)
        XCTAssertEqual(status, 0, messages)
    }

    func testStreamWriterAppearsAtomically() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("selaras-w-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: dir) }
        let url = dir.appendingPathComponent("out.tmx")
        let stream = try TMXStreamWriter(url: url, header: TMXHeader(creationTool: "test"))
        for i in 0..<5000 {
            try stream.write(TMUnit(tuid: "\(i)", source: "Kalimat nomor \(i).", target: "Sentence number \(i).", origin: "x"))
            if i == 10 { XCTAssertFalse(FileManager.default.fileExists(atPath: url.path)) }
        }
        try stream.finish()
        let (units, issues, header) = try readAll(try Data(contentsOf: url))
        XCTAssertEqual(issues, [])
        XCTAssertEqual(units.count, 5000)
        XCTAssertEqual(units.last?.source, "Kalimat nomor 4999.")
        XCTAssertEqual(header?.creationTool, "test")
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: dir.path), ["out.tmx"])

        let second = try TMXStreamWriter(url: url)
        try second.write(TMUnit(source: "x", target: "y", origin: "x"))
        second.cancel()
        XCTAssertEqual(try readAll(try Data(contentsOf: url)).0.count, 5000)
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: dir.path), ["out.tmx"])
    }
}
