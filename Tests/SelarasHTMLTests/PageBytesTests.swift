import Foundation
import XCTest
@testable import SelarasHTML

/// The prescan for a declared charset, on heads written for these tests.
final class PageBytesTests: XCTestCase {
    func testDeclaredCharsetForms() {
        let cases: [(String, String?)] = [
            ("<meta charset=\"utf-8\">", "utf-8"),
            ("<META CHARSET=UTF-8>", "utf-8"),
            ("<meta charset='Windows-1252'/>", "windows-1252"),
            ("<meta  charset = \"iso-8859-1\" >", "iso-8859-1"),
            ("<meta http-equiv=\"Content-Type\" content=\"text/html; charset=ISO-8859-1\">", "iso-8859-1"),
            ("<meta http-equiv=\"Content-Type\" content=\"text/html;charset=gbk;x=y\">", "gbk"),
            // No `=` after the first `charset` of the tag: that tag gives nothing, the next one counts.
            ("<meta name=charsetinfo content=x><meta charset=koi8-r>", "koi8-r"),
            ("<meta charset=><meta charset=utf-8>", "utf-8"),
            ("<meta name=\"viewport\" content=\"width=device-width\">", nil),
            // `charset` outside a meta tag, or after the tag's `>`, is not a declaration.
            ("<p>charset=utf-8</p>", nil),
            ("<meta name=x> charset=utf-8", nil),
            // A tag cut off by the end of the bytes still counts.
            ("<meta charset=utf-8", "utf-8"),
            ("<meta", nil),
            ("<met", nil),
            ("", nil),
        ]
        for (head, expected) in cases {
            XCTAssertEqual(PageBytes.declaredCharset(Array(head.utf8)), expected, head)
        }
    }

    func testOnlyTheFirst4096BytesAreSearched() {
        let filler = String(repeating: " ", count: 4096 - 16)
        XCTAssertEqual(PageBytes.declaredCharset(Array((filler + "<meta charset=gbk>").utf8)), "gb")
        XCTAssertNil(PageBytes.declaredCharset(Array((filler + "  <meta charset=gbk>").utf8)))
    }

    func testNonASCIIAroundTheDeclaration() {
        let head = "<title>Pemilu ’24 — Berita</title><meta charset=\"WINDOWS-1252\"><p>café"
        XCTAssertEqual(PageBytes.declaredCharset(Array(head.utf8)), "windows-1252")
        XCTAssertEqual(PageBytes.declaredCharset([0x3C, 0x6D, 0x65, 0x74, 0x61, 0xFF, 0x20, 0x63, 0x68, 0x61, 0x72, 0x73, 0x65, 0x74, 0x3D, 0x78]), "x")
    }
}
