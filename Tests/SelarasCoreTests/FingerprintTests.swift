import Foundation
import XCTest
@testable import SelarasCore

final class FingerprintTests: XCTestCase {
    func testKnownFNV1aValue() {
        // FNV-1a 64 of "a" is af63dc4c8601ec8c (published test vector).
        var f = Fingerprint()
        f.combine(bytes: Array("a".utf8))
        XCTAssertEqual(f.hex, "af63dc4c8601ec8c")
    }

    func testSeparatedCombineDistinguishesSplits() {
        var a = Fingerprint(); a.combine("ab"); a.combine("c")
        var b = Fingerprint(); b.combine("a"); b.combine("bc")
        XCTAssertNotEqual(a, b)
    }

    func testFileFingerprintFollowsContent() throws {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("fp-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: url) }
        try Data("satu".utf8).write(to: url)
        let first = Fingerprint.ofFile(url)
        try Data("dua".utf8).write(to: url)
        XCTAssertNotEqual(first, Fingerprint.ofFile(url))
        XCTAssertNil(Fingerprint.ofFile(url.appendingPathComponent("missing")))
    }
}
