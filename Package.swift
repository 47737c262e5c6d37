// swift-tools-version: 6.1
import PackageDescription

let strictSettings: [SwiftSetting] = [
    .enableUpcomingFeature("ExistentialAny"),
    .enableUpcomingFeature("MemberImportVisibility"),
    .enableUpcomingFeature("InternalImportsByDefault"),
]

let yams = Target.Dependency.product(name: "Yams", package: "Yams")
let crypto = Target.Dependency.product(name: "Crypto", package: "swift-crypto")
let logging = Target.Dependency.product(name: "Logging", package: "swift-log")
let lifecycle = Target.Dependency.product(name: "ServiceLifecycle", package: "swift-service-lifecycle")
let argumentParser = Target.Dependency.product(name: "ArgumentParser", package: "swift-argument-parser")
let hummingbird = Target.Dependency.product(name: "Hummingbird", package: "hummingbird")

let package = Package(
    name: "Lanyard",
    platforms: [.macOS(.v15)],
    products: [
        .executable(name: "lanyard", targets: ["lanyard"]),
        .library(name: "Station", targets: ["Station"]),
        .library(name: "Server", targets: ["Server"]),
        .library(name: "Sync", targets: ["Sync"]),
        .library(name: "Roster", targets: ["Roster"]),
        .library(name: "RosterStore", targets: ["RosterStore"]),
        .library(name: "RosterImport", targets: ["RosterImport"]),
        .library(name: "Badges", targets: ["Badges"]),
        .library(name: "BadgeRendering", targets: ["BadgeRendering"]),
        .library(name: "DoorRules", targets: ["DoorRules"]),
        .library(name: "Attendance", targets: ["Attendance"]),
        .library(name: "Scanning", targets: ["Scanning"]),
        .library(name: "Printing", targets: ["Printing"]),
        .library(name: "PrintQueue", targets: ["PrintQueue"]),
    ],
    dependencies: [
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/apple/swift-crypto", from: "3.12.3"),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle", from: "2.13.0"),
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1"),
        .package(url: "https://github.com/hummingbird-project/hummingbird-auth", from: "2.5.0"),
        .package(url: "https://github.com/hummingbird-project/swift-mustache", from: "2.1.1"),
        .package(url: "https://github.com/apple/swift-certificates", from: "1.21.1"),
        .package(url: "https://github.com/apple/swift-asn1", from: "1.7.4"),
        .package(url: "https://github.com/apple/swift-nio-ssl", from: "2.37.6"),
        .package(url: "https://github.com/apple/swift-nio", from: "2.101.2"),
        .package(url: "https://github.com/apple/swift-http-types", from: "1.8.0"),
        .package(url: "https://github.com/swift-server/async-http-client", from: "1.37.0"),
        .package(url: "https://github.com/vapor/postgres-nio", from: "1.33.2"),
    ],
    targets: [
        // C libraries, each wrapped by one small Swift type that owns its pointers.
        .systemLibrary(name: "CQRencode", pkgConfig: "libqrencode", providers: [.apt(["libqrencode-dev"])]),
        .systemLibrary(name: "CCups", providers: [.apt(["libcups2-dev"])]),
        .systemLibrary(name: "CCsv", providers: [.apt(["libcsv-dev"])]),
        .systemLibrary(name: "CMalloc"),
        .systemLibrary(name: "CPangoCairo", pkgConfig: "pangocairo", providers: [.apt(["libpango1.0-dev", "libcairo2-dev"])]),
        // A C target rather than a system library: ICU's headers cannot be imported beside Foundation's own ICU.
        .target(name: "CICU", linkerSettings: [.linkedLibrary("icui18n"), .linkedLibrary("icuuc")]),

        // The domain core: pure Swift, no I/O (names are romanised by ICU's transliterators, in memory).
        .target(name: "Roster", dependencies: ["CICU"], swiftSettings: strictSettings),
        .target(name: "Badges", dependencies: ["Roster", crypto], swiftSettings: strictSettings),
        .target(name: "DoorRules", dependencies: ["Roster", "Badges"], swiftSettings: strictSettings),
        .target(name: "Attendance", dependencies: ["Roster"], swiftSettings: strictSettings),

        // Devices, files and stores, each behind a small type or protocol.
        .target(name: "Scanning", dependencies: [yams], swiftSettings: strictSettings),
        .target(name: "DelimitedText", dependencies: ["Roster", "CCsv"], swiftSettings: strictSettings),
        .target(
            name: "RosterStore",
            dependencies: [
                "Roster", "Badges", crypto, .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "GRDBSQLite", package: "GRDB.swift"),
            ],
            swiftSettings: strictSettings),
        .target(name: "RosterImport", dependencies: ["Roster", "RosterStore", "DelimitedText", yams], swiftSettings: strictSettings),
        .target(name: "BadgeRendering", dependencies: ["Roster", "CQRencode", "CPangoCairo", yams], swiftSettings: strictSettings),
        .target(name: "Printing", dependencies: ["Roster", "CCups", yams], swiftSettings: strictSettings),
        .target(
            name: "PrintQueue", dependencies: ["Roster", "RosterStore", "Printing", "BadgeRendering", logging, lifecycle],
            swiftSettings: strictSettings),

        // Files shipped with the binary, found beside it wherever it runs.
        .target(name: "BadgeTemplates", path: "Templates", resources: [.copy("badges")], swiftSettings: strictSettings),
        .target(
            name: "HardwareProfiles", path: "Hardware",
            exclude: ["cups", "udev", "install-dependencies.sh", "scanners/MANUAL-TEST.md"],
            resources: [.copy("printers"), .copy("scanners")], swiftSettings: strictSettings),

        // The station: the one service layer every front end calls.
        .target(
            name: "Station",
            dependencies: [
                "Roster", "CMalloc", "Badges", "DoorRules", "Attendance", "Scanning", "DelimitedText", "RosterStore", "RosterImport",
                "BadgeRendering", "BadgeTemplates", "Printing", "PrintQueue", "HardwareProfiles", crypto, logging, yams, lifecycle,
                .product(name: "HummingbirdBcrypt", package: "hummingbird-auth"),
            ],
            swiftSettings: strictSettings),
        // The station server: desk, kiosk and the JSON API, on the station.
        .target(
            name: "Server",
            dependencies: [
                "Station", "Sync", "Roster", "RosterStore", "PrintQueue", "Attendance", hummingbird, crypto, logging, lifecycle,
                .product(name: "HummingbirdTLS", package: "hummingbird"),
                .product(name: "HummingbirdCore", package: "hummingbird"),
                .product(name: "Mustache", package: "swift-mustache"),
                .product(name: "X509", package: "swift-certificates"),
                .product(name: "SwiftASN1", package: "swift-asn1"),
                .product(name: "NIOSSL", package: "swift-nio-ssl"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
            ],
            resources: [.copy("Resources/Public"), .copy("Resources/Templates"), .copy("Resources/openapi.yaml")],
            swiftSettings: strictSettings),
        // Sync: a station joined to its hub, pushing its entries and pulling the event's.
        .target(
            name: "Sync",
            dependencies: [
                "Station", "Roster", "RosterStore", "RosterImport", "DelimitedText", logging, lifecycle,
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "NIOCore", package: "swift-nio"), .product(name: "NIOHTTP1", package: "swift-nio"),
                .product(name: "NIOSSL", package: "swift-nio-ssl"),
            ],
            swiftSettings: strictSettings),
        // The sample conference, set up through the station like any event.
        .target(
            name: "SampleConference", dependencies: ["Roster", "RosterImport", "Station", logging],
            resources: [.copy("conference")], swiftSettings: strictSettings),

        // The command line: parses arguments, calls the station, prints.
        // Hubs on PostgreSQL: the event kept in one database several hubs share.
        .target(
            name: "PostgresHub",
            dependencies: [
                "Station", "Sync", "Roster", "RosterStore", logging, lifecycle, .product(name: "PostgresNIO", package: "postgres-nio"),
                .product(name: "NIOSSL", package: "swift-nio-ssl"),
            ],
            swiftSettings: strictSettings),
        .executableTarget(
            name: "lanyard",
            dependencies: [
                "Station", "Server", "Sync", "PostgresHub", "SampleConference", "Roster", "RosterStore", "RosterImport", "Badges", "BadgeRendering",
                "DoorRules", "Attendance", "Printing", "PrintQueue", "Scanning", argumentParser, logging, hummingbird, lifecycle,
            ],
            swiftSettings: strictSettings),

        // Benchmarks, outside the shipped libraries and binary.
        .target(
            name: "SyntheticRoster", dependencies: ["Roster", "DelimitedText", "SampleConference"],
            path: "Benchmarks/SyntheticRoster", swiftSettings: strictSettings),
        .executableTarget(
            name: "lanyard-bench",
            dependencies: [
                "Station", "Sync", "SampleConference", "SyntheticRoster", "Roster", "RosterStore", "RosterImport", "Badges",
                "BadgeRendering", "DoorRules", "Printing", "PrintQueue", argumentParser, logging,
                .product(name: "AsyncHTTPClient", package: "async-http-client"), .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
            ],
            path: "Benchmarks/LanyardBenchmarks", swiftSettings: strictSettings),

        // Tests: one target per library, sharing one support library.
        .target(
            name: "LanyardTestSupport",
            dependencies: [
                "Station", "SampleConference", "CPangoCairo", logging, hummingbird, lifecycle,
                .product(name: "AsyncHTTPClient", package: "async-http-client"), .product(name: "NIOCore", package: "swift-nio"),
            ],
            path: "Tests/LanyardTestSupport", swiftSettings: strictSettings),
        .testTarget(name: "RosterTests", dependencies: ["Roster", "DelimitedText", "SampleConference"], swiftSettings: strictSettings),
        .testTarget(name: "BadgesTests", dependencies: ["Roster", "Badges", crypto], swiftSettings: strictSettings),
        .testTarget(name: "DoorRulesTests", dependencies: ["Roster", "Badges", "DoorRules"], swiftSettings: strictSettings),
        .testTarget(name: "AttendanceTests", dependencies: ["Roster", "Attendance"], swiftSettings: strictSettings),
        .testTarget(name: "DelimitedTextTests", dependencies: ["DelimitedText"], swiftSettings: strictSettings),
        .testTarget(name: "ScanningTests", dependencies: ["Scanning", "LanyardTestSupport"], swiftSettings: strictSettings),
        .testTarget(
            name: "RosterStoreTests",
            dependencies: [
                "Roster", "Badges", "RosterStore", "RosterImport", "DelimitedText", "SampleConference", "LanyardTestSupport",
                .product(name: "GRDB", package: "GRDB.swift"),
            ],
            swiftSettings: strictSettings),
        .testTarget(
            name: "RosterImportTests", dependencies: ["Roster", "RosterStore", "RosterImport", "SampleConference"],
            swiftSettings: strictSettings),
        .testTarget(
            name: "BadgeRenderingTests",
            dependencies: [
                "Roster", "Badges", "BadgeRendering", "BadgeTemplates", "RosterStore", "Station", "SampleConference",
                "LanyardTestSupport", crypto,
            ],
            swiftSettings: strictSettings),
        .testTarget(
            name: "PrintingTests",
            dependencies: [
                "Roster", "Badges", "BadgeRendering", "Printing", "PrintQueue", "RosterStore", "Station", "SampleConference",
                "HardwareProfiles", "LanyardTestSupport", lifecycle, logging,
            ],
            swiftSettings: strictSettings),
        .testTarget(
            name: "StationTests",
            dependencies: [
                "Roster", "Badges", "BadgeRendering", "BadgeTemplates", "DoorRules", "Attendance", "RosterStore", "Station", "SampleConference",
                "Scanning", "Printing", "LanyardTestSupport", logging,
            ],
            swiftSettings: strictSettings),
        .testTarget(
            name: "ServerTests",
            dependencies: [
                "Server", "Station", "Sync", "Attendance", "DoorRules", "Roster", "RosterStore", "PrintQueue", "Badges", "SampleConference",
                "LanyardTestSupport", hummingbird,
                logging,
                "Printing", yams, lifecycle,
                .product(name: "HummingbirdTesting", package: "hummingbird"),
                .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOSSL", package: "swift-nio-ssl"),
            ],
            swiftSettings: strictSettings),
        .testTarget(
            name: "PostgresHubTests",
            dependencies: ["PostgresHub", "Station", "Sync", "Roster", "RosterStore", "LanyardTestSupport", logging, hummingbird],
            swiftSettings: strictSettings),
        .testTarget(
            name: "LanyardCLITests",
            dependencies: ["lanyard", "LanyardTestSupport", "Station", "RosterStore", "Roster", "Attendance", "DoorRules", "Badges", logging],
            swiftSettings: strictSettings),
    ]
)
