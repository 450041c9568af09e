import Foundation
import PhalanxPrimitives
import PhalanxRuntime
import PhalanxTestSupport
import Testing

/// The Phala pallets in metadata, decoded by scalecodec; their calls encode as scalecodec composes them.
@Suite struct PhalaMetadataTests {
    @Test func phalaPalletsDecodeWithScalecodec() throws {
        let metadata = MetadataTests.metadata
        let script = MetadataTests.loadMetadata + """
            out = {}
            for p in md.pallets:
                if p.name.startswith("Phala"):
                    out[p.name] = {"index": p["index"].value,
                        "calls": {c.name: c["index"].value for c in (p.calls or [])},
                        "storage": [s.name for s in (p.storage or [])],
                        "errors": [e.name for e in (p.errors or [])] if p.errors else []}
            def enc(module, fn, args):
                call = rc.create_scale_object("Call", metadata=md)
                return call.encode({"call_module": module, "call_function": fn, "call_args": args}).to_hex()[2:]
            out["_encoded"] = [
                enc("PhalaRegistry", "add_pruntime", {"pruntime_hash": "0x" + "11" * 68}),
                enc("PhalaMq", "push_message", {"destination": "0x" + b"phala/x".hex(), "payload": "0x0102"}),
                enc("PhalaPhatContracts", "transfer_to_cluster", {"amount": 5, "cluster_id": "0x" + "00" * 31 + "01", "dest_account": inp["bob"]}),
            ]
            print(json.dumps(out, default=str))
            """
        let bob = try KeyPair(uri: "//Bob").accountId
        let text = try PythonReference.run(script, input: "{\"metadata\": \"\(metadata.hex)\", \"bob\": \"\(bob.ss58(prefix: 42))\"}")
        let decoded = try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
        let mq = try #require(decoded["PhalaMq"] as? [String: Any])
        let registry = try #require(decoded["PhalaRegistry"] as? [String: Any])
        let phat = try #require(decoded["PhalaPhatContracts"] as? [String: Any])
        #expect(mq["index"] as? Int == 30)
        #expect(registry["index"] as? Int == 31)
        #expect(phat["index"] as? Int == 32)
        let mqCalls = try #require(mq["calls"] as? [String: Int])
        #expect(mqCalls["sync_offchain_message"] == 0 && mqCalls["push_message"] == 1)
        let registryCalls = try #require(registry["calls"] as? [String: Int])
        #expect(registryCalls["register_gatekeeper"] == 3 && registryCalls["unregister_gatekeeper"] == 4)
        #expect(registryCalls["rotate_master_key"] == 5 && registryCalls["register_worker_v2"] == 7)
        #expect(registryCalls["add_pruntime"] == 9 && registryCalls["remove_pruntime"] == 10)
        let phatCalls = try #require(phat["calls"] as? [String: Int])
        #expect(phatCalls["add_cluster"] == 0 && phatCalls["cluster_upload_resource"] == 1 && phatCalls["transfer_to_cluster"] == 2)
        #expect(phatCalls["push_contract_message"] == 3 && phatCalls["instantiate_contract"] == 4)
        #expect(phatCalls["add_worker_to_cluster"] == 8 && phatCalls["remove_worker_from_cluster"] == 9)
        #expect((mq["storage"] as? [String])?.contains("OutboundMessages") == true)
        #expect((registry["storage"] as? [String])?.contains("PRuntimeAllowList") == true)

        let runtime = PhalanxRuntime.definition
        let ours = [
            RuntimeCall(PhalaRegistry.Call.addPruntime(pruntimeHash: [UInt8](repeating: 0x11, count: 68)), in: runtime),
            RuntimeCall(PhalaMq.Call.pushMessage(destination: Array("phala/x".utf8), payload: [1, 2]), in: runtime),
            RuntimeCall(PhalaPhatContracts.Call.transferToCluster(amount: 5, clusterId: PhalaPhatContracts.clusterId(1), destAccount: bob), in: runtime),
        ].map(\.scaleEncoded.hex)
        #expect(decoded["_encoded"] as? [String] == ours)
    }

    /// Weight estimates stay sane: every call fits a block many times over, even at its size limits.
    @Test func weightsAreBounded() throws {
        let big = [UInt8](repeating: 0, count: PhalaPhatContracts.inkCodeSizeLimit)
        let key = PhalaKit.key(PhalaKit.worker1)
        let calls: [any PalletCall] = [
            PhalaRegistry.Call.registerWorkerV2(pruntimeInfo: PhalaKit.info(PhalaKit.worker1), attestation: nil),
            PhalaRegistry.Call.addPruntime(pruntimeHash: []), PhalaRegistry.Call.rotateMasterKey,
            PhalaMq.Call.pushMessage(destination: [1], payload: big),
            PhalaMq.Call.syncOffchainMessage(signedMessage: SignedMessage(
                message: MqMessage(sender: .gatekeeper, destination: [1], payload: big), sequence: 0, signature: [])),
            PhalaPhatContracts.Call.clusterUploadResource(clusterId: .zero, resourceType: .inkCode, resourceData: big),
            PhalaPhatContracts.Call.pushContractMessage(contractId: .zero, payload: big, deposit: 0),
            PhalaPhatContracts.Call.addWorkerToCluster(workerPubkey: key, clusterId: .zero),
        ]
        for call in calls {
            let weight = call.info.weight
            #expect(weight.refTime > 0)
            #expect(weight.refTime * 4 <= Executive.maxBlockWeight.refTime)
        }
        // Gatekeeper messages are free, as in Phala; others pay.
        #expect(calls[4].info.paysFee == .no)
        #expect(calls[3].info.paysFee == .yes)
    }

    /// Phala pallet events stored by a block decode with scalecodec through the metadata.
    @Test func phalaEventsDecodeWithScalecodec() throws {
        var chain = try RuntimeHarness()
        let cluster = try PhalaKit.launchCluster(&chain)
        let upload = PhalaPhatContracts.Call.clusterUploadResource(clusterId: cluster, resourceType: .inkCode, resourceData: [0, 0x61, 0x73, 0x6d])
        let info = PhalaKit.info(PhalaKit.worker2, operator: RuntimeHarness.bob.accountId)
        let statement = try PhalaKit.devStatement(
            worker: PhalaKit.worker2.publicKey, reportData: info.reportDataHash + [UInt8](repeating: 0, count: 32), issuedAt: chain.time / 1_000)
        let register = PhalaRegistry.Call.registerWorkerV2(pruntimeInfo: info, attestation: .dev(statement: statement))
        let bob = RuntimeHarness.bob
        let (_, events) = try chain.block([
            chain.sign(upload, by: bob), chain.sign(register, by: bob, nonce: chain.account(bob).nonce + 1),
        ])
        let script = MetadataTests.loadMetadata + """
            sf = md.get_metadata_pallet("System").get_storage_function("Events")
            obj = rc.create_scale_object(sf.get_value_type_string(), data=ScaleBytes(bytes.fromhex(inp["events"])), metadata=md)
            obj.decode()
            print(json.dumps([e["event"]["module_id"] + "." + e["event"]["event_id"] for e in obj.value if e["event"]["module_id"].startswith("Phala")]))
            """
        let names = try PythonReference.json(script, input: ["metadata": MetadataTests.metadata.hex, "events": events.hex], as: [String].self)
        #expect(names == ["PhalaPhatContracts.ResourceUploaded", "PhalaRegistry.WorkerUpdated", "PhalaComputation.WorkerRegistered"])
    }
}
