"""Durability and bad input against a real `phalanx node` process."""
import json
import os
import shutil
import signal
import socket
import tempfile
import urllib.request

import pytest
from substrateinterface import SubstrateInterface, Keypair
from conftest import NodeProcess

ALICE = Keypair.create_from_uri("//Alice")
BOB = Keypair.create_from_uri("//Bob")


def transfer(substrate, amount):
    call = substrate.compose_call("Balances", "transfer_keep_alive", {"dest": BOB.ss58_address, "value": amount})
    return substrate.submit_extrinsic(substrate.create_signed_extrinsic(call, ALICE), wait_for_inclusion=True)


def test_kill9_restart_keeps_head_balances_and_state_root():
    base = tempfile.mkdtemp(prefix="phalanx-restart-")
    try:
        node = NodeProcess("--dev", "--base-path", base).start()
        substrate = SubstrateInterface(url=node.url)
        for amount in (10**12, 2 * 10**12, 3 * 10**12):
            assert transfer(substrate, amount).is_success
        head = substrate.get_chain_head()
        header = substrate.get_block_header(head)["header"]
        bob = substrate.query("System", "Account", [BOB.ss58_address]).value
        substrate.close()
        node.kill9()

        node = NodeProcess("--dev", "--base-path", base).start()
        substrate = SubstrateInterface(url=node.url)
        assert substrate.get_chain_head() == head
        again = substrate.get_block_header(head)["header"]
        assert again["stateRoot"] == header["stateRoot"]
        assert substrate.query("System", "Account", [BOB.ss58_address]).value == bob
        receipt = transfer(substrate, 10**12)
        assert receipt.is_success
        new_header = substrate.get_block_header(receipt.block_hash)["header"]
        assert new_header["number"] == header["number"] + 1
        assert new_header["parentHash"] == head
        substrate.close()
        assert node.stop() in (0, -signal.SIGTERM)
    finally:
        shutil.rmtree(base, ignore_errors=True)


def raw(node, body, content_type="application/json"):
    request = urllib.request.Request(f"http://127.0.0.1:{node.rpc_port}/", data=body, headers={"Content-Type": content_type})
    try:
        with urllib.request.urlopen(request, timeout=30) as response:
            return response.status, json.loads(response.read() or b"null")
    except urllib.error.HTTPError as error:
        text = error.read()
        return error.code, json.loads(text) if text else None


def test_bad_input_corpus_gets_clear_errors_and_nothing_enters_a_block(dev_node):
    before = dev_node.rpc("chain_getHeader")["result"]["number"]
    corpus = [
        (b"{not json", -32700),
        (b'{"jsonrpc":"2.0","id":1}', -32600),
        (b'{"jsonrpc":"2.0","id":1,"method":"no_such_method","params":[]}', -32601),
        (b'{"jsonrpc":"2.0","id":1,"method":"chain_getBlockHash","params":["not a number"]}', -32602),
        (b'{"jsonrpc":"2.0","id":1,"method":"state_getStorage","params":[42]}', -32602),
        (b'{"jsonrpc":"2.0","id":1,"method":"chain_getHeader","params":["0x1234"]}', -32602),
        (b'{"jsonrpc":"2.0","id":1,"method":"author_submitExtrinsic","params":["0xdeadbeef"]}', 1001),
        (b'{"jsonrpc":"2.0","id":1,"method":"author_submitExtrinsic","params":["0x"]}', 1001),
        (b'{"jsonrpc":"2.0","id":1,"method":"state_call","params":["No_such_api","0x"]}', 4003),
        (b'{"jsonrpc":"2.0","id":1,"method":"state_getStorage","params":["0x00","0x' + b"11" * 32 + b'"]}', 4002),
    ]
    for body, code in corpus:
        status, response = raw(dev_node, body)
        assert response is not None and "error" in response, body
        assert response["error"]["code"] == code, (body, response)
        assert isinstance(response["error"]["message"], str) and response["error"]["message"]

    substrate = SubstrateInterface(url=dev_node.url)
    call = substrate.compose_call("Balances", "transfer_keep_alive", {"dest": BOB.ss58_address, "value": 10**12})
    good = substrate.create_signed_extrinsic(call, ALICE)
    bad_signature = bytearray(bytes.fromhex(str(good.data)[2:]))
    bad_signature[40] ^= 0xFF  # inside the signature
    future = substrate.create_signed_extrinsic(call, ALICE, nonce=10_000)
    poor = Keypair.create_from_uri("//Nobody//at//all")
    no_funds = substrate.create_signed_extrinsic(call, poor)
    stale = substrate.create_signed_extrinsic(call, ALICE, nonce=0) if substrate.get_account_nonce(ALICE.ss58_address) > 0 else None
    for extrinsic, code, word in [
        ("0x" + bad_signature.hex(), 1010, "bad signature"),
        (str(no_funds.data), 1010, "pay"),
    ] + ([(str(stale.data), 1010, "outdated")] if stale else []):
        response = dev_node.rpc("author_submitExtrinsic", [extrinsic])
        assert response["error"]["code"] == code, response
        assert word in response["error"]["data"], response
    # A future nonce is accepted into the pool's future queue but never included.
    assert "result" in dev_node.rpc("author_submitExtrinsic", [str(future.data)])
    oversized = b'{"jsonrpc":"2.0","id":1,"method":"author_submitExtrinsic","params":["0x' + b"00" * (8 * 1024 * 1024) + b'"]}'
    status, response = raw(dev_node, oversized)
    assert status == 413 or (response and response["error"]["code"] == -32007)
    # The node keeps serving and no bad transaction made it into a block.
    assert dev_node.rpc("system_health")["result"]["isSyncing"] is False
    after = dev_node.rpc("chain_getHeader")["result"]["number"]
    assert after == before
    pending = dev_node.rpc("author_pendingExtrinsics")["result"]
    assert pending == [str(future.data)]
    substrate.close()


def test_unknown_block_hashes_are_null_or_clear_errors(dev_node):
    unknown = "0x" + "ab" * 32
    assert dev_node.rpc("chain_getHeader", [unknown])["result"] is None
    assert dev_node.rpc("chain_getBlock", [unknown])["result"] is None
    assert dev_node.rpc("chain_getBlockHash", [10**6])["result"] is None
    error = dev_node.rpc("state_getStorage", ["0x00", unknown])["error"]
    assert error["code"] == 4002
    assert "unknown" in error["message"]


def test_read_proof_verifies_against_state_root(dev_node):
    from substrateinterface import SubstrateInterface
    substrate = SubstrateInterface(url=dev_node.url)
    head = substrate.get_chain_head()
    key = substrate.create_storage_key("System", "Account", [ALICE.ss58_address]).to_hex()
    proof = dev_node.rpc("state_getReadProof", [[key], head])["result"]
    assert proof["at"] == head
    assert len(proof["proof"]) >= 2
    root = substrate.get_block_header(head)["header"]["stateRoot"]
    import hashlib
    hashes = {"0x" + hashlib.blake2b(bytes.fromhex(node[2:]), digest_size=32).hexdigest() for node in proof["proof"]}
    assert root in hashes
    substrate.close()
