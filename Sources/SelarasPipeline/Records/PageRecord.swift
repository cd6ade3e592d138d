import SelarasCore
import SelarasHTML
import SelarasJSONLines

/// The records of `selaras extract`, after the id: `"title"`, `"body"` (the story's paragraphs —
/// not the headline, captions or credits — joined by blank lines), `"paragraphs"` (every block with
/// its role: heading, body, list_item, quote, caption, credit), then `"published"`, `"author"`,
/// `"site"` and `"url"` when the page gives them.
public enum PageRecord {
    /// The fields `selaras extract --jsonl` reads: `{"id", "html", "url"?}`.
    public static let schema = JSONRecordSchema(strings: ["html", "url"], required: ["html"])

    public static func write(_ page: HTMLArticleReader.Page, to out: inout JSONWriter) {
        let article = page.article
        out.key("title")
        if let t = article.title { out.string(t) } else { out.null() }
        out.key("body")
        out.string(article.bodyText)
        out.key("paragraphs")
        out.beginArray()
        for p in article.paragraphs where p.role != .headline {
            out.beginObject()
            out.key("role"); out.string(p.role.rawValue)
            out.key("text"); out.string(p.text)
            out.endObject()
        }
        out.endArray()
        for (key, value) in [("published", article.metadata["published"]), ("author", article.metadata["author"]),
                             ("site", article.metadata["site"]), ("url", article.metadata["url"])] {
            if let value { out.key(key); out.string(value) }
        }
    }
}
