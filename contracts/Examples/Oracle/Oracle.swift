// Oracle: a Phat-Contract-style price oracle. A query fetches a JSON document over HTTP through the
// pink chain extension, reads one numeric field exactly (fixed point, 6 decimals, no floating point)
// and signs (url, value) with a key derived from the contract's cluster key, so anyone holding
// `public_key()` can check the price came from this contract inside a worker.
//
// ink!-equivalent interface (selectors = blake2_256(label)[0..4]):
//   constructor new()                                                   0x9bae9d5e
//   message public_key() -> Vec<u8>                                     0x52061d7d
//   message fetch_price(url: String, field: String) -> Result<Price, OracleError>   0x5ed23f04
// with Price { value: u128, signature: Vec<u8> } and OracleError { HttpStatus(u16), FieldMissing, BadNumber }.
// Like ink!, a message returning Err ends with the REVERT flag (the data is still `Ok(Err(…))`).

/// The price: `value` = the field × 10^6, `signature` = sr25519 over SCALE((url, value)).
struct Price: ScaleValue {
    var value: UInt128
    var signature: [UInt8]

    func write(to writer: inout ScaleWriter) {
        value.write(to: &writer)
        writer.writeBytes(signature)
    }

    static func read(from reader: inout ScaleReader) -> Price? {
        guard let value = reader.readUInt128(), let signature = reader.readBytes() else { return nil }
        return Price(value: value, signature: signature)
    }
}

/// Why no price was produced.
enum OracleError: Error, ScaleValue {
    /// The server answered with this status instead of 200.
    case httpStatus(UInt16)
    /// No member with the requested name.
    case fieldMissing
    /// The member is not a non-negative decimal number without exponent that fits in u128 after scaling.
    case badNumber

    func write(to writer: inout ScaleWriter) {
        switch self {
        case .httpStatus(let status):
            writer.writeByte(0)
            status.write(to: &writer)
        case .fieldMissing: writer.writeByte(1)
        case .badNumber: writer.writeByte(2)
        }
    }

    static func read(from reader: inout ScaleReader) -> OracleError? {
        switch reader.readByte() {
        case 0: return UInt16.read(from: &reader).map { .httpStatus($0) }
        case 1: return .fieldMissing
        case 2: return .badNumber
        default: return nil
        }
    }
}

/// The signing key: sr25519 secret derived for salt "oracle".
func signingKey() -> [UInt8] { Pink.deriveSr25519Key(salt: Array("oracle".utf8)) }

/// Constructor `new()` (0x9bae9d5e). Like ink!, stores the (field-less) root struct under key 0.
@_expose(wasm, "deploy") @_cdecl("deploy")
public func deploy() {
    let message = Message.current()
    guard message.selector == [0x9b, 0xae, 0x9d, 0x5e] else { Message.unknownSelector() }
    Storage.set([0, 0, 0, 0], [])
    Message.replyUnit()
}

/// Messages `public_key()` (0x52061d7d) and `fetch_price(url, field)` (0x5ed23f04).
@_expose(wasm, "call") @_cdecl("call")
public func call() {
    var message = Message.current()
    switch message.selector {
    case [0x52, 0x06, 0x1d, 0x7d]:
        Message.reply(Pink.getPublicKey(.sr25519, key: signingKey()))
    case [0x5e, 0xd2, 0x3f, 0x04]:
        guard let url = message.arguments.readBytes(), let field = message.arguments.readBytes() else {
            Message.unknownSelector()
        }
        Message.reply(result: fetchPrice(url: url, field: field))
    default:
        Message.unknownSelector()
    }
}

/// GET `url`, read `field`, sign.
func fetchPrice(url: [UInt8], field: [UInt8]) -> Result<Price, OracleError> {
    let text = String(decoding: url, as: UTF8.self)
    Pink.info("oracle: fetching " + text)  // readable by the deployer only: `phalanx contract logs`
    let response = Pink.httpRequest(HttpRequest(url: text, method: "GET"))
    guard response.statusCode == 200 else {
        Pink.warn("oracle: " + text + " did not answer 200")
        return .failure(.httpStatus(response.statusCode))
    }
    guard let start = JSONScan.valueStart(of: field, in: response.body) else { return .failure(.fieldMissing) }
    guard let value = JSONScan.fixedPoint(response.body, at: start, decimals: 6) else { return .failure(.badNumber) }
    var signed = ScaleWriter()
    signed.writeBytes(url)  // SCALE((String, u128)): the url as a String, then the value
    value.write(to: &signed)
    return .success(Price(value: value, signature: Pink.sign(.sr25519, key: signingKey(), message: signed.bytes)))
}

/// A small JSON scanner over bytes: enough to find a member by name and read a number exactly.
enum JSONScan {
    static let quote: UInt8 = 0x22, backslash: UInt8 = 0x5C, colon: UInt8 = 0x3A

    static func isSpace(_ byte: UInt8) -> Bool { byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D }
    static func isDigit(_ byte: UInt8) -> Bool { byte >= 0x30 && byte <= 0x39 }

    /// The index of the first byte of the value of the first member named `name` (at any depth), or nil.
    /// Strings are skipped whole (escapes included), so text inside values never matches; a member name
    /// is compared byte for byte as written (escaped names are not unescaped).
    static func valueStart(of name: [UInt8], in body: [UInt8]) -> Int? {
        var index = 0
        while index < body.count {
            guard body[index] == quote else {
                index += 1
                continue
            }
            // A string token from `index`: find its closing quote.
            let contentStart = index + 1
            var end = contentStart
            while end < body.count && body[end] != quote {
                end += body[end] == backslash ? 2 : 1
            }
            guard end < body.count else { return nil }
            var next = end + 1
            while next < body.count && isSpace(body[next]) { next += 1 }
            if next < body.count && body[next] == colon && end - contentStart == name.count
                && body[contentStart..<end].elementsEqual(name)
            {
                next += 1
                while next < body.count && isSpace(body[next]) { next += 1 }
                return next
            }
            index = end + 1
        }
        return nil
    }

    /// The JSON number at `start` × 10^`decimals` as an exact integer: extra fraction digits are truncated;
    /// a sign, an exponent, a leading zero before digits, a missing digit, trailing junk or overflow give nil.
    static func fixedPoint(_ body: [UInt8], at start: Int, decimals: Int) -> UInt128? {
        var index = start
        var integer: UInt128 = 0
        let integerStart = index
        while index < body.count && isDigit(body[index]) {
            let (times10, overflow1) = integer.multipliedReportingOverflow(by: 10)
            let (sum, overflow2) = times10.addingReportingOverflow(UInt128(body[index] - 0x30))
            if overflow1 || overflow2 { return nil }
            integer = sum
            index += 1
        }
        let integerDigits = index - integerStart
        if integerDigits == 0 || (integerDigits > 1 && body[integerStart] == 0x30) { return nil }
        var fraction: UInt128 = 0
        var fractionDigits = 0
        if index < body.count && body[index] == 0x2E {  // "."
            index += 1
            let fractionStart = index
            while index < body.count && isDigit(body[index]) {
                if fractionDigits < decimals {
                    fraction = fraction * 10 + UInt128(body[index] - 0x30)
                    fractionDigits += 1
                }
                index += 1
            }
            if index == fractionStart { return nil }
        }
        // The number must end here: an exponent or anything else glued to it is rejected.
        if index < body.count {
            let byte = body[index]
            guard isSpace(byte) || byte == 0x2C || byte == 0x7D || byte == 0x5D else { return nil }  // , } ]
        }
        while fractionDigits < decimals {
            fraction *= 10
            fractionDigits += 1
        }
        var scale: UInt128 = 1
        for _ in 0..<decimals { scale *= 10 }
        let (scaled, overflow1) = integer.multipliedReportingOverflow(by: scale)
        let (total, overflow2) = scaled.addingReportingOverflow(fraction)
        return overflow1 || overflow2 ? nil : total
    }
}
