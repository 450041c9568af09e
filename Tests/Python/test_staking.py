"""Staking on a real `phalanx node --dev` through the unmodified substrate-interface client:
create a pool, add a (root-registered) worker, contribute from two accounts, compute, let rewards
accrue, withdraw through the queue and the cool-down, slash, and check every balance."""
import pytest
from substrateinterface import SubstrateInterface, Keypair
from substrateinterface.utils.ss58 import ss58_decode

ALICE = Keypair.create_from_uri("//Alice")
BOB = Keypair.create_from_uri("//Bob")
CHARLIE = Keypair.create_from_uri("//Charlie")
PHA = 10**12
WORKER = "0x" + "42" * 32


@pytest.fixture(scope="module")
def substrate(dev_node):
    client = SubstrateInterface(url=dev_node.url)
    yield client
    client.close()


def submit(substrate, signer, module, function, params, sudo=False):
    call = substrate.compose_call(module, function, params)
    if sudo:
        call = substrate.compose_call("Sudo", "sudo", {"call": call})
    receipt = substrate.submit_extrinsic(substrate.create_signed_extrinsic(call, signer), wait_for_inclusion=True)
    assert receipt.is_success, receipt.error_message
    events = [e.value for e in receipt.triggered_events]
    if sudo:
        sudid = [e for e in events if e["event_id"] == "Sudid"]
        assert sudid and "Ok" in str(sudid[0]["attributes"]), events
    return receipt, events


def free(substrate, address):
    return substrate.query("System", "Account", [address]).value["data"]["free"]


def pool(substrate, pid):
    return substrate.query("PhalaBasePool", "Pools", [pid]).value["StakePool"]


def shares(substrate, pid, address):
    return substrate.query("PhalaBasePool", "StakerShares", [pid, address]).value or 0


def test_pool_lifecycle(substrate):
    issuance0 = substrate.query("Balances", "TotalIssuance").value
    start = substrate.get_block_number(None)
    submit(substrate, ALICE, "PhalaComputation", "set_cool_down_expiration", {"period": 0}, sudo=True)
    submit(substrate, ALICE, "PhalaComputation", "force_register_worker",
           {"worker": WORKER, "operator": ALICE.ss58_address, "initial_score": 100, "confidence_level": 1}, sudo=True)
    _, events = submit(substrate, ALICE, "PhalaStakePoolv2", "create", {})
    created = [e for e in events if e["event_id"] == "PoolCreated"][0]["attributes"]
    pid = created["pid"]
    submit(substrate, ALICE, "PhalaStakePoolv2", "add_worker", {"pid": pid, "pubkey": WORKER})
    submit(substrate, ALICE, "PhalaStakePoolv2", "set_payout_pref", {"pid": pid, "payout_commission": 100000})
    submit(substrate, BOB, "PhalaStakePoolv2", "contribute", {"pid": pid, "amount": 3000 * PHA, "as_vault": None})
    submit(substrate, CHARLIE, "PhalaStakePoolv2", "contribute", {"pid": pid, "amount": 1000 * PHA, "as_vault": None})
    info = pool(substrate, pid)
    assert info["basepool"]["total_value"] == 4000 * PHA
    assert shares(substrate, pid, BOB.ss58_address) == 3000 * PHA

    submit(substrate, ALICE, "PhalaStakePoolv2", "start_computing", {"pid": pid, "worker": WORKER, "stake": 4000 * PHA})
    # Idle blocks (remarks) accrue V; heartbeats settle the budget into the pool.
    for _ in range(3):
        submit(substrate, CHARLIE, "System", "remark", {"remark": "0x00"})
        submit(substrate, ALICE, "PhalaComputation", "heartbeat", {"worker": WORKER})
    info = pool(substrate, pid)
    value = info["basepool"]["total_value"]
    assert value > 4000 * PHA
    rewards = value - 4000 * PHA
    owner_reward = free(substrate, info["owner_reward_account"])
    # 10 % commission: the owner got 1/9 of what the stakers got (to within rounding).
    assert abs(owner_reward * 9 - rewards) <= 9 * 10
    assert free(substrate, info["basepool"]["pool_account_id"]) + free(substrate, info["lock_account"]) == value

    # Bob withdraws all his shares: the free rewards pay part at once, the rest waits for the stake.
    bob_before = free(substrate, BOB.ss58_address)
    receipt, events = submit(substrate, BOB, "PhalaStakePoolv2", "withdraw", {"pid": pid, "shares": 3000 * PHA, "as_vault": None})
    paid_now = sum(e["attributes"]["amount"] for e in events if e["event_id"] == "Withdrawal")
    assert free(substrate, BOB.ss58_address) == bob_before + paid_now - receipt.total_fee_amount
    queue = pool(substrate, pid)["basepool"]["withdraw_queue"]
    assert [ss58_decode(q["user"]) for q in queue] == [BOB.public_key.hex()]

    # Slash 10 %: from the pool to the treasury, with the reason in the event.
    treasury = "5EYCAe5ijiYfyeZ2JJCGq56LmPyNRAKzpG4QkoQkkQNB5e6Z"
    treasury_before = free(substrate, treasury)
    value_before = pool(substrate, pid)["basepool"]["total_value"]
    _, events = submit(substrate, ALICE, "PhalaStakePoolv2", "slash_pool",
                       {"pid": pid, "amount": {"Permill": 100000}, "reason": "0x" + b"equivocation".hex()}, sudo=True)
    slashed = [e for e in events if e["event_id"] == "PoolSlashed"][0]["attributes"]
    assert slashed["amount"] == value_before // 10
    assert free(substrate, treasury) >= treasury_before + slashed["amount"]
    assert pool(substrate, pid)["basepool"]["total_value"] == value_before - slashed["amount"]

    # Stop, reclaim after the (zeroed) cool-down: the queue is paid in full.
    submit(substrate, ALICE, "PhalaStakePoolv2", "stop_computing", {"pid": pid, "worker": WORKER})
    bob_before = free(substrate, BOB.ss58_address)
    receipt, events = submit(substrate, CHARLIE, "PhalaStakePoolv2", "reclaim_pool_worker", {"pid": pid, "worker": WORKER})
    paid = sum(e["attributes"]["amount"] for e in events if e["event_id"] == "Withdrawal")
    assert paid > 0
    assert free(substrate, BOB.ss58_address) == bob_before + paid
    info = pool(substrate, pid)
    assert info["basepool"]["withdraw_queue"] == []
    assert free(substrate, info["lock_account"]) == 0
    assert info["basepool"]["total_value"] == free(substrate, info["basepool"]["pool_account_id"])
    # Charlie's 1000 shares hold the whole remaining value.
    assert info["basepool"]["total_shares"] == shares(substrate, pid, CHARLIE.ss58_address) == 1000 * PHA

    # Issuance moved only by mints (Balances.Deposit) and burned fees (Balances.Withdraw).
    end = substrate.get_block_number(None)
    minted = burned = 0
    for number in range(start + 1, end + 1):
        for event in substrate.get_events(substrate.get_block_hash(number)):
            e = event.value["event"] if "event" in event.value else event.value
            if e["module_id"] == "Balances" and e["event_id"] == "Deposit":
                minted += e["attributes"]["amount"]
            if e["module_id"] == "Balances" and e["event_id"] == "Withdraw":
                burned += e["attributes"]["amount"]
    assert minted > 0
    assert substrate.query("Balances", "TotalIssuance").value == issuance0 + minted - burned


def run_cli(dev_node, *args, suri="//Dave"):
    import json, subprocess
    from conftest import BINARY
    url = f"http://127.0.0.1:{dev_node.rpc_port}/"
    result = subprocess.run([BINARY, "pool", *args, "--url", url, "--suri", suri], capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


def test_pool_cli(dev_node):
    created = run_cli(dev_node, "create")
    pid = created["pool"]["pid"]
    dave = Keypair.create_from_uri("//Dave")
    assert ss58_decode(created["pool"]["owner"]) == dave.public_key.hex()
    assert created["pool"]["totalValue"] == "0"
    assert run_cli(dev_node, "set-commission", str(pid), "50000")["pool"]["commission"] == 50000
    contributed = run_cli(dev_node, "contribute", str(pid), str(20 * PHA), suri="//Eve")["pool"]
    assert contributed["totalValue"] == str(20 * PHA) and contributed["sharePrice"].startswith("1.0")
    assert run_cli(dev_node, "set-cap", str(pid), str(100 * PHA))["pool"]["cap"] == str(100 * PHA)
    withdrawn = run_cli(dev_node, "withdraw", str(pid), str(5 * PHA), suri="//Eve")["pool"]
    assert withdrawn["totalValue"] == str(15 * PHA) and withdrawn["withdrawQueue"] == []
    assert pid in [p["pid"] for p in run_cli(dev_node, "list")["pools"]]
    assert run_cli(dev_node, "info", str(pid))["kind"] == "StakePool"


def test_attested_dev_worker_computes_for_its_operators_pool(substrate, dev_node):
    """No root seam and no heartbeat calls: the embedded worker registered with dev attestation, ran the registry's
    benchmark (BenchStart → BenchReport → initial score), computes for a pool its operator owns, and sends its own
    heartbeats through the message queue."""
    operator = Keypair.create_from_uri("//Alice//worker")  # the embedded worker's operator
    worker = dev_node.worker_info()["publicKey"]
    registered = substrate.query("PhalaRegistry", "Workers", [worker]).value
    score = registered["initial_score"]
    assert score is not None and 50 <= score <= 6000, registered
    computation = substrate.query("PhalaComputation", "Workers", [worker]).value
    assert computation["initial_score"] == score and computation["confidence_level"] == 128
    assert ss58_decode(computation["operator"]) == operator.public_key.hex()

    _, events = submit(substrate, operator, "PhalaStakePoolv2", "create", {})
    pid = [e for e in events if e["event_id"] == "PoolCreated"][0]["attributes"]["pid"]
    # Only the worker's operator may add it: the pool owner must be that account.
    call = substrate.compose_call("PhalaStakePoolv2", "create", {})
    receipt = substrate.submit_extrinsic(substrate.create_signed_extrinsic(call, BOB), wait_for_inclusion=True)
    bob_pid = [e.value for e in receipt.triggered_events if e.value["event_id"] == "PoolCreated"][0]["attributes"]["pid"]
    call = substrate.compose_call("PhalaStakePoolv2", "add_worker", {"pid": bob_pid, "pubkey": worker})
    refused = substrate.submit_extrinsic(substrate.create_signed_extrinsic(call, BOB), wait_for_inclusion=True)
    assert not refused.is_success
    submit(substrate, operator, "PhalaStakePoolv2", "add_worker", {"pid": pid, "pubkey": worker})
    submit(substrate, BOB, "PhalaStakePoolv2", "contribute", {"pid": pid, "amount": 10_000 * PHA, "as_vault": None})
    submit(substrate, operator, "PhalaStakePoolv2", "start_computing", {"pid": pid, "worker": worker, "stake": 10_000 * PHA})
    started = substrate.get_block_number(None)
    # No heartbeat calls: the worker itself answers the chain's challenges (HeartbeatV2 on phala/mining/report) and
    # keeps its session alive through more blocks than the 10-block heartbeat window.
    for _ in range(14):
        submit(substrate, CHARLIE, "System", "remark", {"remark": "0x00"})
    session = substrate.query("PhalaComputation", "WorkerBindings", [worker]).value
    info = substrate.query("PhalaComputation", "Sessions", [session]).value
    assert info["state"] == "WorkerIdle", info
    assert info["last_heartbeat"] > started
    assert pool(substrate, pid)["basepool"]["total_value"] > 10_000 * PHA
