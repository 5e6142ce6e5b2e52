// swift-tools-version:6.1
import PackageDescription

let swiftSettings: [SwiftSetting] = [
    .enableUpcomingFeature("ExistentialAny"),
    .enableUpcomingFeature("MemberImportVisibility"),
]

let package = Package(
    name: "Steward",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "steward", targets: ["steward"]),
        .library(name: "RF2", targets: ["RF2"]),
        .library(name: "TerminologyStore", targets: ["TerminologyStore"]),
        .library(name: "SyntheticRelease", targets: ["SyntheticRelease"]),
        .library(name: "ECL", targets: ["ECL"]),
        .library(name: "ConceptSearch", targets: ["ConceptSearch"]),
        .library(name: "ReleaseDiff", targets: ["ReleaseDiff"]),
        .library(name: "Workspace", targets: ["Workspace"]),
        .library(name: "StewardViews", targets: ["StewardViews"]),
        .library(name: "StewardServer", targets: ["StewardServer"]),
    ],
    dependencies: [
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
        .package(url: "https://github.com/weichsel/ZIPFoundation", from: "0.9.20"),
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
        .package(url: "https://github.com/apple/swift-crypto", from: "3.12.3"),
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1"),
        .package(url: "https://github.com/hummingbird-project/hummingbird-auth", from: "2.5.0"),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle", from: "2.13.0"),
        .package(url: "https://github.com/swift-server/swift-prometheus", from: "2.4.1"),
        .package(url: "https://github.com/apple/swift-nio", from: "2.101.2"),
    ],
    targets: [
        .target(
            name: "RF2",
            dependencies: [.product(name: "ZIPFoundation", package: "ZIPFoundation")],
            swiftSettings: swiftSettings
        ),
        .target(
            name: "TerminologyStore",
            dependencies: [
                "RF2", .product(name: "GRDB", package: "GRDB.swift"), .product(name: "GRDBSQLite", package: "GRDB.swift"),
                .product(name: "NIOPosix", package: "swift-nio"),
            ],
            swiftSettings: swiftSettings
        ),
        .target(
            name: "ECL",
            dependencies: ["RF2", "TerminologyStore", .product(name: "GRDB", package: "GRDB.swift")],
            swiftSettings: swiftSettings
        ),
        .target(
            name: "SyntheticRelease",
            dependencies: ["RF2"],
            swiftSettings: swiftSettings
        ),
        .target(
            name: "ConceptSearch",
            dependencies: [
                "RF2", "TerminologyStore", .product(name: "GRDB", package: "GRDB.swift"), .product(name: "GRDBSQLite", package: "GRDB.swift"),
            ],
            swiftSettings: swiftSettings
        ),
        .target(
            name: "ReleaseDiff",
            dependencies: [
                "RF2", "TerminologyStore", "ECL", .product(name: "GRDB", package: "GRDB.swift"), .product(name: "GRDBSQLite", package: "GRDB.swift"),
            ],
            resources: [.embedInCode("Resources/report.css"), .embedInCode("Resources/report.js")],
            swiftSettings: swiftSettings
        ),
        .target(
            name: "Workspace",
            dependencies: [
                "RF2", "TerminologyStore", "ECL", "ReleaseDiff", .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "Crypto", package: "swift-crypto"), .product(name: "ZIPFoundation", package: "ZIPFoundation"),
            ],
            swiftSettings: swiftSettings
        ),
        .target(
            name: "StewardViews",
            dependencies: ["RF2", "TerminologyStore", "ConceptSearch", "ReleaseDiff", "Workspace"],
            swiftSettings: swiftSettings
        ),
        .target(
            name: "StewardServer",
            dependencies: [
                "RF2", "TerminologyStore", "ECL", "ConceptSearch", "ReleaseDiff", "Workspace", "StewardViews",
                .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HummingbirdAuth", package: "hummingbird-auth"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "Prometheus", package: "swift-prometheus"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: swiftSettings
        ),
        .executableTarget(
            name: "steward",
            dependencies: [
                "RF2", "TerminologyStore", "SyntheticRelease", "ECL", "ConceptSearch", "ReleaseDiff", "Workspace", "StewardViews", "StewardServer",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: swiftSettings
        ),
        .testTarget(name: "RF2Tests", dependencies: ["RF2"], swiftSettings: swiftSettings),
        .testTarget(
            name: "TerminologyStoreTests", dependencies: ["TerminologyStore", "SyntheticRelease", .product(name: "ZIPFoundation", package: "ZIPFoundation")],
            swiftSettings: swiftSettings),
        .testTarget(name: "SyntheticReleaseTests", dependencies: ["SyntheticRelease", "TerminologyStore"], swiftSettings: swiftSettings),
        .testTarget(
            name: "ECLTests", dependencies: ["ECL", "TerminologyStore", "RF2", .product(name: "GRDB", package: "GRDB.swift")], swiftSettings: swiftSettings),
        .testTarget(name: "ConceptSearchTests", dependencies: ["ConceptSearch", "TerminologyStore", "RF2", "SyntheticRelease"], swiftSettings: swiftSettings),
        .testTarget(name: "ReleaseDiffTests", dependencies: ["ReleaseDiff", "TerminologyStore", "SyntheticRelease", "RF2"], swiftSettings: swiftSettings),
        .testTarget(
            name: "WorkspaceTests", dependencies: ["Workspace", .product(name: "GRDB", package: "GRDB.swift"), "TerminologyStore", "RF2", "ReleaseDiff"],
            swiftSettings: swiftSettings),
        .testTarget(
            name: "StewardServerTests",
            dependencies: [
                "StewardServer", "StewardViews", "Workspace", "TerminologyStore", "RF2", "ConceptSearch", "SyntheticRelease",
                .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "HummingbirdTesting", package: "hummingbird"),
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "ZIPFoundation", package: "ZIPFoundation"),
            ],
            swiftSettings: swiftSettings
        ),
        .testTarget(name: "StewardCLITests", dependencies: ["steward"], swiftSettings: swiftSettings),
    ]
)

// Fuzz targets (issue 17): libFuzzer harnesses under Fuzz/<Target>/, added only when STEWARD_FUZZ is set, so
// a plain `swift build` / `swift test` never sees them. Build and run with Scripts/fuzz.sh (own scratch path
// .build-fuzz, -sanitize=fuzzer,address); see FUZZING.md.
if Context.environment["STEWARD_FUZZ"] != nil {
    let fuzzTargets: [(name: String, dependencies: [Target.Dependency])] = [
        ("ECLParserFuzz", ["ECL"]),
        ("ECLEvaluatorFuzz", ["ECL", "TerminologyStore"]),
        ("RF2RowReaderFuzz", ["RF2"]),
        ("RF2FileNameFuzz", ["RF2"]),
        ("SearchQueryFuzz", ["ConceptSearch", "TerminologyStore"]),
        (
            "FHIRJSONFuzz",
            [
                "StewardServer", "StewardViews", "ECL", .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "NIOCore", package: "swift-nio"),
            ]
        ),
    ]
    package.targets.append(.target(name: "FuzzSupport", path: "Fuzz/FuzzSupport"))
    for target in fuzzTargets {
        package.targets.append(
            .executableTarget(name: target.name, dependencies: ["FuzzSupport"] + target.dependencies, path: "Fuzz/\(target.name)"))
        package.products.append(.executable(name: target.name, targets: [target.name]))
    }
}
