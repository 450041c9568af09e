import AsyncHTTPClient
import Dispatch
import Foundation
import NIOCore
import NIOHTTP1
import NIOSSL
import PhalanxContracts
import PhalanxPrimitives
import Synchronization

/// Outgoing HTTP(S) for contracts (pink functions 1 and 22) over AsyncHTTPClient, with Phala's limits and error
/// mapping: response bodies ≤ 2 MiB (`ResponseTooLarge`), ≤ 256 headers (`TooManyHeaders`), a request that never
/// reached a server → 523 "Unreachable". Beyond Phala: each contract's ``EgressPolicy`` and, unless
/// `allowPrivateDestinations`, refusal (`NotAllowed`) of loopback and private-network destinations.
///
/// Redirects are not followed (a 3xx goes back to the contract), so a public URL cannot bounce a request into a
/// private network. Blocking: call it from the worker's execution thread, never from Swift's cooperative pool.
public final class HTTPEgress: Sendable {
    /// Whether loopback and private-network destinations are allowed (`--allow-private-http`).
    public let allowPrivateDestinations: Bool
    private let tls: TLSConfiguration?
    private let rateLimiter = Mutex(EgressRateLimiter())

    /// One client for the process: AsyncHTTPClient requires a shutdown before deinit, and a static never deinits.
    /// A refused connection or failed TLS handshake answers at once (as Phala's reqwest does), instead of being
    /// retried until the deadline.
    private static let client: HTTPClient = {
        var configuration = HTTPClient.Configuration(
            redirectConfiguration: .disallow, timeout: .init(connect: .seconds(10)), decompression: .disabled)
        configuration.connectionPool.retryConnectionEstablishment = false
        return HTTPClient(eventLoopGroup: HTTPClient.defaultEventLoopGroup, configuration: configuration)
    }()

    /// An egress; `trustedCertificates` (PEM files) are trusted in addition to the system roots.
    public init(allowPrivateDestinations: Bool = false, trustedCertificates: [String] = []) throws {
        self.allowPrivateDestinations = allowPrivateDestinations
        if trustedCertificates.isEmpty {
            tls = nil
        } else {
            var configuration = TLSConfiguration.makeClientConfiguration()
            let extra = try trustedCertificates.flatMap { try NIOSSLCertificate.fromPEMFile($0) }
            configuration.trustRoots = .default
            configuration.additionalTrustRoots = [.certificates(extra)]
            tls = configuration
        }
    }

    /// Runs `requests` concurrently within `timeout` for `contract` under `policy` (see ``PinkHost/http(_:timeout:contract:)``).
    public func run(_ requests: [HttpRequest], timeout: Duration, contract: AccountId32, policy: EgressPolicy)
        -> Result<[Result<HttpResponse, HttpRequestError>], HttpRequestError>
    {
        let prepared = requests.map { prepare($0, policy: policy) }
        let admitted = prepared.filter { (try? $0.get()) != nil }.count
        let withinRate = rateLimiter.withLock { $0.admit(contract, count: admitted, limit: policy.maxRequestsPerMinute) }
        let group = DispatchGroup()
        let results = Mutex([Result<HttpResponse, HttpRequestError>?](repeating: nil, count: requests.count))
        let deadline = NIODeadline.now() + .nanoseconds(Int64(clamping: timeout.nanoseconds))
        var tasks: [HTTPClient.Task<HTTPClient.Response>] = []
        for (index, item) in prepared.enumerated() {
            switch item {
            case .failure(let error):
                results.withLock { $0[index] = .failure(error) }
            case .success where !withinRate:
                results.withLock { $0[index] = .failure(.tooManyRequests) }
            case .success(let request):
                group.enter()
                let task = Self.client.execute(
                    request: request, delegate: ResponseAccumulator(request: request, maxBodySize: PinkLimits.maxBodySize),
                    deadline: deadline)
                tasks.append(task)
                task.futureResult.whenComplete { outcome in
                    results.withLock { $0[index] = Self.map(outcome) }
                    group.leave()
                }
            }
        }
        let guardTime = DispatchTime.now() + .nanoseconds(Int(clamping: timeout.nanoseconds))
            + .milliseconds(Int(PinkLimits.batchGraceMilliseconds))
        guard group.wait(timeout: guardTime) == .success else {
            for task in tasks { task.cancel() }
            return .failure(.timeout)
        }
        return .success(results.withLock { $0.map { $0 ?? .failure(.networkError) } })
    }

    /// Validates a request (URL, method, headers, policy, destination) and builds the client's request.
    private func prepare(_ request: HttpRequest, policy: EgressPolicy) -> Result<HTTPClient.Request, HttpRequestError> {
        guard let url = URL(string: request.url), let scheme = url.scheme?.lowercased(), scheme == "http" || scheme == "https",
            let host = url.host, !host.isEmpty
        else { return .failure(.invalidUrl) }
        guard !request.method.isEmpty, request.method.utf8.allSatisfy(Self.isTokenByte) else { return .failure(.invalidMethod) }
        var headers = HTTPHeaders()
        for header in request.headers {
            guard !header.name.isEmpty, header.name.utf8.allSatisfy(Self.isTokenByte) else { return .failure(.invalidHeaderName) }
            guard header.value.utf8.allSatisfy({ $0 == 0x09 || ($0 >= 0x20 && $0 != 0x7F) }) else {
                return .failure(.invalidHeaderValue)
            }
            headers.add(name: header.name, value: header.value)
        }
        guard policy.permits(url: request.url, host: host) else { return .failure(.notAllowed) }
        if !allowPrivateDestinations && PrivateAddress.resolvesPrivate(host) { return .failure(.notAllowed) }
        do {
            return .success(try HTTPClient.Request(
                url: request.url, method: HTTPMethod(rawValue: request.method), headers: headers,
                body: request.body.isEmpty ? nil : .bytes(request.body), tlsConfiguration: tls))
        } catch {
            return .failure(.failedToCreateClient)
        }
    }

    /// Maps the client's outcome to Phala's: limits are errors, anything that kept the request from an answer is 523.
    private static func map(_ outcome: Result<HTTPClient.Response, any Error>) -> Result<HttpResponse, HttpRequestError> {
        switch outcome {
        case .success(let response):
            guard response.headers.count <= PinkLimits.maxHeaders else { return .failure(.tooManyHeaders) }
            return .success(HttpResponse(
                statusCode: UInt16(clamping: response.status.code), reasonPhrase: response.status.reasonPhrase,
                headers: response.headers.map { HeaderPair($0.name, $0.value) },
                body: response.body.map { Array(buffer: $0) } ?? []))
        case .failure(is ResponseAccumulator.ResponseTooBigError):
            return .failure(.responseTooLarge)
        case .failure(let error as HTTPClientError) where error == .deadlineExceeded || error == .readTimeout:
            return .success(.unreachable("Timeout: \(error)"))
        case .failure(let error):
            return .success(.unreachable(String(describing: error)))
        }
    }

    /// RFC 9110 `tchar`.
    private static func isTokenByte(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "0")...UInt8(ascii: "9"):
            true
        default:
            Array("!#$%&'*+-.^_`|~".utf8).contains(byte)
        }
    }
}

extension Duration {
    /// The duration in whole nanoseconds (saturating).
    var nanoseconds: Int64 {
        let (seconds, attoseconds) = components
        return seconds.multipliedReportingOverflow(by: 1_000_000_000).overflow
            ? .max : seconds * 1_000_000_000 + attoseconds / 1_000_000_000
    }
}
