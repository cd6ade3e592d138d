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
        let text = sentence.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !text.isEmpty else { return nil }
        let lower = text.lowercased()
        let unbracketed = lower.trimmingLeading("[(").trimmingCharacters(in: .whitespaces)

        for prefix in relatedPrefixes where unbracketed.hasPrefix(prefix) { return .relatedLink }
        for prefix in bylinePrefixes where lower.hasPrefix(prefix) { return .byline }
        for prefix in photoPrefixes where unbracketed.hasPrefix(prefix) { return .photo }
        for marker in boilerplate where lower.hasPrefix(marker) { return .boilerplate }
        if text.count <= 200, endsWithPhotoCredit(lower) { return .photo }
        if isTag(text) { return .tag }
        if isDateline(text) { return .dateline }
        return nil
    }

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
    static func endsWithPhotoCredit(_ lower: String) -> Bool {
        guard let open = lower.lastIndex(where: { $0 == "(" || $0 == "[" }) else {
            return lower.contains(" foto: ") && lower.count <= 160
        }
        let tail = lower[lower.index(after: open)...]
        return ["foto:", "foto :", "antara foto", "foto/", "dok.", "dok:", "photo:", "ilustrasi"].contains { tail.hasPrefix($0) }
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
