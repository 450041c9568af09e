import Foundation
import PhalanxPrimitives
import PhalanxRuntime
import PhalanxTestSupport
import Testing


/// The staking pallets seen through scalecodec (what substrate-interface users run): pallet
/// indices, calls composed from metadata, and stored events.
@Suite struct StakingMetadataTests {
    @Test func palletsAndCallsMatchScalecodec() throws {
        let runtime = PhalanxRuntime.definition
        let worker = StakingWorld.worker(7)
        let params = TokenomicParams.phalaDefaults
        let calls: [RuntimeCall] = [
            RuntimeCall(PhalaStakePoolv2.Call.create, in: runtime),
            RuntimeCall(PhalaStakePoolv2.Call.addWorker(pid: 3, pubkey: worker), in: runtime),
            RuntimeCall(PhalaStakePoolv2.Call.setPayoutPref(pid: 3, payoutCommission: Permill(parts: 250_000)), in: runtime),
            RuntimeCall(PhalaStakePoolv2.Call.contribute(pid: 3, amount: 5 * pha, asVault: nil), in: runtime),
            RuntimeCall(PhalaStakePoolv2.Call.withdraw(pid: 3, shares: 7, asVault: 9), in: runtime),
            RuntimeCall(PhalaStakePoolv2.Call.slashPool(pid: 3, amount: .permill(Permill(parts: 100_000)!), reason: Array("bad".utf8)), in: runtime),
            RuntimeCall(PhalaComputation.Call.updateTokenomic(newParams: params), in: runtime),
            RuntimeCall(PhalaComputation.Call.heartbeat(worker: worker), in: runtime),
            RuntimeCall(PhalaVault.Call.contribute(pid: 4, amount: pha), in: runtime),
            RuntimeCall(PhalaBasePool.Call.addStakerToWhitelist(pid: 3, staker: RuntimeHarness.bob.accountId), in: runtime),
        ]
        let script = MetadataTests.loadMetadata + """
            def enc(module, fn, args):
                call = rc.create_scale_object("Call", metadata=md)
                return call.encode({"call_module": module, "call_function": fn, "call_args": args}).to_hex()[2:]
            w = "0x" + "07" * 32
            p = inp["params"]
            pallets = {pl.name: pl["index"].value for pl in md.pallets}
            print(json.dumps({"pallets": [pallets.get(n) for n in ["PhalaComputation", "PhalaStakePoolv2", "PhalaVault", "PhalaBasePool"]], "calls": [
                enc("PhalaStakePoolv2", "create", {}),
                enc("PhalaStakePoolv2", "add_worker", {"pid": 3, "pubkey": w}),
                enc("PhalaStakePoolv2", "set_payout_pref", {"pid": 3, "payout_commission": 250000}),
                enc("PhalaStakePoolv2", "contribute", {"pid": 3, "amount": 5 * 10**12, "as_vault": None}),
                enc("PhalaStakePoolv2", "withdraw", {"pid": 3, "shares": 7, "as_vault": 9}),
                enc("PhalaStakePoolv2", "slash_pool", {"pid": 3, "amount": {"Permill": 100000}, "reason": "0x626164"}),
                enc("PhalaComputation", "update_tokenomic", {"new_params": p}),
                enc("PhalaComputation", "heartbeat", {"worker": w}),
                enc("PhalaVault", "contribute", {"pid": 4, "amount": 10**12}),
                enc("PhalaBasePool", "add_staker_to_whitelist", {"pid": 3, "staker": inp["bob"]}),
            ]}))
            """
        let fields = [
            "pha_rate": params.phaRate, "rho": params.rho, "budget_per_block": params.budgetPerBlock, "v_max": params.vMax,
            "cost_k": params.costK, "cost_b": params.costB, "slash_rate": params.slashRate, "treasury_ratio": params.treasuryRatio,
            "rig_k": params.rigK, "rig_b": params.rigB, "re": params.re, "k": params.k, "kappa": params.kappa,
        ].mapValues { String($0.bits) }
        let paramsJSON = "{" + fields.map { "\"\($0.key)\": \($0.value)" }.joined(separator: ", ") + ", \"heartbeat_window\": \(params.heartbeatWindow)}"
        let input = "{\"metadata\": \"\(MetadataTests.metadata.hex)\", \"bob\": \"\(RuntimeHarness.bob.accountId.ss58(prefix: 42))\", \"params\": \(paramsJSON)}"
        let text = try PythonReference.run(script, input: input)
        let decoded = try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
        #expect(decoded["pallets"] as? [Int] == [20, 21, 22, 23])
        let encoded = try #require(decoded["calls"] as? [String])
        #expect(encoded == calls.map(\.scaleEncoded.hex))
    }

    @Test func stakingEventsDecodeWithScalecodec() throws {
        var chain = try RuntimeHarness()
        _ = try chain.block([chain.sign(PhalaStakePoolv2.Call.create, by: RuntimeHarness.alice)])
        let nonce = chain.account(RuntimeHarness.bob).nonce
        let (_, events) = try chain.block([
            chain.sign(PhalaStakePoolv2.Call.contribute(pid: 0, amount: 50 * pha, asVault: nil), by: RuntimeHarness.bob, nonce: nonce),
            chain.sign(PhalaStakePoolv2.Call.withdraw(pid: 0, shares: 20 * pha, asVault: nil), by: RuntimeHarness.bob, nonce: nonce + 1),
        ])
        let script = MetadataTests.loadMetadata + """
            sf = md.get_metadata_pallet("System").get_storage_function("Events")
            obj = rc.create_scale_object(sf.get_value_type_string(), data=ScaleBytes(bytes.fromhex(inp["events"])), metadata=md)
            obj.decode()
            print(json.dumps([e["event"]["module_id"] + "." + e["event"]["event_id"] for e in obj.value if e["event"]["module_id"].startswith("Phala")]))
            """
        let names = try PythonReference.json(script, input: ["metadata": MetadataTests.metadata.hex, "events": events.hex], as: [String].self)
        #expect(names == ["PhalaStakePoolv2.Contribution", "PhalaBasePool.WithdrawalQueued", "PhalaBasePool.Withdrawal"])
    }
}
