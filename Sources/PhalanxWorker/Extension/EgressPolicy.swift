import Foundation
import PhalanxPrimitives

/// A contract's HTTP egress rules (beyond Phala, which allows everything): an allow-list and a rate limit.
///
/// Set by the contract's deployer (a signed `POST /egress-policy` to the worker) or by the cluster owner. The default
/// policy allows every public destination without limit, as Phala does.
public struct EgressPolicy: Sendable, Hashable, Codable, ScaleCodable {
    /// Allowed destinations; empty allows all. An entry with `://` is a URL prefix (`https://api.example.com/v1/`),
    /// otherwise a host name that also admits its subdomains (`example.com` admits `api.example.com`).
    public var allow: [String]
    /// Requests per minute; `nil` is unlimited.
    public var maxRequestsPerMinute: UInt32?

    /// A policy.
    public init(allow: [String] = [], maxRequestsPerMinute: UInt32? = nil) {
        self.allow = allow
        self.maxRequestsPerMinute = maxRequestsPerMinute
    }

    /// Allow everything, without limit.
    public static let open = EgressPolicy()

    /// Whether `url` (already parsed, with `host`) is on the allow-list.
    public func permits(url: String, host: String) -> Bool {
        guard !allow.isEmpty else { return true }
        let host = host.lowercased()
        return allow.contains { entry in
            if entry.contains("://") { return url.hasPrefix(entry) }
            let name = entry.lowercased()
            return host == name || host.hasSuffix("." + name)
        }
    }

    public func encode(to encoder: inout ScaleEncoder) { encoder.encodeAll(allow, maxRequestsPerMinute) }
    public init(from decoder: inout ScaleDecoder) throws {
        (allow, maxRequestsPerMinute) = try decoder.decodeAll([String].self, UInt32?.self)
    }
}

/// Counts requests per contract in one-minute windows for ``EgressPolicy/maxRequestsPerMinute``.
struct EgressRateLimiter {
    private var windows: [AccountId32: (start: ContinuousClock.Instant, count: UInt32)] = [:]

    /// Takes `count` requests of `contract`'s budget; false when the minute's budget is spent.
    mutating func admit(_ contract: AccountId32, count: Int, limit: UInt32?, now: ContinuousClock.Instant = .now) -> Bool {
        guard let limit else { return true }
        var window = windows[contract] ?? (now, 0)
        if now - window.start >= .seconds(60) { window = (now, 0) }
        guard UInt64(window.count) + UInt64(count) <= UInt64(limit) else { return false }
        window.count += UInt32(count)
        windows[contract] = window
        return true
    }
}

/// Which destinations count as private: loopback, RFC 1918, link-local, CGNAT, unique-local and unspecified.
enum PrivateAddress {
    /// Whether any address `host` resolves to is private (an unresolvable host is not: it fails later as unreachable).
    static func resolvesPrivate(_ host: String) -> Bool {
        let name = host.hasPrefix("[") && host.hasSuffix("]") ? String(host.dropFirst().dropLast()) : host
        if name.lowercased() == "localhost" || name.lowercased().hasSuffix(".localhost") { return true }
        var hints = addrinfo()
        hints.ai_socktype = Int32(SOCK_STREAM.rawValue)
        var list: UnsafeMutablePointer<addrinfo>?
        guard getaddrinfo(name, nil, &hints, &list) == 0, let first = list else { return false }
        defer { freeaddrinfo(first) }
        var cursor: UnsafeMutablePointer<addrinfo>? = first
        while let entry = cursor {
            if let address = entry.pointee.ai_addr, isPrivate(address) { return true }
            cursor = entry.pointee.ai_next
        }
        return false
    }

    private static func isPrivate(_ address: UnsafeMutablePointer<sockaddr>) -> Bool {
        switch Int32(address.pointee.sa_family) {
        case AF_INET:
            let bytes = address.withMemoryRebound(to: sockaddr_in.self, capacity: 1) { pointer in
                withUnsafeBytes(of: pointer.pointee.sin_addr.s_addr) { Array($0) }
            }
            return isPrivateIPv4(bytes)
        case AF_INET6:
            let bytes = address.withMemoryRebound(to: sockaddr_in6.self, capacity: 1) { pointer in
                withUnsafeBytes(of: pointer.pointee.sin6_addr) { Array($0) }
            }
            return isPrivateIPv6(bytes)
        default:
            return true
        }
    }

    /// IPv4 in network byte order.
    static func isPrivateIPv4(_ b: [UInt8]) -> Bool {
        b[0] == 0 || b[0] == 10 || b[0] == 127 || (b[0] == 169 && b[1] == 254) || (b[0] == 172 && b[1] & 0xF0 == 16)
            || (b[0] == 192 && b[1] == 168) || (b[0] == 100 && b[1] & 0xC0 == 64) || b[0] >= 224
    }

    /// IPv6 in network byte order.
    static func isPrivateIPv6(_ b: [UInt8]) -> Bool {
        if b[0..<15].allSatisfy({ $0 == 0 }) { return true }  // :: and ::1
        if b[0] & 0xFE == 0xFC || (b[0] == 0xFE && b[1] & 0xC0 == 0x80) || b[0] == 0xFF { return true }
        if b[0..<10].allSatisfy({ $0 == 0 }) && b[10] == 0xFF && b[11] == 0xFF { return isPrivateIPv4(Array(b[12..<16])) }
        return false
    }
}
