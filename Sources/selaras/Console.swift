import Foundation
import SelarasCore
import SelarasJSONLines

/// Where the command line writes: results to stdout, messages to stderr. Only the CLI prints.
enum Console {
    private static let lock = Locked(0)

    /// Writes a line to stderr.
    @Sendable static func error(_ message: String) {
        lock.withLock { _ in FileHandle.standardError.write(Data((message + "\n").utf8)) }
    }

    /// Writes to stderr without a newline (progress lines).
    static func errorRaw(_ text: String) {
        lock.withLock { _ in FileHandle.standardError.write(Data(text.utf8)) }
    }

    /// Prints a diagnostic (its one printed form).
    @Sendable static func report(_ diagnostic: Diagnostic) {
        error(diagnostic.description)
    }

    /// Prints an error: as a diagnostic when it is or has one, else as `error: ...`.
    static func report(_ error: any Error) {
        if let list = error as? Diagnostics {
            for d in list.list { report(d) }
        } else if error is Diagnostic || error is DiagnosticConvertible {
            report(Diagnostic.from(error))
        } else {
            self.error("error: \(error)")
        }
    }

    /// Whether stderr is a terminal (progress is shown only then).
    static var stderrIsTerminal: Bool { isatty(STDERR_FILENO) == 1 }
}

/// The inputs of a command (`FileInputs`), their problems printed on stderr.
typealias Inputs = FileInputs

extension FileInputs.Input {
    func open() -> Int32? { open(report: Console.error) }
    func readAll(_ fd: Int32) -> [UInt8]? { readAll(fd, report: Console.error) }
}
