import Foundation
import SelarasCore

/// Renders a run's events for a terminal: failures and warnings always, as lines; a progress line
/// (count, rate, ETA, redrawn in place at most ten times a second) only when `enabled`. Everything
/// goes to the `line` and `raw` sinks the command line gives (stderr); this type prints nothing.
public final class ProgressDisplay: Sendable {
    private struct State {
        var start = Date()
        var lastDraw = Date.distantPast
        var drawn = false
        var jobs = 1
    }
    private let enabled: Bool
    private let state = Locked(State())
    private let line: @Sendable (String) -> Void
    private let raw: @Sendable (String) -> Void

    public init(enabled: Bool, line: @escaping @Sendable (String) -> Void, raw: @escaping @Sendable (String) -> Void) {
        self.enabled = enabled
        self.line = line
        self.raw = raw
    }

    public func handle(_ event: RunEvent) {
        state.withLock { s in handle(event, &s) }
    }

    private func handle(_ event: RunEvent, _ s: inout State) {
        func clearLocked() { clear(&s) }
        func draw(done: Int, total: Int, force: Bool) { self.draw(&s, done: done, total: total, force: force) }
        switch event {
        case let .warning(message):
            clearLocked()
            line("warning: \(message)")
        case let .started(total, jobs):
            s.start = Date()
            s.jobs = jobs
            if enabled { draw(done: 0, total: total, force: true) }
        case let .finished(article, done, total):
            if article.status == .failed {
                clearLocked()
                line("error: \(article.error ?? article.source)")
            }
            for w in article.warnings {
                clearLocked()
                line("warning: \(article.source): \(w)")
            }
            if enabled { draw(done: done, total: total, force: done == total) }
        }
    }

    /// Erases the progress line.
    public func clear() {
        state.withLock { clear(&$0) }
    }

    private func clear(_ s: inout State) {
        if s.drawn { raw("\r\u{1B}[K"); s.drawn = false }
    }

    private func draw(_ s: inout State, done: Int, total: Int, force: Bool) {
        let now = Date()
        guard force || now.timeIntervalSince(s.lastDraw) >= 0.1 else { return }
        s.lastDraw = now
        let elapsed = now.timeIntervalSince(s.start)
        let jobs = s.jobs
        let rate = elapsed > 0 ? Double(done) / elapsed : 0
        var line = "\r\u{1B}[K[\(done)/\(total)] \(String(format: "%.1f", rate)) articles/s, \(jobs) jobs"
        if rate > 0, done < total {
            line += ", ETA \(Self.duration(Double(total - done) / rate))"
        }
        raw(line)
        s.drawn = true
    }

    static func duration(_ s: Double) -> String {
        let t = Int(s.rounded())
        return t >= 3600 ? String(format: "%d:%02d:%02d", t / 3600, t / 60 % 60, t % 60) : String(format: "%d:%02d", t / 60, t % 60)
    }
}
