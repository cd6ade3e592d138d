import Foundation
import XCTest
@testable import SelarasCore

final class AtomicFileTests: XCTestCase {
    var dir: URL!

    override func setUpWithError() throws {
        dir = FileManager.default.temporaryDirectory.appendingPathComponent("selaras-atomic-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
    }

    override func tearDownWithError() throws {
        try? FileManager.default.removeItem(at: dir)
    }

    func testWriteReplacesWholeFileAndLeavesNoTemporary() throws {
        let url = dir.appendingPathComponent("a.txt")
        try AtomicFile.write("first version, longer than the second", to: url)
        try AtomicFile.write("second", to: url)
        XCTAssertEqual(try String(contentsOf: url, encoding: .utf8), "second")
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: dir.path), ["a.txt"])
    }

    func testCreatesMissingFolders() throws {
        let url = dir.appendingPathComponent("x/y/z.txt")
        try AtomicFile.write("z", to: url)
        XCTAssertTrue(FileManager.default.fileExists(atPath: url.path))
    }

    func testStaleTemporariesAreRemoved() throws {
        let stale = dir.appendingPathComponent(".a.txt.123\(AtomicFile.temporarySuffix)")
        try Data("half".utf8).write(to: stale)
        try Data("keep".utf8).write(to: dir.appendingPathComponent("keep.txt"))
        AtomicFile.removeStaleTemporaries(in: dir)
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: dir.path), ["keep.txt"])
    }

    func testWriteIntoUnwritablePlaceThrowsWithPath() {
        let url = URL(fileURLWithPath: "/proc/selaras-cannot-write/file.txt")
        XCTAssertThrowsError(try AtomicFile.write("x", to: url))
    }
}
