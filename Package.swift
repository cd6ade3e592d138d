// swift-tools-version:6.1
import PackageDescription

/// Selaras: Indonesian news articles into bilingual Indonesian/English work products.
/// One concern per target; see README.md and ARCHITECTURE.md for the data flow.
let package = Package(
    name: "Selaras",
    platforms: [.macOS(.v15)],
    products: [
        .executable(name: "selaras", targets: ["selaras"]),
        .library(name: "SelarasPipeline", targets: ["SelarasPipeline"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", exact: "1.8.2"),
        .package(url: "https://github.com/jpsim/Yams", exact: "6.2.2"),
        .package(url: "https://github.com/groue/GRDB.swift", exact: "7.10.0"),
    ],
    targets: [
        .systemLibrary(
            name: "CLibXML2",
            pkgConfig: "libxml-2.0",
            providers: [.apt(["libxml2-dev"])]
        ),
        .systemLibrary(name: "CZlib", providers: [.apt(["zlib1g-dev"])]),
        .systemLibrary(name: "CLibPQ", pkgConfig: "libpq", providers: [.apt(["libpq-dev"])]),
        .target(name: "SelarasCore"),
        .target(name: "SelarasJSONLines", dependencies: ["SelarasCore"]),
        .target(name: "SelarasFormats", dependencies: ["SelarasCore", "CLibXML2"]),
        .target(name: "SelarasText", dependencies: ["SelarasCore"], resources: [.process("Resources")]),
        .target(
            name: "SelarasSegmentation",
            dependencies: ["SelarasCore", "SelarasText", "SelarasFormats", "CLibXML2"],
            resources: [.copy("Resources")]
        ),
        .target(
            name: "SelarasTM",
            dependencies: [
                "SelarasCore", "SelarasText", "SelarasFormats", "CLibXML2", .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "GRDBSQLite", package: "GRDB.swift"),
            ]
        ),
        .target(name: "SelarasGlossary", dependencies: ["SelarasCore", "SelarasText", "SelarasFormats", "CLibXML2"]),
        .target(name: "SelarasQA", dependencies: ["SelarasCore", "SelarasText", "SelarasGlossary"]),
        .target(name: "SelarasAlign", dependencies: ["SelarasCore", "SelarasText", "SelarasGlossary", "CZlib"]),
        .target(name: "SelarasSummary", dependencies: ["SelarasCore", "SelarasText"], resources: [.process("Resources")]),
        .target(name: "SelarasHTML", dependencies: ["SelarasCore", "SelarasText", "CLibXML2", "CZlib"]),
        .target(name: "SelarasPostgres", dependencies: ["SelarasCore", "SelarasFormats", "SelarasTM", "CLibPQ"]),
        .target(name: "SelarasOutput", dependencies: ["SelarasCore", "SelarasText", "SelarasFormats"]),
        .target(
            name: "SelarasPipeline",
            dependencies: [
                "SelarasCore", "SelarasJSONLines", "SelarasFormats", "SelarasText", "SelarasSegmentation", "SelarasTM",
                "SelarasGlossary", "SelarasSummary", "SelarasOutput", "SelarasQA", "SelarasAlign", "SelarasHTML", "SelarasPostgres", .product(name: "Yams", package: "Yams"),
            ]
        ),
        .executableTarget(
            name: "selaras",
            dependencies: [
                "SelarasCore", "SelarasJSONLines", "SelarasFormats", "SelarasText", "SelarasSegmentation", "SelarasTM",
                "SelarasGlossary", "SelarasSummary", "SelarasOutput", "SelarasPipeline", "SelarasAlign", "SelarasHTML", "SelarasPostgres", .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        // Fixtures that the tests of several targets share (never linked into the tool).
        .target(name: "SelarasTestSupport", path: "Sources/SelarasTestSupport"),
        .testTarget(name: "SelarasCoreTests", dependencies: ["SelarasCore"]),
        .testTarget(name: "SelarasJSONLinesTests", dependencies: ["SelarasJSONLines", "SelarasTestSupport"]),
        .testTarget(name: "SelarasFormatsTests", dependencies: ["SelarasFormats", "SelarasTestSupport"]),
        .testTarget(name: "SelarasTextTests", dependencies: ["SelarasText", "SelarasTestSupport"]),
        .testTarget(name: "SelarasSegmentationTests", dependencies: ["SelarasSegmentation", "SelarasTestSupport"], exclude: ["Fixtures"]),
        .testTarget(name: "SelarasTMTests", dependencies: ["SelarasTM", "SelarasFormats", "SelarasTestSupport"]),
        .testTarget(name: "SelarasGlossaryTests", dependencies: ["SelarasGlossary", "SelarasFormats"], exclude: ["Fixtures"]),
        .testTarget(name: "SelarasSummaryTests", dependencies: ["SelarasSummary"]),
        .testTarget(name: "SelarasQATests", dependencies: ["SelarasQA"]),
        .testTarget(name: "SelarasAlignTests", dependencies: ["SelarasAlign", "SelarasText"]),
        .testTarget(name: "SelarasHTMLTests", dependencies: ["SelarasHTML"]),
        .testTarget(name: "SelarasPostgresTests", dependencies: ["SelarasPostgres", "SelarasTM", "SelarasFormats", "SelarasTestSupport"]),
        .testTarget(name: "SelarasOutputTests", dependencies: ["SelarasOutput", "SelarasFormats", "SelarasTM"]),
        .testTarget(name: "SelarasPipelineTests", dependencies: ["SelarasPipeline", "SelarasQA"], exclude: ["Fixtures"]),
        .testTarget(name: "selarasTests", dependencies: ["selaras"]),
    ]
)

// The libFuzzer driver (Fuzz/, `make fuzz`): only when SELARAS_FUZZ is set, so ordinary builds
// never see it; scripts/fuzz.sh builds it with libFuzzer and AddressSanitizer (as one
// `-Xswiftc -sanitize=fuzzer,address`: the script says why).
if Context.environment["SELARAS_FUZZ"] != nil {
    package.targets += [
        .executableTarget(
            name: "selaras-fuzz",
            dependencies: [
                "SelarasCore", "SelarasFormats", "SelarasGlossary", "SelarasHTML", "SelarasJSONLines",
                "SelarasPipeline", "SelarasSegmentation", "SelarasText",
            ],
            path: "Fuzz/SelarasFuzz"
        ),
    ]
    package.products += [.executable(name: "selaras-fuzz", targets: ["selaras-fuzz"])]
}
