/// A word taken apart into its clitics, for matching: `kuambilnya` → ku + ambil + nya,
/// `bukunya` → buku + nya, `bagaimanakah` → bagaimana + kah.
public struct CliticSplit: Sendable, Hashable {
    /// `ku` or `kau` (first- and second-person agents: kuambil, kaulihat).
    public var proclitic: String?
    /// The word without its clitics, lower-cased.
    public var base: String
    /// `ku`, `mu` or `nya`.
    public var possessive: String?
    /// `lah`, `kah`, `tah` or `pun`.
    public var particle: String?

    public init(proclitic: String? = nil, base: String, possessive: String? = nil, particle: String? = nil) {
        self.proclitic = proclitic
        self.base = base
        self.possessive = possessive
        self.particle = particle
    }
}

/// Separates the clitics -nya, -ku, -mu, -lah, -kah, -tah, -pun and ku-, kau- from a word.
///
/// A clitic is taken off only when what is left is plausibly a word of its own: with the
/// root-word lexicon, the word itself must not be a root (`sekolah`, `masalah`, `ilmu`, `buku`
/// stay whole) and the rest must be a root or stem to one; without it, only -nya, -lah, -kah and
/// -pun are taken off, and not from a short list of roots that end that way.
public enum Clitics {
    static let particles = ["lah", "kah", "tah", "pun"]
    static let possessives = ["nya", "ku", "mu"]
    /// Roots that end like a clitic, for when there is no lexicon.
    static let keepWhole: Set<String> = [
        "punya", "hanya", "tanya", "bertanya", "menanyakan", "sekolah", "masalah", "salah", "kalah", "lelah",
        "olah", "allah", "sejarah", "istilah", "jumlah", "wilayah", "daerah", "lembah", "mudah", "sudah", "rumah",
        "kuliah", "ibadah", "sedekah", "nikah", "langkah", "celah", "tengah", "megah", "wajah", "nasihat",
        "bawah", "indah", "pindah", "tanah", "arah", "marah", "murah", "merah", "darah", "sebelah", "akhirnya",
        "berkah", "kakak", "nyanyi", "kelapa", "meskipun", "walaupun", "adapun", "apapun", "siapapun", "manapun",
        "kapanpun", "bagaimanapun", "sekalipun", "biarpun", "ataupun", "maupun", "ampun", "dusun", "pantun",
        "rukun", "tahun", "turun", "bangun", "kebun", "racun", "daun", "embun", "santun", "kapun", "pun", "mapun",
        "kah", "lah", "tah", "nya", "masakah", "langkah", "kaki",
    ]

    /// Splits `word`; `lexicon` defaults to the system root list.
    public static func split(_ word: String, lexicon: RootLexicon? = RootLexicon.system.lexicon) -> CliticSplit {
        let lower = word.lowercased()
        guard lower.count >= 4, lower.allSatisfy(\.isLetter) else { return CliticSplit(base: lower) }
        if let lexicon, lexicon.contains(lower) { return CliticSplit(base: lower) }
        if lexicon == nil && keepWhole.contains(lower) { return CliticSplit(base: lower) }
        let stemmer = lexicon.map { IndonesianStemmer(lexicon: $0) }
        func plausible(_ base: String) -> Bool {
            guard base.count >= 3 else { return false }
            guard let lexicon, let stemmer else { return true }
            if lexicon.contains(base) { return true }
            return lexicon.contains(stemmer.stem(base))
        }
        var out = CliticSplit(base: lower)
        var rest = lower
        if let p = particles.first(where: { rest.hasSuffix($0) }), lexicon != nil || p != "tah" {
            let candidate = String(rest.dropLast(p.count))
            if plausible(candidate) || (lexicon != nil && possessives.contains(where: { candidate.hasSuffix($0) && plausible(String(candidate.dropLast($0.count))) })) {
                out.particle = p
                rest = candidate
            }
        }
        if let p = possessives.first(where: { rest.hasSuffix($0) }), lexicon != nil || p == "nya" {
            let candidate = String(rest.dropLast(p.count))
            if plausible(candidate), !(lexicon == nil && keepWhole.contains(rest)) {
                out.possessive = p
                rest = candidate
            }
        }
        if let lexicon {
            for pro in ["kau", "ku"] where rest.hasPrefix(pro) {
                let candidate = String(rest.dropFirst(pro.count))
                if candidate.count >= 3, lexicon.contains(candidate) || lexicon.contains(stemmer!.stem(candidate)), !lexicon.contains(rest) {
                    out.proclitic = pro
                    rest = candidate
                }
                break
            }
        }
        out.base = rest
        return out
    }
}
