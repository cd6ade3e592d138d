import Foundation
import SelarasPipeline

/// Renders run events on stderr: failures and warnings always; a progress line (count, rate, ETA)
/// only when stderr is a terminal.
final class ProgressDisplay: @unchecked Sendable {
    private let enabled: Bool
    private let lock = NSLock()
    private var start = Date()
    private var lastDraw = Date.distantPast
    private var drawn = false
    private var jobs = 1

    init(enabled: Bool) {
        self.enabled = enabled
    }

    func handle(_ event: RunEvent) {
        lock.lock(); defer { lock.unlock() }
        switch event {
        case let .warning(message):
            clearLocked()
            Console.error("warning: \(message)")
        case let .started(total, jobs):
            start = Date()
            self.jobs = jobs
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
        lock.lock(); defer { lock.unlock() }
        clearLocked()
    }

    private func clearLocked() {
        if drawn { Console.errorRaw("\r\u{1B}[K"); drawn = false }
    }

    private func draw(done: Int, total: Int, force: Bool) {
        let now = Date()
        guard force || now.timeIntervalSince(lastDraw) >= 0.1 else { return }
        lastDraw = now
        let elapsed = now.timeIntervalSince(start)
        let rate = elapsed > 0 ? Double(done) / elapsed : 0
        var line = "\r\u{1B}[K[\(done)/\(total)] \(String(format: "%.1f", rate)) articles/s, \(jobs) jobs"
        if rate > 0, done < total {
            line += ", ETA \(Self.duration(Double(total - done) / rate))"
        }
        Console.errorRaw(line)
        drawn = true
    }

    static func duration(_ s: Double) -> String {
        let t = Int(s.rounded())
        return t >= 3600 ? String(format: "%d:%02d:%02d", t / 3600, t / 60 % 60, t % 60) : String(format: "%d:%02d", t / 60, t % 60)
    }
}
