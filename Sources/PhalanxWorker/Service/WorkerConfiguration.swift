import Foundation
import PhalanxPrimitives

/// How a worker runs (`phalanx worker …`, or embedded in `phalanx node --dev`).
public struct WorkerConfiguration: Sendable {
    /// The node's JSON-RPC endpoint (http:// or ws://).
    public var nodeURL: String
    /// Where sealed keys and state live (created 0700; files 0600).
    public var dataDirectory: URL
    /// The account paying for the worker's registration and messages (a secret URI).
    public var operatorURI: String
    /// The sealing authority's sr25519 public key (blocks not sealed by it are refused).
    public var authority: [UInt8]
    /// Query service address.
    public var queryHost: String = "127.0.0.1"
    /// Query service port (0 picks a free one).
    public var queryPort: Int = 8000
    /// How often the worker polls the node for new finalized blocks.
    public var pollInterval: Duration = .milliseconds(100)
    /// The longest a query may run.
    public var queryTimeout: Duration = .seconds(10)
    /// Queries one contract may have in flight before more are refused (ServiceUnavailable).
    public var maxConcurrentQueriesPerContract = 64
    /// Whether the worker registers itself (`register_worker_v2`, dev attestation) when the chain does not know it.
    public var registerIfNeeded = true
    /// The pink chain extension's host settings (private HTTP destinations, extra TLS roots, cache and log sizes).
    public var pink = WorkerPinkHost.Configuration()
    /// Blocks between resubmissions of a message the chain has not ingested yet.
    public var resubmitAfter: Duration = .seconds(6)

    /// A configuration; the authority defaults to the dev chains' //Alice.
    public init(nodeURL: String, dataDirectory: URL, operatorURI: String, authority: [UInt8]? = nil) throws {
        self.nodeURL = nodeURL
        self.dataDirectory = dataDirectory
        self.operatorURI = operatorURI
        self.authority = try authority ?? KeyPair(uri: "//Alice").publicKey
    }
}
