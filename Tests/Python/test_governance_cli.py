"""A referendum and a council motion driven with the `phalanx gov|council|treasury` CLI against a real
`phalanx node --dev --block-time 1` (dev periods: launch 10, voting 10, enactment 5 blocks)."""
import json
import subprocess
import time

import pytest
from substrateinterface import SubstrateInterface, Keypair
from conftest import BINARY, NodeProcess

PHA = 10**12


@pytest.fixture(scope="module")
def node():
    process = NodeProcess("--dev", "--block-time", "1").start()
    yield process
    process.stop()


def cli(node, *args, suri="//Alice"):
    result = subprocess.run([BINARY, *args, "--url", f"http://127.0.0.1:{node.rpc_port}", "--suri", suri],
                            capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


def wait_until(predicate, seconds=60):
    deadline = time.time() + seconds
    while time.time() < deadline:
        value = predicate()
        if value:
            return value
        time.sleep(0.5)
    raise AssertionError("timed out")


def test_referendum_walkthrough_with_the_cli(node):
    substrate = SubstrateInterface(url=node.url)
    # A runtime parameter: PhalaComputation's heartbeat pause (a governance-origin call).
    assert substrate.query("PhalaComputation", "HeartbeatPaused").value is False
    call = substrate.compose_call("PhalaComputation", "set_heartbeat_paused", {"paused": True})
    call_hex = str(call.data)

    proposed = cli(node, "gov", "propose", call_hex, "--value", str(10 * PHA))
    proposals = cli(node, "gov", "proposals")
    assert [p["proposal"] for p in proposals] == [proposed["proposalHash"]]
    cli(node, "gov", "second", str(proposals[0]["index"]), suri="//Bob")

    referendum = wait_until(lambda: [r for r in cli(node, "gov", "referenda") if r["status"] == "ongoing"])[0]
    assert referendum["proposal"] == proposed["proposalHash"]
    cli(node, "gov", "vote", str(referendum["index"]), "aye", "--balance", str(1000 * PHA), "--conviction", "1")
    cli(node, "gov", "vote", str(referendum["index"]), "nay", "--balance", str(10 * PHA), suri="//Charlie")
    ongoing = [r for r in cli(node, "gov", "referenda") if r["index"] == referendum["index"]][0]
    assert int(ongoing["tally"]["ayes"]) == 1000 * PHA  # conviction 1 = 1x
    assert int(ongoing["tally"]["nays"]) == 1 * PHA  # conviction 0 = 0.1x

    wait_until(lambda: [r for r in cli(node, "gov", "referenda") if r["index"] == referendum["index"] and r["status"] == "approved"])
    wait_until(lambda: substrate.query("PhalaComputation", "HeartbeatPaused").value is True)
    substrate.close()


def test_council_approves_a_treasury_spend_with_the_cli(node):
    members = cli(node, "council", "members")["members"]
    assert len(members) == 3
    pot = cli(node, "treasury", "pot")
    assert pot["account"].startswith("4")
    spend = cli(node, "treasury", "propose-spend", str(5 * PHA), "//Eve", suri="//Bob")
    listed = cli(node, "treasury", "proposals")
    assert listed[-1]["index"] == spend["proposalIndex"] and listed[-1]["approved"] is False

    substrate = SubstrateInterface(url=node.url)
    fund = substrate.compose_call("Balances", "transfer_keep_alive", {"dest": pot["account"], "value": 100 * PHA})
    alice = Keypair.create_from_uri("//Alice")
    assert substrate.submit_extrinsic(substrate.create_signed_extrinsic(fund, alice), wait_for_inclusion=True).is_success
    approve = substrate.compose_call("Treasury", "approve_proposal", {"proposal_id": spend["proposalIndex"]})
    motion = cli(node, "council", "propose", str(approve.data), "--threshold", "2")
    motions = cli(node, "council", "members")["motions"]
    index = [m for m in motions if m["hash"] == motion["motionHash"]][0]["index"]
    # As in current pallet-collective, proposing does not count as a vote.
    cli(node, "council", "vote", motion["motionHash"], str(index), "aye", suri="//Alice")
    cli(node, "council", "vote", motion["motionHash"], str(index), "aye", suri="//Bob")
    cli(node, "council", "close", motion["motionHash"], str(index), "--length-bound", str(motion["lengthBound"]))
    approved = [p for p in cli(node, "treasury", "proposals") if p["index"] == spend["proposalIndex"]]
    # Approved, or already paid out at a spend period boundary (then it leaves the list).
    assert approved == [] or approved[0]["approved"] is True
    eve = Keypair.create_from_uri("//Eve")
    before = substrate.query("System", "Account", [eve.ss58_address]).value["data"]["free"]
    wait_until(lambda: substrate.query("System", "Account", [eve.ss58_address]).value["data"]["free"] == before + 5 * PHA
               or not [p for p in cli(node, "treasury", "proposals") if p["index"] == spend["proposalIndex"]])
    substrate.close()
