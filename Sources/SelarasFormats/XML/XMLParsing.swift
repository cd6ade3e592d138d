import CLibXML2
import Foundation

/// The one place libxml2 is configured for Selaras: every parse of TMX, XLIFF, TBX and SRX takes its
/// options from here.
///
/// Every parse gets: no network access (`XML_PARSE_NONET`), no messages on stderr
/// (`XML_PARSE_NOERROR`, `XML_PARSE_NOWARNING`: readers collect them as diagnostics instead), and line
/// numbers past 65,535 (`XML_PARSE_BIG_LINES`). No parse ever gets entity substitution
/// (`XML_PARSE_NOENT`), DTD loading or validation (`XML_PARSE_DTDLOAD`, `DTDATTR`, `DTDVALID`),
/// XInclude, or `XML_PARSE_HUGE`, which would lift libxml2's limits on text size, nesting depth and
/// entity amplification; so an external entity or DTD is never fetched and a "billion laughs" file
/// stops at libxml2's amplification limit.
public enum XMLParsing {
    /// What a reader may add to the safe options.
    public struct Extra: OptionSet, Sendable {
        public let rawValue: Int32
        public init(rawValue: Int32) { self.rawValue = rawValue }
        /// CDATA sections as text nodes.
        public static let noCDATA = Extra(rawValue: Int32(XML_PARSE_NOCDATA.rawValue))
        /// Compact small text nodes (read-only trees).
        public static let compact = Extra(rawValue: Int32(XML_PARSE_COMPACT.rawValue))
        /// Ignore the encoding declaration (the caller converts to UTF-8 itself).
        public static let ignoreEncoding = Extra(rawValue: Int32(XML_PARSE_IGNORE_ENC.rawValue))
    }

    /// The safe options with `extra`.
    public static func options(_ extra: Extra = []) -> Int32 {
        Int32(XML_PARSE_NONET.rawValue | XML_PARSE_NOERROR.rawValue | XML_PARSE_NOWARNING.rawValue
              | XML_PARSE_BIG_LINES.rawValue) | extra.rawValue
    }

    /// Initialises libxml2 once, before threads use it. Every entry point calls this.
    public static func initialize() { _ = initialized }

    private static let initialized: Bool = {
        xmlInitParser()
        return true
    }()
}

/// A problem libxml2 reported, with its place (line and column are 1-based; 0 when unknown).
public struct XMLProblem: Error, Sendable, Hashable, CustomStringConvertible {
    public var message: String
    public var line: Int
    public var column: Int

    public init(message: String, line: Int = 0, column: Int = 0) {
        self.message = message
        self.line = line
        self.column = column
    }

    public var description: String { message }

    /// The message of a libxml2 error, trimmed.
    static func from(_ error: UnsafePointer<xmlError>) -> XMLProblem {
        XMLProblem(message: message(of: error), line: Int(error.pointee.line), column: Int(error.pointee.int2))
    }

    /// libxml2's message for an error without the spaces and newline around it ("XML error" when
    /// it has none). Trims ASCII whitespace on the C string's bytes: a bad file can raise an error
    /// per character, and Foundation's `trimmingCharacters` bridges through NSString each time.
    static func message(of error: UnsafePointer<xmlError>) -> String {
        guard let cString = error.pointee.message else { return "XML error" }
        let bytes = UnsafeBufferPointer(start: UnsafeRawPointer(cString).assumingMemoryBound(to: UInt8.self), count: strlen(cString))
        func isSpace(_ b: UInt8) -> Bool { b == 0x20 || (b >= 0x09 && b <= 0x0D) }
        var lower = 0, upper = bytes.count
        while lower < upper && isSpace(bytes[lower]) { lower += 1 }
        while upper > lower && isSpace(bytes[upper - 1]) { upper -= 1 }
        return String(decoding: UnsafeBufferPointer(rebasing: bytes[lower..<upper]), as: UTF8.self)
    }
}

/// Collects libxml2's errors for one parse (the first error is the useful one: after a tag mismatch
/// libxml2 goes on to "premature end of data").
public final class XMLErrorLog {
    public private(set) var first: XMLProblem?
    public private(set) var firstFatal: XMLProblem?
    public private(set) var last: XMLProblem?

    public init() {}

    /// Records an error of level error or fatal; warnings are ignored.
    public func record(_ error: UnsafePointer<xmlError>) {
        guard error.pointee.level.rawValue >= XML_ERR_ERROR.rawValue else { return }
        let p = XMLProblem.from(error)
        if first == nil { first = p }
        if firstFatal == nil, error.pointee.level == XML_ERR_FATAL { firstFatal = p }
        last = p
    }
}
