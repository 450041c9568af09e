"""Governance through a real `phalanx node --dev --block-time 1` with substrate-interface: a referendum
passes and is enacted after the delay, a failing one is not, conviction locks expire and unlock; a
council motion approves a treasury spend paid at the next spend period; signed accounts get BadOrigin.
Dev periods: launch 10, voting 10, enactment and vote locking 5, spend period 10 blocks."""
import hashlib
import time

import pytest
from scalecodec.utils.ss58 import ss58_encode
from substrateinterface import SubstrateInterface, Keypair
from conftest import NodeProcess

PHA = 10**12
ALICE, BOB, CHARLIE, DAVE, EVE = (Keypair.create_from_uri(f"//{n}") for n in ("Alice", "Bob", "Charlie", "Dave", "Eve"))
POT = ss58_encode((b"modlpy/trsry" + bytes(20)).hex(), 42)


@pytest.fixture(scope="module")
def substrate():
    node = NodeProcess("--dev", "--block-time", "1").start()
    client = SubstrateInterface(url=node.url)
    yield client
    client.close()
    node.stop()


def submit(s, who, module, function, args):
    call = s.compose_call(module, function, args)
    return s.submit_extrinsic(s.create_signed_extrinsic(call, who), wait_for_inclusion=True)


def ok(s, who, module, function, args):
    receipt = submit(s, who, module, function, args)
    assert receipt.is_success, receipt.error_message
    return receipt


def head(s):
    return s.get_block_header()["header"]["number"]


def wait_until(predicate, timeout=60):
    deadline = time.time() + timeout
    while time.time() < deadline:
        value = predicate()
        if value:
            return value
        time.sleep(0.5)
    raise AssertionError("timed out")


def free(s, who):
    return s.query("System", "Account", [who]).value["data"]["free"]


def frozen(s, who):
    return s.query("System", "Account", [who]).value["data"]["frozen"]


def note(s, call):
    data = bytes(call.data.data)
    ok(s, ALICE, "Preimage", "note_preimage", {"bytes": "0x" + data.hex()})
    return "0x" + hashlib.blake2b(data, digest_size=32).hexdigest()


def referendum(s, index):
    return s.query("Democracy", "ReferendumInfoOf", [index]).value


def test_referenda_pass_and_fail_convictions_lock_and_unlock(substrate):
    s = substrate
    passing, failing = Keypair.create_from_uri("//Passing"), Keypair.create_from_uri("//Failing")
    set_passing = s.compose_call("Balances", "force_set_balance", {"who": passing.ss58_address, "new_free": 42 * PHA})
    set_failing = s.compose_call("Balances", "force_set_balance", {"who": failing.ss58_address, "new_free": 43 * PHA})
    h_pass, h_fail = note(s, set_passing), note(s, set_failing)
    # The seconded proposal launches first, the other one at the next launch (launches every 10 blocks). Start just
    # after a launch block, and propose and second it before the other exists, so it leads at the next launch.
    wait_until(lambda: head(s) % 10 == 1)
    ok(s, ALICE, "Democracy", "propose", {"proposal": {"Legacy": {"hash": h_pass}}, "value": 10 * PHA})
    ok(s, BOB, "Democracy", "second", {"proposal": 0})
    ok(s, ALICE, "Democracy", "propose", {"proposal": {"Legacy": {"hash": h_fail}}, "value": 10 * PHA})

    first = wait_until(lambda: referendum(s, 0))
    assert first["Ongoing"]["proposal"] == {"Legacy": {"hash": h_pass}}
    end = first["Ongoing"]["end"]
    # Charlie: aye 1x (locked 1 period); Dave: aye 2x (2 periods); Bob: nay 0.1x (no lock).
    ok(s, CHARLIE, "Democracy", "vote", {"ref_index": 0, "vote": {"Standard": {"vote": 0x81, "balance": 300_000 * PHA}}})
    ok(s, DAVE, "Democracy", "vote", {"ref_index": 0, "vote": {"Standard": {"vote": 0x82, "balance": 100_000 * PHA}}})
    ok(s, BOB, "Democracy", "vote", {"ref_index": 0, "vote": {"Standard": {"vote": 0x00, "balance": 1_000 * PHA}}})
    tally = referendum(s, 0)["Ongoing"]["tally"]
    assert tally == {"ayes": 500_000 * PHA, "nays": 100 * PHA, "turnout": 401_000 * PHA}
    assert frozen(s, DAVE.ss58_address) == 100_000 * PHA

    wait_until(lambda: "Finished" in referendum(s, 0))
    assert referendum(s, 0) == {"Finished": {"approved": True, "end": end}}
    # The other proposal launched at the next launch period (the same block); a nay majority rejects it.
    second = wait_until(lambda: referendum(s, 1))
    ok(s, EVE, "Democracy", "vote", {"ref_index": 1, "vote": {"Standard": {"vote": 0x01, "balance": 300_000 * PHA}}})
    assert free(s, passing.ss58_address) == 0
    wait_until(lambda: free(s, passing.ss58_address) == 42 * PHA, timeout=30)
    assert head(s) >= end + 5

    # Locks: removing the votes after the end keeps Dave's 2x lock until end + 10 only.
    for voter in (CHARLIE, DAVE, BOB):
        ok(s, voter, "Democracy", "remove_vote", {"index": 0})
        ok(s, voter, "Democracy", "unlock", {"target": voter.ss58_address})
    assert frozen(s, BOB.ss58_address) == 0
    assert frozen(s, CHARLIE.ss58_address) == 0
    if head(s) < end + 10:
        assert frozen(s, DAVE.ss58_address) == 100_000 * PHA

    wait_until(lambda: head(s) >= end + 10)
    ok(s, EVE, "Democracy", "unlock", {"target": DAVE.ss58_address})
    assert frozen(s, DAVE.ss58_address) == 0

    wait_until(lambda: "Finished" in referendum(s, 1))
    assert referendum(s, 1)["Finished"]["approved"] is False
    wait_until(lambda: head(s) >= second["Ongoing"]["end"] + 6)
    assert free(s, failing.ss58_address) == 0


def test_council_motion_approves_a_spend_paid_at_the_next_spend_period(substrate):
    s = substrate
    ok(s, ALICE, "Balances", "transfer_keep_alive", {"dest": POT, "value": 1_000 * PHA})
    receipt = ok(s, EVE, "Treasury", "propose_spend", {"value": 100 * PHA, "beneficiary": DAVE.ss58_address})
    index = next(e.value["attributes"]["proposal_index"] for e in receipt.triggered_events if e.value["event_id"] == "Proposed")
    assert s.query("System", "Account", [EVE.ss58_address]).value["data"]["reserved"] >= 5 * PHA

    approve = s.compose_call("Treasury", "approve_proposal", {"proposal_id": index})
    receipt = ok(s, ALICE, "Council", "propose", {"threshold": 2, "proposal": approve, "length_bound": 100})
    motion = next(e.value["attributes"] for e in receipt.triggered_events if e.value["event_id"] == "Proposed")
    for member in (ALICE, BOB):
        ok(s, member, "Council", "vote", {"proposal": motion["proposal_hash"], "index": motion["proposal_index"], "approve": True})
    before = free(s, DAVE.ss58_address)
    receipt = ok(s, CHARLIE, "Council", "close", {
        "proposal_hash": motion["proposal_hash"], "index": motion["proposal_index"],
        "proposal_weight_bound": {"ref_time": 10**10, "proof_size": 10**6}, "length_bound": 100})
    executed = next(e.value["attributes"] for e in receipt.triggered_events if e.value["event_id"] == "Executed")
    assert "Ok" in executed["result"]
    assert index in s.query("Treasury", "Approvals").value
    wait_until(lambda: free(s, DAVE.ss58_address) >= before + 100 * PHA, timeout=30)
    assert s.query("Treasury", "Proposals", [index]).value is None


def test_signed_accounts_get_bad_origin_and_nothing_changes(substrate):
    s = substrate
    members = s.query("Council", "Members").value
    approvals = s.query("Treasury", "Approvals").value
    for module, function, args in [
        ("Council", "set_members", {"new_members": [EVE.ss58_address], "prime": None, "old_count": 3}),
        ("Treasury", "spend_local", {"amount": PHA, "beneficiary": EVE.ss58_address}),
        ("Democracy", "external_propose_majority", {"proposal": {"Legacy": {"hash": "0x" + "11" * 32}}}),
    ]:
        receipt = submit(s, EVE, module, function, args)
        assert not receipt.is_success
        assert receipt.error_message["name"] == "BadOrigin"
    assert s.query("Council", "Members").value == members
    assert s.query("Treasury", "Approvals").value == approvals
    assert s.query("Democracy", "NextExternal").value is None
