/// The inflectional morphology of Indonesian that term matching needs, and nothing more.
///
/// Inflection keeps a word's meaning and part of speech; derivation makes a new word. The matcher
/// accepts only inflection:
/// - every term: enclitics, possessive `-nya`/`-ku`/`-mu` followed by the particles `-lah`, `-kah`,
///   `-pun`, `-tah` (solid or after a hyphen, as after acronyms: `KPU-nya`);
/// - noun and adjective terms: full reduplication of the head (`perundingan-perundingan damai`);
/// - verb terms: the voice prefixes of the same stem and suffix — active `meN-` (with its nasal
///   assimilation `mem-`, `men-`, `meng-`, `meny-`, `menge-`), passive `di-` and `ter-`, the
///   proclitics `ku-` and `kau-`, and, for verbs with `-kan`/`-i`, the bare object-voice form.
///
/// Never accepted: a different suffix (`-kan`/`-i` make another verb: *menyerahkan* is not
/// *menyerah*), nominalisation (`pe(N)-`, `per-…-an`, `ke-…-an`, `-an`: *pertahanan* is not
/// *mempertahankan*, *Kementerian* is not *Menteri*), `ber-`, and the lexicalised `ter-` words
/// (*terserah* 'up to you' is not *menyerah*, *tersangka* 'suspect' is not *menyangka*). The rules follow the standard description of
/// Indonesian morphophonemics (Sneddon, Adelaar, Djenar & Ewing 2010, *Indonesian: A Comprehensive
/// Grammar*, ch. 1–2; Alwi et al. 2003, *Tata Bahasa Baku Bahasa Indonesia*).
enum IndonesianMorphology {
    /// Possessive clitics, then particles; every combination is a valid ending (`-nyalah`, `-mupun`).
    static let possessives = ["nya", "ku", "mu"]
    static let particles = ["lah", "kah", "pun", "tah"]

    /// All clitic endings, longest first.
    static let cliticEndings: [String] = {
        var out: [String] = []
        for p in [""] + possessives {
            for q in [""] + particles where !(p + q).isEmpty { out.append(p + q) }
        }
        return out.sorted { $0.count > $1.count }
    }()

    static let cliticSet: Set<String> = Set(cliticEndings)

    /// Words that end like a clitic but are not a stem plus clitic; never stripped.
    static let falseClitics: Set<String> = [
        "masalah", "sekolah", "salah", "kalah", "allah", "sejarah", "langkah", "nikah", "tanya", "hanya", "punya",
        "kenya", "bahaya", "buku", "baku", "suku", "ilmu", "jamu", "temu", "bertemu", "ketemu", "bangku", "kuku",
        "paku", "saku", "laku", "berlaku", "mutu", "ratu", "ambang", "mahkamah", "kapan", "ampun", "lalu", "ibu",
        "rumah", "daerah", "wilayah", "sekalipun", "meskipun", "walaupun", "apapun", "siapapun", "manapun", "adapun",
        "ataupun", "maupun", "kendatipun", "biarpun", "sesuatupun", "bilamana", "tamu", "madu", "bakumu", "sendiri",
        "lembaga", "padahal", "olah", "sudah",
        "bawah", "tengah", "tanah", "lelah", "marah", "murah", "darah", "arah", "ramah", "wadah", "megah", "sah",
    ]

    /// Bound prefixes written solid or with a hyphen (`nonblok`, `non-blok`).
    static let boundPrefixes = ["non", "anti", "pasca", "pra", "antar", "pro", "neo", "multi", "inter", "trans",
                                "semi", "sub", "supra", "ultra", "eks", "kontra", "swa"]

    /// Nouns that look like `meN-`/`di-` verbs; a term starting with one of them is never read as a verb
    /// when the glossary gives no part of speech.
    static let verbLookalikeNouns: Set<String> = [
        "menteri", "mentri", "media", "medan", "mekanisme", "meja", "merdeka", "menara", "metode", "mesin", "meter",
        "memori", "memorandum", "mediasi", "mediator", "menu", "melayu", "merah", "mereka", "mesir", "meksiko",
        "menlu", "menhan", "menkeu", "mendagri", "menko", "mensesneg", "mentawai", "merauke", "mekah", "meriam",
        "diplomasi", "diplomat", "diplomatik", "diktator", "diktatur", "direktur", "direksi", "direktorat", "dinas",
        "distrik", "diskusi", "dialog", "divisi", "dinasti", "disiplin", "diaspora", "digital", "dirjen", "dirut",
        "dilema", "dimensi", "dinamika", "diri", "dividen", "diskriminasi", "disinformasi", "dispensasi", "dili",
        "disintegrasi", "dirgantara", "distribusi", "diagnosis", "diversifikasi", "denda",
    ]

    static func isVowel(_ c: Character) -> Bool { "aiueo".contains(c) }

    /// The number of vowel groups (a rough syllable count).
    static func vowelGroups(_ s: String) -> Int {
        var n = 0
        var prev = false
        for c in s {
            let v = isVowel(c)
            if v && !prev { n += 1 }
            prev = v
        }
        return n
    }

    /// The stem without a verbal suffix (`-kan`, `-i`), for the monosyllable test of `menge-`.
    static func root(_ base: String) -> String {
        if base.hasSuffix("kan"), base.count > 4 { return String(base.dropLast(3)) }
        if base.hasSuffix("i"), base.count > 3 { return String(base.dropLast()) }
        return base
    }

    /// Whether a verb stem carries `-kan` or `-i`, so that its bare form is the object-voice or
    /// imperative form of the same verb (*serahkan*, *tandatangani*). A final `-si` or `-di` is taken
    /// as part of a loan root (*ratifikasi*, *evakuasi*, *subsidi*), whose bare form is the noun.
    static func hasVerbalSuffix(_ base: String) -> Bool {
        if base.hasSuffix("kan") { return base.count > 4 }
        guard base.hasSuffix("i"), base.count > 3 else { return false }
        return !base.hasSuffix("si") && !base.hasSuffix("di")
    }

    /// The `meN-` forms of a stem (with suffix), by nasal assimilation: `meng-` before vowels, g, h
    /// and k (k drops before a vowel), `mem-` before b, f, v and p (p drops before a vowel), `men-`
    /// before d, c, j, z, sy and t (t drops before a vowel), `meny-` for s before a vowel, `me-` before
    /// l, m, n, r, w, y; `menge-` before a one-syllable root. Loans that keep their first consonant
    /// (`mengkritik`, `mensosialisasikan`, `mempengaruhi`) are generated too.
    static func meN(_ base: String) -> Set<String> {
        let b = Array(base)
        guard let c0 = b.first else { return [] }
        let c1: Character? = b.count > 1 ? b[1] : nil
        let vowelNext = c1.map(isVowel) ?? false
        let rest = String(b.dropFirst())
        var out: Set<String> = []
        if isVowel(c0) {
            out.insert("meng" + base)
        } else {
            switch c0 {
            case "p":
                out.insert("mem" + base)
                if vowelNext { out.insert("mem" + rest) }
            case "b", "f", "v":
                out.insert("mem" + base)
            case "t":
                out.insert("men" + base)
                if vowelNext { out.insert("men" + rest) }
            case "d", "c", "j", "z":
                out.insert("men" + base)
            case "s":
                out.insert("men" + base)
                if vowelNext { out.insert("meny" + rest) }
            case "k":
                out.insert("meng" + base)
                if vowelNext { out.insert("meng" + rest) }
            case "g", "h", "q", "x":
                out.insert("meng" + base)
            case "l", "m", "n", "r", "w", "y":
                out.insert("me" + base)
            default:
                out.insert("me" + base)
            }
        }
        if vowelGroups(root(base)) <= 1 { out.insert("menge" + base) }
        return out
    }

    /// The stems (with suffix) that a `meN-`, `memper-`, `di-` or `diper-` verb may be built on; the
    /// undoing of `meN`. Ambiguous forms give several candidates (`menolak`: tolak, nolak); forms that
    /// are not verbs give none. With `allowTer`, `ter-` counts as a voice prefix too.
    static func stems(ofVerb w: String, allowTer: Bool = false) -> [String] {
        var out: [String] = []
        func add(_ s: String) {
            if s.count >= 3, s.contains(where: isVowel), !out.contains(s) { out.append(s) }
        }
        func after(_ p: String) -> String? { w.hasPrefix(p) ? String(w.dropFirst(p.count)) : nil }
        func first(_ s: String) -> Character? { s.first }
        if let r = after("memper") { add("per" + r) }
        if let r = after("menge"), vowelGroups(root(r)) <= 1 { add(r) }
        if let r = after("meng"), let c = first(r) {
            if isVowel(c) { add(r); add("k" + r); add("ng" + r) } else if "ghkq".contains(c) { add(r) }
        } else if let r = after("meny"), let c = first(r) {
            if isVowel(c) { add("s" + r); add("ny" + r) }
        } else if let r = after("mem"), let c = first(r) {
            if "bfvp".contains(c) { add(r) } else if isVowel(c) { add("p" + r); add("m" + r) }
        } else if let r = after("men"), let c = first(r) {
            if "dcjzst".contains(c) { add(r) } else if isVowel(c) { add("t" + r); add("n" + r) }
        }
        if let r = after("me"), let c = first(r), "lrwymn".contains(c) { add(r) }
        if let r = after("di") { add(r) }
        if allowTer, let r = after("ter") { add(r) }
        return out
    }

    /// `ter-` words whose meaning is not the passive of their stem: they name a person in a legal
    /// role (*tersangka* 'suspect' ≠ *menyangka* 'suppose', *terdakwa* 'defendant' ≠ *mendakwa*
    /// 'indict') or are lexicalised (*terserah* 'up to you' ≠ *menyerah* 'surrender', *tertarik*
    /// 'interested' ≠ *menarik* 'pull, withdraw', *terjadi* 'happen' ≠ *menjadi* 'become').
    static let lexicalisedTer: Set<String> = [
        "terserah", "tertarik", "terjadi", "terhadap", "terkenal", "termasuk", "tersangka", "terdakwa", "tergugat",
        "terpidana", "terlapor", "tertuduh", "terhukum", "terperiksa", "terduga", "termohon", "terbuka", "terlambat", "terletak", "terdiri",
        "tersebut", "tertentu", "terbatas", "terdapat", "terasa", "teringat", "terima", "terhormat", "terpercaya",
        "terkait", "terlibat", "terus", "terang", "terlalu", "tertinggal", "terbiasa", "terkesan", "terlanjur",
        "terpaku", "tersedia", "terbit", "terbang", "tertawa", "terjaga", "terdengar", "terlihat", "tersenyum",
        "terkejut", "terharu", "terpukul", "terpuruk", "terhenti", "teruji", "terampil", "terpelajar", "terbaik",
        "terbesar", "terkecil", "tertinggi", "terendah", "terakhir", "terpencil", "terlantar", "terasing",
    ]

    /// Every voice form of a stem: `meN-`, `di-`, `ku-`, `kau-`, `ter-` (unless lexicalised), and for
    /// stems with `-kan`/`-i` the bare stem (object voice and imperative: *pertahankan*).
    static func voiceForms(ofStem base: String) -> Set<String> {
        var out = meN(base)
        out.insert("di" + base)
        out.insert("ku" + base)
        out.insert("kau" + base)
        if !lexicalisedTer.contains("ter" + base) { out.insert("ter" + base) }
        if hasVerbalSuffix(base) { out.insert(base) }
        return out
    }

    /// Whether a word, in a term without a part of speech, should be read as a `meN-`/`di-` verb.
    static func looksLikeVerb(_ w: String) -> Bool {
        guard w.count >= 5, !verbLookalikeNouns.contains(w) else { return false }
        guard w.hasPrefix("me") || w.hasPrefix("di") else { return false }
        return !stems(ofVerb: w).isEmpty
    }

    /// Hyphen and space variants of a word with a bound prefix or an inner hyphen: `non-blok` gives
    /// `nonblok` and `non blok`; `antikorupsi` gives `anti-korupsi` and `anti korupsi`. Reduplications
    /// (`undang-undang`) give only the spaced form.
    static func spellingVariants(_ word: String) -> [[String]] {
        let lower = word.lowercased()
        if word.contains("-") {
            let parts = word.split(separator: "-").map(String.init)
            guard parts.count >= 2, parts.allSatisfy({ !$0.isEmpty }) else { return [] }
            if parts.count == 2, parts[0].lowercased() == parts[1].lowercased() { return [parts] }
            return [[parts.joined()], parts]
        }
        for p in boundPrefixes where lower.hasPrefix(p) && lower.count - p.count >= 3 {
            let rest = String(word.dropFirst(p.count))
            let pre = String(word.prefix(p.count))
            return [[pre + "-" + rest], [pre, rest]]
        }
        return []
    }
}
