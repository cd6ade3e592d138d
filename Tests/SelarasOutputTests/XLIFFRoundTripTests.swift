import Foundation
import SelarasCore
import XCTest
import SelarasFormats
import SelarasTM
@testable import SelarasOutput

final class XLIFFRoundTripTests: XCTestCase {
    var dir: URL!

    override func setUpWithError() throws {
        dir = FileManager.default.temporaryDirectory.appendingPathComponent("selaras-xliff-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
    }

    override func tearDownWithError() throws {
        try? FileManager.default.removeItem(at: dir)
    }

    func write(_ text: String, _ name: String = "f.xlf") throws -> URL {
        let url = dir.appendingPathComponent(name)
        try Data(text.utf8).write(to: url)
        return url
    }

    /// Selaras's own XLIFF 1.2 has nothing reviewed until a translator marks it.
    func testOwnOutputHasNoReviewedUnitsButTheReviewedProvenance() throws {
        let data = try XLIFF12Writer().render(Fixtures.full, context: Fixtures.context)
        let (units, issues) = try XLIFFReader.units(data: data, name: "a.xlf")
        XCTAssertEqual(issues, [])
        XCTAssertEqual(units.map(\.id), ["s1", "s2", "s3", "s4", "s5", "s6", "s7"])
        XCTAssertEqual(units[4].source, Fixtures.segments[4].text.replacingOccurrences(of: "\u{1}", with: ""))
        XCTAssertNil(units[3].target)
        // Alt-trans sources and targets are not mistaken for the unit's own.
        XCTAssertEqual(units[1].source, Fixtures.segments[1].text)
        let (reviewed, _) = try XLIFFReader.reviewedUnits(data: data, name: "a.xlf")
        XCTAssertEqual(reviewed.map(\.id), ["s6"], "only the unit whose English was already reviewed")
        XCTAssertEqual(reviewed.first?.state, "final")
        XCTAssertEqual(reviewed.first?.location.description, "a.xlf:\(units[5].location.line!)")
    }

    /// A translator edits targets in a CAT tool and marks them; the reader returns exactly those.
    func testRoundTripAfterATranslatorEdits12() throws {
        var xml = try XLIFF12Writer().render(Fixtures.full, context: Fixtures.context).utf8String
        // s2: confirm the MT after an edit; s4: translate from scratch; s7: translate but leave it unconfirmed.
        xml = xml.replacingOccurrences(
            of: "state=\"needs-review-translation\" state-qualifier=\"leveraged-mt\">JAKARTA — The House",
            with: "state=\"translated\" state-qualifier=\"leveraged-mt\">JAKARTA — The Indonesian House")
        xml = xml.replacingOccurrences(
            of: "<source xml:lang=\"id\">Baca juga: KPU Tetapkan Jadwal Pilkada 2024</source>",
            with: "<source xml:lang=\"id\">Baca juga: KPU Tetapkan Jadwal Pilkada 2024</source>\n<target state=\"signed-off\">Read also: KPU sets the 2024 regional election schedule</target>")
        xml = xml.replacingOccurrences(
            of: "<source xml:lang=\"id\">Pemerintah akan segera menyusun peraturan pelaksanaannya.</source>",
            with: "<source xml:lang=\"id\">Pemerintah akan segera menyusun peraturan pelaksanaannya.</source><target state=\"needs-review-translation\">Draft.</target>")
        let (reviewed, issues) = try XLIFFReader.reviewedUnits(in: try write(xml))
        XCTAssertEqual(issues, [])
        XCTAssertEqual(reviewed.map(\.id), ["s2", "s4", "s6"])
        XCTAssertEqual(reviewed[0].target,
                       "JAKARTA — The Indonesian House of Representatives (DPR) passed the Election Bill at a plenary session on Tuesday (12/3).")
        XCTAssertEqual(reviewed[0].source, Fixtures.segments[1].text)
        XCTAssertEqual(reviewed[1].state, "signed-off")
        XCTAssertEqual(reviewed[1].target, "Read also: KPU sets the 2024 regional election schedule")
        XCTAssertEqual(reviewed[0].sourceLanguage, "id")
        XCTAssertEqual(reviewed[0].targetLanguage, "en")
    }

    func testRoundTripAfterATranslatorEdits20() throws {
        var xml = try XLIFF2Writer().render(Fixtures.full, context: Fixtures.context).utf8String
        xml = xml.replacingOccurrences(of: "<segment id=\"s2\" state=\"initial\" subState=\"selaras:mt\">",
                                       with: "<segment id=\"s2\" state=\"final\">")
        xml = xml.replacingOccurrences(of: "<segment id=\"s3\" state=\"initial\" subState=\"selaras:tm-repaired\">",
                                       with: "<segment id=\"s3\" state=\"translated\">")
        let (reviewed, issues) = try XLIFFReader.reviewedUnits(in: try write(xml))
        XCTAssertEqual(issues, [])
        XCTAssertEqual(reviewed.map(\.id), ["s2", "s3", "s6"])
        XCTAssertEqual(reviewed[1].target, "The decision was taken after eight factions agreed.")
        XCTAssertEqual(reviewed[1].source, Fixtures.segments[2].text)
        XCTAssertEqual(reviewed[0].targetLanguage, "en")
    }

    func testInlineCodesAndForeignWriters() throws {
        let xml = """
        <?xml version="1.0" encoding="UTF-8"?>
        <xliff version="1.2">
          <file original="x.html" source-language="id-ID" target-language="en-US" datatype="html">
            <body>
              <trans-unit id="1" approved="yes">
                <source>Presiden <g id="1">Joko</g> Widodo<ph id="2">&lt;br/&gt;</ph> tiba.</source>
                <target>President <g id="1">Joko</g> Widodo<ph id="2">&lt;br/&gt;</ph> arrived.</target>
              </trans-unit>
              <trans-unit id="2">
                <source>  Spasi   di tengah.  </source>
                <target state="final">  Spaces   inside.  </target>
                <alt-trans><source>Lain</source><target state="final">Other</target></alt-trans>
              </trans-unit>
            </body>
          </file>
        </xliff>
        """
        let (reviewed, issues) = try XLIFFReader.reviewedUnits(in: try write(xml))
        XCTAssertEqual(issues, [])
        XCTAssertEqual(reviewed.map(\.source), ["Presiden Joko Widodo tiba.", "Spasi   di tengah."])
        XCTAssertEqual(reviewed.map(\.target), ["President Joko Widodo arrived.", "Spaces   inside."])
        XCTAssertEqual(reviewed.map(\.state), ["approved", "final"])
        XCTAssertEqual(reviewed[0].location, SourceLocation(file: dir.appendingPathComponent("f.xlf").path, line: 5))
        XCTAssertEqual(reviewed[0].sourceLanguage, "id-ID")
    }

    func testXLIFF2InlineAndMultipleSegments() throws {
        let xml = """
        <?xml version="1.0"?>
        <xliff xmlns="urn:oasis:names:tc:xliff:document:2.0" version="2.0" srcLang="id" trgLang="en">
         <file id="f1">
          <unit id="u1">
           <originalData><data id="d1">&lt;b&gt;</data></originalData>
           <segment id="a" state="reviewed"><source>Satu <pc id="1">dua</pc><cp hex="0001"/>.</source><target>One <pc id="1">two</pc>.</target></segment>
           <ignorable><source> </source></ignorable>
           <segment id="b" state="initial"><source>Tiga.</source><target>Three.</target></segment>
          </unit>
         </file>
        </xliff>
        """
        let (units, issues) = try XLIFFReader.units(in: try write(xml))
        XCTAssertEqual(issues, [])
        XCTAssertEqual(units.map(\.id), ["u1/a", "u1/b"])
        XCTAssertEqual(units[0].source, "Satu dua.")
        XCTAssertEqual(units.map(\.isReviewed), [true, false])
    }

    func testMalformedUnitsAreReportedAndTheRestRead() throws {
        let xml = """
        <?xml version="1.0" encoding="UTF-8"?>
        <xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2">
          <file original="x" source-language="id" target-language="en" datatype="plaintext">
            <body>
              <trans-unit id="a"><target state="translated">No source</target></trans-unit>
              <trans-unit id="b"><source>Kosong.</source><target state="final"></target></trans-unit>
              <trans-unit><source>Tanpa id.</source><target state="translated">No id.</target></trans-unit>
              <trans-unit id="d"><source>Baik.</source><target state="translated">Good.</target></trans-unit>
              <trans-unit id="d"><source>Lagi.</source><target state="done">Again.</target></trans-unit>
              <trans-unit id="e"><source></source><target state="translated">Empty source.</target></trans-unit>
            </body>
          </file>
        </xliff>
        """
        let url = try write(xml)
        let (reviewed, issues) = try XLIFFReader.reviewedUnits(in: url)
        XCTAssertEqual(reviewed.map(\.id), ["line-7", "d"])
        let described = issues.map { $0.description.replacingOccurrences(of: url.path, with: "f.xlf") }
        XCTAssertEqual(described, [
            "f.xlf:5: warning[XLF003]: (unit 'a') trans-unit without a source [skipped]",
            "f.xlf:6: warning[XLF003]: (unit 'b') marked 'final' but the target is empty [skipped]",
            "f.xlf:7: warning[XLF004]: unit without an id, called 'line-7' [kept]",
            "f.xlf:9: warning[XLF004]: (unit 'd') duplicate unit id [kept]",
            "f.xlf:9: warning[XLF004]: (unit 'd') unknown state 'done' (not an XLIFF 1.2 state) [kept]",
            "f.xlf:10: warning[XLF003]: (unit 'e') reviewed unit with an empty source [skipped]",
        ])
    }

    func testBrokenXMLKeepsWhatCameBefore() throws {
        let xml = """
        <?xml version="1.0" encoding="UTF-8"?>
        <xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2">
          <file original="x" source-language="id" target-language="en" datatype="plaintext">
            <body>
              <trans-unit id="1"><source>Satu.</source><target state="translated">One.</target></trans-unit>
              <trans-unit id="2"><source>Dua &amp; tiga.</source><target state="translated">Two & three.</target></trans-unit>
              <trans-unit id="3"><source>Empat.</source><target state="translated">Four.</target></trans-unit>
            </body>
          </file>
        </xliff>
        """
        let (reviewed, issues) = try XLIFFReader.reviewedUnits(in: try write(xml))
        XCTAssertEqual(reviewed.map(\.id), ["1"])
        XCTAssertEqual(issues.count, 2)
        XCTAssertEqual(issues[0].action, .skipped)
        XCTAssertEqual(issues[0].subject, "unit '2'")
        XCTAssertEqual(issues[1].action, .failed)
        XCTAssertEqual(issues[1].line, 6)
        XCTAssertTrue(issues[1].message.hasPrefix("XML error, the rest of the file was not read"), issues[1].message)
    }

    func testWholeFileFailures() throws {
        XCTAssertThrowsError(try XLIFFReader.units(in: dir.appendingPathComponent("missing.xlf"))) { e in
            XCTAssertTrue("\(e)".hasSuffix("missing.xlf: error[XLF001]: cannot read the file"), "\(e)")
        }
        XCTAssertThrowsError(try XLIFFReader.units(in: try write("<tmx version=\"1.4\"><body/></tmx>", "t.tmx"))) { e in
            XCTAssertTrue("\(e)".contains("not an XLIFF file (the root element is <tmx>)"), "\(e)")
        }
        XCTAssertThrowsError(try XLIFFReader.units(in: try write("just text", "x.xlf"))) { e in
            XCTAssertTrue("\(e)".contains("not well-formed XML"), "\(e)")
        }
    }
}

/// The review loop end to end at library level: Selaras writes XLIFF, a translator edits and
/// confirms a target, the reviewed units go into a TM, and the next lookup matches the edited
/// sentence exactly with the translator's English (the `tm update` command does the same against
/// the store).
final class ReviewLoopTests: XCTestCase {
    func testEditedTargetIsMatchedExactlyOnTheNextRun() throws {
        let doc = Fixtures.full
        var xml = try XLIFF12Writer().render(doc, context: Fixtures.context).utf8String
        let sentence = Fixtures.segments[6].text  // s7: no English in this run
        let english = "The government will soon draft the implementing regulations."
        xml = xml.replacingOccurrences(of: "<source xml:lang=\"id\">\(sentence)</source>",
                                       with: "<source xml:lang=\"id\">\(sentence)</source><target xml:lang=\"en\" state=\"translated\">\(english)</target>")
        let (reviewed, issues) = try XLIFFReader.reviewedUnits(data: Data(xml.utf8), name: "01.xlf")
        XCTAssertEqual(issues, [])
        let units = reviewed.map { $0.tmUnit(date: Fixtures.date) }
        XCTAssertEqual(units.last?.props, [TMUnit.Prop(type: "x-selaras-reviewed", value: "translated")])
        XCTAssertEqual(units.last?.origin, "01.xlf:\(reviewed.last!.location.line!)")
        let tm = TranslationMemory(units: units)
        let matches = tm.lookup(TMQuery(text: sentence), threshold: 95)
        XCTAssertEqual(matches.first?.kind, .exact)
        XCTAssertEqual(matches.first?.score, 100)
        XCTAssertEqual(matches.first?.target, english)
        // On the next run the writers show it as exact TM English.
        var next = doc
        next.targets = nil
        next.matches![6] = matches
        let row = BilingualView(next, fillThreshold: 95).rows[6]
        XCTAssertEqual(row.target.provenance, .exactTM)
        XCTAssertEqual(row.target.text, english)
    }
}
