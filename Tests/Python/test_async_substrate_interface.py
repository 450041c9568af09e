"""The unmodified PyPI client `async-substrate-interface` against a real `phalanx node --dev`.

It runs in its own virtualenv (.venv-async): its codec `cyscale` occupies the `scalecodec`
namespace that substrate-interface needs, so the scenario is a child process.
"""
import json
import subprocess
from conftest import ROOT

SCENARIO = r'''
import asyncio, json, sys
import sr25519
from async_substrate_interface import AsyncSubstrateInterface
url, alice, charlie, alice_seed = sys.argv[1], sys.argv[2], sys.argv[3], sys.argv[4]


class Sr25519Keypair:
    """The duck-typed keypair the client signs with (py-sr25519-bindings underneath)."""
    crypto_type = 1
    ss58_format = 30

    def __init__(self, seed_hex, ss58_address):
        self.public_key, self.secret = sr25519.pair_from_seed(bytes.fromhex(seed_hex))
        self.ss58_address = ss58_address

    def sign(self, data):
        if isinstance(data, str):
            data = bytes.fromhex(data[2:] if data.startswith("0x") else data)
        elif not isinstance(data, (bytes, bytearray)):
            data = bytes(data.data)
        return sr25519.sign((self.public_key, self.secret), bytes(data))

async def scenario():
    out = {}
    async with AsyncSubstrateInterface(url, ss58_format=30) as substrate:
        out["head"] = await substrate.get_chain_head()
        account = await substrate.query("System", "Account", [alice])
        out["alice_free"] = account.value["data"]["free"]
        charlie_account = await substrate.query("System", "Account", [charlie])
        out["charlie_free"] = charlie_account.value["data"]["free"]
        out["nonce"] = await substrate.get_account_nonce(alice)
        block = await substrate.get_block(out["head"])
        out["block_number"] = block["header"]["number"]
        accounts = []
        result = await substrate.query_map("System", "Account", page_size=5)
        async for key, value in result:
            accounts.append(key)
        out["accounts"] = len(accounts)
        keypair = Sr25519Keypair(alice_seed, alice)
        call = await substrate.compose_call("Balances", "transfer_keep_alive", {"dest": charlie, "value": 7 * 10**12})
        out["fee"] = (await substrate.get_payment_info(call, keypair))["partial_fee"]
        extrinsic = await substrate.create_signed_extrinsic(call=call, keypair=keypair)
        receipt = await substrate.submit_extrinsic(extrinsic, wait_for_inclusion=True)
        out["success"] = await receipt.is_success
        out["events"] = [[e["module_id"], e["event_id"]] for e in await receipt.triggered_events]
        out["charlie_after"] = (await substrate.query("System", "Account", [charlie])).value["data"]["free"]
    print(json.dumps(out))

asyncio.run(scenario())
'''


def test_async_client_connects_queries_and_transfers(dev_node):
    from substrateinterface import Keypair
    alice = Keypair.create_from_uri("//Alice").ss58_address
    charlie = Keypair.create_from_uri("//Charlie").ss58_address
    python = ROOT / ".venv-async" / "bin" / "python"
    alice_seed = "e5be9a5092b81bca64be81d212e7f2f9eba183bb7a90954f7b76361f6edb5c0a"  # //Alice mini secret
    result = subprocess.run([str(python), "-c", SCENARIO, dev_node.url, alice, charlie, alice_seed],
                            capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    out = json.loads(result.stdout.strip().splitlines()[-1])
    assert out["head"].startswith("0x") and len(out["head"]) == 66
    assert out["alice_free"] > 0
    assert out["charlie_free"] > 0
    assert out["nonce"] >= 0
    assert out["block_number"] >= 0
    assert out["accounts"] >= 12
    assert out["fee"] > 0
    assert out["success"] is True
    assert ["Balances", "Transfer"] in out["events"]
    assert ["System", "ExtrinsicSuccess"] in out["events"]
    assert out["charlie_after"] == out["charlie_free"] + 7 * 10**12
