import Foundation
import PhalanxAttestation
import PhalanxTestSupport

/// Loads the shared SGX evidence fixtures (`../shared/fixtures/sgx`).
enum Fixtures {
    /// The fixture folder.
    static let root = Repository.shared.appendingPathComponent("fixtures/sgx")

    /// Bytes of a fixture file.
    static func bytes(_ path: String) throws -> [UInt8] {
        Array(try Data(contentsOf: root.appendingPathComponent(path)))
    }

    /// A UTC date from RFC 3339 text.
    static func date(_ text: String) -> Date {
        ISO8601DateFormatter().date(from: text)!
    }

    /// Phala sample: quote, collateral (SCALE), verification time.
    static func phala() throws -> ([UInt8], DCAPCollateral, Date) {
        (
            try bytes("phala/dcap_quote"), try DCAPCollateral(phalaSCALE: try bytes("phala/dcap_quote_collateral")),
            date("2023-11-21T12:00:00Z")
        )
    }

    /// Automata on-chain v3 sample (Aug 2025, Platform CA, renewed TCB signing cert).
    static func automata() throws -> ([UInt8], DCAPCollateral, Date) {
        let dir = "automata-dcap-attestation/"
        let signer = DCAPCollateral.pemChain(der: [
            try bytes(dir + "pccs_setup_signingDer.der"), try bytes(dir + "pccs_setup_rootCaDer.der"),
        ])
        let collateral = DCAPCollateral(
            rootCaCrl: try bytes(dir + "pccs_setup_rootCrlDer.der"), pckCrl: try bytes(dir + "0825_platform_crl.der"),
            tcbInfoIssuerChain: signer,
            tcbInfo: try SignedJSON(envelope: try bytes(dir + "0825_sgx_tcbinfov3_00606a000000.json"), key: "tcbInfo"),
            qeIdentityIssuerChain: signer,
            qeIdentity: try SignedJSON(envelope: try bytes(dir + "0825_sgx_qeidentity_v4.json"), key: "enclaveIdentity"))
        return (try bytes(dir + "quote_v3_sgx_onchain_test_0825.dat"), collateral, date("2025-08-15T05:45:00Z"))
    }

    /// dcap-rs v3 sample with v2 TCB info (Feb 2025).
    static func dcapRS() throws -> ([UInt8], DCAPCollateral, Date) {
        let dir = "dcap-rs/"
        let signer = try bytes(dir + "tcb_signing_cert.pem")
        let collateral = DCAPCollateral(
            rootCaCrl: try bytes(dir + "intel_root_ca_crl.der"), pckCrl: try bytes(dir + "pck_platform_crl.der"),
            tcbInfoIssuerChain: signer,
            tcbInfo: try SignedJSON(envelope: try bytes(dir + "tcbinfov2.json"), key: "tcbInfo"),
            qeIdentityIssuerChain: signer,
            qeIdentity: try SignedJSON(envelope: try bytes(dir + "qeidentityv2.json"), key: "enclaveIdentity"))
        return (try bytes(dir + "quote_v3_sgx_from_lib_rs_test.dat"), collateral, date("2025-02-20T00:00:00Z"))
    }
}
