// swift-tools-version: 6.1
import PackageDescription

let strictSettings: [SwiftSetting] = [
    .enableUpcomingFeature("ExistentialAny"),
    .enableUpcomingFeature("MemberImportVisibility"),
    .enableUpcomingFeature("InternalImportsByDefault"),
]

let package = Package(
    name: "Lanyard",
    platforms: [.macOS(.v15)],
    products: [
        .executable(name: "lanyard", targets: ["lanyard"]),
        .library(name: "Roster", targets: ["Roster"]),
        .library(name: "RosterStore", targets: ["RosterStore"]),
        .library(name: "RosterImport", targets: ["RosterImport"]),
        .library(name: "Badges", targets: ["Badges"]),
        .library(name: "BadgeRendering", targets: ["BadgeRendering"]),
        .library(name: "DoorRules", targets: ["DoorRules"]),
        .library(name: "Scanning", targets: ["Scanning"]),
        .library(name: "Printing", targets: ["Printing"]),
    ],
    dependencies: [
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/apple/swift-crypto", from: "3.12.3"),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle", from: "2.13.0"),
    ],
    targets: [
        // C libraries, each wrapped by one small Swift type that owns its pointers.
        .systemLibrary(
            name: "CQRencode", pkgConfig: "libqrencode",
            providers: [.apt(["libqrencode-dev"])]),
        .systemLibrary(
            name: "CCups",
            providers: [.apt(["libcups2-dev"])]),
        .systemLibrary(
            name: "CCsv",
            providers: [.apt(["libcsv-dev"])]),
        .systemLibrary(
            name: "CPangoCairo", pkgConfig: "pangocairo",
            providers: [.apt(["libpango1.0-dev", "libcairo2-dev"])]),

        // Domain core: pure Swift, no I/O.
        .target(name: "Roster", swiftSettings: strictSettings),
        .target(
            name: "Badges",
            dependencies: ["Roster", .product(name: "Crypto", package: "swift-crypto")],
            swiftSettings: strictSettings),

        .target(name: "DoorRules", dependencies: ["Roster", "Badges"], swiftSettings: strictSettings),
        .target(
            name: "Scanning", dependencies: ["Roster", .product(name: "Yams", package: "Yams")], swiftSettings: strictSettings),

        // Stores, importers and renderers.
        .target(
            name: "RosterStore",
            dependencies: [
                "Roster", "Badges", .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "GRDBSQLite", package: "GRDB.swift"),
            ],
            swiftSettings: strictSettings),
        .target(
            name: "RosterImport",
            dependencies: [
                "Roster", "RosterStore", "CCsv",
                .product(name: "Yams", package: "Yams"),
            ],
            swiftSettings: strictSettings),
        .target(
            name: "SampleConference",
            dependencies: ["Roster", "RosterImport"],
            resources: [.copy("conference")],
            swiftSettings: strictSettings),
        .target(
            name: "BadgeRendering",
            dependencies: [
                "Roster", "Badges", "CQRencode", "CPangoCairo",
                .product(name: "Yams", package: "Yams"),
            ],
            swiftSettings: strictSettings),
        .target(
            name: "Printing", dependencies: ["Roster", "CCups", .product(name: "Yams", package: "Yams")],
            swiftSettings: strictSettings),
        .target(name: "BadgeTemplates", path: "Templates", resources: [.copy("badges")], swiftSettings: strictSettings),
        .target(
            name: "Station",
            dependencies: [
                "Roster", "RosterStore", "RosterImport", "Badges", "BadgeRendering", "BadgeTemplates", "DoorRules",
                "Printing", "SampleConference",
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
            ],
            swiftSettings: strictSettings),

        // The command line: parses arguments, calls the libraries, prints.
        .executableTarget(
            name: "lanyard",
            dependencies: [
                "Roster", "RosterStore", "RosterImport", "Badges", "BadgeRendering", "DoorRules", "Printing",
                "SampleConference", "Scanning", "Station",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: strictSettings),

        .target(name: "LanyardTestSupport", path: "Tests/LanyardTestSupport", swiftSettings: strictSettings),
        .testTarget(name: "RosterTests", dependencies: ["Roster"], swiftSettings: strictSettings),
        .testTarget(
            name: "RosterStoreTests",
            dependencies: [
                "Roster", "RosterStore", "RosterImport", "SampleConference", "Badges",
                .product(name: "GRDB", package: "GRDB.swift"),
            ],
            swiftSettings: strictSettings),
        .testTarget(
            name: "RosterImportTests", dependencies: ["Roster", "RosterStore", "RosterImport", "SampleConference"],
            swiftSettings: strictSettings),
        .testTarget(
            name: "BadgesTests", dependencies: ["Roster", "Badges", .product(name: "Crypto", package: "swift-crypto")],
            swiftSettings: strictSettings),
        .testTarget(
            name: "DoorRulesTests", dependencies: ["Roster", "Badges", "DoorRules"], swiftSettings: strictSettings),
        .testTarget(
            name: "BadgeRenderingTests",
            dependencies: [
                "Roster", "Badges", "BadgeRendering", "BadgeTemplates", "RosterStore", "RosterImport", "SampleConference",
                "Station", "LanyardTestSupport",
                .product(name: "Crypto", package: "swift-crypto"),
            ],
            swiftSettings: strictSettings),
        .testTarget(
            name: "PrintingTests",
            dependencies: [
                "Roster", "Badges", "BadgeRendering", "Printing", "RosterStore", "Station", "LanyardTestSupport",
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: strictSettings),
        .testTarget(name: "ScanningTests", dependencies: ["Scanning"], swiftSettings: strictSettings),
        .testTarget(
            name: "StationTests",
            dependencies: ["Roster", "Badges", "BadgeRendering", "DoorRules", "RosterStore", "Station"],
            swiftSettings: strictSettings),
        .testTarget(
            name: "LanyardCLITests", dependencies: ["lanyard", "LanyardTestSupport"], swiftSettings: strictSettings),
    ]
)
