import Foundation
import SelarasCore
import SelarasPipeline

/// Renders run events on stderr: failures and warnings always; a progress line (count, rate, ETA)
/// only when stderr is a terminal.
final class ProgressDisplay: Sendable {
    private struct State {
        var start = Date()
        var lastDraw = Date.distantPast
        var drawn = false
        var jobs = 1
    }
    private let enabled: Bool
    private let state = Locked(State())

    init(enabled: Bool) {
        self.enabled = enabled
    }

    func handle(_ event: RunEvent) {
        let enabled = self.enabled
        state.withLock { s in Self.handle(event, &s, enabled: enabled) }
    }

    private static func handle(_ event: RunEvent, _ s: inout State, enabled: Bool) {
        func clearLocked() { Self.clear(&s) }
        func draw(done: Int, total: Int, force: Bool) { Self.draw(&s, done: done, total: total, force: force) }
        switch event {
        case let .warning(message):
            clearLocked()
            Console.error("warning: \(message)")
        case let .started(total, jobs):
            s.start = Date()
            s.jobs = jobs
            if enabled { draw(done: 0, total: total, force: true) }
        case let .finished(article, done, total):
            if article.status == .failed {
                clearLocked()
                Console.error("error: \(article.error ?? article.source)")
            }
            for w in article.warnings {
                clearLocked()
                Console.error("warning: \(article.source): \(w)")
            }
            if enabled { draw(done: done, total: total, force: done == total) }
        }
    }

    /// Erases the progress line.
    func clear() {
        state.withLock { Self.clear(&$0) }
    }

    private static func clear(_ s: inout State) {
        if s.drawn { Console.errorRaw("\r\u{1B}[K"); s.drawn = false }
    }

    private static func draw(_ s: inout State, done: Int, total: Int, force: Bool) {
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
        Console.errorRaw(line)
        s.drawn = true
    }

    static func duration(_ s: Double) -> String {
        let t = Int(s.rounded())
        return t >= 3600 ? String(format: "%d:%02d:%02d", t / 3600, t / 60 % 60, t % 60) : String(format: "%d:%02d", t / 60, t % 60)
    }
}
