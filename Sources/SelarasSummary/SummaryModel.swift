import Foundation

/// The weights of the learned ranker: a logistic regression over standardised sentence features
/// (`SentenceFeature`), plus the constants of sentence selection. Stored as JSON
/// (`Resources/summary-model.json`, written by `scripts/summary/fit_weights.py`):
///
/// ```json
/// {"format": "selaras-summary-model", "version": 1,
///  "features": ["position_0", ...], "mean": [...], "scale": [...], "weights": [...], "intercept": -2.1,
///  "selection": {"redundancy": 0.0, "length_exponent": 0.2}, "analysis": {"stemming": false},
///  "training": {"data": "...", "articles": 750, "folds": 5, ...}}
/// ```
/// A sentence's probability of belonging in the summary is `σ(intercept + Σ weightₖ·(xₖ − meanₖ)/scaleₖ)`.
public struct SummaryModel: Sendable, Hashable {
    public var features: [SentenceFeature]
    public var mean: [Double]
    public var scale: [Double]
    public var weights: [Double]
    public var intercept: Double
    /// MMR trade-off used when picking sentences.
    public var redundancy: Double
    /// Preference for longer sentences when picking: relevance `× words^lengthExponent`.
    public var lengthExponent: Double
    /// Whether the features were computed on stemmed terms (the ranker then stems too).
    public var stemming: Bool

    public init(features: [SentenceFeature], mean: [Double], scale: [Double], weights: [Double], intercept: Double,
                redundancy: Double = 0, lengthExponent: Double = 0, stemming: Bool = false) {
        self.features = features
        self.mean = mean
        self.scale = scale
        self.weights = weights
        self.intercept = intercept
        self.redundancy = redundancy
        self.lengthExponent = lengthExponent
        self.stemming = stemming
    }

    /// The model shipped with Selaras, or the error that kept it from loading.
    public static let bundled: Result<SummaryModel, SummaryModelError> = {
        guard let url = Bundle.module.url(forResource: "summary-model", withExtension: "json") else {
            return .failure(.unreadable(path: "summary-model.json", reason: "not found in the SelarasSummary resources"))
        }
        return Result { try load(contentsOf: url) }.mapError { $0 as? SummaryModelError ?? .malformed(path: url.path, reason: "\($0)") }
    }()

    /// Reads a model file.
    public static func load(contentsOf url: URL) throws -> SummaryModel {
        let data: Data
        do {
            data = try Data(contentsOf: url)
        } catch {
            throw SummaryModelError.unreadable(path: url.path, reason: (error as NSError).localizedDescription)
        }
        return try decode(data, path: url.path)
    }

    /// Parses a model from JSON; `path` names it in errors.
    public static func decode(_ data: Data, path: String) throws -> SummaryModel {
        let file: File
        do {
            file = try JSONDecoder().decode(File.self, from: data)
        } catch let error as DecodingError {
            throw SummaryModelError.malformed(path: path, reason: Self.describe(error))
        } catch {
            throw SummaryModelError.malformed(path: path, reason: "\(error)")
        }
        guard file.format == File.formatName else {
            throw SummaryModelError.malformed(path: path, reason: "\"format\" is '\(file.format)', expected '\(File.formatName)'")
        }
        guard file.version == 1 else {
            throw SummaryModelError.malformed(path: path, reason: "unsupported version \(file.version) (this build reads version 1)")
        }
        var features: [SentenceFeature] = []
        for name in file.features {
            guard let f = SentenceFeature(rawValue: name) else { throw SummaryModelError.unknownFeature(path: path, name: name) }
            features.append(f)
        }
        for (key, list) in [("mean", file.mean), ("scale", file.scale), ("weights", file.weights)] where list.count != features.count {
            throw SummaryModelError.malformed(path: path, reason: "\"\(key)\" has \(list.count) values for \(features.count) features")
        }
        if let bad = file.scale.firstIndex(where: { !($0 > 0) || !$0.isFinite }) {
            throw SummaryModelError.malformed(path: path, reason: "\"scale\" for '\(file.features[bad])' must be positive")
        }
        if (file.mean + file.weights + [file.intercept]).contains(where: { !$0.isFinite }) {
            throw SummaryModelError.malformed(path: path, reason: "weights must be finite numbers")
        }
        return SummaryModel(features: features, mean: file.mean, scale: file.scale, weights: file.weights,
                            intercept: file.intercept, redundancy: file.selection?.redundancy ?? 0,
                            lengthExponent: file.selection?.lengthExponent ?? 0,
                            stemming: file.analysis?.stemming ?? false)
    }

    /// The probability that each row's sentence belongs in the summary.
    func probabilities(_ rows: [[Double]]) -> [Double] {
        rows.map { row in
            var z = intercept
            for k in row.indices { z += weights[k] * (row[k] - mean[k]) / scale[k] }
            return 1 / (1 + exp(-z))
        }
    }

    /// The JSON layout.
    struct File: Decodable {
        static let formatName = "selaras-summary-model"
        struct Selection: Decodable {
            var redundancy: Double?
            var lengthExponent: Double?
            enum CodingKeys: String, CodingKey { case redundancy, lengthExponent = "length_exponent" }
        }
        struct Analysis: Decodable {
            var stemming: Bool?
        }
        var format: String
        var version: Int
        var features: [String]
        var mean: [Double]
        var scale: [Double]
        var weights: [Double]
        var intercept: Double
        var selection: Selection?
        var analysis: Analysis?
    }

    static func describe(_ error: DecodingError) -> String {
        func path(_ c: DecodingError.Context) -> String {
            c.codingPath.map { $0.intValue.map { "[\($0)]" } ?? ".\($0.stringValue)" }.joined()
        }
        switch error {
        case let .keyNotFound(k, c): return "missing \"\(k.stringValue)\"\(c.codingPath.isEmpty ? "" : " in \(path(c))")"
        case let .typeMismatch(t, c): return "\(path(c)) should be \(t)"
        case let .valueNotFound(t, c): return "\(path(c)) should be \(t), found null"
        case let .dataCorrupted(c): return c.underlyingError.map { "not valid JSON (\($0.localizedDescription))" } ?? c.debugDescription
        @unknown default: return "\(error)"
        }
    }
}

/// Why a model file could not be used.
public enum SummaryModelError: Error, Sendable, Hashable, CustomStringConvertible {
    case unreadable(path: String, reason: String)
    case malformed(path: String, reason: String)
    case unknownFeature(path: String, name: String)

    public var description: String {
        switch self {
        case let .unreadable(path, reason): return "\(path): cannot read the summary model: \(reason)"
        case let .malformed(path, reason): return "\(path): not a valid summary model: \(reason)"
        case let .unknownFeature(path, name):
            let known = SentenceFeature.allCases.map(\.rawValue).joined(separator: ", ")
            return "\(path): unknown feature '\(name)' (known: \(known))"
        }
    }
}
