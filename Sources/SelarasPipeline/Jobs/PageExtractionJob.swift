import Foundation
import SelarasCore
import SelarasHTML
import SelarasJSONLines

/// The work of `selaras extract`: saved pages (files, or `{"id","html","url"?}` JSON lines) into
/// `PageRecord` lines, in input order, several pages at once.
public struct PageExtractionJob: Sendable {
    public var reading: PageReading

    public init(reading: PageReading = PageReading()) {
        self.reading = reading
    }

    /// Extracts every record of a JSON-lines stream; a page that cannot be read is reported with its
    /// line and skipped, and the others are written.
    public func jsonLines(fd: Int32, source: String, output: FileOutput, report: @escaping @Sendable (Diagnostic) -> Void) -> JSONLinesJob.Outcome {
        let reading = self.reading
        return JSONLinesJob(schema: PageRecord.schema).run(fd: fd, source: source, output: output, report: report) { record, out throws(Diagnostic) in
            // The html field's UTF-8 straight from the JSON reader (valid, unescaped): no String made.
            let html = record.withString(0) { Array($0) }
            let page: HTMLArticleReader.Page
            do {
                page = try reading.read(utf8: html, id: record.id.value, path: "\(source):\(record.number)", url: record.string(1))
            } catch let error as Diagnostic {
                throw Diagnostic(error.severity, error.code, at: record.location, error.message, subject: record.id.value, action: .skipped)
            } catch {
                throw Diagnostic.error(.htmlUnreadable, at: record.location, "\(error)", subject: record.id.value, action: .skipped)
            }
            for d in page.diagnostics { report(d) }
            out.beginRecord(id: record.id)
            PageRecord.write(page, to: &out)
            out.endRecord()
        }
    }

    /// One page file as one record line (id: the file name without `.html`/`.htm`/`.gz`).
    public func file(_ path: String, data: Data) throws(Diagnostic) -> (line: [UInt8], diagnostics: [Diagnostic]) {
        let id = ArticleReader().proposedID(for: ArticleSource(url: URL(fileURLWithPath: path)))
        let page = try reading.read(data: data, id: id, path: path)
        var out = JSONWriter()
        out.beginRecord(id: JSONID(string: id))
        PageRecord.write(page, to: &out)
        out.endRecord()
        return (out.bytes, page.diagnostics)
    }

    /// Extracts page files (`-` is standard input), several at once, results in order.
    public func files(_ names: [String]) -> [Result<(line: [UInt8], diagnostics: [Diagnostic]), Diagnostic>] {
        Parallel.map(names) { name in
            let data = name == "-" ? FileHandle.standardInput.readDataToEndOfFile() : FileManager.default.contents(atPath: name)
            guard let data else {
                return .failure(.error(.htmlUnreadable, at: SourceLocation(file: name), "cannot read the file", action: .failed))
            }
            return Result { () throws(Diagnostic) in try file(name == "-" ? "stdin.html" : name, data: data) }
        }
    }
}
