import Foundation
import PhalanxPrimitives
import PhalanxRuntime
import PhalanxTestSupport
import Testing

/// Metadata V14 decoded by the independent scalecodec, and calls/events encoded identically.
@Suite struct MetadataTests {
    static let metadata = MetadataBuilder.build(PhalanxRuntime.definition)

    static let loadMetadata = """
        import sys, json
        from scalecodec.base import RuntimeConfigurationObject, ScaleBytes
        from scalecodec.type_registry import load_type_registry_preset
        inp = json.load(sys.stdin)
        rc = RuntimeConfigurationObject()
        rc.update_type_registry(load_type_registry_preset("core"))
        md = rc.create_scale_object("MetadataVersioned", data=ScaleBytes(bytes.fromhex(inp["metadata"])))
        md.decode()
        rc.add_portable_registry(md)

        """

    @Test func scalecodecDecodesPalletsCallsStorageAndConstants() throws {
        let script = Self.loadMetadata + """
            out = {}
            for p in md.pallets:
                out[p.name] = {"index": p["index"].value,
                    "calls": [c.name for c in (p.calls or [])],
                    "storage": [s.name for s in (p.storage or [])],
                    "errors": [e.name for e in (p.errors or [])] if p.errors else [],
                    "constants": {c.name: rc.create_scale_object(c.type, data=ScaleBytes(c.constant_value), metadata=md).decode() for c in p.constants}}
            ext = md[1][1]["extrinsic"]
            out["_extensions"] = [e["identifier"].value for e in ext["signed_extensions"]]
            out["_version"] = ext["version"].value
            out["_transfer_args"] = [a.name for c in md.get_metadata_pallet("Balances").calls if c.name == "transfer_keep_alive" for a in c.args]
            print(json.dumps(out, default=str))
            """
        let text = try PythonReference.run(script, input: "{\"metadata\": \"\(Self.metadata.hex)\"}")
        let decoded = try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
        let balances = try #require(decoded["Balances"] as? [String: Any])
        #expect(balances["index"] as? Int == 2)
        #expect((balances["calls"] as? [String])?.contains("transfer_keep_alive") == true)
        #expect((balances["errors"] as? [String])?[2] == "InsufficientBalance")
        let system = try #require(decoded["System"] as? [String: Any])
        #expect((system["storage"] as? [String])?.contains("Account") == true)
        #expect((system["constants"] as? [String: Any])?["SS58Prefix"] as? Int == 30)
        #expect(decoded["_extensions"] as? [String] == [
            "CheckNonZeroSender", "CheckSpecVersion", "CheckTxVersion", "CheckGenesis", "CheckMortality", "CheckNonce",
            "CheckWeight", "ChargeTransactionPayment",
        ])
        #expect(decoded["_version"] as? Int == 4)
        #expect(decoded["_transfer_args"] as? [String] == ["dest", "value"])
    }

    /// scalecodec composes calls from our metadata into the same bytes our types encode.
    @Test func callsEncodeLikeScalecodec() throws {
        let runtime = PhalanxRuntime.definition
        let bob = try KeyPair(uri: "//Bob").accountId
        let transfer = RuntimeCall(Balances.Call.transferKeepAlive(dest: .id(bob), value: 1_000_000_000_000), in: runtime)
        let remark = RuntimeCall(System.Call.remarkWithEvent(remark: [1, 2, 3]), in: runtime)
        let sudo = RuntimeCall(Sudo.Call.sudo(call: RuntimeCall(Balances.Call.forceSetBalance(who: .id(bob), newFree: 5), in: runtime)), in: runtime)
        let script = Self.loadMetadata + """
            def enc(module, fn, args):
                call = rc.create_scale_object("Call", metadata=md)
                return call.encode({"call_module": module, "call_function": fn, "call_args": args}).to_hex()[2:]
            bob = inp["bob"]
            print(json.dumps([
                enc("Balances", "transfer_keep_alive", {"dest": bob, "value": 10**12}),
                enc("System", "remark_with_event", {"remark": "0x010203"}),
                enc("Sudo", "sudo", {"call": {"call_module": "Balances", "call_function": "force_set_balance", "call_args": {"who": bob, "new_free": 5}}}),
            ]))
            """
        let encoded = try PythonReference.json(script, input: ["metadata": Self.metadata.hex, "bob": bob.ss58(prefix: 42)], as: [String].self)
        #expect(encoded == [transfer.scaleEncoded.hex, remark.scaleEncoded.hex, sudo.scaleEncoded.hex])
    }

    /// The events a block stores decode with scalecodec through the metadata.
    @Test func storedEventsDecodeWithScalecodec() throws {
        var chain = try RuntimeHarness()
        let transfer = chain.sign(Balances.Call.transferKeepAlive(dest: .id(RuntimeHarness.bob.accountId), value: 5 * Balances.dollars), by: RuntimeHarness.alice)
        let failing = chain.sign(Balances.Call.transferKeepAlive(dest: .id(RuntimeHarness.bob.accountId), value: UInt128(1) << 100), by: RuntimeHarness.charlie)
        let (_, events) = try chain.block([transfer, failing])
        let script = Self.loadMetadata + """
            sf = md.get_metadata_pallet("System").get_storage_function("Events")
            obj = rc.create_scale_object(sf.get_value_type_string(), data=ScaleBytes(bytes.fromhex(inp["events"])), metadata=md)
            obj.decode()
            print(json.dumps([[e["phase"] if isinstance(e["phase"], str) else list(e["phase"].keys())[0], e["event"]["module_id"], e["event"]["event_id"]] for e in obj.value], default=str))
            """
        let names = try PythonReference.json(script, input: ["metadata": Self.metadata.hex, "events": events.hex], as: [[String]].self)
        #expect(names.map { "\($0[1]).\($0[2])" } == [
            "System.ExtrinsicSuccess",
            "Balances.Withdraw", "Balances.Transfer", "Balances.Deposit", "Treasury.Deposit", "TransactionPayment.TransactionFeePaid",
            "System.ExtrinsicSuccess",
            "Balances.Withdraw", "Balances.Deposit", "Treasury.Deposit", "TransactionPayment.TransactionFeePaid", "System.ExtrinsicFailed",
        ])
        #expect(names[1][0] == "ApplyExtrinsic")
    }
}
