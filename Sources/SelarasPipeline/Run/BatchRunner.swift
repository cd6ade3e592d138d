import Foundation
import SelarasCore

/// Setup problems that stop a run before any article is processed (exit code 2 in the CLI).
public struct RunSetupError: Error, Sendable, CustomStringConvertible {
    public var message: String
    public init(_ message: String) { self.message = message }
    public var description: String { message }
}

/// Runs a validated pipeline over a batch of articles.
///
/// Articles are processed in parallel (`jobs` at once). A failing article (unreadable, binary,
/// empty, invalid encoding, a stage error) is reported with its path and reason and the rest go on.
/// An article whose input, config and resources are unchanged since the last run is skipped and its
/// files are not rewritten (unless `force`). Every file is written atomically. `cancel()` stops
/// taking new articles; those in progress finish, and the report says the run was interrupted.
public final class BatchRunner: Sendable {
    public struct Options: Sendable {
        /// Replaces the config's inputs when not nil.
        public var inputs: [String]?
        /// Replaces the config's output folder when not nil.
        public var output: URL?
        /// Articles at once; nil → the config's `jobs`, else one per core.
        public var jobs: Int?
        /// Process every article even when unchanged.
        public var force: Bool
        /// Only this shard's articles (`--shard K/N`); its report is `run.K-of-N.json` and the
        /// batch files (`index.html`, `run.tmx`) are left to `report merge`.
        public var shard: Shard? = nil

        public init(inputs: [String]? = nil, output: URL? = nil, jobs: Int? = nil, force: Bool = false, shard: Shard? = nil) {
            self.shard = shard
            self.inputs = inputs
            self.output = output
            self.jobs = jobs
            self.force = force
        }
    }

    public let config: PipelineConfig
    public let options: Options
    private let onEvent: @Sendable (RunEvent) -> Void
    private let cancelled = Locked(false)

    /// `config`'s stages are built from the types its loader's registry gave them.
    public init(config: PipelineConfig, options: Options = Options(), onEvent: @escaping @Sendable (RunEvent) -> Void = { _ in }) {
        self.config = config
        self.options = options
        self.onEvent = onEvent
    }

    /// Stops taking new articles (safe to call from a signal handler's queue).
    public func cancel() {
        cancelled.set(true)
    }

    public var isCancelled: Bool { cancelled.value }

    /// The output folder of this run.
    public var output: URL { options.output ?? config.output }

    /// Runs the batch and returns its report (also written as `run.json`).
    public func run() throws -> RunReport {
        let started = Date()
        let output = self.output
        do {
            try FileManager.default.createDirectory(at: output, withIntermediateDirectories: true)
        } catch {
            throw RunSetupError("\(output.path): cannot create the output folder: \((error as NSError).localizedDescription)")
        }
        // Checked before any article is read, rather than reported once per output file.
        guard access(output.path, W_OK | X_OK) == 0 else {
            throw RunSetupError("\(output.path): cannot write to the output folder: \(String(cString: strerror(errno)))")
        }
        // One run per output folder (per shard: shards of one split share a folder); a second
        // is refused rather than left to interleave its state with the first's.
        let lock: FileLock
        do {
            lock = try FileLock(output.appendingPathComponent(".selaras/run\(options.shard.map { "." + $0.label } ?? "").lock"), wait: false)
        } catch {
            if case let .held(_, holder) = error {
                throw RunSetupError("\(output.path): another selaras run is writing to this folder (\(holder.isEmpty ? "running" : holder)); wait for it to finish or use another --output")
            }
            throw RunSetupError("\(output.path): \(error)")
        }
        defer { lock.unlock() }
        AtomicFile.removeStaleTemporaries(in: output)
        AtomicFile.removeStaleTemporaries(in: output.appendingPathComponent(".selaras"))

        // Inputs.
        let inputs = options.inputs ?? config.inputs
        guard !inputs.isEmpty else {
            throw RunSetupError("no inputs: give --input PATH or set 'inputs' in \(config.url.path)")
        }
        let files: [URL]
        do {
            files = try InputResolver().resolve(inputs)
        } catch {
            throw RunSetupError("\(error)")
        }
        let allSources = ArticleSource.expand(files)
        let reader = ArticleReader(pages: PageReading(config.resources[PageResource.self]), maxBytes: config.maxArticleBytes)
        let allIDs = Self.uniqueIDs(allSources.map(reader.proposedID(for:)))
        // Ids are made unique over the whole batch first, so every shard names an article alike.
        let mine = options.shard.map { shard in allIDs.indices.filter { shard.contains(allIDs[$0]) } } ?? Array(allIDs.indices)
        let sources = mine.map { allSources[$0] }
        let ids = mine.map { allIDs[$0] }

        // Stages and resources, once for the run.
        let context = RunContext(config: config, output: output, date: started) { [onEvent] in onEvent(.warning($0)) }
        var stages: [any Stage] = []
        for sc in config.stages {
            do {
                stages.append(try sc.type.make(sc.options, context: context))
            } catch {
                throw RunSetupError("\(sc.location): stage '\(sc.name)' cannot start: \(error)")
            }
        }
        let runFingerprint = Self.fingerprint(config: config, stages: stages, context: context)

        var state = RunState.load(from: output, shard: options.shard)
        let previous = state
        let journal = RunJournal(output: output, shard: options.shard)
        let jobs = max(1, options.jobs ?? config.jobs ?? ProcessInfo.processInfo.activeProcessorCount)
        onEvent(.started(total: sources.count, jobs: jobs))

        // Work.
        let work = WorkList(count: sources.count)
        let stageList = stages
        let group = DispatchGroup()
        for _ in 0..<min(jobs, max(sources.count, 1)) {
            group.enter()
            let thread = Thread { [self] in
                defer { group.leave() }
                while !self.isCancelled, let i = work.take() {
                    let (entry, stateEntry) = self.process(sources[i], id: ids[i], stages: stageList, reader: reader,
                                                           runFingerprint: runFingerprint, previous: previous)
                    if entry.status == .ok, let stateEntry { journal?.append(ids[i], stateEntry) }
                    let done = work.complete(i, entry, stateEntry)
                    onEvent(.finished(entry, done: done, total: sources.count))
                }
            }
            thread.stackSize = 8 << 20
            thread.start()
        }
        group.wait()
        let (results, newEntries) = work.collected()

        let articles = results.compactMap { $0 }
        var totals = RunReport.Totals()
        totals.articles = sources.count
        for a in articles {
            switch a.status {
            case .ok: totals.ok += 1
            case .failed: totals.failed += 1
            case .skipped: totals.skipped += 1
            case .partial: totals.partial += 1
            }
        }
        totals.notRun = sources.count - articles.count
        for a in articles where a.status == .failed || a.status == .partial { state.articles[a.id] = nil }
        for (id, e) in newEntries { state.articles[id] = e }

        let finished = Date()
        var report = RunReport(
            tool: "\(SelarasInfo.name) \(SelarasInfo.version)", pipeline: config.name, config: config.url.path,
            output: output.path, started: started, finished: finished, seconds: finished.timeIntervalSince(started),
            jobs: jobs, interrupted: isCancelled, totals: totals, warnings: context.warnings, articles: articles)
        if let shard = options.shard {
            report.shard = shard.description
        } else {
            for stage in stages {
                do {
                    try stage.finish(report)
                } catch {
                    report.warnings.append("stage '\(type(of: stage).name)': batch outputs: \(error)")
                    onEvent(.warning("stage '\(type(of: stage).name)': batch outputs: \(error)"))
                }
            }
        }
        try? state.save(to: output, shard: options.shard)
        try AtomicFile.write(report.encoded(), to: output.appendingPathComponent(options.shard?.reportName ?? "run.json"))
        return report
    }

    /// `selaras report merge OUT`: the shard reports in `output` (`run.K-of-N.json`, all of one N)
    /// merged into `run.json`, and the batch files (`index.html`, `run.tmx`) written from it by the
    /// stages of the config the shards ran. Throws when a shard's report is missing.
    public static func merge(output: URL, onEvent: @escaping @Sendable (RunEvent) -> Void = { _ in }) throws -> RunReport {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: output.path)) ?? []
        var reports: [Int: [(Shard, RunReport)]] = [:]
        for name in names where name.hasPrefix("run.") && name.hasSuffix(".json") && name != "run.json" {
            let label = name.dropFirst(4).dropLast(5).split(separator: "-")
            guard label.count == 3, label[1] == "of", let k = Int(label[0]), let n = Int(label[2]), let shard = Shard(index: k, count: n) else { continue }
            let data = try Data(contentsOf: output.appendingPathComponent(name))
            do {
                reports[n, default: []].append((shard, try RunReport.decoded(data)))
            } catch {
                throw RunSetupError("\(output.appendingPathComponent(name).path): not a run report: \(error)")
            }
        }
        guard !reports.isEmpty else { throw RunSetupError("\(output.path): no shard reports (run.K-of-N.json) to merge") }
        let lock: FileLock
        do { lock = try FileLock(output.appendingPathComponent(".selaras/run.lock"), wait: false) } catch {
            throw RunSetupError("\(output.path): a run is writing to this folder; merge when it has finished (\(error))")
        }
        defer { lock.unlock() }
        guard reports.count == 1, let (n, shards) = reports.first else {
            throw RunSetupError("\(output.path): shard reports of different splits (\(reports.keys.sorted().map { "of \($0)" }.joined(separator: ", "))); remove the stale ones")
        }
        let have = Set(shards.map(\.0.index))
        let missing = (1...n).filter { !have.contains($0) }
        guard missing.isEmpty else {
            throw RunSetupError("\(output.path): shard reports missing: \(missing.map { "run.\($0)-of-\(n).json" }.joined(separator: ", "))")
        }
        let parts = shards.sorted { $0.0.index < $1.0.index }.map(\.1)
        let first = parts[0]
        var totals = RunReport.Totals()
        for p in parts {
            totals.articles += p.totals.articles; totals.ok += p.totals.ok; totals.failed += p.totals.failed
            totals.skipped += p.totals.skipped; totals.partial += p.totals.partial; totals.notRun += p.totals.notRun
        }
        let started = parts.map(\.started).min()!, finished = parts.map(\.finished).max()!
        var merged = RunReport(
            tool: first.tool, pipeline: first.pipeline, config: first.config, output: output.path, started: started, finished: finished,
            seconds: finished.timeIntervalSince(started), jobs: parts.map(\.jobs).reduce(0, +), interrupted: parts.contains { $0.interrupted },
            totals: totals, warnings: Array(Set(parts.flatMap(\.warnings))).sorted(),
            articles: parts.flatMap(\.articles).sorted { $0.id < $1.id })
        merged.shard = nil
        let config: PipelineConfig
        do {
            config = try ConfigLoader(checkInputs: false).load(URL(fileURLWithPath: first.config))
        } catch {
            throw RunSetupError("\(first.config): the shards' config cannot be read: \(error)")
        }
        let context = RunContext(config: config, output: output, date: started) { onEvent(.warning($0)) }
        for sc in config.stages {
            let stage: any Stage
            do {
                stage = try sc.type.make(sc.options, context: context)
            } catch {
                throw RunSetupError("\(sc.location): stage '\(sc.name)' cannot start: \(error)")
            }
            do {
                try stage.finish(merged)
            } catch {
                merged.warnings.append("stage '\(sc.name)': batch outputs: \(error)")
            }
        }
        try AtomicFile.write(merged.encoded(), to: output.appendingPathComponent("run.json"))
        return merged
    }

    /// The part of every article's skip fingerprint that the run shares: the config file and tool
    /// version, every file a stage's options name (an SRX file), every resource the stages read
    /// (declared by the stages, with their dependencies: files and store revisions), and the stages'
    /// own extra values.
    static func fingerprint(config: PipelineConfig, stages: [any Stage], context: RunContext) -> String {
        var f = Fingerprint()
        f.combine(config.fingerprint)
        for sc in config.stages {
            for url in sc.options.files.sorted(by: { $0.path < $1.path }) {
                f.combine("\(sc.name):\(url.path)")
                f.combine(Fingerprint.ofFile(url)?.hex ?? "missing")
            }
        }
        for line in context.fingerprint(of: config.stages.flatMap { $0.type.resources }) { f.combine(line) }
        for value in stages.flatMap(\.fingerprintValues) { f.combine(value) }
        return f.hex
    }

    /// Processes one article: skip when unchanged, else read and run every stage.
    func process(_ source: ArticleSource, id: String, stages: [any Stage], reader: ArticleReader,
                 runFingerprint: String, previous: RunState) -> (RunReport.Article, RunState.Entry?) {
        let data: Data
        do {
            data = try reader.bytes(of: source)
        } catch {
            let e = error as? ArticleError
            return (RunReport.Article(id: id, source: source.label, status: .failed, error: "\(error)", reason: e?.reason ?? "unreadable"), nil)
        }
        var fp = Fingerprint()
        fp.combine(runFingerprint)
        fp.combine(id)
        fp.combine(data)
        let fingerprint = fp.hex
        if !options.force, let entry = previous.isUpToDate(id, fingerprint: fingerprint, output: output) {
            return (RunReport.Article(id: id, source: source.label, status: .skipped, title: entry.title,
                                      counts: entry.counts, outputs: entry.outputs), entry)
        }
        let article: Article
        do {
            article = try reader.read(source, data: data, id: id)
        } catch {
            let e = error as? ArticleError
            return (RunReport.Article(id: id, source: source.label, status: .failed, error: "\(error)", reason: e?.reason ?? "unreadable"), nil)
        }
        var document = Document(article: article)
        let run = ArticleRun()
        var timings: [RunReport.StageTime] = []
        for stage in stages {
            let name = type(of: stage).name
            let t0 = DispatchTime.now().uptimeNanoseconds
            do {
                try stage.process(&document, run: run)
            } catch {
                return (RunReport.Article(id: id, source: source.label, status: .failed, title: article.title,
                                          error: "\(source.label): \(error)", reason: "stage:\(name)", timings: timings,
                                          counts: RunReport.Counts(document), outputs: run.outputs, warnings: run.warnings), nil)
            }
            timings.append(.init(stage: name, milliseconds: Double(DispatchTime.now().uptimeNanoseconds - t0) / 1e6))
        }
        let counts = RunReport.Counts(document)
        var report = RunReport.Article(id: id, source: source.label, status: run.incomplete ? .partial : .ok, title: article.title,
                                       timings: timings, counts: counts, outputs: run.outputs, warnings: run.warnings)
        report.machineTranslation = run.machineTranslation
        // An incomplete article is not recorded as done, so the next run tries it again.
        let entry = run.incomplete ? nil
            : RunState.Entry(fingerprint: fingerprint, source: source.label, title: article.title, outputs: run.outputs, counts: counts)
        return (report, entry)
    }

    /// Makes identifiers unique in order: the second `a` becomes `a-2`, and so on.
    static func uniqueIDs(_ proposed: [String]) -> [String] {
        var used = Set<String>()
        return proposed.map { id in
            var candidate = id
            var n = 2
            while used.contains(candidate) { candidate = "\(id)-\(n)"; n += 1 }
            used.insert(candidate)
            return candidate
        }
    }
}

/// The shared to-do list of a run's worker threads.
private final class WorkList: Sendable {
    private struct State {
        var next = 0
        var done = 0
        var results: [RunReport.Article?]
        var entries: [String: RunState.Entry] = [:]
    }
    private let state: Locked<State>
    private let count: Int

    init(count: Int) {
        self.count = count
        state = Locked(State(results: Array(repeating: nil, count: count)))
    }

    /// The next article index, or nil when all are taken.
    func take() -> Int? {
        let count = self.count
        return state.withLock { s -> Int? in
            guard s.next < count else { return nil }
            s.next += 1
            return s.next - 1
        }
    }

    /// Records a result; returns how many are done.
    func complete(_ i: Int, _ article: RunReport.Article, _ entry: RunState.Entry?) -> Int {
        state.withLock { s in
            s.results[i] = article
            if let entry { s.entries[article.id] = entry }
            s.done += 1
            return s.done
        }
    }

    func collected() -> ([RunReport.Article?], [String: RunState.Entry]) {
        let s = state.value
        return (s.results, s.entries)
    }
}
