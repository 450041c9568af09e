import Hummingbird
import HummingbirdCore
public import ServiceLifecycle
import HummingbirdWebSocket
public import Logging

import Synchronization

/// Where and how the RPC server listens.
public struct RPCServerConfiguration: Sendable {
    /// Interface to bind; `127.0.0.1` unless the node runs with `--rpc-external`.
    public var host: String
    /// TCP port; 0 picks a free port (learn it from ``RPCServer/boundPort()``).
    public var port: Int
    /// Largest request (HTTP body or WebSocket message) accepted: 15 MiB like Substrate.
    public var maxRequestBytes: Int
    /// Largest response sent: 15 MiB like Substrate.
    public var maxResponseBytes: Int
    /// Largest single inbound WebSocket frame before the connection is closed (1009); messages
    /// above ``maxRequestBytes`` but within this get a -32007 answer and the connection stays open.
    public var maxWebSocketFrameBytes: Int
    /// Requests of one WebSocket connection processed at once; beyond it the server stops reading
    /// that socket until one finishes (Substrate's per-connection buffer is 64; jsonrpsee's limit is similar).
    public var maxConcurrentRequestsPerConnection: Int
    /// Open connections (HTTP and WebSocket) accepted at once; further ones wait in the backlog
    /// (Substrate's `--rpc-max-connections` defaults to 100); `nil` for no limit.
    public var maxConnections: Int?
    /// Live subscriptions per WebSocket connection; more get -32006 (Substrate's default is 1024).
    public var maxSubscriptionsPerConnection: Int

    /// A configuration; `external` binds all interfaces (`0.0.0.0`), otherwise loopback only.
    public init(
        port: Int = 9944, external: Bool = false, maxRequestBytes: Int = 15 * 1024 * 1024,
        maxResponseBytes: Int = 15 * 1024 * 1024
    ) {
        self.host = external ? "0.0.0.0" : "127.0.0.1"
        self.port = port
        self.maxRequestBytes = maxRequestBytes
        self.maxResponseBytes = maxResponseBytes
        self.maxWebSocketFrameBytes = 2 * maxRequestBytes
        self.maxConcurrentRequestsPerConnection = 256
        self.maxConnections = 100
        self.maxSubscriptionsPerConnection = 1024
    }
}

/// JSON-RPC 2.0 over HTTP POST and WebSocket on one port (like Substrate's jsonrpsee server on :9944).
///
/// It is a swift-service-lifecycle `Service`: run it in a `ServiceGroup` for graceful shutdown,
/// or call ``run()`` in a task and cancel the task to stop.
public final class RPCServer: Service, Sendable {
    /// The dispatcher shared by both transports.
    public let engine: RPCEngine
    /// The listening configuration.
    public let configuration: RPCServerConfiguration
    let logger: Logger
    private let port = OneShot<Int?>()

    /// A server for `module` with `configuration`, updating `metrics`.
    public init(
        module: RPCModule, configuration: RPCServerConfiguration = .init(), metrics: RPCMetrics = RPCMetrics(),
        logger: Logger = Logger(label: "phalanx.rpc")
    ) {
        self.engine = RPCEngine(
            module: module, maxRequestBytes: configuration.maxRequestBytes,
            maxResponseBytes: configuration.maxResponseBytes,
            maxSubscriptionsPerSession: configuration.maxSubscriptionsPerConnection, metrics: metrics, logger: logger)
        self.configuration = configuration
        self.logger = logger
    }

    /// The port actually bound, once listening (`nil` if the server stopped before binding).
    public func boundPort() async -> Int? { await port.wait() }

    /// Listens until cancelled or gracefully shut down.
    public func run() async throws {
        let engine = self.engine
        let logger = self.logger
        let maxRequest = configuration.maxRequestBytes
        let maxInFlight = configuration.maxConcurrentRequestsPerConnection

        let router = Router(context: BasicWebSocketRequestContext.self)
        router.post("/") { request, _ -> Response in
            await Self.answerHTTP(request, engine: engine, maxRequest: maxRequest)
        }
        router.get("/") { _, _ -> Response in
            Response(
                status: .methodNotAllowed, headers: [.contentType: "text/plain"],
                body: .init(byteBuffer: ByteBuffer(string: "Used HTTP Method is not allowed. POST is required\n")))
        }

        let wsRouter = Router(context: BasicWebSocketRequestContext.self)
        wsRouter.ws("/") { inbound, outbound, _ in
            try await Self.serveWebSocket(
                inbound: inbound, outbound: outbound, engine: engine, maxRequest: maxRequest, maxInFlight: maxInFlight,
                logger: logger)
        }

        let app = Application(
            router: router,
            server: .http1WebSocketUpgrade(
                webSocketRouter: wsRouter,
                configuration: .init(
                    ws: .init(
                        maxFrameSize: configuration.maxWebSocketFrameBytes,
                        autoPing: .disabled, closeTimeout: .seconds(5)))),
            configuration: .init(
                address: .hostname(configuration.host, port: configuration.port), serverName: nil,
                availableConnectionsDelegate: configuration.maxConnections.map { MaximumAvailableConnections($0) }),
            onServerRunning: { [port] channel in
                logger.info("RPC server listening", metadata: ["address": "\(channel.localAddress.map { "\($0)" } ?? "?")"])
                port.fulfill(channel.localAddress?.port)
            },
            logger: logger
        )
        defer { port.fulfill(nil) }
        try await app.run()
    }

    /// Reads an HTTP body up to the limit (draining the rest) and answers it.
    static func answerHTTP(_ request: Request, engine: RPCEngine, maxRequest: Int) async -> Response {
        var body = ByteBuffer()
        var oversized = false
        do {
            for try await part in request.body {
                if oversized { continue }
                if body.readableBytes + part.readableBytes > maxRequest {
                    oversized = true
                    body.clear()
                    continue
                }
                var part = part
                body.writeBuffer(&part)
            }
        } catch {
            return Response(status: .badRequest)
        }
        let headers: HTTPFields = [.contentType: "application/json; charset=utf-8"]
        if oversized {
            return Response(
                status: .contentTooLarge, headers: headers,
                body: .init(byteBuffer: ByteBuffer(bytes: engine.oversizedRequestResponse())))
        }
        guard let answer = await engine.respond(to: body, transport: .http) else {
            return Response(status: .ok, headers: headers)
        }
        return Response(status: .ok, headers: headers, body: .init(byteBuffer: ByteBuffer(bytes: answer)))
    }

    /// Runs one WebSocket connection: assembles messages from frames, serves each in its own task.
    static func serveWebSocket(
        inbound: WebSocketInboundStream, outbound: WebSocketOutboundWriter, engine: RPCEngine, maxRequest: Int,
        maxInFlight: Int, logger: Logger
    ) async throws {
        let session = RPCSession(id: engine.makeConnectionID()) { bytes in
            try await outbound.write(.text(String(decoding: bytes, as: UTF8.self)))
        }
        engine.metrics.connectionOpened()
        logger.debug("WebSocket connection opened", metadata: ["rpc.connection": "\(session.id)"])
        defer {
            session.close()
            engine.metrics.connectionClosed()
            logger.debug("WebSocket connection closed", metadata: ["rpc.connection": "\(session.id)"])
        }
        let limiter = InFlightLimiter(limit: maxInFlight)
        try await withThrowingDiscardingTaskGroup { group in
            defer { group.cancelAll() }
            var message = ByteBuffer()
            var oversized = false
            for try await frame in inbound {
                switch frame.opcode {
                case .text, .binary:
                    message.clear()
                    oversized = false
                case .continuation:
                    break
                }
                if !oversized {
                    if message.readableBytes + frame.data.readableBytes > maxRequest {
                        oversized = true
                        message = ByteBuffer()
                    } else {
                        var data = frame.data
                        message.writeBuffer(&data)
                    }
                }
                guard frame.fin else { continue }
                if oversized {
                    let answer = engine.oversizedRequestResponse()
                    group.addTask { try? await session.write(answer) }
                    oversized = false
                    continue
                }
                let complete = message
                message = ByteBuffer()
                await limiter.acquire()
                group.addTask {
                    defer { limiter.release() }
                    await engine.serve(complete, on: session)
                }
            }
            session.close()
        }
    }
}
