import PhalanxContracts
import PhalanxPrimitives
import Testing

/// Calls one host function per op on `data` (input is `op ‖ data`) and returns what it produced.
let envWAT = """
    (module
      (import "seal0" "input" (func $input (param i32 i32)))
      (import "seal0" "seal_return" (func $return (param i32 i32 i32)))
      (import "seal0" "hash_blake2_256" (func $blake256 (param i32 i32 i32)))
      (import "seal0" "hash_blake2_128" (func $blake128 (param i32 i32 i32)))
      (import "seal0" "hash_sha2_256" (func $sha256 (param i32 i32 i32)))
      (import "seal0" "hash_keccak_256" (func $keccak (param i32 i32 i32)))
      (import "seal0" "block_number" (func $block (param i32 i32)))
      (import "seal0" "now" (func $now (param i32 i32)))
      (import "seal0" "minimum_balance" (func $ed (param i32 i32)))
      (import "seal0" "balance" (func $balance (param i32 i32)))
      (import "seal0" "value_transferred" (func $value (param i32 i32)))
      (import "seal0" "gas_left" (func $gas (param i32 i32)))
      (import "seal0" "transfer" (func $transfer (param i32 i32 i32 i32) (result i32)))
      (import "seal0" "ecdsa_recover" (func $recover (param i32 i32 i32) (result i32)))
      (import "seal0" "ecdsa_to_eth_address" (func $eth (param i32 i32) (result i32)))
      (import "seal0" "sr25519_verify" (func $sr (param i32 i32 i32 i32) (result i32)))
      (import "seal0" "own_code_hash" (func $own (param i32 i32)))
      (import "seal0" "is_contract" (func $is_contract (param i32) (result i32)))
      (import "env" "memory" (memory 2 16))
      (func (export "deploy"))
      (func (export "call") (local $len i32) (local $op i32)
        (i32.store (i32.const 64) (i32.const 4096))
        (call $input (i32.const 128) (i32.const 64))
        (local.set $len (i32.sub (i32.load (i32.const 64)) (i32.const 1)))
        (local.set $op (i32.load8_u (i32.const 128)))
        (if (i32.eq (local.get $op) (i32.const 1))
          (then
            (call $blake256 (i32.const 129) (local.get $len) (i32.const 8192))
            (call $blake128 (i32.const 129) (local.get $len) (i32.const 8224))
            (call $sha256 (i32.const 129) (local.get $len) (i32.const 8240))
            (call $keccak (i32.const 129) (local.get $len) (i32.const 8272))
            (call $return (i32.const 0) (i32.const 8192) (i32.const 112))))
        (if (i32.eq (local.get $op) (i32.const 2))
          (then
            (i32.store (i32.const 60) (i32.const 4)) (call $block (i32.const 8192) (i32.const 60))
            (i32.store (i32.const 60) (i32.const 8)) (call $now (i32.const 8196) (i32.const 60))
            (i32.store (i32.const 60) (i32.const 16)) (call $ed (i32.const 8204) (i32.const 60))
            (i32.store (i32.const 60) (i32.const 16)) (call $balance (i32.const 8220) (i32.const 60))
            (i32.store (i32.const 60) (i32.const 16)) (call $value (i32.const 8236) (i32.const 60))
            (i32.store (i32.const 60) (i32.const 8)) (call $gas (i32.const 8252) (i32.const 60))
            (i32.store (i32.const 60) (i32.const 32)) (call $own (i32.const 8260) (i32.const 60))
            (i32.store8 (i32.const 8292) (call $is_contract (i32.const 129)))
            (call $return (i32.const 0) (i32.const 8192) (i32.const 101))))
        (if (i32.eq (local.get $op) (i32.const 3))
          (then
            (i32.store8 (i32.const 8192) (call $transfer (i32.const 129) (i32.const 32) (i32.const 161) (i32.const 16)))
            (call $return (i32.const 0) (i32.const 8192) (i32.const 1))))
        (if (i32.eq (local.get $op) (i32.const 4))
          (then
            (i32.store8 (i32.const 8192) (call $recover (i32.const 129) (i32.const 194) (i32.const 8193)))
            (call $return (i32.const 0) (i32.const 8192) (i32.const 34))))
        (if (i32.eq (local.get $op) (i32.const 5))
          (then
            (i32.store8 (i32.const 8192)
              (call $sr (i32.const 129) (i32.const 193) (i32.sub (local.get $len) (i32.const 96)) (i32.const 225)))
            (call $return (i32.const 0) (i32.const 8192) (i32.const 1))))
        (if (i32.eq (local.get $op) (i32.const 6))
          (then
            (i32.store8 (i32.const 8192) (call $eth (i32.const 129) (i32.const 8193)))
            (call $return (i32.const 0) (i32.const 8192) (i32.const 21))))
        (unreachable)))
    """

@Suite struct HostFunctionTests {
    let cluster: ContractCluster
    let backend: InMemoryStateBackend
    let code: [UInt8]
    let address: AccountId32

    init() throws {
        (cluster, backend) = Fixture.cluster()
        code = try Fixture.wasm(envWAT)
        let deployed = cluster.instantiate(origin: Fixture.alice, value: 1_000, code: .upload(code), input: [])
        address = try #require(deployed.result.successValue?.accountId)
    }

    func run(_ input: [UInt8], value: UInt128 = 0, block: BlockContext = BlockContext()) -> [UInt8]? {
        cluster.call(origin: Fixture.alice, dest: address, value: value, input: input, block: block)
            .result.successValue?.data
    }

    @Test func hashes() {
        let data = Array("phalanx".utf8)
        #expect(run([1] + data) == blake2_256(data) + blake2_128(data) + sha2_256(data) + keccak_256(data))
    }

    @Test func environment() throws {
        let block = BlockContext(blockNumber: 77, timestamp: 1_700_000_000_123)
        let output = try #require(run([2] + address.bytes, value: 5, block: block))
        #expect(Array(output[0..<4]) == UInt32(77).scaleEncoded)
        #expect(Array(output[4..<12]) == UInt64(1_700_000_000_123).scaleEncoded)
        #expect(Array(output[12..<28]) == UInt128(1).scaleEncoded)  // existential deposit
        #expect(Array(output[28..<44]) == UInt128(1_004).scaleEncoded)  // 1000 + 5 transferred, minus ED 1
        #expect(Array(output[44..<60]) == UInt128(5).scaleEncoded)
        let gasLeft = try UInt64.decode(scale: Array(output[60..<68]))
        #expect(gasLeft > 0)
        #expect(Array(output[68..<100]) == ContractCluster.codeHash(code).bytes)
        #expect(output[100] == 1)
        #expect(run([2] + Fixture.bob.bytes)?[100] == 0)
    }

    @Test func transfers() {
        let bobBefore = backend.balance(Fixture.bob)
        #expect(run([3] + Fixture.bob.bytes + UInt128(300).scaleEncoded) == [0])
        #expect(backend.balance(Fixture.bob) == bobBefore + 300)
        #expect(backend.balance(address) == 700)
        // Would leave the contract below the existential deposit: TransferFailed, nothing moves.
        #expect(run([3] + Fixture.bob.bytes + UInt128(700).scaleEncoded) == [5])
        #expect(backend.balance(address) == 700)
    }

    @Test func signatures() throws {
        let ecdsa = try KeyPair(uri: "//Alice", scheme: .ecdsa)
        let digest = blake2_256(Array("msg".utf8))
        guard case .ecdsa(let pair) = ecdsa.material else {
            Issue.record("not ecdsa")
            return
        }
        let signature = pair.signPrehashed(digest)
        #expect(run([4] + signature + digest) == [0] + ecdsa.publicKey)
        #expect(run([4] + [UInt8](repeating: 0, count: 65) + digest)?.first == 11)
        #expect(run([6] + ecdsa.publicKey) == [0] + (try Ecdsa.ethereumAddress(publicKey: ecdsa.publicKey)))
        #expect(run([6] + [UInt8](repeating: 9, count: 33))?.first == 11)

        let sr = try KeyPair(uri: "//Alice")
        let message = Array("hello".utf8)
        let srSignature = sr.sign(message)
        #expect(run([5] + srSignature + sr.publicKey + message) == [0])
        #expect(run([5] + srSignature + sr.publicKey + Array("hellO".utf8)) == [12])
    }
}
