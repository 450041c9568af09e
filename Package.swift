// swift-tools-version: 6.1
// Phalanx — a confidential-computing blockchain implementing the Phala Network design.
// Layering (docs/ARCHITECTURE.md §2): dependencies point downward only.
import PackageDescription

let package = Package(
    name: "Phalanx",
    platforms: [.macOS(.v15)],
    products: [
        .executable(name: "phalanx", targets: ["phalanx"]),
        .library(name: "PhalanxPrimitives", targets: ["PhalanxPrimitives"]),
        .library(name: "PhalanxStorage", targets: ["PhalanxStorage"]),
        .library(name: "PhalanxAttestation", targets: ["PhalanxAttestation"]),
        .library(name: "PhalanxRuntime", targets: ["PhalanxRuntime"]),
        .library(name: "PhalanxRPC", targets: ["PhalanxRPC"]),
        .library(name: "PhalanxNode", targets: ["PhalanxNode"]),
        .library(name: "PhalanxContracts", targets: ["PhalanxContracts"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-crypto.git", "3.12.3"..<"5.0.0"),
        .package(url: "https://github.com/apple/swift-certificates.git", from: "1.21.1"),
        .package(url: "https://github.com/apple/swift-asn1.git", from: "1.7.4"),
        .package(url: "https://github.com/apple/swift-argument-parser.git", from: "1.8.2"),
        .package(url: "https://github.com/apple/swift-collections.git", from: "1.6.0"),
        .package(url: "https://github.com/apple/swift-log.git", from: "1.16.2"),
        .package(url: "https://github.com/apple/swift-metrics.git", from: "2.13.0"),
        .package(url: "https://github.com/groue/GRDB.swift.git", from: "7.10.0"),
        .package(url: "https://github.com/hummingbird-project/hummingbird.git", from: "2.28.1"),
        .package(url: "https://github.com/hummingbird-project/hummingbird-websocket.git", from: "2.8.1"),
        .package(url: "https://github.com/swift-server/swift-prometheus.git", from: "2.4.1"),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle.git", from: "2.13.0"),
        .package(url: "https://github.com/x-sheep/swift-property-based.git", from: "2.0.1"),
        .package(url: "https://github.com/swiftwasm/WasmKit.git", from: "0.4.2"),
        .package(url: "https://github.com/swift-server/async-http-client.git", from: "1.37.0"),
        .package(url: "https://github.com/apple/swift-nio.git", from: "2.101.2"),
        .package(url: "https://github.com/apple/swift-nio-ssl.git", from: "2.37.6"),
    ],
    targets: [
        // System C libraries, installed by scripts/setup from Debian packages.
        .systemLibrary(
            name: "CSodium", pkgConfig: "libsodium",
            providers: [.apt(["libsodium-dev"])]),
        .systemLibrary(
            name: "CSecp256k1", pkgConfig: "libsecp256k1",
            providers: [.apt(["libsecp256k1-dev"])]),

        // Layer 0: codec, hashes, keys, signatures, SS58, secret URIs.
        .target(
            name: "PhalanxPrimitives",
            dependencies: [
                "CSodium", "CSecp256k1",
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "_CryptoExtras", package: "swift-crypto"),
            ]),
        // Layer 1: Merkle-Patricia state trie, storage proofs, SQLite (GRDB) backend, block store.
        .target(
            name: "PhalanxStorage",
            dependencies: [
                "PhalanxPrimitives",
                .product(name: "GRDB", package: "GRDB.swift"),
            ]),
        // Layer 1: SGX DCAP / IAS verification and attestation policy.
        .target(
            name: "PhalanxAttestation",
            dependencies: [
                "PhalanxPrimitives",
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "_CryptoExtras", package: "swift-crypto"),
                .product(name: "X509", package: "swift-certificates"),
                .product(name: "SwiftASN1", package: "swift-asn1"),
            ]),
        // Layer 1: JSON-RPC 2.0 over HTTP and WebSocket on one port, plus Prometheus metrics
        // serving; below PhalanxNode so the worker's query service can reuse the transport.
        .target(
            name: "PhalanxRPC",
            dependencies: [
                "PhalanxPrimitives",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HummingbirdCore", package: "hummingbird"),
                .product(name: "HummingbirdWebSocket", package: "hummingbird-websocket"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "Metrics", package: "swift-metrics"),
                .product(name: "Prometheus", package: "swift-prometheus"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
            ]),
        // Layer 2: the state-transition function — framework, metadata, extrinsics, pallets.
        .target(name: "PhalanxRuntime", dependencies: ["PhalanxPrimitives", "PhalanxAttestation"]),
        // Layer 3: the node — chain service, transaction pool, block authoring, JSON-RPC methods.
        .target(
            name: "PhalanxNode",
            dependencies: [
                "PhalanxRuntime", "PhalanxStorage", "PhalanxRPC",
                .product(name: "HeapModule", package: "swift-collections"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "Metrics", package: "swift-metrics"),
                .product(name: "Prometheus", package: "swift-prometheus"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
            ]),
        // Layer 2: pallet-contracts-compatible Wasm contract runtime (runs unmodified ink! 4/5).
        .target(
            name: "PhalanxContracts",
            dependencies: [
                "PhalanxPrimitives",
                .product(name: "WasmKit", package: "WasmKit"),
                .product(name: "WasmParser", package: "WasmKit"),
                .product(name: "WAT", package: "WasmKit"),
            ]),
        // Layer 4: typed RPC client and extrinsic signer, used by the CLI (and later by workers).
        .target(name: "PhalanxClient", dependencies: ["PhalanxRuntime"]),
        // Layer 4: the worker — light-client sync, sealed keys and state, gatekeeper, cluster execution, query API.
        .target(
            name: "PhalanxWorker",
            dependencies: [
                "PhalanxRuntime", "PhalanxStorage", "PhalanxContracts", "PhalanxClient", "PhalanxAttestation",
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "DequeModule", package: "swift-collections"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
                .product(name: "NIOSSL", package: "swift-nio-ssl"),
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
            ]),
        // The CLI: thin argument parsing over the modules.
        .executableTarget(
            name: "phalanx",
            dependencies: [
                "PhalanxPrimitives", "PhalanxStorage", "PhalanxAttestation", "PhalanxRuntime", "PhalanxContracts", "PhalanxNode", "PhalanxClient", "PhalanxWorker",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOFoundationCompat", package: "swift-nio"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "Metrics", package: "swift-metrics"),
                .product(name: "Prometheus", package: "swift-prometheus"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
            ]),

        // Test support: locating the repository, the Python reference venv, the built binary.
        .target(name: "PhalanxTestSupport", path: "Tests/PhalanxTestSupport"),
        .testTarget(
            name: "PhalanxPrimitivesTests",
            dependencies: [
                "PhalanxPrimitives", "PhalanxTestSupport",
                .product(name: "PropertyBased", package: "swift-property-based"),
            ]),
        .testTarget(
            name: "PhalanxStorageTests",
            dependencies: [
                "PhalanxStorage", "PhalanxTestSupport",
                .product(name: "PropertyBased", package: "swift-property-based"),
            ]),
        .testTarget(
            name: "PhalanxAttestationTests",
            dependencies: ["PhalanxAttestation", "PhalanxTestSupport"]),
        .testTarget(
            name: "PhalanxRPCTests",
            dependencies: [
                "PhalanxRPC", "PhalanxTestSupport",
                .product(name: "Logging", package: "swift-log"),
                .product(name: "Prometheus", package: "swift-prometheus"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
            ]),
        .testTarget(
            name: "PhalanxWorkerTests",
            dependencies: [
                "PhalanxWorker", "PhalanxContracts", "PhalanxRuntime", "PhalanxPrimitives", "PhalanxTestSupport",
                .product(name: "Logging", package: "swift-log"),
            ]),
        .testTarget(
            name: "PhalanxRuntimeTests",
            dependencies: [
                "PhalanxRuntime", "PhalanxTestSupport",
                .product(name: "PropertyBased", package: "swift-property-based"),
            ]),
        .testTarget(
            name: "PhalanxNodeTests",
            dependencies: ["PhalanxNode", "PhalanxRuntime", "PhalanxStorage", "PhalanxTestSupport"]),
        .testTarget(
            name: "PhalanxContractsTests",
            dependencies: [
                "PhalanxContracts", "PhalanxPrimitives", "PhalanxTestSupport",
                .product(name: "WAT", package: "WasmKit"),
                .product(name: "WasmParser", package: "WasmKit"),
            ]),
        .testTarget(
            name: "PhalanxCLITests",
            dependencies: ["PhalanxPrimitives", "PhalanxContracts", "PhalanxTestSupport"]),
    ]
)
