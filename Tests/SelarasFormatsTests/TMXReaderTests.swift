import Foundation
import SelarasCore
import XCTest
import SelarasTestSupport
@testable import SelarasFormats

final class TMXReaderTests: XCTestCase {
    func read(_ data: Data, name: String = "t.tmx") throws -> ([TMUnit], [Diagnostic], TMXHeader?) {
        var units: [TMUnit] = []
        var header: TMXHeader?
        let issues = try TMXReader().read(data: data, name: name, header: { header = $0 }) { units.append($0) }
        return (units, issues, header)
    }

    func read(_ text: String) throws -> ([TMUnit], [Diagnostic], TMXHeader?) { try read(Data(text.utf8)) }

    func testPlainFileWithPropsNotesAndAttributes() throws {
        let (units, issues, header) = try read(TMXFixtures.plain)
        XCTAssertEqual(issues, [])
        XCTAssertEqual(units.count, 2)
        XCTAssertEqual(units[0].source, "Presiden membuka sidang kabinet.")
        XCTAssertEqual(units[0].target, "The president opened the cabinet meeting.")
        XCTAssertEqual(units[0].tuid, "1")
        XCTAssertEqual(units[0].line, 8)
        XCTAssertEqual(units[0].creationDate, "20240101T000000Z")
        XCTAssertEqual(units[0].attributes, [TMAttribute(name: "usagecount", value: "3")])
        XCTAssertEqual(units[0].props, [.init(type: "x-domain", value: "news")])
        XCTAssertEqual(units[0].notes, ["first"])
        XCTAssertEqual(units[1].sourceLanguage, "id-ID")
        XCTAssertEqual(units[1].sourceVariant.props, [.init(type: "x-src", value: "a")])
        XCTAssertEqual(header?.creationTool, "fixture")
        XCTAssertEqual(header?.props, [.init(type: "x-project", value: "selaras")])
        XCTAssertEqual(header?.notes, ["header note"])
    }

    func testAllSourceLanguageAndLanguageAliases() throws {
        let (units, issues, header) = try read(TMXFixtures.allLanguages)
        XCTAssertEqual(header?.sourceLanguage, "*all*")
        XCTAssertEqual(units.map(\.source), ["Halo.", "Terima kasih."])
        XCTAssertEqual(units.map(\.target), ["Hello.", "Thank you."])
        XCTAssertEqual(issues.count, 1)
        XCTAssertEqual(issues.first?.tuid, "c")
        XCTAssertEqual(issues.first?.action, .skipped)
        XCTAssertEqual(issues.first?.location?.line, 6)
        XCTAssertTrue(issues.first?.message.contains("'en'") ?? false, issues.first?.message ?? "")
    }

    func testInlineCodesBecomePlaceholders() throws {
        let (units, issues, _) = try read(TMXFixtures.inline)
        XCTAssertEqual(issues, [])
        XCTAssertEqual(units.count, 2)
        let u = units[0]
        XCTAssertEqual(u.source, "Menteri Sri Mulyani berkata APBN sehat.")
        XCTAssertEqual(u.target, "Minister Sri Mulyani said the state budget is healthy.")
        XCTAssertEqual(u.sourceVariant.markup.map(\.kind), [.bpt, .ept, .ph, .hiStart, .hiEnd])
        XCTAssertEqual(u.sourceVariant.markup.map(\.offset), [8, 19, 27, 28, 32])
        XCTAssertEqual(u.sourceVariant.markup[0].content, "&lt;b&gt;")
        XCTAssertEqual(u.sourceVariant.markup[0].attributes, [TMAttribute(name: "i", value: "1"), TMAttribute(name: "type", value: "bold")])
        let v = units[1]
        XCTAssertEqual(v.source, "Kutipan akhir.")
        XCTAssertEqual(v.sourceVariant.markup.map(\.kind), [.it, .ut, .ph])
        XCTAssertEqual(v.sourceVariant.markup[2].content, "&lt;a href=\"<sub>Tautan</sub>\"&gt;")
    }

    func testForbiddenCharactersAreRemovedAndReported() throws {
        let (units, issues, header) = try read(TMXFixtures.forbiddenCharacters)
        XCTAssertEqual(header?.creationTool, "x")
        XCTAssertEqual(units.map(\.tuid), ["1", "2", "3"])
        XCTAssertEqual(units[0].source, "Gempa[0m mengguncang Jepang.")
        XCTAssertEqual(units[0].target, "An earthquake hit Japan.")
        XCTAssertEqual(units[2].source, "Nolbyte dan referensi.")
        let repaired = issues.filter { $0.action == .repaired }
        XCTAssertEqual(Set(repaired.map { $0.tuid ?? "-" }), ["-", "1", "3"])
        XCTAssertEqual(repaired.count, 3)
        let one = try XCTUnwrap(issues.first { $0.tuid == "1" })
        XCTAssertEqual(one.location?.line, 4)
        XCTAssertTrue(one.description.contains("U+001B ESC"), one.description)
        XCTAssertTrue(one.description.contains("2 characters"), one.description)
        let three = try XCTUnwrap(issues.first { $0.tuid == "3" })
        XCTAssertTrue(three.description.contains("3 characters"), three.description)
        let head = try XCTUnwrap(issues.first { $0.tuid == nil })
        XCTAssertEqual(head.location?.line, 2)
        XCTAssertTrue(head.description.contains("U+0007"), head.description)
    }

    func testBrokenUnitInTheMiddle() throws {
        let (units, issues, _) = try read(TMXFixtures.brokenMiddle)
        XCTAssertEqual(units.map(\.tuid), ["1", "5"])
        XCTAssertEqual(units[1].source, "Lima & enam.")
        let byTuid = Dictionary(uniqueKeysWithValues: issues.map { ($0.tuid ?? "-", $0) })
        XCTAssertEqual(byTuid["2"]?.action, .skipped)
        XCTAssertEqual(byTuid["2"]?.location?.line, 5)
        XCTAssertTrue(byTuid["2"]?.message.contains("invalid XML") ?? false, "\(issues)")
        XCTAssertEqual(byTuid["3"]?.action, .skipped)
        XCTAssertEqual(byTuid["4"]?.action, .skipped)
        XCTAssertEqual(issues.count, 3, "\(issues)")
    }

    func testSeveralBrokenUnitsOnOneLine() throws {
        let (units, issues, _) = try read(TMXFixtures.brokenOneLine)
        XCTAssertEqual(units.map(\.tuid), ["1", "3", "6", "7"], "\(issues)")
        XCTAssertEqual(Set(issues.filter { $0.action == .skipped }.compactMap(\.tuid)), ["2", "4", "5"], "\(issues)")
    }

    func testExternalEntitiesAreNeverLoaded() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("selaras-xxe-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let secret = dir.appendingPathComponent("secret.txt")
        try "TOP-SECRET-VALUE".write(to: secret, atomically: true, encoding: .utf8)
        let tmx = dir.appendingPathComponent("xxe.tmx")
        try TMXFixtures.xxe.replacingOccurrences(of: "SECRET_PATH", with: secret.path).write(to: tmx, atomically: true, encoding: .utf8)
        let started = Date()
        var units: [TMUnit] = []
        // A document that declares entities is refused before anything is read (XMLGuard), so
        // the external entity is never resolved and nothing of the secret reaches a unit.
        XCTAssertThrowsError(try TMXReader().read(tmx) { units.append($0) }) { error in
            XCTAssertTrue("\(error)".contains("xxe.tmx"), "\(error)")
            XCTAssertTrue("\(error)".contains("declares an entity"), "\(error)")
            XCTAssertFalse("\(error)".contains("TOP-SECRET"))
        }
        XCTAssertLessThan(Date().timeIntervalSince(started), 5)
        XCTAssertTrue(units.isEmpty)
    }

    func testUTF16WithBOM() throws {
        let text = TMXFixtures.plain.replacingOccurrences(of: "encoding=\"UTF-8\"", with: "encoding=\"UTF-16\"")
            .replacingOccurrences(of: "kabinet", with: "kabinet \u{201C}Merah Putih\u{201D} \u{1F1EE}\u{1F1E9}")
        for big in [false, true] {
            let (units, issues, _) = try read(TMXFixtures.utf16(text, bigEndian: big))
            XCTAssertEqual(issues, [])
            XCTAssertEqual(units.count, 2)
            XCTAssertEqual(units[0].source, "Presiden membuka sidang kabinet \u{201C}Merah Putih\u{201D} \u{1F1EE}\u{1F1E9}.")
            XCTAssertEqual(units[0].line, 8)
        }
    }

    func testTMX11WithLangAttributesAndLatin1() throws {
        let (units, issues, header) = try read(TMXFixtures.latin1(TMXFixtures.tmx11))
        XCTAssertEqual(issues, [])
        XCTAssertEqual(header?.version, "1.1")
        XCTAssertEqual(units.map(\.source), ["Selamat pagi.", "Kopi dengan krim."])
        XCTAssertEqual(units[1].target, "Coffee with cr\u{E8}me.")
        XCTAssertEqual(units[0].sourceLanguage, "ID")
    }

    func testNotATMXFile() throws {
        let (units, issues, _) = try read("<?xml version=\"1.0\"?><html><body><p>x</p></body></html>")
        XCTAssertEqual(units, [])
        XCTAssertEqual(issues.map(\.action), [.failed])
        let (u2, i2, _) = try read("this is not xml at all")
        XCTAssertEqual(u2, [])
        XCTAssertEqual(i2.map(\.action), [.failed])
    }

    func testMissingFileThrows() {
        XCTAssertThrowsError(try TMXReader().read(URL(fileURLWithPath: "/nonexistent/x.tmx")) { _ in })
    }

    func testUnsupportedEncodingIsReported() {
        let text = "<?xml version=\"1.0\" encoding=\"Shift_JIS\"?><tmx version=\"1.4\"><body/></tmx>"
        XCTAssertThrowsError(try read(text)) { e in
            XCTAssertTrue("\(e)".contains("Shift_JIS"))
        }
    }

    func testTruncatedFileKeepsCompleteUnits() throws {
        let cut = String(TMXFixtures.plain.prefix(TMXFixtures.plain.count - 120))
        let (units, issues, _) = try read(cut)
        XCTAssertEqual(units.map(\.tuid), ["1"])
        XCTAssertEqual(issues.first?.tuid, "2")
        XCTAssertEqual(issues.first?.action, .skipped)
    }

    /// A broken first unit costs neither the header nor the units after it; a unit whose start tag is
    /// cut off is blamed, not the whole unit after it.
    func testBrokenFirstUnitKeepsHeaderAndNeighbours() throws {
        let text = """
        <?xml version="1.0" encoding="UTF-8"?>
        <tmx version="1.4">
        <header creationtool="maker" creationtoolversion="2" segtype="sentence" o-tmf="tsv" adminlang="en" srclang="id" datatype="plaintext"/>
        <body>
        <tu tuid="1">tuv xml:lang="id"><seg>Rusak.</seg></tuv><tuv xml:lang="en"><seg>Broken.</seg></tuv></tu>
        <tu tuid="2"><tuv xml:lang="id"><seg>Dua.</seg></tuv><tuv xml:lang="en"><seg>Two.</seg></tuv></tu>
        <tu tuid="3"><tuv xml:lan
        <tu tuid="4"><tuv xml:lang="id"><seg>Empat.</seg></tuv><tuv xml:lang="en"><seg>Four.</seg></tuv></tu>
        </body>
        </tmx>
        """
        let (units, issues, header) = try read(text)
        XCTAssertEqual(header?.creationTool, "maker")
        XCTAssertEqual(header?.originalFormat, "tsv")
        XCTAssertEqual(units.map(\.tuid), ["2", "4"])
        XCTAssertEqual(issues.filter { $0.action == .skipped }.map(\.tuid), ["1", "3"])
    }

    /// An inline code's content comes back as XML: escaped text, nested `sub` elements (empty ones
    /// written `<sub/>`), entity references, comments.
    func testInlineCodeContentIsKeptAsXML() throws {
        let text = """
        <?xml version="1.0" encoding="UTF-8"?>
        <tmx version="1.4"><header creationtool="x" creationtoolversion="1" segtype="sentence" o-tmf="x" adminlang="en" srclang="id" datatype="html"/>
        <body><tu tuid="i"><tuv xml:lang="id"><seg>A <ph x="2">&lt;img alt="a&amp;b"/&gt;<sub type="alt">teks <sub/>x</sub></ph>B<ut><!-- c -->&amp;</ut>.</seg></tuv><tuv xml:lang="en"><seg>A B.</seg></tuv></tu></body></tmx>
        """
        let (units, issues, _) = try read(text)
        XCTAssertEqual(issues, [])
        let markup = try XCTUnwrap(units.first?.sourceVariant.markup)
        XCTAssertEqual(markup.map(\.kind), [.ph, .ut])
        XCTAssertEqual(markup.map(\.offset), [2, 3])
        XCTAssertEqual(markup[0].attributes, [TMAttribute(name: "x", value: "2")])
        XCTAssertEqual(markup[0].content, "&lt;img alt=\"a&amp;b\"/&gt;<sub type=\"alt\">teks <sub/>x</sub>")
        XCTAssertEqual(markup[1].content, "<!-- c -->&amp;")
        XCTAssertEqual(units.first?.source, "A B.")
    }

    /// Attribute values come back decoded (`&amp;`, `&#38;`, `&lt;`), however they were written.
    func testAttributeValuesAreDecoded() throws {
        let text = """
        <tmx version="1.4"><header creationtool="a&amp;b" creationtoolversion="1" segtype="sentence" o-tmf="x" adminlang="en" srclang="id" datatype="plaintext"/>
        <body><tu tuid="q&amp;&#38;&lt;1&gt;&quot;" creationid="&#x41;&#66;"><tuv xml:lang="id"><seg>Satu.</seg></tuv><tuv xml:lang="en"><seg>One.</seg></tuv></tu></body></tmx>
        """
        let (units, issues, header) = try read(text)
        XCTAssertEqual(issues, [])
        XCTAssertEqual(header?.creationTool, "a&b")
        XCTAssertEqual(units.first?.tuid, "q&&<1>\"")
        XCTAssertEqual(units.first?.attributes, [TMAttribute(name: "creationid", value: "AB")])
    }

    /// The tuid of a broken unit and the XML declaration's fields are read from the raw tag bytes.
    func testAttributeOfARawTag() {
        func value(_ name: String, _ tag: String) -> String? { TMXInputStream.attribute(name, in: Array(tag.utf8)[...]) }
        XCTAssertEqual(value("tuid", #"<tu tuid="7" srclang="id">"#), "7")
        XCTAssertEqual(value("tuid", "<tu\ttuid = 'a b'>"), "a b", "white space around =, single quotes")
        XCTAssertEqual(value("tuid", #"<tu xtuid="1" tuid="2">"#), "2", "a longer name that ends in tuid is not it")
        XCTAssertEqual(value("tuid", #"<tu note="tuid=3" tuid="4">"#), "4", "tuid inside another value is not it")
        XCTAssertEqual(value("tuid", #"<tu tuid="dé">"#), "dé")
        XCTAssertNil(value("tuid", #"<tu tuid="unterminated>"#))
        XCTAssertNil(value("tuid", "<tu tuid>"))
        XCTAssertNil(value("tuid", ""))
        XCTAssertEqual(value("encoding", #"<?xml version="1.0" encoding="ISO-8859-1"?>"#), "ISO-8859-1")
    }
}
