import Foundation
import SelarasCore

/// What the HTML report and the batch index share: the style sheet, escaping shorthands, badges.
///
/// Pages are polyglot HTML5 — every element closed, every attribute quoted, no named entities but
/// the XML five — so they open in any browser and also parse as XML (the tests rely on that).
enum HTMLStyle {
    static func h(_ s: String) -> String { Markup.escapeText(s) }
    static func a(_ s: String) -> String { Markup.escapeAttribute(s) }

    /// A relative link to a file beside the page, percent-encoded.
    static func href(_ fileName: String) -> String {
        var allowed = CharacterSet.urlPathAllowed
        allowed.remove(charactersIn: "#?;:")
        return fileName.addingPercentEncoding(withAllowedCharacters: allowed) ?? fileName
    }

    static func head(title: String) -> String {
        """
        <!DOCTYPE html>
        <html lang="en">
        <head>
        <meta charset="utf-8"/>
        <meta name="viewport" content="width=device-width, initial-scale=1"/>
        <meta name="generator" content="Selaras"/>
        <title>\(h(title))</title>
        <style>
        \(css)
        </style>
        </head>

        """
    }

    /// CSS class for a target: by provenance, and for TM targets by score band.
    static func scoreClass(_ target: Target) -> String {
        switch target.provenance {
        case .machine: return "k-mt"
        case .reviewed: return "k-rev"
        case .untranslated: return "k-none"
        case .exactTM, .fuzzyTM, .repairedTM: return scoreClass(target.score ?? 0)
        }
    }

    /// Score bands: 100, 95–99, 85–94, 75–84, below 75.
    static func scoreClass(_ score: Double) -> String {
        switch score {
        case 100...: return "k-100"
        case 95..<100: return "k-95"
        case 85..<95: return "k-85"
        case 75..<85: return "k-75"
        default: return "k-low"
        }
    }

    /// A proportional bar of where the English came from (exact TM, other TM, MT, reviewed, none).
    static func bar(_ c: ArticleCounts) -> String {
        guard c.segments > 0 else { return "" }
        let parts: [(Int, String, String)] = [
            (c.exactTM, "k-100", "TM exact"), (c.fromTM - c.exactTM, "k-85", "TM fuzzy or repaired"),
            (c.reviewed, "k-rev", "reviewed"), (c.machine, "k-mt", "MT"), (c.untranslated, "k-none", "no English"),
        ]
        var s = "<div class=\"bar\" role=\"img\" aria-label=\"where the English came from\">"
        for (n, cls, label) in parts where n > 0 {
            let pct = Double(n) * 100 / Double(c.segments)
            s += "<span class=\"\(cls)\" style=\"width:\(String(format: "%.2f", pct))%\" title=\"\(label): \(n)\"></span>"
        }
        return s + "</div>"
    }

    /// The colour legend; with `terms`, also the glossary highlight styles.
    static func legend(terms: Bool) -> String {
        let base = legendColours
        return terms ? base.replacingOccurrences(of: "</ul>", with: legendTerms + "</ul>") : base
    }

    static let legendTerms = """
    <li><mark class="term">term</mark> glossary term</li><li><mark class="ok">term</mark> its English found</li>\
    <li><mark class="bad">term</mark> forbidden English</li>
    """

    static let legendColours = """
    <ul class="legend"><li><span class="sw k-100"></span>TM 100</li><li><span class="sw k-95"></span>TM 95–99</li>\
    <li><span class="sw k-85"></span>TM 85–94</li><li><span class="sw k-75"></span>TM 75–84</li>\
    <li><span class="sw k-low"></span>TM below 75</li><li><span class="sw k-mt"></span>machine translation</li>\
    <li><span class="sw k-rev"></span>reviewed</li><li><span class="sw k-none"></span>no English</li></ul>
    """

    /// Colours by score band: on badges, legend swatches and bar parts, and as a stripe at the start of
    /// table rows and summary items.
    static let swatches: String = {
        let bands = [("k-100", "var(--c100)"), ("k-95", "var(--c95)"), ("k-85", "var(--c85)"), ("k-75", "var(--c75)"),
                     ("k-low", "var(--clow)"), ("k-mt", "var(--cmt)"), ("k-rev", "var(--crev)"),
                     ("k-none", "repeating-linear-gradient(135deg,#f3b5b0 0 3px,#fbe3e1 3px 6px)")]
        var css = ""
        for (cls, color) in bands {
            css += ".badge.\(cls),.sw.\(cls),.bar .\(cls){background:\(color)}\n"
            let stripe = cls == "k-none" ? "var(--cnone)" : color
            css += ".bitext tr.\(cls) td.n{box-shadow:inset 4px 0 \(stripe)}\n"
        }
        return css
    }()

    static let css = """
    :root{--ink:#1f2328;--muted:#59636e;--line:#d1d9e0;--soft:#f6f8fa;--c100:#1a7f37;--c95:#4ac26b;--c85:#bf8700;\
    --c75:#e16f24;--clow:#cf222e;--cmt:#8250df;--crev:#0969da;--cnone:#cf222e}
    *{box-sizing:border-box}
    html{background:#fff}
    body{margin:0;color:var(--ink);font:15px/1.55 system-ui,-apple-system,"Segoe UI",Roboto,"Noto Sans","DejaVu Sans",sans-serif}
    main{max-width:1240px;margin:0 auto;padding:22px 28px 56px}
    a{color:var(--crev);text-decoration:none}
    a:hover{text-decoration:underline}
    .crumbs{font-size:13px;color:var(--muted);margin:0 0 6px}
    h1{font-size:27px;line-height:1.25;margin:0 0 4px;font-weight:650}
    .en-title{font-size:19px;line-height:1.35;color:#3d444d;margin:0 0 10px;font-style:italic}
    h2{font-size:17px;margin:30px 0 12px;padding-bottom:6px;border-bottom:1px solid var(--line);letter-spacing:.01em}
    h2 small{font-weight:400;color:var(--muted);font-size:13px;margin-left:6px}
    .facts{display:flex;flex-wrap:wrap;gap:6px;margin:8px 0 6px;padding:0;list-style:none}
    .facts li{background:var(--soft);border:1px solid var(--line);border-radius:999px;padding:1px 10px;font-size:13px;white-space:nowrap}
    .facts li.warn{background:#fff1f0;border-color:#ffcecb;color:#a40e26}
    .bar{display:flex;height:9px;border-radius:5px;overflow:hidden;background:#eaeef2;margin:10px 0 6px;max-width:640px}
    .bar span{display:block;height:100%}
    .legend{display:flex;flex-wrap:wrap;gap:4px 14px;padding:0;margin:6px 0 0;list-style:none;font-size:12px;color:var(--muted)}
    .legend .sw{display:inline-block;width:10px;height:10px;border-radius:2px;margin-right:5px;vertical-align:-1px}
    \(swatches)
    .badge{display:inline-block;font-size:12px;font-weight:650;line-height:18px;border-radius:4px;padding:0 7px;color:#fff;white-space:nowrap}
    .badge.k-none{color:#a40e26;border:1px solid #f3b5b0}
    .badge.k-95{color:#0f3d1c}.badge.k-85{color:#2b1d00}
    .summary ol{list-style:none;padding:0;margin:0;counter-reset:sum}
    .summary li{counter-increment:sum;position:relative;border-left:4px solid var(--line);background:var(--soft);\
    border-radius:0 8px 8px 0;padding:10px 14px 10px 44px;margin:0 0 10px}
    .summary li::before{content:counter(sum);position:absolute;left:12px;top:10px;width:22px;height:22px;border-radius:50%;\
    background:#fff;border:1px solid var(--line);font-size:12px;font-weight:650;text-align:center;line-height:20px;color:var(--muted)}
    .summary li.k-100,.summary li.k-95{border-left-color:var(--c100)}.summary li.k-85{border-left-color:var(--c85)}
    .summary li.k-75,.summary li.k-low{border-left-color:var(--c75)}.summary li.k-mt{border-left-color:var(--cmt)}
    .summary li.k-rev{border-left-color:var(--crev)}.summary li.k-none{border-left-color:var(--cnone);background:#fff5f4}
    .summary li{background-image:none}
    .summary .en{font-size:17px;line-height:1.45;margin:0 0 4px}
    .summary .en.none{color:#a40e26;font-weight:600;font-size:15px}
    .summary .src{color:var(--muted);font-size:14px;margin:2px 0 0}
    .summary .meta{font-size:12px;color:var(--muted);margin:4px 0 0}
    .empty{color:var(--muted);font-style:italic}
    .glossary{display:flex;flex-wrap:wrap;gap:6px;padding:0;margin:0;list-style:none}
    .glossary li{border:1px solid #eed888;background:#fff8c5;border-radius:6px;padding:2px 9px;font-size:13px}
    .glossary li b{font-weight:650}
    .glossary li .n{color:var(--muted);font-size:12px;margin-left:4px}
    table.bitext{width:100%;border-collapse:collapse;table-layout:fixed}
    .bitext col.c-n{width:84px}.bitext col.c-m{width:128px}
    .bitext th{text-align:left;font-size:12px;text-transform:uppercase;letter-spacing:.05em;color:var(--muted);\
    border-bottom:2px solid var(--line);padding:6px 10px;position:sticky;top:0;background:#fff}
    .bitext td{vertical-align:top;padding:8px 10px;border-bottom:1px solid #eaeef2;overflow-wrap:anywhere}
    .bitext tr.para td{border-top:2px solid var(--line)}
    .bitext td.n{padding-left:12px;font-size:12px;color:var(--muted);font-variant-numeric:tabular-nums}
    .bitext td.n .star{color:#bf8700;font-size:14px}
    .bitext td.n .role{display:block;font-size:10px;text-transform:uppercase;letter-spacing:.02em;overflow-wrap:normal}
    .bitext tr.r-headline td.src,.bitext tr.r-headline td.tgt{font-weight:650;font-size:16px}
    .bitext tr.r-heading td.src,.bitext tr.r-heading td.tgt{font-weight:600}
    .bitext tr.r-furniture td{color:var(--muted);font-size:13px;background:#fafbfc}
    .bitext tr.sum td.src{background:#fffdf0}
    .bitext td.tgt.none{background:#fff5f4}
    .bitext td.tgt .missing{color:#a40e26;font-weight:600;font-size:13px}
    .bitext td.m{font-size:12px;color:var(--muted)}
    .bitext td.m .badge{margin-bottom:3px}
    mark{color:inherit}
    mark.term{background:#fff3bf;border-bottom:2px solid #d4a72c;border-radius:2px;padding:0 1px}
    mark.ok{background:#dafbe1;border-bottom:2px solid #4ac26b;border-radius:2px;padding:0 1px}
    mark.bad{background:#ffebe9;border-bottom:2px solid #ff8182;border-radius:2px;padding:0 1px}
    .gl{margin:5px 0 0;padding:0;list-style:none;font-size:12px;line-height:1.6;color:#3d444d}
    .gl li{display:inline-block;margin:0 6px 2px 0;padding:0 6px;border-radius:4px;background:#fff8c5;border:1px solid #eed888}
    .gl li.miss{background:#ffebe9;border-color:#ffcecb}
    .gl li.forb{background:#ffebe9;border-color:#ff8182}
    details{margin-top:6px;font-size:12.5px;color:var(--muted)}
    details summary{cursor:pointer;color:var(--crev)}
    details ol{margin:6px 0 0;padding-left:18px}
    details li{margin:0 0 6px}
    details .ms{color:var(--ink)}
    table.runs{width:100%;border-collapse:collapse}
    .runs th{text-align:left;font-size:12px;text-transform:uppercase;letter-spacing:.05em;color:var(--muted);\
    border-bottom:2px solid var(--line);padding:6px 8px}
    .runs td{padding:8px;border-bottom:1px solid #eaeef2;vertical-align:top;font-size:14px}
    .runs td.num{text-align:right;font-variant-numeric:tabular-nums}
    .runs th.num{text-align:right}
    .runs .title{font-weight:600}
    .runs .id{display:block;font-size:12px;color:var(--muted)}
    .runs .files a{display:inline-block;font-size:12px;border:1px solid var(--line);border-radius:4px;padding:0 5px;margin:0 3px 3px 0}
    .runs .bar{margin:4px 0 0 auto;height:6px;max-width:140px}
    .runs tr.st-failed td{background:#fff5f4}
    .runs .reason{font-size:12.5px;color:#a40e26}
    .st{display:inline-block;font-size:12px;font-weight:650;border-radius:999px;padding:0 8px;border:1px solid}
    .st.ok{color:#1a7f37;border-color:#4ac26b;background:#dafbe1}
    .st.failed{color:#a40e26;border-color:#ff8182;background:#ffebe9}
    .st.skipped{color:var(--muted);border-color:var(--line);background:var(--soft)}
    .qa{margin:4px 0 0;padding:2px 8px;border-left:3px solid #d4a72c;background:#fff8c5;color:#6b4e00;font-size:12px}
    .st.partial{color:#9a6700;border-color:#d4a72c;background:#fff8c5}
    footer{margin-top:36px;font-size:12px;color:var(--muted)}
    @media print{main{max-width:none;padding:0}.bitext th{position:static}details{display:none}}
    """
}
