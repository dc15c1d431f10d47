// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "tsheet",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "tsheet", targets: ["tsheet"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", exact: "1.8.2"),
        .package(url: "https://github.com/groue/GRDB.swift", exact: "7.10.0"),
        .package(url: "https://github.com/LebJe/TOMLKit", exact: "0.6.0"),
        .package(url: "https://github.com/x-sheep/swift-property-based", exact: "2.0.1"),
        .package(url: "https://github.com/hummingbird-project/swift-mustache", exact: "2.1.1"),
        .package(url: "https://github.com/apple/swift-nio", exact: "2.101.3"),
        .package(url: "https://github.com/apple/swift-nio-ssl", exact: "2.37.6"),
        .package(url: "https://github.com/apple/swift-nio-extras", exact: "1.35.2"),
    ],
    targets: [
        /// Pure domain values: durations, calendar days, periods, entries. No dependencies, no I/O.
        .target(name: "TsheetCore"),
        /// The only place that holds SQL: opening, migrations, entries and clients.
        .target(
            name: "TsheetStore",
            dependencies: ["TsheetCore", .product(name: "GRDB", package: "GRDB.swift"),
                           // SQLite's C API, to bind an import's rows without GRDB's per-row arguments.
                           .product(name: "GRDBSQLite", package: "GRDB.swift")]
        ),
        /// Entries as CSV and JSON for spreadsheets and scripts.
        .target(name: "TsheetExport", dependencies: ["TsheetCore"]),
        /// The emails' words: templates, languages and the view they render.
        .target(
            name: "TsheetRender",
            dependencies: ["TsheetCore", .product(name: "Mustache", package: "swift-mustache")]
        ),
        /// Internet mail: messages, encodings, addresses and headers. Knows nothing of timesheets.
        .target(
            name: "TsheetMail",
            dependencies: [
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "NIOSSL", package: "swift-nio-ssl"),
                .product(name: "NIOExtras", package: "swift-nio-extras"),
            ]
        ),
        /// The use cases, fed by the environment read once per run (flags, variables, config).
        .target(
            name: "TsheetKit",
            dependencies: ["TsheetCore", "TsheetStore", "TsheetExport", "TsheetRender", "TsheetMail", "TOMLKit"]
        ),
        .executableTarget(
            name: "tsheet",
            dependencies: [
                "TsheetKit", "TsheetCore", "TsheetRender", "TsheetMail", "TsheetExport",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .testTarget(
            name: "TsheetCoreTests",
            dependencies: ["TsheetCore", "TsheetTestSupport", .product(name: "PropertyBased", package: "swift-property-based")]
        ),
        .testTarget(
            name: "TsheetStoreTests",
            dependencies: ["TsheetStore", .product(name: "GRDB", package: "GRDB.swift"),
                           .product(name: "PropertyBased", package: "swift-property-based")]
        ),
        /// What the tests share: golden files and Python's independent email parser.
        .target(name: "TsheetTestSupport", dependencies: [.product(name: "PropertyBased", package: "swift-property-based")],
                path: "Tests/TsheetTestSupport"),
        .testTarget(name: "TsheetKitTests", dependencies: ["TsheetKit", "TsheetExport", "TsheetTestSupport",
                                                          .product(name: "PropertyBased", package: "swift-property-based")]),
        .testTarget(name: "TsheetExportTests", dependencies: ["TsheetExport", "TsheetTestSupport",
                                                             .product(name: "PropertyBased", package: "swift-property-based")]),
        .testTarget(name: "TsheetRenderTests", dependencies: ["TsheetRender", "TsheetTestSupport",
                                                             .product(name: "PropertyBased", package: "swift-property-based")]),
        .testTarget(name: "TsheetMailTests", dependencies: ["TsheetMail", "TsheetTestSupport"]),
        .testTarget(name: "TsheetCLITests", dependencies: ["TsheetCore", "TsheetTestSupport"]),
    ]
)
