import Foundation

/// Recognises news furniture: segments that belong to the page, not the story. The summariser
/// keeps them out of ranking; they stay in the bilingual output.
///
/// A segment is furniture when it is, as a whole:
/// - a dateline on its own (`JAKARTA, KOMPAS.com –`, `Jakarta (ANTARA) -`, `SURABAYA -`);
/// - a link to another article (`Baca juga: …`, `[Baca juga: …]`, `(Baca: …)`, `Simak juga …`,
///   `Lihat juga: …`, `Artikel terkait: …`);
/// - a photo caption or credit (`Foto: …`, `(ANTARA FOTO/…)`, `Ilustrasi …`, a line ending in a
///   `(Foto: …)` credit, `Dok. …`);
/// - a byline or editor line (`Penulis: …`, `Editor: …`, `Reporter: …`, `Pewarta: …`,
///   `Penyunting: …`, `Laporan wartawan …`);
/// - an agency or editor tag in brackets (`(ant)`, `(rah / rah)`, `[idc]`, `(end)`);
/// - page boilerplate (`ADVERTISEMENT`, `SCROLL TO CONTINUE WITH CONTENT`,
///   `Artikel ini telah tayang di …`, `Dapatkan update berita …`, `Copyright …`).
public enum NewsFurniture {
    public enum Kind: String, Sendable, Hashable, Codable {
        case dateline, relatedLink, photo, byline, tag, boilerplate
    }

    /// Whether a segment is furniture rather than part of the story.
    public static func isFurniture(_ sentence: String) -> Bool {
        classify(sentence) != nil
    }

    /// What kind of furniture a segment is, or nil for story text.
    public static func classify(_ sentence: String) -> Kind? {
        // Story sentences are the common case, so this works on UTF-8 bytes: the prefix lists are
        // ASCII and compared case-insensitively against the head only; the longer tests run only on
        // text short enough to be a caption, tag or dateline.
        var bytes = Array(sentence.utf8)
        var start = 0, end = bytes.count
        while start < end, isSpace(bytes[start]) { start += 1 }
        while end > start, isSpace(bytes[end - 1]) { end -= 1 }
        guard start < end else { return nil }
        for i in start..<end where bytes[i] >= 0x41 && bytes[i] <= 0x5A { bytes[i] |= 0x20 }  // ASCII lowercase
        let lower = bytes[start..<end]
        var open = lower.startIndex
        while open < lower.endIndex, lower[open] == 0x5B || lower[open] == 0x28 { open += 1 }  // [ (
        while open < lower.endIndex, lower[open] == 0x20 { open += 1 }
        let unbracketed = lower[open...]

        if relatedBytes.contains(where: { unbracketed.starts(with: $0) }) { return .relatedLink }
        if bylineBytes.contains(where: { lower.starts(with: $0) }) { return .byline }
        if photoBytes.contains(where: { unbracketed.starts(with: $0) }) { return .photo }
        if boilerplateBytes.contains(where: { lower.starts(with: $0) }) { return .boilerplate }
        guard lower.count <= 800 else { return nil }
        // Lengths in scalars: equal to the byte count for ASCII text, counted once otherwise.
        let ascii = !lower.contains { $0 >= 0x80 }
        let text = String(decoding: sentence.utf8.dropFirst(start).prefix(end - start), as: UTF8.self)
        let length = ascii ? lower.count : text.unicodeScalars.count
        guard length <= 200 else { return nil }
        if endsWithPhotoCredit(lower, characters: length) { return .photo }
        if length <= 40, let first = lower.first, let last = lower.last,
           (first == 0x28 && last == 0x29) || (first == 0x5B && last == 0x5D), isTag(text) { return .tag }
        // A dateline is at most 50 characters before its dash.
        if length <= 60, isDateline(text) { return .dateline }
        return nil
    }

    @inline(__always) static func isSpace(_ b: UInt8) -> Bool { b == 0x20 || b == 0x09 || b == 0x0A || b == 0x0D }

    static let relatedBytes = relatedPrefixes.map { Array($0.utf8) }
    static let bylineBytes = bylinePrefixes.map { Array($0.utf8) }
    static let photoBytes = photoPrefixes.map { Array($0.utf8) }
    static let boilerplateBytes = boilerplate.map { Array($0.utf8) }
    static let creditBytes = ["foto:", "foto :", "antara foto", "foto/", "dok.", "dok:", "photo:", "ilustrasi"].map { Array($0.utf8) }
    static let fotoColon = Array(" foto: ".utf8)

    static let relatedPrefixes = [
        "baca juga", "baca :", "baca:", "simak juga", "lihat juga", "tonton juga", "saksikan juga",
        "artikel terkait", "berita terkait", "baca selengkapnya", "klik di sini", "video terkait", "lihat video",
    ]
    static let bylinePrefixes = [
        "penulis:", "penulis :", "editor:", "editor :", "reporter:", "reporter :", "pewarta:", "pewarta :",
        "penyunting:", "penyunting :", "redaktur:", "redaktur :", "oleh:", "oleh :", "laporan wartawan",
        "kontributor:", "kontributor :", "sumber:", "sumber :", "penerjemah:", "penerjemah :",
    ]
    static let photoPrefixes = [
        "foto:", "foto :", "foto/", "photo:", "gambar:", "ilustrasi", "sumber foto", "kredit foto", "antara foto",
        "dok.", "dok:", "dokumentasi:", "tangkapan layar", "screenshot",
    ]
    static let boilerplate = [
        "advertisement", "scroll to continue with content", "artikel ini telah tayang", "dapatkan update berita",
        "ikuti berita", "simak breaking news", "halaman selanjutnya", "copyright", "©", "hak cipta",
        "follow berita", "download aplikasi", "unduh aplikasi", "tag:", "tags:",
    ]

    /// "… (Foto: Antara/Budi)" / "… (ANTARA FOTO/Sigid Kurniawan)" / "…. Foto: Dok. Humas".
    /// `lower` is the segment's UTF-8 with ASCII letters lowercased.
    static func endsWithPhotoCredit(_ lower: ArraySlice<UInt8>, characters: Int) -> Bool {
        guard let open = lower.lastIndex(where: { $0 == 0x28 || $0 == 0x5B }) else {
            guard characters <= 160, lower.count >= fotoColon.count else { return false }
            for i in lower.startIndex...(lower.endIndex - fotoColon.count) where lower[i...].starts(with: fotoColon) { return true }
            return false
        }
        let tail = lower[(open + 1)...]
        return creditBytes.contains { tail.starts(with: $0) }
    }

    /// "(ant)", "(rah / rah)", "[idc]", "(end)", "(Uu. H-RF/I015)": a short note in brackets.
    static func isTag(_ text: String) -> Bool {
        guard text.count <= 40, let first = text.first, let last = text.last,
              (first == "(" && last == ")") || (first == "[" && last == "]") else { return false }
        let inner = text.dropFirst().dropLast()
        let words = inner.split(whereSeparator: { $0 == " " || $0 == "/" || $0 == "-" || $0 == "," }).filter { !$0.isEmpty }
        return !words.isEmpty && words.count <= 5
    }

    /// A dateline on its own: a place (in capitals, or capitalised and followed by an outlet in
    /// brackets), an optional outlet, and usually a dash: "JAKARTA, KOMPAS.com –",
    /// "Jakarta (ANTARA) -", "SURABAYA -", "Liputan6.com, Jakarta -".
    static func isDateline(_ text: String) -> Bool {
        var body = Substring(text)
        var dash = false
        while let last = body.last, last == "-" || last == "–" || last == "—" || last == " " || last == "\u{00A0}" {
            if last != " " && last != "\u{00A0}" { dash = true }
            body = body.dropLast()
        }
        guard !body.isEmpty, body.count <= 50 else { return false }
        if let last = body.last, ".!?\"”".contains(last) { return false }
        let words = body.split(whereSeparator: { $0 == " " || $0 == "," }).filter { !$0.isEmpty }
        guard !words.isEmpty, words.count <= 6 else { return false }
        let firstWord = words[0]
        let capsPlace = firstWord.count >= 3 && firstWord.allSatisfy { $0.isUppercase || $0 == "." || $0 == "-" }
        let lowerBody = body.lowercased()
        let outlet = outlets.contains { lowerBody.contains($0) }
        // Every word is capitalised or an outlet: no running text.
        let allCapitalised = words.allSatisfy { w in
            guard let c = w.first else { return true }
            return c.isUppercase || c == "(" || c.isNumber || outlets.contains { w.lowercased().contains($0) }
        }
        guard allCapitalised else { return false }
        return (capsPlace && (dash || outlet || words.count == 1)) || (outlet && dash) || (outlet && capsPlace)
    }

    static let outlets = [
        ".com", ".co.id", ".id", "antara", "reuters", "afp", "(ap)", "cnn indonesia", "kompas", "tempo", "detik",
        "tribun", "okezone", "liputan6", "suara", "merdeka", "republika", "viva", "jpnn", "bisnis", "kontan",
        "katadata", "beritasatu", "sindonews", "inews", "idn times", "kumparan", "tirto", "bbc", "voa",
    ]
}

extension String {
    /// Drops leading characters in `set`.
    func trimmingLeading(_ set: String) -> String {
        String(drop(while: { set.contains($0) }))
    }
}
