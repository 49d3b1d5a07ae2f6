// swift-tools-version: 6.1
import PackageDescription

var targets: [Target] = [
  // System libraries: a module map and a header each; C wrappers live in CCodecShims.
  .systemLibrary(
    name: "CZlib", path: "Sources/CZlib", pkgConfig: "zlib", providers: [.apt(["zlib1g-dev"])]),
  .systemLibrary(
    name: "CJPEG", path: "Sources/CJPEG", pkgConfig: "libjpeg",
    providers: [.apt(["libjpeg62-turbo-dev"])]),
  .systemLibrary(
    name: "COpenJPEG", path: "Sources/COpenJPEG", pkgConfig: "libopenjp2",
    providers: [.apt(["libopenjp2-7-dev"])]),
  .systemLibrary(
    name: "CCharLS", path: "Sources/CCharLS", pkgConfig: "charls",
    providers: [.apt(["libcharls-dev"])]),
  .systemLibrary(
    name: "CSixel", path: "Sources/CSixel", pkgConfig: "libsixel",
    providers: [.apt(["libsixel-dev"])]),
  .systemLibrary(
    name: "CTIFF", path: "Sources/CTIFF", pkgConfig: "libtiff-4", providers: [.apt(["libtiff-dev"])]
  ),
  .target(name: "CTIFFShims", dependencies: ["CTIFF"]),
  .target(
    name: "CCodecShims", dependencies: ["CJPEG", "COpenJPEG"],
    linkerSettings: [.linkedLibrary("gdcmjpeg12")]),

  .target(name: "DICOM", dependencies: ["CZlib"]),
  .target(name: "Codecs", dependencies: ["DICOM", "CCodecShims", "CCharLS"]),
  .target(name: "Imaging", dependencies: ["DICOM", "CZlib"], exclude: ["README.md"]),
  .target(name: "SampleData", dependencies: ["DICOM"]),
  // PS3.15 Annex E de-identification: data sets in, data sets out (pure).
  .target(
    name: "Deidentification",
    dependencies: ["DICOM", .product(name: "Crypto", package: "swift-crypto")],
    exclude: ["README.md"]),
  .target(name: "TIFF", dependencies: ["CTIFF", "CTIFFShims"]),
  .target(name: "TOMLSupport", dependencies: [.product(name: "TOMLKit", package: "TOMLKit")]),
  .target(name: "Annotations", dependencies: ["TOMLSupport"], exclude: ["labels.example.toml"]),
  .target(name: "TUIKit", dependencies: ["TOMLSupport"]),
  // The sync wire types (Foundation only), the one thing the client and the server share.
  .target(name: "SyncProtocol"),
  // ncursesw: a module map and a header (no pkgConfig: its flags trip SwiftPM's
  // prohibited-flags warning); wrappers for its macros and the signal-safe restore live in
  // CTermShims.
  .systemLibrary(
    name: "CNcursesW", path: "Sources/CNcursesW", providers: [.apt(["libncursesw5-dev"])]),
  .target(name: "CTermShims", dependencies: ["CNcursesW"]),
  .target(name: "TerminalNcurses", dependencies: ["TUIKit", "CNcursesW", "CTermShims"]),
  // The child process the terminal-restore tests crash and kill.
  .executableTarget(name: "TerminalProbe", dependencies: ["TerminalNcurses", "TUIKit"]),
  .target(name: "AppCore", dependencies: ["Imaging", "Annotations", "TUIKit"]),
  .target(
    name: "Workspace",
    dependencies: [
      "DICOM", "Annotations", "TIFF", "Deidentification",
      .product(name: "Crypto", package: "swift-crypto"),
      .product(name: "GRDB", package: "GRDB.swift"),
    ]),
  // The sync server: routes, auth, the one policy function, the audit chain, the store.
  .target(
    name: "AnnottyServer",
    dependencies: [
      "SyncProtocol",
      .product(name: "Hummingbird", package: "hummingbird"),
      .product(name: "GRDB", package: "GRDB.swift"),
      .product(name: "Crypto", package: "swift-crypto"),
    ]),
  .executableTarget(
    name: "annotty-server",
    dependencies: [
      "AnnottyServer", "SyncProtocol",
      .product(name: "Hummingbird", package: "hummingbird"),
      .product(name: "ArgumentParser", package: "swift-argument-parser"),
    ]),
  .executableTarget(
    name: "SyncBenchmark",
    dependencies: ["SyncClient", "SyncProtocol", "Workspace", "Annotations"],
    path: "Benchmarks/SyncBenchmark"),
  // Push / pull against annotty-server: the engine and the HTTP transport.
  .target(name: "SyncClient", dependencies: ["Workspace", "Annotations", "SyncProtocol"]),
  .executableTarget(
    name: "CrashEditor", dependencies: ["Workspace", "Annotations", "TestSupport"]),
  .executableTarget(
    name: "StoreBenchmark", dependencies: ["Workspace", "Annotations"],
    path: "Benchmarks/StoreBenchmark"),
  .target(name: "TerminalGraphics", dependencies: ["Imaging", "CSixel"]),
  .target(name: "TerminalIO", dependencies: ["TerminalGraphics"]),
  // The imperative shell of `annotty open`: effects against the workspace and the frames,
  // the image pipeline to terminal bytes, and the event loop.
  .target(
    name: "AppShell",
    dependencies: [
      "AppCore", "Annotations", "DICOM", "Codecs", "Imaging", "TIFF", "TUIKit",
      "TerminalGraphics", "TerminalNcurses", "Workspace", "SampleData", "SyncClient",
    ]),
  .executableTarget(
    name: "annotty",
    dependencies: [
      "DICOM", "Codecs", "Imaging", "TerminalGraphics", "TerminalIO", "SampleData", "Workspace",
      "Annotations", "AppCore", "AppShell", "TUIKit", "TerminalNcurses", "SyncClient",
      "Deidentification",
      .product(name: "ArgumentParser", package: "swift-argument-parser"),
    ]),
  .executableTarget(
    name: "GraphicsBenchmark",
    dependencies: ["DICOM", "Imaging", "TerminalGraphics", "TestSupport"],
    path: "Benchmarks/GraphicsBenchmark"),
  .executableTarget(
    name: "TUIBenchmark",
    dependencies: [
      "AppShell", "AppCore", "Annotations", "DICOM", "Imaging", "TUIKit", "TerminalGraphics",
      "TerminalNcurses", "CTermShims", "Workspace",
    ],
    path: "Benchmarks/TUIBenchmark"),
  .executableTarget(
    name: "DICOMBenchmark", dependencies: ["DICOM", "Codecs"], path: "Benchmarks/DICOMBenchmark"),

  .target(name: "TestSupport", path: "Tests/TestSupport"),
  .testTarget(name: "DICOMTests", dependencies: ["DICOM", "TestSupport"], exclude: ["Fixtures"]),
  .testTarget(
    name: "CodecsTests", dependencies: ["Codecs", "DICOM", "TestSupport"], exclude: ["Fixtures"]),
  .testTarget(name: "ImagingTests", dependencies: ["Imaging", "DICOM", "CZlib", "TestSupport"]),
  .testTarget(
    name: "TerminalGraphicsTests", dependencies: ["TerminalGraphics", "Imaging", "TestSupport"]),
  .testTarget(name: "TerminalIOTests", dependencies: ["TerminalIO", "TerminalGraphics"]),
  .testTarget(name: "SampleDataTests", dependencies: ["SampleData", "DICOM", "TestSupport"]),
  .testTarget(name: "TIFFTests", dependencies: ["TIFF", "CTIFF", "CTIFFShims"]),
  .testTarget(name: "TUIKitTests", dependencies: ["TUIKit"]),
  .testTarget(
    name: "TerminalNcursesTests",
    dependencies: ["TerminalNcurses", "TerminalProbe", "TUIKit", "CTermShims"]),
  .testTarget(
    name: "AppCoreTests", dependencies: ["AppCore", "Imaging", "Annotations", "TUIKit"],
    exclude: ["Goldens"]),
  .testTarget(name: "AnnotationsTests", dependencies: ["Annotations", "TestSupport"]),
  .testTarget(
    name: "WorkspaceTests",
    dependencies: [
      "Workspace", "Annotations", "DICOM", "SampleData", "TestSupport",
      .product(name: "GRDB", package: "GRDB.swift"),
    ]),
  .testTarget(name: "EndToEndTests", dependencies: ["annotty", "TestSupport", "Annotations"]),
  .testTarget(
    name: "DeidentificationTests",
    dependencies: ["Deidentification", "DICOM", "Codecs", "TestSupport"],
    exclude: ["Oracle"]),
  .testTarget(
    name: "AnnottyServerTests",
    dependencies: [
      "AnnottyServer", "SyncProtocol", "annotty-server",
      .product(name: "Hummingbird", package: "hummingbird"),
      .product(name: "HummingbirdTesting", package: "hummingbird"),
      .product(name: "GRDB", package: "GRDB.swift"),
    ]),
  .testTarget(
    name: "SyncTests",
    dependencies: [
      "SyncClient", "SyncProtocol", "Workspace", "Annotations", "TestSupport", "AppShell",
      "annotty-server", "annotty",
    ]),
  .testTarget(
    name: "AppShellTests",
    dependencies: [
      "AppShell", "AppCore", "Annotations", "DICOM", "Imaging", "TUIKit", "TerminalGraphics",
      "Workspace",
    ]),
]

let package = Package(
  name: "annotty",
  platforms: [.macOS(.v14)],
  products: [
    .executable(name: "annotty", targets: ["annotty"]),
    .executable(name: "annotty-server", targets: ["annotty-server"]),
  ],
  dependencies: [
    .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
    .package(url: "https://github.com/apple/swift-crypto", from: "3.12.3"),
    .package(url: "https://github.com/LebJe/TOMLKit", from: "0.6.0"),
    .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
    .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1"),
  ],
  targets: targets,
  swiftLanguageModes: [.v6]
)
