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
        .library(name: "PhalanxAttestation", targets: ["PhalanxAttestation"]),
        .library(name: "PhalanxContracts", targets: ["PhalanxContracts"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-crypto.git", "3.12.3"..<"5.0.0"),
        .package(url: "https://github.com/apple/swift-certificates.git", from: "1.21.1"),
        .package(url: "https://github.com/apple/swift-asn1.git", from: "1.7.4"),
        .package(url: "https://github.com/apple/swift-argument-parser.git", from: "1.8.2"),
        .package(url: "https://github.com/x-sheep/swift-property-based.git", from: "2.0.1"),
        .package(url: "https://github.com/swiftwasm/WasmKit.git", from: "0.4.2"),
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
                .product(name: "_CryptoExtras", package: "swift-crypto"),
                .product(name: "Crypto", package: "swift-crypto"),
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
        // Layer 2: pallet-contracts-compatible Wasm contract runtime (runs unmodified ink! 4/5).
        .target(
            name: "PhalanxContracts",
            dependencies: [
                "PhalanxPrimitives",
                .product(name: "WasmKit", package: "WasmKit"),
                .product(name: "WasmParser", package: "WasmKit"),
                .product(name: "WAT", package: "WasmKit"),
            ]),
        // The CLI: thin argument parsing over the modules.
        .executableTarget(
            name: "phalanx",
            dependencies: [
                "PhalanxPrimitives",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
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
            name: "PhalanxAttestationTests",
            dependencies: ["PhalanxAttestation", "PhalanxTestSupport"]),
        .testTarget(
            name: "PhalanxContractsTests",
            dependencies: [
                "PhalanxContracts", "PhalanxPrimitives", "PhalanxTestSupport",
                .product(name: "WAT", package: "WasmKit"),
                .product(name: "WasmParser", package: "WasmKit"),
            ]),
        .testTarget(
            name: "PhalanxCLITests",
            dependencies: ["PhalanxPrimitives", "PhalanxTestSupport"]),
    ]
)
