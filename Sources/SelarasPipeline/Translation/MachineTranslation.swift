import SelarasCore
import SelarasOutput

/// Fills what the TM left untranslated with a provider's machine translation.
public enum MachineTranslation {
    /// What one `fill` did.
    public struct Report: Sendable, Hashable {
        /// Distinct sentences sent to the provider.
        public var requested = 0
        /// Segments that got English from the provider.
        public var translated = 0
        public var failures: [TranslationFailure] = []
    }

    /// Gives every segment without English the provider's translation, marked
    /// `Target.Provenance.machine` with the provider's name as origin.
    ///
    /// Without a targets layer, targets are first taken from the best TM match at or above
    /// `fillThreshold` (as the writers would), so TM English is never replaced by MT. Identical
    /// sentences are sent once. A sentence the provider fails on stays untranslated, its target's
    /// origin saying why, and the failure is in the report. Furniture (datelines, "Baca juga"
    /// lines) is left out unless `includeFurniture`. With `NoneProvider`, nothing is sent.
    public static func fill(_ document: inout Document, provider: any TranslationProvider, fillThreshold: Double,
                            includeFurniture: Bool = false) -> Report {
        var report = Report()
        guard let segments = document.segments else { return report }
        var targets: [Target]
        if let t = document.targets, t.count == segments.count {
            targets = t
        } else {
            targets = segments.indices.map { i in
                if let t = document.targets, i < t.count { return t[i] }
                let best = (document.matches.flatMap { i < $0.count ? $0[i] : nil } ?? []).max { $0.score < $1.score }
                if let best, best.score >= fillThreshold { return BilingualView.target(from: best) }
                return .untranslated
            }
        }
        defer { document.targets = targets }
        if provider is NoneProvider { return report }

        var pending: [String: [Int]] = [:]  // text -> segment indices
        var order: [String] = []
        for (i, seg) in segments.enumerated() {
            let t = targets[i]
            guard t.text == nil || t.provenance == .untranslated else { continue }
            guard includeFurniture || seg.role != .furniture else { continue }
            guard !seg.text.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty else { continue }
            if pending[seg.text] == nil { order.append(seg.text) }
            pending[seg.text, default: []].append(i)
        }
        guard !order.isEmpty else { return report }
        let requests = order.map { text in
            TranslationRequest(id: "\(document.article.id)#\(segments[pending[text]![0]].id)", text: text)
        }
        report.requested = requests.count
        let outcomes = provider.translate(requests)
        for (k, text) in order.enumerated() {
            let outcome = k < outcomes.count ? outcomes[k]
                : .failure(TranslationFailure(provider: provider.name, id: requests[k].id, message: "no outcome returned"))
            switch outcome {
            case let .success(english):
                for i in pending[text]! {
                    targets[i] = Target(text: english, provenance: .machine, origin: provider.name)
                    report.translated += 1
                }
            case let .failure(f):
                report.failures.append(f)
                for i in pending[text]! {
                    targets[i] = Target(text: nil, provenance: .untranslated, origin: "\(f.provider) failed: \(f.message)")
                }
            }
        }
        return report
    }
}
