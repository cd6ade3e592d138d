import CLibXML2
import Foundation
import XCTest

/// Schema validation with xmllint, against the schemas in `../shared/schemas` (beside the repository),
/// or `$SELARAS_SCHEMAS`. Tests skip, saying why, when either is missing.
enum Schemas {
    static let directory: URL? = {
        var candidates: [URL] = []
        if let env = ProcessInfo.processInfo.environment["SELARAS_SCHEMAS"] { candidates.append(URL(fileURLWithPath: env)) }
        let repo = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent()
        candidates.append(repo.deletingLastPathComponent().appendingPathComponent("shared/schemas"))
        return candidates.first { FileManager.default.fileExists(atPath: $0.appendingPathComponent("xliff-core-1.2-strict.xsd").path) }
    }()

    static let xmllint: String? = {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
        for dir in path.split(separator: ":") {
            let p = "\(dir)/xmllint"
            if FileManager.default.isExecutableFile(atPath: p) { return p }
        }
        return nil
    }()

    /// Whether schema validation can run here (the schemas and xmllint are both found).
    static var available: Bool { directory != nil && xmllint != nil }

    /// Validates `data` against `schema` (an .xsd, or a .dtd with `dtd: true`). Returns xmllint's
    /// complaints, or nil when valid. Throws XCTSkip when xmllint or the schemas are missing: call it
    /// outside an assertion's autoclosure (XCTest counts an XCTSkip thrown there as a failure).
    static func problems(_ data: Data, schema: String, dtd: Bool = false) throws -> String? {
        guard let dir = directory else { throw XCTSkip("schemas not found (set SELARAS_SCHEMAS or provide ../shared/schemas)") }
        guard let lint = xmllint else { throw XCTSkip("xmllint not installed (Debian: libxml2-utils)") }
        let tmp = FileManager.default.temporaryDirectory.appendingPathComponent("selaras-\(UUID().uuidString).xml")
        try data.write(to: tmp)
        defer { try? FileManager.default.removeItem(at: tmp) }
        let p = Process()
        p.executableURL = URL(fileURLWithPath: lint)
        let schemaPath = dir.appendingPathComponent(schema).path
        p.arguments = ["--noout", "--nonet", dtd ? "--dtdvalid" : "--schema", schemaPath, tmp.path]
        let err = Pipe()
        p.standardError = err
        p.standardOutput = FileHandle.nullDevice
        try p.run()
        let output = err.fileHandleForReading.readDataToEndOfFile()
        p.waitUntilExit()
        return p.terminationStatus == 0 ? nil : String(decoding: output, as: UTF8.self)
    }
}

/// A parsed XML document for structural assertions with XPath (prefixes x1, x2, mtc, gls, mda).
final class XMLDoc {
    private let doc: xmlDocPtr
    private let ctx: xmlXPathContextPtr
    private var namespaces: UnsafeMutablePointer<xmlNsPtr?>
    private var nsCount: Int

    init(_ data: Data, file: StaticString = #filePath, line: UInt = #line) throws {
        let d = data.withUnsafeBytes { raw in
            xmlReadMemory(raw.bindMemory(to: CChar.self).baseAddress, Int32(raw.count), "test.xml", "UTF-8",
                          Int32(XML_PARSE_NONET.rawValue | XML_PARSE_NOERROR.rawValue | XML_PARSE_NOWARNING.rawValue))
        }
        guard let d else {
            XCTFail("not well-formed XML", file: file, line: line)
            throw XCTSkip("not well-formed")
        }
        doc = d
        ctx = xmlXPathNewContext(d)
        let ns = [("x1", "urn:oasis:names:tc:xliff:document:1.2"), ("x2", "urn:oasis:names:tc:xliff:document:2.0"),
                  ("mtc", "urn:oasis:names:tc:xliff:matches:2.0"), ("gls", "urn:oasis:names:tc:xliff:glossary:2.0"),
                  ("mda", "urn:oasis:names:tc:xliff:metadata:2.0")]
        // xpathInternals.h (xmlXPathRegisterNs) is not in the shim; the context's namespace list
        // is the older, equivalent way to give prefixes to XPath.
        nsCount = ns.count
        namespaces = .allocate(capacity: ns.count)
        for (i, (p, u)) in ns.enumerated() { namespaces[i] = xmlNewNs(nil, u, p) }
        ctx.pointee.namespaces = namespaces
        ctx.pointee.nsNr = Int32(ns.count)
    }

    deinit {
        ctx.pointee.namespaces = nil
        ctx.pointee.nsNr = 0
        xmlXPathFreeContext(ctx)
        for i in 0..<nsCount { xmlFreeNs(namespaces[i]) }
        namespaces.deallocate()
        xmlFreeDoc(doc)
    }

    /// The string values of the nodes an XPath selects.
    func strings(_ xpath: String) -> [String] {
        guard let obj = xmlXPathEvalExpression(xpath, ctx) else { return [] }
        defer { xmlXPathFreeObject(obj) }
        guard let set = obj.pointee.nodesetval else { return [] }
        var out: [String] = []
        for i in 0..<Int(set.pointee.nodeNr) {
            guard let node = set.pointee.nodeTab[i] else { continue }
            if let c = xmlNodeGetContent(node) {
                out.append(String(cString: c))
                selaras_xml_free(c)
            } else {
                out.append("")
            }
        }
        return out
    }

    func count(_ xpath: String) -> Int { strings(xpath).count }

    func string(_ xpath: String) -> String? { strings(xpath).first }
}

extension Data {
    var utf8String: String { String(decoding: self, as: UTF8.self) }
}
