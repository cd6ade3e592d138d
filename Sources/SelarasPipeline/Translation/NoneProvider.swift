/// The `none` provider: translates nothing, so sentences the TM did not fill stay marked
/// untranslated (and show as such in every output).
public struct NoneProvider: TranslationProvider {
    public init() {}

    public var name: String { "none" }

    public func translate(_ requests: [TranslationRequest]) -> [TranslationOutcome] {
        requests.map { .failure(TranslationFailure(provider: name, id: $0.id, message: "no translation provider configured")) }
    }
}
