import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Runs a program with bytes on stdin and a deadline, collecting stdout and stderr.
///
/// The program is started with posix_spawn in a process group of its own. One thread does all the
/// I/O with poll(2), so a program that writes before it has read all its input cannot deadlock us,
/// and the deadline holds even when the program started children that keep the pipes open: at the
/// deadline the whole group gets SIGTERM, then SIGKILL after a one-second grace period.
struct ProcessRunner {
    struct Outcome {
        var stdout = Data()
        var stderr = Data()
        /// Exit status (128 + signal number when killed by a signal); nil when it timed out or
        /// could not be started.
        var status: Int32?
        var timedOut = false
        /// Set when the program wrote more than `maxOutput` bytes to stdout (it was then stopped).
        var outputTooLarge = false
        /// Set when the program could not be started.
        var launchError: String?
    }

    /// Serialises pipe creation and spawning among our own runs, so that a program started by one
    /// thread never inherits the pipe of another before close-on-exec is set.
    private static let spawnLock = NSLock()

    /// `environment` adds to (or replaces in) this process's environment for the program.
    /// The most a program may write to stdout (a provider's reply, an extractor's article) before
    /// it is stopped; stderr keeps its first `maxErrorOutput` bytes.
    static let maxOutput = 64 << 20
    static let maxErrorOutput = 1 << 20

    static func run(_ executable: String, _ arguments: [String], input: Data, timeout: TimeInterval,
                    environment: [String: String] = [:], maxOutput: Int = ProcessRunner.maxOutput) -> Outcome {
        var outcome = Outcome()
        spawnLock.lock()
        var locked = true
        defer { if locked { spawnLock.unlock() } }
        var inFDs: [Int32] = [-1, -1], outFDs: [Int32] = [-1, -1], errFDs: [Int32] = [-1, -1]
        // Close-on-exec everywhere: dup2 in the child clears it on fds 0-2 only.
        func makePipe(_ fds: inout [Int32]) -> Bool {
            guard pipe(&fds) == 0 else { return false }
            for fd in fds { _ = fcntl(fd, F_SETFD, FD_CLOEXEC) }
            return true
        }
        guard makePipe(&inFDs), makePipe(&outFDs), makePipe(&errFDs) else {
            for fd in inFDs + outFDs + errFDs where fd >= 0 { close(fd) }
            outcome.launchError = "cannot create pipes: \(String(cString: strerror(errno)))"
            return outcome
        }

        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_adddup2(&actions, inFDs[0], 0)
        posix_spawn_file_actions_adddup2(&actions, outFDs[1], 1)
        posix_spawn_file_actions_adddup2(&actions, errFDs[1], 2)

        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        var emptyMask = sigset_t(), defaults = sigset_t()
        sigemptyset(&emptyMask)
        sigemptyset(&defaults)
        sigaddset(&defaults, SIGPIPE)
        posix_spawnattr_setsigmask(&attributes, &emptyMask)
        posix_spawnattr_setsigdefault(&attributes, &defaults)
        posix_spawnattr_setpgroup(&attributes, 0)
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETPGROUP | POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF))

        let argv: [UnsafeMutablePointer<CChar>?] = ([executable] + arguments).map { strdup($0) } + [nil]
        defer { for p in argv { free(p) } }
        var pid: pid_t = 0
        var envp: [UnsafeMutablePointer<CChar>?] = []
        if !environment.isEmpty {
            var i = 0
            while let entry = environ[i] {
                let name = String(cString: entry).prefix { $0 != "=" }
                if environment[String(name)] == nil { envp.append(strdup(entry)) }
                i += 1
            }
            for (k, v) in environment { envp.append(strdup("\(k)=\(v)")) }
            envp.append(nil)
        }
        defer { for p in envp { free(p) } }
        let spawned = environment.isEmpty ? posix_spawn(&pid, executable, &actions, &attributes, argv, environ)
            : posix_spawn(&pid, executable, &actions, &attributes, argv, envp)
        close(inFDs[0]); close(outFDs[1]); close(errFDs[1])
        spawnLock.unlock()
        locked = false
        guard spawned == 0 else {
            close(inFDs[1]); close(outFDs[0]); close(errFDs[0])
            outcome.launchError = "cannot start \(executable): \(String(cString: strerror(spawned)))"
            return outcome
        }

        // A program that exits without reading all its input makes our write raise SIGPIPE, which
        // would end the whole process: block it on this thread and discard it afterwards.
        var pipeSignal = sigset_t(), previousMask = sigset_t()
        sigemptyset(&pipeSignal)
        sigaddset(&pipeSignal, SIGPIPE)
        pthread_sigmask(SIG_BLOCK, &pipeSignal, &previousMask)
        defer {
            var pending = sigset_t()
            sigpending(&pending)
            if sigismember(&pending, SIGPIPE) == 1 {
                var zero = timespec(tv_sec: 0, tv_nsec: 0)
                _ = sigtimedwait(&pipeSignal, nil, &zero)
            }
            pthread_sigmask(SIG_SETMASK, &previousMask, nil)
        }

        let inFD = inFDs[1], outFD = outFDs[0], errFD = errFDs[0]
        for fd in [inFD, outFD, errFD] { _ = fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) | O_NONBLOCK) }
        var inOpen = true, outOpen = true, errOpen = true
        func closeInput() {
            if inOpen { close(inFD); inOpen = false }
        }
        if input.isEmpty { closeInput() }

        let deadline = Date().addingTimeInterval(timeout)
        var written = 0
        var buffer = [UInt8](repeating: 0, count: 65536)
        var exitStatus: Int32? = nil

        while outOpen || errOpen || exitStatus == nil {
            if outcome.outputTooLarge { break }
            let remaining = deadline.timeIntervalSinceNow
            if remaining <= 0 { outcome.timedOut = true; break }
            if exitStatus == nil { exitStatus = reap(pid, block: false) }
            if !outOpen && !errOpen {
                // Output closed; wait for the exit a little at a time.
                if exitStatus == nil { usleep(2000) }
                continue
            }
            var fds: [pollfd] = []
            if inOpen { fds.append(pollfd(fd: inFD, events: Int16(POLLOUT), revents: 0)) }
            if outOpen { fds.append(pollfd(fd: outFD, events: Int16(POLLIN), revents: 0)) }
            if errOpen { fds.append(pollfd(fd: errFD, events: Int16(POLLIN), revents: 0)) }
            let ready = poll(&fds, nfds_t(fds.count), Int32(min(remaining, 0.2) * 1000) + 1)
            if ready < 0 {
                if errno == EINTR { continue }
                break
            }
            for p in fds where p.revents != 0 {
                if p.fd == inFD && inOpen {
                    if p.revents & Int16(POLLERR | POLLHUP) != 0 { closeInput(); continue }
                    let n = input.withUnsafeBytes { raw in
                        write(inFD, raw.baseAddress!.advanced(by: written), min(raw.count - written, 65536))
                    }
                    if n > 0 { written += n }
                    if (n < 0 && errno != EAGAIN && errno != EINTR) || written >= input.count { closeInput() }
                } else if (p.fd == outFD && outOpen) || (p.fd == errFD && errOpen) {
                    let n = read(p.fd, &buffer, buffer.count)
                    if n > 0 {
                        if p.fd == outFD {
                            outcome.stdout.append(contentsOf: buffer[0..<n])
                            if outcome.stdout.count > maxOutput { outcome.outputTooLarge = true }
                        } else if outcome.stderr.count < Self.maxErrorOutput {
                            outcome.stderr.append(contentsOf: buffer[0..<min(n, Self.maxErrorOutput - outcome.stderr.count)])
                        }
                    } else if n == 0 || (errno != EAGAIN && errno != EINTR) {
                        if p.fd == outFD { outOpen = false } else { errOpen = false }
                    }
                }
            }
        }
        closeInput()
        close(outFD)
        close(errFD)

        if outcome.outputTooLarge || outcome.timedOut || exitStatus == nil {
            if !outcome.outputTooLarge { outcome.timedOut = true }
            outcome.stdout = Data()
            kill(-pid, SIGTERM)
            let grace = Date().addingTimeInterval(1)
            var status = reap(pid, block: false)
            while status == nil && Date() < grace {
                usleep(5000)
                status = reap(pid, block: false)
            }
            kill(-pid, SIGKILL)
            if status == nil { _ = reap(pid, block: true) }
            return outcome
        }
        outcome.status = exitStatus
        return outcome
    }

    /// The exit status of `pid` once it has ended (128 + signal when killed), else nil.
    private static func reap(_ pid: pid_t, block: Bool) -> Int32? {
        var status: Int32 = 0
        while true {
            let r = waitpid(pid, &status, block ? 0 : WNOHANG)
            if r == 0 { return nil }
            if r < 0 {
                if errno == EINTR { continue }
                return -1  // already reaped or not our child
            }
            let signal = status & 0x7f
            return signal == 0 ? (status >> 8) & 0xff : 128 + signal
        }
    }
}
