import Foundation
import SelarasCore
import XCTest
@testable import SelarasFormats

/// The resource limits of every XML parse (`XMLGuard`), on files written here: each is refused
/// with a message naming the file, in bounded time and memory.
final class XMLGuardTests: XCTestCase {
    let header = "<header creationtool=\"t\" creationtoolversion=\"1\" segtype=\"sentence\" o-tmf=\"x\" adminlang=\"en\" srclang=\"id\" datatype=\"plaintext\"/>"

    func tmx(_ doctype: String, _ seg: String) -> Data {
        Data("<?xml version=\"1.0\"?>\n\(doctype)\n<tmx version=\"1.4\">\(header)<body><tu><tuv xml:lang=\"id\"><seg>\(seg)</seg></tuv><tuv xml:lang=\"en\"><seg>a</seg></tuv></tu><tu><tuv xml:lang=\"id\"><seg>Baik.</seg></tuv><tuv xml:lang=\"en\"><seg>Good.</seg></tuv></tu></body></tmx>\n".utf8)
    }

    func read(_ data: Data, name: String = "serangan.tmx") -> (units: Int, error: String?, issues: [Diagnostic]) {
        var units = 0
        do {
            let issues = try TMXReader().read(data: data, name: name) { _ in units += 1 }
            return (units, nil, issues)
        } catch {
            return (units, "\(error)", [])
        }
    }

    func testAnEntityBlowUpIsRefusedAtOnce() {
        let big = String(repeating: "x", count: 200_000)
        let started = Date()
        let result = read(tmx("<!DOCTYPE tmx [<!ENTITY big \"\(big)\">]>", String(repeating: "&big;", count: 20_000)))
        XCTAssertLessThan(Date().timeIntervalSince(started), 5)
        let message = result.error ?? result.issues.map(\.description).joined()
        XCTAssertTrue(message.contains("serangan.tmx"), message)
        XCTAssertTrue(message.contains("declares an entity"), message)
        XCTAssertEqual(result.units, 0)
    }

    func testBillionLaughsIsRefused() {
        var decls = "<!ENTITY lol0 \"lol\">"
        for i in 1...9 { decls += "<!ENTITY lol\(i) \"" + String(repeating: "&lol\(i - 1);", count: 10) + "\">" }
        let result = read(tmx("<!DOCTYPE tmx [\(decls)]>", "&lol9;"))
        let message = result.error ?? result.issues.map(\.description).joined()
        XCTAssertTrue(message.contains("declares an entity"), message)
    }

    func testAHugeTextNodeIsRefused() {
        let result = read(tmx("", String(repeating: "kata ", count: 2_200_000)))
        let message = result.error ?? result.issues.map(\.description).joined()
        XCTAssertTrue(message.contains("more than 10 MB without markup"), message)
    }

    func testDeepNestingIsRefused() {
        let deep = String(repeating: "<bpt i=\"1\">", count: 5_000) + "x" + String(repeating: "</bpt>", count: 5_000)
        let result = read(tmx("", deep))
        let message = result.error ?? result.issues.map(\.description).joined()
        XCTAssertTrue(message.contains("nested deeper than 1024 levels"), message)
    }

    func testAnExternalDTDIsNotedAndNotLoaded() {
        let result = read(tmx("<!DOCTYPE tmx SYSTEM \"http://example.invalid/tmx14.dtd\">", "Halo."))
        XCTAssertNil(result.error)
        XCTAssertEqual(result.units, 2)
        XCTAssertTrue(result.issues.contains { $0.severity == .note && $0.description.contains("is not fetched") }, "\(result.issues)")
    }

    func testAPlainDoctypeAndCommentsBeforeItPass() {
        let data = Data("<?xml version=\"1.0\"?>\n<!-- <!ENTITY in a comment> -->\n<!DOCTYPE tmx SYSTEM \"tmx14.dtd\">\n<tmx version=\"1.4\">\(header)<body/></tmx>".utf8)
        XCTAssertNoThrow(try XMLGuard.check(data))
        let verdict = data.withUnsafeBytes { XMLGuard.checkProlog($0.bindMemory(to: UInt8.self), complete: true) }
        XCTAssertEqual(verdict, .ok(note: nil))
    }

    func testTheTreeReadersAreGuardedToo() {
        let bomb = Data("<?xml version=\"1.0\"?><!DOCTYPE x [<!ENTITY a \"aaaa\">]><x>&a;</x>".utf8)
        XCTAssertThrowsError(try XMLDocument(data: bomb, name: "x.tbx")) { XCTAssertTrue("\($0)".contains("declares an entity")) }
        XCTAssertThrowsError(try XLIFFReader.units(data: bomb, name: "x.xlf")) { XCTAssertTrue("\($0)".contains("x.xlf")) }
    }

    func testTheTextMeterSeesRunsAcrossChunks() {
        var meter = XMLGuard.TextRunMeter()
        let chunk = [UInt8](repeating: 0x61, count: 4_000_000)
        XCTAssertTrue(chunk.withUnsafeBufferPointer { meter.feed($0) })
        XCTAssertTrue(chunk.withUnsafeBufferPointer { meter.feed($0) })
        XCTAssertFalse(chunk.withUnsafeBufferPointer { meter.feed($0) })
        var reset = XMLGuard.TextRunMeter()
        var withMarkup = chunk
        withMarkup[3_999_000] = 0x3C
        for _ in 0..<5 { XCTAssertTrue(withMarkup.withUnsafeBufferPointer { reset.feed($0) }) }
    }
}
