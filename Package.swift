// swift-tools-version:6.0
import PackageDescription

/// Every target: a member of a module the file does not import is an error, so the compiler holds the arrows.
let settings: [SwiftSetting] = [.enableUpcomingFeature("MemberImportVisibility")]
let propertyBased = Target.Dependency.product(name: "PropertyBased", package: "swift-property-based")

let package = Package(
  name: "tsheet",
  platforms: [.macOS(.v13)],
  products: [
    .executable(name: "tsheet", targets: ["tsheet"]),
    .executable(name: "tsheet-serve", targets: ["tsheet-serve"]),
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
    .package(url: "https://github.com/vapor/postgres-nio", exact: "1.33.2"),
    .package(url: "https://github.com/apple/swift-log", exact: "1.16.2"),
    .package(url: "https://github.com/hummingbird-project/hummingbird", exact: "2.28.1"),
    .package(url: "https://github.com/apple/swift-http-types", exact: "1.8.0"),
  ],
  targets: [
    /// Pure domain values: durations, calendar days, periods, entries. No dependencies, no I/O.
    .target(name: "TsheetCore", swiftSettings: settings),
    /// The store protocol, and its SQLite and PostgreSQL implementations: the only place that holds SQL.
    .target(
      name: "TsheetStore",
      dependencies: [
        "TsheetCore", "TsheetTLS", .product(name: "GRDB", package: "GRDB.swift"),
        // SQLite's C API, to bind an import's rows without GRDB's per-row arguments.
        .product(name: "GRDBSQLite", package: "GRDB.swift"),
        // A team's log on a PostgreSQL server.
        .product(name: "PostgresNIO", package: "postgres-nio"),
        .product(name: "Logging", package: "swift-log"),
        .product(name: "NIOCore", package: "swift-nio"),
        .product(name: "NIOPosix", package: "swift-nio"),
        .product(name: "NIOSSL", package: "swift-nio-ssl"),
      ],
      swiftSettings: settings
    ),
    /// Entries in and out: CSV, JSON and NDJSON written for spreadsheets and scripts, and read from other trackers.
    .target(name: "TsheetTransfer", dependencies: ["TsheetCore"], swiftSettings: settings),
    /// libxlsxwriter, the C library that writes Excel workbooks, as the system has it: loaded on first use; its header
    /// from libxlsxwriter-dev.
    .target(name: "CXlsxWriter"),
    /// libcurl, the system's client for IMAP and HTTPS (the mailbox, and OAuth2's token endpoints), loaded on first
    /// use; its header from libcurl4-openssl-dev.
    .target(name: "CCurl"),
    /// Workbooks: the entries streamed onto a sheet with typed cells, and pivots with their charts.
    .target(name: "TsheetWorkbook", dependencies: ["TsheetCore", "CXlsxWriter"], swiftSettings: settings),
    /// The emails' words: templates, languages and the view they render.
    .target(
      name: "TsheetRender",
      dependencies: ["TsheetCore", .product(name: "Mustache", package: "swift-mustache")],
      swiftSettings: settings
    ),
    /// TLS failures in a user's words, for the mail server and the team's server alike.
    .target(
      name: "TsheetTLS", dependencies: [.product(name: "NIOSSL", package: "swift-nio-ssl")],
      swiftSettings: settings),
    /// Internet mail: messages, encodings, addresses and headers. Knows nothing of timesheets.
    .target(
      name: "TsheetMail",
      dependencies: [
        "TsheetTLS",
        "CCurl",
        .product(name: "NIOCore", package: "swift-nio"),
        .product(name: "NIOPosix", package: "swift-nio"),
        .product(name: "NIOSSL", package: "swift-nio-ssl"),
        .product(name: "NIOExtras", package: "swift-nio-extras"),
        .product(name: "NIOHTTP1", package: "swift-nio"),
        .product(name: "NIOConcurrencyHelpers", package: "swift-nio"),
      ],
      swiftSettings: settings
    ),
    /// The use cases, made from the environment read once per run (flags, variables, config) and a store.
    .target(
      name: "TsheetKit",
      dependencies: [
        "TsheetCore", "TsheetStore", "TsheetTransfer", "TsheetWorkbook", "TsheetRender", "TsheetMail",
        "TOMLKit",
      ],
      swiftSettings: settings
    ),
    /// The command line: one file per command; it parses, calls one use case and prints.
    .executableTarget(
      name: "tsheet",
      dependencies: [
        "TsheetKit", "TsheetCore", "TsheetServeOptions",
        .product(name: "ArgumentParser", package: "swift-argument-parser"),
      ],
      swiftSettings: settings
    ),
    /// `tsheet serve`'s options, which `tsheet` checks and `tsheet-serve` reads back: ArgumentParser only.
    .target(
      name: "TsheetServeOptions", dependencies: [.product(name: "ArgumentParser", package: "swift-argument-parser")],
      swiftSettings: settings),
    /// The week in a browser: `tsheet serve`'s routes, sign-in and pages, on Hummingbird. Its own executable, so
    /// that the main binary never links a web server (each library adds to every command's start-up).
    .target(
      name: "TsheetServe",
      dependencies: [
        "TsheetKit", "TsheetCore", .product(name: "Hummingbird", package: "hummingbird"),
        .product(name: "HummingbirdCore", package: "hummingbird"),
        .product(name: "HTTPTypes", package: "swift-http-types"), .product(name: "Logging", package: "swift-log"),
        .product(name: "NIOCore", package: "swift-nio"), .product(name: "NIOHTTP1", package: "swift-nio"),
        .product(name: "NIOHTTPTypes", package: "swift-nio-extras"),
        .product(name: "NIOHTTPTypesHTTP1", package: "swift-nio-extras"),
      ],
      swiftSettings: settings
    ),
    /// `tsheet-serve`: started by `tsheet serve` (which `execv`s it), parses its options and runs the server.
    .executableTarget(
      name: "tsheet-serve",
      dependencies: [
        "TsheetServe", "TsheetServeOptions", "TsheetKit", "TsheetCore",
        .product(name: "ArgumentParser", package: "swift-argument-parser"),
      ],
      swiftSettings: settings
    ),
    /// What the tests share: golden files, hostile text, and Python's independent email parser.
    .target(
      name: "TsheetTestSupport", dependencies: [propertyBased], path: "Tests/TsheetTestSupport",
      swiftSettings: settings),
    .testTarget(
      name: "TsheetCoreTests", dependencies: ["TsheetCore", "TsheetTestSupport", propertyBased],
      swiftSettings: settings),
    .testTarget(
      name: "TsheetStoreTests",
      dependencies: [
        "TsheetStore", "TsheetTestSupport", .product(name: "GRDB", package: "GRDB.swift"),
        propertyBased,
      ],
      swiftSettings: settings),
    .testTarget(
      name: "TsheetKitTests", dependencies: ["TsheetKit", "TsheetTransfer", "TsheetTestSupport", propertyBased],
      swiftSettings: settings),
    .testTarget(
      name: "TsheetTransferTests", dependencies: ["TsheetTransfer", "TsheetTestSupport", propertyBased],
      swiftSettings: settings),
    .testTarget(
      name: "TsheetWorkbookTests", dependencies: ["TsheetWorkbook", "TsheetTestSupport", propertyBased],
      swiftSettings: settings),
    .testTarget(
      name: "TsheetRenderTests", dependencies: ["TsheetRender", "TsheetTestSupport", propertyBased],
      exclude: ["Golden"], swiftSettings: settings),
    .testTarget(
      name: "TsheetMailTests", dependencies: ["TsheetMail", "TsheetTestSupport", propertyBased],
      exclude: ["Golden"], swiftSettings: settings),
    .testTarget(
      name: "TsheetServeTests",
      dependencies: [
        "TsheetServe", "TsheetServeOptions", "TsheetKit", "TsheetCore", "TsheetTestSupport", propertyBased,
        .product(name: "Hummingbird", package: "hummingbird"),
        .product(name: "HummingbirdTesting", package: "hummingbird"),
        .product(name: "HTTPTypes", package: "swift-http-types"), .product(name: "NIOCore", package: "swift-nio"),
      ],
      swiftSettings: settings),
    .testTarget(
      name: "TsheetCLITests", dependencies: ["TsheetCore", "TsheetTestSupport"],
      exclude: ["Hostile"], swiftSettings: settings),
  ]
)
