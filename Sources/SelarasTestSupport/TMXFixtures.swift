import Foundation

/// TMX fixtures written for Selaras's tests, shared by the tests of several targets (inline, so the
/// tests need no files from outside the repository).
public enum TMXFixtures {
    public static let plain = """
    <?xml version="1.0" encoding="UTF-8"?>
    <tmx version="1.4">
    <header creationtool="fixture" creationtoolversion="1" segtype="sentence" o-tmf="none" adminlang="en" srclang="id" datatype="plaintext">
      <prop type="x-project">selaras</prop>
      <note>header note</note>
    </header>
    <body>
    <tu tuid="1" creationdate="20240101T000000Z" usagecount="3"><prop type="x-domain">news</prop><note>first</note>
      <tuv xml:lang="id"><seg>Presiden membuka sidang kabinet.</seg></tuv>
      <tuv xml:lang="en"><seg>The president opened the cabinet meeting.</seg></tuv>
    </tu>
    <tu tuid="2">
      <tuv xml:lang="id-ID"><prop type="x-src">a</prop><seg>Harga beras naik 5 persen.</seg></tuv>
      <tuv xml:lang="en-US"><seg>Rice prices rose 5 percent.</seg></tuv>
    </tu>
    </body>
    </tmx>
    """

    /// srclang="*all*", languages as `in` and `EN-GB`, a third language, a unit without English.
    public static let allLanguages = """
    <?xml version="1.0"?>
    <tmx version="1.4"><header creationtool="x" creationtoolversion="1" segtype="sentence" o-tmf="x" adminlang="en" srclang="*all*" datatype="plaintext"/>
    <body>
    <tu tuid="a"><tuv xml:lang="fr"><seg>Bonjour.</seg></tuv><tuv xml:lang="EN-GB"><seg>Hello.</seg></tuv><tuv xml:lang="in"><seg>Halo.</seg></tuv></tu>
    <tu tuid="b" srclang="en"><tuv xml:lang="en"><seg>Thank you.</seg></tuv><tuv xml:lang="IND"><seg>Terima kasih.</seg></tuv></tu>
    <tu tuid="c"><tuv xml:lang="id"><seg>Tanpa terjemahan.</seg></tuv><tuv xml:lang="fr"><seg>Sans traduction.</seg></tuv></tu>
    </body></tmx>
    """

    /// Inline codes of every kind, with `sub` inside a code.
    public static let inline = """
    <?xml version="1.0" encoding="UTF-8"?>
    <tmx version="1.4"><header creationtool="x" creationtoolversion="1" segtype="sentence" o-tmf="x" adminlang="en" srclang="id" datatype="html"/>
    <body>
    <tu tuid="t1">
    <tuv xml:lang="id"><seg>Menteri <bpt i="1" type="bold">&lt;b&gt;</bpt>Sri Mulyani<ept i="1">&lt;/b&gt;</ept> berkata<ph x="2" type="img">&lt;img src="a.png"/&gt;</ph> <hi type="x-term">APBN</hi> sehat.</seg></tuv>
    <tuv xml:lang="en"><seg>Minister <bpt i="1" type="bold">&lt;b&gt;</bpt>Sri Mulyani<ept i="1">&lt;/b&gt;</ept> said<ph x="2" type="img">&lt;img src="a.png"/&gt;</ph> the <hi type="x-term">state budget</hi> is healthy.</seg></tuv>
    </tu>
    <tu tuid="t2">
    <tuv xml:lang="id"><seg><it pos="begin" x="3">&lt;i&gt;</it>Kutipan<ut>{\\b}</ut> <ph>&lt;a href="<sub>Tautan</sub>"&gt;</ph>akhir.</seg></tuv>
    <tuv xml:lang="en"><seg><it pos="begin" x="3">&lt;i&gt;</it>Quote<ut>{\\b}</ut> <ph>&lt;a href="<sub>Link</sub>"&gt;</ph>end.</seg></tuv>
    </tu>
    </body></tmx>
    """

    /// ESC (U+001B), a form feed, a NUL, and a character reference to ESC, inside units; and one in the header.
    public static let forbiddenCharacters = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<tmx version=\"1.4\"><header creationtool=\"x\u{7}\" creationtoolversion=\"1\" segtype=\"sentence\" o-tmf=\"x\" adminlang=\"en\" srclang=\"id\" datatype=\"plaintext\"/>\n<body>\n"
        + "<tu tuid=\"1\"><tuv xml:lang=\"id\"><seg>Gempa\u{1B}[0m mengguncang Jepang.</seg></tuv><tuv xml:lang=\"en\"><seg>An earthquake\u{0C} hit Japan.</seg></tuv></tu>\n"
        + "<tu tuid=\"2\"><tuv xml:lang=\"id\"><seg>Baik-baik saja.</seg></tuv><tuv xml:lang=\"en\"><seg>All is well.</seg></tuv></tu>\n"
        + "<tu tuid=\"3\"><tuv xml:lang=\"id\"><seg>Nol\u{0}byte &#27;dan &#x1b;referensi.</seg></tuv><tuv xml:lang=\"en\"><seg>Zero byte and reference.</seg></tuv></tu>\n"
        + "</body>\n</tmx>\n"

    /// Unit 2 of 4 is not well-formed (a `seg` closed by `tuv`); unit 3 lacks English; unit 4 has an empty segment.
    public static let brokenMiddle = """
    <?xml version="1.0" encoding="UTF-8"?>
    <tmx version="1.4"><header creationtool="x" creationtoolversion="1" segtype="sentence" o-tmf="x" adminlang="en" srclang="id" datatype="plaintext"/>
    <body>
    <tu tuid="1"><tuv xml:lang="id"><seg>Satu.</seg></tuv><tuv xml:lang="en"><seg>One.</seg></tuv></tu>
    <tu tuid="2"><tuv xml:lang="id"><seg>Dua <b>tebal.</seg></tuv><tuv xml:lang="en"><seg>Two.</seg></tuv></tu>
    <tu tuid="3"><tuv xml:lang="id"><seg>Tiga.</seg></tuv></tu>
    <tu tuid="4"><tuv xml:lang="id"><seg>  </seg></tuv><tuv xml:lang="en"><seg>Four.</seg></tuv></tu>
    <tu tuid="5"><tuv xml:lang="id"><seg>Lima &amp; enam.</seg></tuv><tuv xml:lang="en"><seg>Five &amp; six.</seg></tuv></tu>
    </body>
    </tmx>
    """

    /// Several broken units on one line, an unclosed `tu`, a stray `&`, an undefined entity.
    public static let brokenOneLine = "<?xml version=\"1.0\"?><tmx version=\"1.4\"><header creationtool=\"x\" creationtoolversion=\"1\" segtype=\"sentence\" o-tmf=\"x\" adminlang=\"en\" srclang=\"id\" datatype=\"plaintext\"/><body>"
        + "<tu tuid=\"1\"><tuv xml:lang=\"id\"><seg>Satu.</seg></tuv><tuv xml:lang=\"en\"><seg>One.</seg></tuv></tu>"
        + "<tu tuid=\"2\"><tuv xml:lang=\"id\"><seg>Dua & tiga.</seg></tuv><tuv xml:lang=\"en\"><seg>Two.</seg></tuv></tu>"
        + "<tu tuid=\"3\"><tuv xml:lang=\"id\"><seg>Tiga.</seg></tuv><tuv xml:lang=\"en\"><seg>Three.</seg></tuv></tu>"
        + "<tu tuid=\"4\"><tuv xml:lang=\"id\"><seg>Empat &nbsp; x.</seg></tuv><tuv xml:lang=\"en\"><seg>Four.</seg></tuv></tu>"
        + "<tu tuid=\"5\"><tuv xml:lang=\"id\"><seg>Lima.</seg></tuv><tuv xml:lang=\"en\"><seg>Five.</seg></tuv>"
        + "<tu tuid=\"6\"><tuv xml:lang=\"id\"><seg>Enam.</seg></tuv><tuv xml:lang=\"en\"><seg>Six.</seg></tuv></tu>"
        + "<tu tuid=\"7\"><tuv xml:lang=\"id\"><seg>Tujuh.</seg></tuv><tuv xml:lang=\"en\"><seg>Seven.</seg></tuv></tu>"
        + "</body></tmx>"

    /// An external entity pointing at a local file (`SECRET_PATH` is replaced by the test), a parameter
    /// entity fetching a DTD over the network, and a billion-laughs expansion in an attribute.
    public static let xxe = """
    <?xml version="1.0" encoding="UTF-8"?>
    <!DOCTYPE tmx [
      <!ENTITY xxe SYSTEM "file://SECRET_PATH">
      <!ENTITY % remote SYSTEM "http://127.0.0.1:9/evil.dtd">
      %remote;
      <!ENTITY lol "lol">
      <!ENTITY lol1 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
      <!ENTITY lol2 "&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;">
      <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
      <!ENTITY lol4 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">
      <!ENTITY lol5 "&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;">
      <!ENTITY lol6 "&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;">
      <!ENTITY lol7 "&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;">
      <!ENTITY lol8 "&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;">
      <!ENTITY lol9 "&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;">
    ]>
    <tmx version="1.4"><header creationtool="x" creationtoolversion="1" segtype="sentence" o-tmf="x" adminlang="en" srclang="id" datatype="plaintext"/>
    <body>
    <tu tuid="1"><tuv xml:lang="id"><seg>Rahasia: &xxe;</seg></tuv><tuv xml:lang="en"><seg>Secret: &xxe;</seg></tuv></tu>
    <tu tuid="2" creationid="&lol9;"><tuv xml:lang="id"><seg>Tawa.</seg></tuv><tuv xml:lang="en"><seg>Laughs.</seg></tuv></tu>
    <tu tuid="3"><tuv xml:lang="id"><seg>Aman.</seg></tuv><tuv xml:lang="en"><seg>Safe.</seg></tuv></tu>
    </body></tmx>
    """

    /// TMX 1.1: `lang` instead of `xml:lang`, a DOCTYPE naming the 1.1 DTD (never loaded).
    public static let tmx11 = """
    <?xml version="1.0" encoding="ISO-8859-1"?>
    <!DOCTYPE tmx SYSTEM "tmx11.dtd">
    <tmx version="1.1">
    <header creationtool="OldTool" creationtoolversion="2" segtype="sentence" o-tmf="ABC" adminlang="EN-US" srclang="EN-US" datatype="plaintext"></header>
    <body>
    <tu tuid="x1"><tuv lang="EN-US"><seg>Good morning.</seg></tuv><tuv lang="ID"><seg>Selamat pagi.</seg></tuv></tu>
    <tu tuid="x2"><tuv lang="EN-US"><seg>Coffee with cr\u{E8}me.</seg></tuv><tuv lang="ID"><seg>Kopi dengan krim.</seg></tuv></tu>
    </body>
    </tmx>
    """

    /// `text` encoded as UTF-16 with a byte-order mark (little-endian by default).
    public static func utf16(_ text: String, bigEndian: Bool = false) -> Data {
        var d = Data(bigEndian ? [0xFE, 0xFF] : [0xFF, 0xFE])
        for u in text.utf16 {
            if bigEndian { d.append(UInt8(u >> 8)); d.append(UInt8(u & 0xFF)) } else { d.append(UInt8(u & 0xFF)); d.append(UInt8(u >> 8)) }
        }
        return d
    }

    /// `text` in ISO-8859-1.
    public static func latin1(_ text: String) -> Data {
        Data(text.unicodeScalars.map { UInt8(truncatingIfNeeded: $0.value) })
    }
}
