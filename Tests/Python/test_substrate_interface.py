"""The unmodified PyPI client `substrate-interface` against a real `phalanx node --dev`."""
import pytest
from substrateinterface import SubstrateInterface, Keypair
from substrateinterface.exceptions import SubstrateRequestException

ALICE = Keypair.create_from_uri("//Alice")
BOB = Keypair.create_from_uri("//Bob")


@pytest.fixture(scope="module")
def substrate(dev_node):
    client = SubstrateInterface(url=dev_node.url)
    yield client
    client.close()


def test_connects_and_reads_chain_properties(substrate):
    assert substrate.chain == "Phalanx Development"
    assert substrate.properties == {"ss58Format": 30, "tokenDecimals": 12, "tokenSymbol": "PHA"}
    assert substrate.ss58_format == 30
    substrate.init_runtime()
    assert substrate.runtime_version == 100  # PhalanxRuntime.version.specVersion
    assert substrate.get_block_number(None) >= 0


def test_metadata_names_the_pallets(substrate):
    substrate.init_runtime()
    names = [p.name for p in substrate.metadata.pallets]
    for pallet in ["System", "Timestamp", "Balances", "TransactionPayment", "Sudo"]:
        assert pallet in names


def test_query_alice_account(substrate):
    account = substrate.query("System", "Account", [ALICE.ss58_address])
    assert account.value["data"]["free"] >= 10**18
    assert account.value["providers"] == 1


def test_transfer_with_inclusion_events_and_fee(substrate):
    before = substrate.query("System", "Account", [BOB.ss58_address]).value["data"]["free"]
    call = substrate.compose_call("Balances", "transfer_keep_alive", {"dest": BOB.ss58_address, "value": 10**12})
    info = substrate.get_payment_info(call, ALICE)
    assert info["partialFee"] > 0
    assert info["weight"]["ref_time"] > 0
    extrinsic = substrate.create_signed_extrinsic(call, ALICE)
    receipt = substrate.submit_extrinsic(extrinsic, wait_for_inclusion=True)
    assert receipt.is_success
    events = [(e.value["module_id"], e.value["event_id"]) for e in receipt.triggered_events]
    assert ("Balances", "Transfer") in events
    assert ("System", "ExtrinsicSuccess") in events
    assert ("TransactionPayment", "TransactionFeePaid") in events
    assert receipt.total_fee_amount == info["partialFee"]
    after = substrate.query("System", "Account", [BOB.ss58_address]).value["data"]["free"]
    assert after == before + 10**12
    block = substrate.get_block(receipt.block_hash)
    assert any(x.value["extrinsic_hash"] == receipt.extrinsic_hash for x in block["extrinsics"] if x.value.get("extrinsic_hash"))


def test_failed_extrinsic_reports_the_module_error(substrate):
    poor = Keypair.create_from_uri("//Alice//poor")
    fund = substrate.compose_call("Balances", "transfer_allow_death", {"dest": poor.ss58_address, "value": 10**12})
    assert substrate.submit_extrinsic(substrate.create_signed_extrinsic(fund, ALICE), wait_for_inclusion=True).is_success
    too_much = substrate.compose_call("Balances", "transfer_keep_alive", {"dest": BOB.ss58_address, "value": 10**15})
    receipt = substrate.submit_extrinsic(substrate.create_signed_extrinsic(too_much, poor), wait_for_inclusion=True)
    assert not receipt.is_success
    assert receipt.error_message["name"] == "InsufficientBalance"


def test_mortal_era_transfer(substrate):
    call = substrate.compose_call("System", "remark_with_event", {"remark": "0x" + "ab" * 300})
    extrinsic = substrate.create_signed_extrinsic(call, ALICE, era={"period": 64})
    receipt = substrate.submit_extrinsic(extrinsic, wait_for_inclusion=True)
    assert receipt.is_success
    assert ("System", "Remarked") in [(e.value["module_id"], e.value["event_id"]) for e in receipt.triggered_events]


def test_query_map_system_account(substrate):
    accounts = [(k.value, v.value) for k, v in substrate.query_map("System", "Account", page_size=4)]
    addresses = {k for k, _ in accounts}
    assert len(accounts) >= 12
    assert Keypair.create_from_uri("//Alice", ss58_format=30).ss58_address in addresses


def test_invalid_extrinsic_gets_a_clear_error(substrate):
    call = substrate.compose_call("Balances", "transfer_keep_alive", {"dest": BOB.ss58_address, "value": 1})
    stale = substrate.create_signed_extrinsic(call, ALICE, nonce=0)
    with pytest.raises(SubstrateRequestException) as error:
        substrate.submit_extrinsic(stale, wait_for_inclusion=True)
    assert error.value.args[0]["code"] == 1010
    assert "outdated" in error.value.args[0]["data"]


def test_block_subscription(substrate, dev_node):
    import threading
    headers = []

    def produce_block():
        other = SubstrateInterface(url=dev_node.url)
        call = other.compose_call("System", "remark", {"remark": "0x01"})
        other.submit_extrinsic(other.create_signed_extrinsic(call, BOB), wait_for_inclusion=False)
        other.close()

    def handler(header, update_nr, subscription_id):
        headers.append(header)
        if update_nr == 0:
            threading.Timer(0.2, produce_block).start()
        if update_nr >= 1:
            return header

    result = substrate.subscribe_block_headers(handler)
    numbers = [h["header"]["number"] for h in headers]
    assert len(numbers) == 2
    assert numbers[1] == numbers[0] + 1
