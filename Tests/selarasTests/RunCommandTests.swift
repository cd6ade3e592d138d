import Foundation
import XCTest

/// The exit codes and messages of `selaras run` and `selaras validate` (the CLI contract).
final class RunCommandTests: CLITestCase {
    func testValidatePrintsOK() throws {
        try writeProject()
        let r = try selaras(["validate", "pipeline.yaml"])
        XCTAssertEqual(r.status, 0, r.stderr)
        XCTAssertEqual(r.stdout, "ok\n")
    }

    func testValidateReportsErrorsWithPlaceAndExits2() throws {
        try writeProject()
        try write("bad.yaml", "versoin: 1\nstages:\n  - summarize\n  - segment\n")
        let r = try selaras(["validate", "bad.yaml"])
        XCTAssertEqual(r.status, 2)
        XCTAssertTrue(r.stderr.contains("bad.yaml:1:1: error[E002]: unknown key 'versoin'"), r.stderr)
        XCTAssertTrue(r.stderr.contains("did you mean 'version'"), r.stderr)
        XCTAssertTrue(r.stderr.contains("bad.yaml:3:5: error[E007]"), r.stderr)
        XCTAssertEqual(r.stdout, "")
    }

    func testMissingConfigAndBadUsageExit2() throws {
        XCTAssertEqual(try selaras(["validate", "none.yaml"]).status, 2)
        XCTAssertEqual(try selaras(["run"]).status, 2)
        XCTAssertEqual(try selaras(["run", "x.yaml", "--jobs", "0"]).status, 2)
        XCTAssertEqual(try selaras(["frobnicate"]).status, 2)
        XCTAssertEqual(try selaras(["--help"]).status, 0)
    }

    func testRunWritesOutputsAndSummaryLine() throws {
        try writeProject()
        let r = try selaras(["run", "pipeline.yaml"])
        XCTAssertEqual(r.status, 0, r.stderr)
        XCTAssertTrue(r.stderr.contains("2 articles, 2 written"), r.stderr)
        XCTAssertFalse(r.stderr.contains("\r"), "no progress line when stderr is not a terminal")
        let out = try FileManager.default.contentsOfDirectory(atPath: dir.appendingPathComponent("out").path)
        XCTAssertTrue(out.contains("satu.json") && out.contains("dua.json") && out.contains("run.json"), "\(out)")
    }

    func testSecondRunSaysSkipped() throws {
        try writeProject()
        XCTAssertEqual(try selaras(["run", "pipeline.yaml"]).status, 0)
        let r = try selaras(["run", "pipeline.yaml"])
        XCTAssertEqual(r.status, 0)
        XCTAssertTrue(r.stderr.contains("2 skipped (unchanged)"), r.stderr)
        let forced = try selaras(["run", "pipeline.yaml", "--force"])
        XCTAssertTrue(forced.stderr.contains("2 written"), forced.stderr)
    }

    func testBadArticlesExit1AndAreNamed() throws {
        try writeProject()
        try write("articles/foto.jpg", Data([0xFF, 0xD8, 0xFF, 0xE0, 0, 0x10, 0x4A, 0x46]))
        try write("articles/kosong.txt", "\n\n")
        let r = try selaras(["run", "pipeline.yaml", "--output", "hasil"])
        XCTAssertEqual(r.status, 1, r.stderr)
        XCTAssertTrue(r.stderr.contains("foto.jpg: binary file"), r.stderr)
        XCTAssertTrue(r.stderr.contains("kosong.txt: empty article"), r.stderr)
        XCTAssertTrue(r.stderr.contains("2 failed"), r.stderr)
        let out = try FileManager.default.contentsOfDirectory(atPath: dir.appendingPathComponent("hasil").path)
        XCTAssertTrue(out.contains("satu.json") && out.contains("dua.json"), "\(out)")
    }

    func testInputReplacesConfigInputsAndMissingInputExits2() throws {
        try writeProject()
        try write("lain/tiga.txt", "Judul\n\nIsi berita lain.\n")
        let r = try selaras(["run", "pipeline.yaml", "--input", "lain", "--output", "o2"])
        XCTAssertEqual(r.status, 0, r.stderr)
        XCTAssertTrue(r.stderr.contains("1 article, 1 written"), r.stderr)
        let missing = try selaras(["run", "pipeline.yaml", "--input", "tidak-ada"])
        XCTAssertEqual(missing.status, 2)
        XCTAssertTrue(missing.stderr.contains("tidak-ada"), missing.stderr)
    }

    func testInvalidConfigStopsRunBeforeAnyArticle() throws {
        try writeProject()
        try write("bad.yaml", "inputs: [articles]\nstages:\n  - segment\n  - match: {threshold: 200}\n")
        let r = try selaras(["run", "bad.yaml"])
        XCTAssertEqual(r.status, 2)
        XCTAssertTrue(r.stderr.contains("bad.yaml:4:"), r.stderr)
        XCTAssertFalse(FileManager.default.fileExists(atPath: dir.appendingPathComponent("out").path))
    }
}
