import PhalanxPrimitives
import PhalanxRuntime
import Testing

/// The Phala pallets' governance-gated calls accept Root or more than half of the Council — and nothing less.
@Suite struct PhalaGovernanceOriginTests {
    @Test func councilMajorityPassesMinorityAndSignedDoNot() throws {
        let chain = try RuntimeHarness()
        var context = RuntimeContext(runtime: chain.runtime, state: StateOverlay(base: chain.state), blockNumber: 1)
        let pause = PhalaComputation.Call.setHeartbeatPaused(paused: true)
        try pause.dispatch(origin: .collective(body: CollectiveBody.council, ayes: 2, members: 3), context: &context)
        try pause.dispatch(origin: .root, context: &context)
        #expect(throws: DispatchError.badOrigin) {
            try pause.dispatch(origin: .collective(body: CollectiveBody.council, ayes: 1, members: 2), context: &context)
        }
        #expect(throws: DispatchError.badOrigin) {
            try pause.dispatch(origin: .collective(body: CollectiveBody.technicalCommittee, ayes: 3, members: 3), context: &context)
        }
        #expect(throws: DispatchError.badOrigin) { try pause.dispatch(origin: .signed(RuntimeHarness.alice.accountId), context: &context) }
    }
}
