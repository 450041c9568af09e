"""The pink chain extension on a real `phalanx node --dev`: the Swift oracle example deployed with the CLI fetches a
price over HTTP from a real loopback server inside an encrypted query, signs it with its derived key (verified here
with py-sr25519-bindings), logs only to its deployer, and obeys the egress policy its deployer sets."""
import http.server
import json
import subprocess
import threading
import time

import pytest
import sr25519
from substrateinterface import Keypair
from substrateinterface.utils.ss58 import ss58_decode

from conftest import BINARY, ROOT, NodeProcess
from test_workers import CLUSTER, cli, cli_json, post, query, wait_until, worker_info

ORACLE = str(ROOT / "contracts" / "build" / "oracle.contract")
MARKER = "pink-log-marker-5f2c9a"


class PriceServer:
    """A loopback HTTP server answering `{"data": {"price": 1234.5678901}}` on every path."""

    def __init__(self):
        self.hits = []
        hits = self.hits

        class Handler(http.server.BaseHTTPRequestHandler):
            def do_GET(self):
                hits.append(self.path)
                body = json.dumps({"symbol": "PHA", "data": {"price": 1234.5678901}}).encode()
                self.send_response(200)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

            def log_message(self, *args):
                pass

        self.server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        threading.Thread(target=self.server.serve_forever, daemon=True).start()
        self.url = f"http://127.0.0.1:{self.server.server_port}"

    def close(self):
        self.server.shutdown()


@pytest.fixture(scope="module")
def node():
    node = NodeProcess("--dev", "--allow-private-http").start()
    wait_until("the embedded worker to join cluster 1", lambda: worker_info(node.worker_url)["cluster"] == CLUSTER)
    yield node
    node.stop()


@pytest.fixture(scope="module")
def server():
    server = PriceServer()
    yield server
    server.close()


def logs(node, contract, suri):
    return subprocess.run([BINARY, "contract", "logs", contract, "--suri", suri, "--worker", node.worker_url, "--json"],
                          capture_output=True, text=True, timeout=60, check=False)


def egress_policy(node, contract, *allow, suri="//Bob"):
    options = [option for host in allow for option in ("--allow", host)]
    return subprocess.run([BINARY, "contract", "egress-policy", contract, *options, "--suri", suri, "--worker", node.worker_url],
                          capture_output=True, text=True, timeout=60, check=False)


def test_oracle_fetches_signs_logs_and_obeys_policy(node, server):
    deployed = cli_json(node, "contract", "deploy", ORACLE, "--constructor", "new")  # deployed by //Bob
    contract = deployed["contract"]
    public_key = query(node, contract, ORACLE, "public_key", node.worker_url)["Ok"]
    assert len(bytes.fromhex(public_key[2:])) == 32

    # query → HTTP → exact fixed-point price → signed with the contract's derived key.
    url = f"{server.url}/price?tag={MARKER}"
    answer = query(node, contract, ORACLE, "fetch_price", node.worker_url, args=[url, "price"])
    price = answer["Ok"]["Ok"]
    assert price["value"] == 1_234_567_890
    message = bytes([len(url) << 2]) + url.encode() + (1_234_567_890).to_bytes(16, "little")
    signature = bytes.fromhex(price["signature"][2:])
    assert sr25519.verify(signature, message, bytes.fromhex(public_key[2:]))
    assert not sr25519.verify(signature, message.replace(b"\xd2\x02", b"\xd3\x02"), bytes.fromhex(public_key[2:]))
    assert server.hits and MARKER in server.hits[-1]

    # Contract logs: readable by the deployer, sealed to its key; refused to anyone else; never in the node's own log.
    mine = logs(node, contract, "//Bob")
    assert mine.returncode == 0, mine.stderr
    lines = [json.loads(line) for line in mine.stdout.splitlines()]
    assert any(line["level"] == "INFO" and MARKER in line["message"] for line in lines), lines
    other = logs(node, contract, "//Charlie")
    assert other.returncode != 0 and "Only the contract's deployer" in other.stderr
    assert MARKER not in open(node.log.name).read()

    # The deployer limits egress to another host: the same query now gets Phala's 524 "IO Error" (NotAllowed).
    refused = egress_policy(node, contract, "api.example.com", suri="//Charlie")
    assert refused.returncode != 0 and "deployer or the cluster owner" in refused.stderr
    policy = egress_policy(node, contract, "api.example.com")
    assert policy.returncode == 0, policy.stderr
    assert json.loads(policy.stdout)["allow"] == ["api.example.com"]
    hits = len(server.hits)
    blocked = cli(node, "contract", "query", contract, "--bundle", ORACLE, "--message", "fetch_price", "--args",
                  json.dumps([url, "price"]), worker=node.worker_url, check=False)
    assert blocked.returncode == 1
    assert json.loads(blocked.stdout) == {"reverted": True, "result": {"Ok": {"Err": {"HttpStatus": 524}}}}
    assert len(server.hits) == hits  # nothing left the worker
    # A captured policy request cannot be replayed.
    bob = Keypair.create_from_uri("//Bob")
    contract_id = "0x" + ss58_decode(contract, valid_ss58_format=30)
    timestamp = int(time.time() * 1000)
    body = {"contract": contract_id, "signer": "0x" + bob.public_key.hex(), "timestamp": timestamp,
            "policy": {"allow": ["api.example.com"]}}
    policy_scale = bytes([1 << 2]) + bytes([len("api.example.com") << 2]) + b"api.example.com" + b"\x00"
    signed = b"phalanx/egress-policy" + bytes.fromhex(contract_id[2:]) + timestamp.to_bytes(8, "little") + policy_scale
    body["signature"] = "0x" + bob.sign(signed).hex()
    status, answer = post(node.worker_url + "/egress-policy", body)
    assert status == 200, answer
    status, answer = post(node.worker_url + "/egress-policy", body)
    assert status == 409 and answer["error"]["code"] == 4092, answer
    # Allowing the server's URL prefix restores it.
    assert egress_policy(node, contract, server.url + "/").returncode == 0
    assert query(node, contract, ORACLE, "fetch_price", node.worker_url, args=[url, "price"])["Ok"]["Ok"]["value"] == 1_234_567_890
