import PhalanxContracts
import PhalanxPrimitives
import PhalanxTestSupport
import Testing

@Suite struct ResultEncodingTests {
    static let okResult = ContractExecResult(
        gasConsumed: Weight(refTime: 1_000_000, proofSize: 3), gasRequired: Weight(refTime: 64, proofSize: 16_384),
        storageDeposit: .charge(105), debugMessage: Array("hi".utf8),
        result: .success(ExecReturnValue(flags: .revert, data: [0, 1, 0])), events: [])
    static let errResult = ContractExecResult(
        gasConsumed: Weight(refTime: 0, proofSize: 0), gasRequired: Weight(refTime: 1 << 40, proofSize: 1),
        storageDeposit: .refund(1), debugMessage: [],
        result: .failure(.module(index: 8, error: .contractTrapped)), events: [])

    /// The layout of substrate-compat.md §5.3, written out by hand.
    @Test func matchesPalletLayoutByteForByte() {
        let ok: [UInt8] =
            [0x02, 0x09, 0x3d, 0x00, 0x0c]  // gas_consumed: Compact(1_000_000), Compact(3)
            + [0x01, 0x01, 0x02, 0x00, 0x01, 0x00]  // gas_required: Compact(64), Compact(16_384)
            + [0x01, 0x69] + [UInt8](repeating: 0, count: 15)  // storage_deposit: Charge(105)
            + [0x08, 0x68, 0x69]  // debug_message: "hi"
            + [0x00, 0x01, 0x00, 0x00, 0x00, 0x0c, 0x00, 0x01, 0x00]  // Ok(ExecReturnValue{flags: 1, data})
            + [0x00]  // events: None
        #expect(Self.okResult.scaleEncoded == ok)
        var legacy = ScaleEncoder()
        Self.okResult.encode(to: &legacy, includeEventsField: false)
        #expect(legacy.bytes == Array(ok.dropLast()))

        let err: [UInt8] =
            [0x00, 0x00]
            + [0x0b, 0x00, 0x00, 0x00, 0x00, 0x00, 0x01, 0x04]  // Compact(2^40): big-integer mode, 6 bytes; Compact(1)
            + [0x00, 0x01] + [UInt8](repeating: 0, count: 15)  // Refund(1)
            + [0x00]
            + [0x01, 0x03, 0x08, 0x0c, 0x00, 0x00, 0x00]  // Err(Module{index: 8, error: [12, 0, 0, 0]})
            + [0x00]
        #expect(Self.errResult.scaleEncoded == err)
    }

    @Test func instantiateResultLayout() {
        let account = AccountId32(bytes: [UInt8](repeating: 0xAB, count: 32))!
        let result = ContractInstantiateResult(
            gasConsumed: .zero, gasRequired: .zero, storageDeposit: .charge(0), debugMessage: [],
            result: .success(InstantiateReturnValue(result: ExecReturnValue(), accountId: account)), events: [])
        let expected: [UInt8] =
            [0, 0, 0, 0] + [1] + [UInt8](repeating: 0, count: 16) + [0] + [0, 0, 0, 0, 0, 0] + account.bytes + [0]
        #expect(result.scaleEncoded == expected)
    }

    @Test func roundTripsComponents() throws {
        let value = ExecReturnValue(flags: .revert, data: [1, 2, 3])
        #expect(try ExecReturnValue.decode(scale: value.scaleEncoded) == value)
        let error = DispatchError.module(index: 3, error: .outOfGas)
        #expect(try DispatchError.decode(scale: error.scaleEncoded) == error)
        #expect(try StorageDeposit.decode(scale: StorageDeposit.refund(7).scaleEncoded) == .refund(7))
        #expect(
            try Weight.decode(scale: Weight(refTime: 5, proofSize: 1 << 33).scaleEncoded)
                == Weight(refTime: 5, proofSize: 1 << 33))
    }

    static let script = #"""
        import json, sys
        from scalecodec.base import RuntimeConfigurationObject, ScaleBytes
        from scalecodec.type_registry import load_type_registry_preset
        rc = RuntimeConfigurationObject()
        rc.update_type_registry(load_type_registry_preset("core"))
        rc.update_type_registry({"types": {
          "PxWeight": {"type": "struct", "type_mapping": [["ref_time", "Compact<u64>"], ["proof_size", "Compact<u64>"]]},
          "PxStorageDeposit": {"type": "enum", "type_mapping": [["Refund", "u128"], ["Charge", "u128"]]},
          "PxExecReturnValue": {"type": "struct", "type_mapping": [["flags", "u32"], ["data", "Vec<u8>"]]},
          "PxModuleError": {"type": "struct", "type_mapping": [["index", "u8"], ["error", "[u8; 4]"]]},
          "PxDispatchError": {"type": "enum", "type_mapping": [["Other", "Null"], ["CannotLookup", "Null"],
                                                               ["BadOrigin", "Null"], ["Module", "PxModuleError"]]},
          "PxResult": {"type": "enum", "type_mapping": [["Ok", "PxExecReturnValue"], ["Err", "PxDispatchError"]]},
          "PxContractExecResult": {"type": "struct", "type_mapping": [
              ["gas_consumed", "PxWeight"], ["gas_required", "PxWeight"], ["storage_deposit", "PxStorageDeposit"],
              ["debug_message", "Vec<u8>"], ["result", "PxResult"], ["events", "Option<Vec<u8>>"]]},
        }})
        out = []
        for h in json.load(sys.stdin):
            v = rc.create_scale_object("PxContractExecResult", ScaleBytes(h)).decode(check_remaining=True)
            out.append(json.dumps(v, sort_keys=True))
        print(json.dumps(out))
        """#

    /// Decoded strictly (no trailing bytes) by the Python `scalecodec` package with the pallet's type definitions
    /// (scalecodec shows `Vec<u8>` as text).
    @Test func decodesWithPythonScalecodec() throws {
        let inputs = [Self.okResult, Self.errResult].map { $0.scaleEncoded.prefixedHex }
        let decoded = try PythonReference.json(Self.script, input: inputs, as: [String].self)
        #expect(decoded.count == 2)
        #expect(
            decoded[0]
                == #"{"debug_message": "hi", "events": null, "gas_consumed": {"proof_size": 3, "ref_time": 1000000}, "gas_required": {"proof_size": 16384, "ref_time": 64}, "result": {"Ok": {"data": "\u0000\u0001\u0000", "flags": 1}}, "storage_deposit": {"Charge": 105}}"#
        )
        #expect(
            decoded[1]
                == #"{"debug_message": "", "events": null, "gas_consumed": {"proof_size": 0, "ref_time": 0}, "gas_required": {"proof_size": 1, "ref_time": 1099511627776}, "result": {"Err": {"Module": {"error": "0x0c000000", "index": 8}}}, "storage_deposit": {"Refund": 1}}"#
        )
    }

    /// A real execution's result decodes too.
    @Test func realResultDecodes() throws {
        let (cluster, _) = Fixture.cluster()
        let address = try Fixture.deploy(
            cluster, try SampleContracts.assemble(SampleContracts.flipperWAT), input: SampleContracts.newSelector + [1])
        let result = cluster.call(origin: Fixture.bob, dest: address, input: SampleContracts.flipSelector)
        let decoded = try PythonReference.json(Self.script, input: [result.scaleEncoded.prefixedHex], as: [String].self)
        #expect(decoded.first?.contains(#""result": {"Ok": {"data": "\u0000", "flags": 0}}"#) == true)
        #expect(decoded.first?.contains(#""debug_message": "flipped""#) == true)
    }
}

@Suite struct AddressTests {
    /// Phala's test vector (`crates/phala-types/src/contract.rs`, reference phala.md).
    @Test func phalaAddressVector() {
        let address = ContractCluster.contractAddress(
            deployer: [UInt8](repeating: 1, count: 32), codeHash: [1, 2, 3],
            clusterId: [UInt8](repeating: 1, count: 32),
            salt: [1, 2, 3])
        #expect(address.bytes.hex == "29a773373d12f21a9407333f6e1c9db09aed5c03d21e91060c2f34ac2b86ecb4")
    }

    @Test func codeHashIsBlake2() {
        #expect(ContractCluster.codeHash([1, 2, 3]).bytes == blake2_256([1, 2, 3]))
    }
}
