"""Workers and confidential Phat Contracts end to end, through the real `phalanx` binary: the embedded worker of
`phalanx node --dev`, standalone `phalanx worker` processes, and the `phalanx contract` CLI (deploy, encrypted
commands, encrypted queries). Raw chain access uses the unmodified substrate-interface client."""
import http.server
import json
import os
import pathlib
import signal
import subprocess
import tempfile
import threading
import time
import urllib.request

import pytest
from substrateinterface import Keypair, SubstrateInterface
from substrateinterface.utils.ss58 import ss58_decode

from conftest import BINARY, ROOT, NodeProcess, free_port

FLIPPER = ROOT / "contracts" / "build" / "flipper.contract"
NOTES_WAT = ROOT / "Tests" / "Python" / "contracts" / "notes.wat"
NOTES_META = ROOT / "Tests" / "Python" / "contracts" / "notes.json"
CLUSTER = "0x" + "00" * 31 + "01"


def cli(node, *args, suri="//Bob", worker=None, check=True):
    command = [BINARY, *args, "--url", node.url, "--suri", suri]
    if worker:
        command += ["--worker", worker]
    result = subprocess.run(command, capture_output=True, text=True, timeout=120)
    if check and result.returncode != 0:
        raise AssertionError(f"{' '.join(args[:2])} failed ({result.returncode}): {result.stderr}")
    return result


def cli_json(node, *args, **kwargs):
    return json.loads(cli(node, *args, **kwargs).stdout)


def listing(node, *args):
    result = subprocess.run([BINARY, *args, "--url", node.url], capture_output=True, text=True, timeout=60)
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


def worker_info(url):
    with urllib.request.urlopen(url + "/info", timeout=10) as response:
        return json.loads(response.read())


def wait_until(what, check, timeout=60):
    deadline = time.time() + timeout
    while time.time() < deadline:
        value = check()
        if value:
            return value
        time.sleep(0.2)
    raise AssertionError(f"timed out waiting for {what}")


def notes_bundle(directory):
    path = pathlib.Path(directory) / "notes.contract"
    subprocess.run([BINARY, "contract", "bundle", str(NOTES_WAT), "--metadata", str(NOTES_META), "-o", str(path)],
                   check=True, capture_output=True)
    return str(path)


def query(node, contract, bundle, message, worker, args=None, suri="//Bob"):
    extra = ["--args", json.dumps(args)] if args is not None else []
    return json.loads(cli(node, "contract", "query", contract, "--bundle", bundle, "--message", message, *extra,
                          suri=suri, worker=worker).stdout)


class WorkerProcess:
    """A standalone `phalanx worker` against `node`."""

    def __init__(self, node, data_dir, operator="//Charlie"):
        self.node, self.data_dir, self.operator = node, data_dir, operator
        self.port = free_port()
        self.process = None

    @property
    def url(self):
        return f"http://127.0.0.1:{self.port}"

    def start(self):
        self.log = open(f"/tmp/phalanx-worker-{self.port}.log", "a")
        self.process = subprocess.Popen(
            [BINARY, "worker", "--node", self.node.url, "--data-dir", self.data_dir, "--operator-suri", self.operator,
             "--port", str(self.port)], stdout=self.log, stderr=subprocess.STDOUT)
        wait_until("the worker's query API", lambda: self._up())
        return self

    def _up(self):
        if self.process.poll() is not None:
            raise AssertionError(f"worker exited with {self.process.returncode}: {open(self.log.name).read()}")
        try:
            return worker_info(self.url)
        except OSError:
            return None

    def kill9(self):
        self.process.send_signal(signal.SIGKILL)
        self.process.wait()

    def stop(self):
        if self.process and self.process.poll() is None:
            self.process.terminate()
            self.process.wait(timeout=20)


@pytest.fixture(scope="module")
def node():
    node = NodeProcess("--dev").start()
    wait_until("the embedded worker to join cluster 1", lambda: worker_info(node.worker_url)["cluster"] == CLUSTER)
    yield node
    node.stop()


def test_flipper_deploy_encrypted_flip_and_query(node):
    """The issue's 'done when': deploy a flipper, flip it with an encrypted command, query it encrypted → {"Ok": true}."""
    deployed = cli_json(node, "contract", "deploy", str(FLIPPER), "--constructor", "new", "--args", "[false]")
    assert deployed["cluster"] == CLUSTER
    assert "0x" + ss58_decode(deployed["contract"], valid_ss58_format=30) == deployed["contractId"]
    contract, bundle = deployed["contract"], str(FLIPPER)
    assert query(node, contract, bundle, "get", node.worker_url) == {"Ok": False}
    flipped = cli_json(node, "contract", "call", contract, "--bundle", bundle, "--message", "flip", worker=node.worker_url)
    assert flipped["encrypted"] is True and flipped["blockHash"].startswith("0x")
    assert query(node, contract, bundle, "get", node.worker_url) == {"Ok": True}
    # Listings show the contract, its cluster and the embedded worker as gatekeeper.
    contracts = {c["contractId"]: c for c in listing(node, "contract", "list")}
    assert contracts[deployed["contractId"]]["pubkey"].startswith("0x")
    workers = listing(node, "worker", "list")
    assert any(w["gatekeeper"] and w["cluster"] == CLUSTER and w["attestationProvider"] == "dev" for w in workers)
    clusters = listing(node, "cluster", "list")
    assert deployed["contractId"] in clusters[0]["contracts"] and clusters[0]["pubkey"].startswith("0x")


class RecordingProxy:
    """A loopback HTTP proxy in front of a worker that records every request and response body (the client's traffic)."""

    def __init__(self, target):
        records = self.records = []

        class Handler(http.server.BaseHTTPRequestHandler):
            def forward(self, body=None):
                request = urllib.request.Request(target + self.path, data=body,
                                                 headers={"Content-Type": "application/json"} if body else {})
                try:
                    with urllib.request.urlopen(request, timeout=30) as response:
                        status, answer = response.status, response.read()
                except urllib.error.HTTPError as error:
                    status, answer = error.code, error.read()
                records.append((self.path, body or b"", answer))
                self.send_response(status)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(answer)))
                self.end_headers()
                self.wfile.write(answer)

            def do_GET(self):
                self.forward()

            def do_POST(self):
                self.forward(self.rfile.read(int(self.headers["Content-Length"])))

            def log_message(self, *args):
                pass

        self.server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        threading.Thread(target=self.server.serve_forever, daemon=True).start()
        self.url = f"http://127.0.0.1:{self.server.server_port}"

    def close(self):
        self.server.shutdown()


def test_queries_are_replay_protected_and_tampering_is_refused(node):
    deployed = cli_json(node, "contract", "deploy", str(FLIPPER), "--constructor", "new", "--args", "[true]")
    info = worker_info(node.worker_url)
    # A captured query replayed verbatim is refused.
    proxy = RecordingProxy(node.worker_url)
    try:
        assert query(node, deployed["contract"], str(FLIPPER), "get", proxy.url) == {"Ok": True}
    finally:
        proxy.close()
    captured = next(json.loads(body) for path, body, _ in proxy.records if path == "/query")
    status, answer = post(node.worker_url + "/query", captured)
    assert status == 409 and answer["error"]["code"] == 4091, answer
    # Tampered ciphertext (one bit) is refused, not answered.
    envelope = bytearray(bytes.fromhex(captured["envelope"][2:]))
    envelope[-1] ^= 1
    keypair = Keypair.create_from_uri("//Bob")
    tampered = dict(captured, envelope="0x" + envelope.hex(), signature="0x" + keypair.sign(bytes(envelope)).hex())
    status, answer = post(node.worker_url + "/query", tampered)
    assert status == 400 and answer["error"]["code"] == 4002, answer
    # A tampered query: flip one bit of the envelope.
    body = {"contract": deployed["contractId"], "envelope": "0x01" + "00" * 80, "signer": "0x" + "11" * 32, "signature": "0x" + "22" * 64}
    status, answer = post(node.worker_url + "/query", body)
    assert status == 401 and "signature" in answer["error"]["message"]
    keypair = Keypair.create_from_uri("//Bob")
    envelope = bytes(1 + 32 + 12 + 1 + 40)
    body = {"contract": deployed["contractId"], "envelope": "0x" + envelope.hex(), "signer": "0x" + keypair.public_key.hex(),
            "signature": "0x" + keypair.sign(envelope).hex()}
    status, answer = post(node.worker_url + "/query", body)
    assert status == 400 and answer["error"]["code"] == 4002, answer
    assert info["publicKey"] == info["ecdhPublicKey"]


def post(url, body):
    request = urllib.request.Request(url, data=json.dumps(body).encode(), headers={"Content-Type": "application/json"})
    try:
        with urllib.request.urlopen(request, timeout=10) as response:
            return response.status, json.loads(response.read())
    except urllib.error.HTTPError as error:
        return error.code, json.loads(error.read())


def test_the_contract_sees_the_query_signer_as_its_caller(node):
    bundle = notes_bundle(tempfile.mkdtemp())
    deployed = cli_json(node, "contract", "deploy", bundle, "--constructor", "new")
    for name in ["//Charlie", "//Dave"]:
        expected = Keypair.create_from_uri(name, ss58_format=30).ss58_address
        assert query(node, deployed["contract"], bundle, "caller", node.worker_url, suri=name) == {"Ok": expected}


def test_response_from_an_unregistered_worker_is_rejected(node):
    """A fake worker (real HTTP server on loopback) answering with a key the chain does not know."""
    deployed = cli_json(node, "contract", "deploy", str(FLIPPER), "--constructor", "new", "--args", "[true]")

    class Fake(http.server.BaseHTTPRequestHandler):
        def do_GET(self):
            body = json.dumps({"publicKey": "0x" + Keypair.create_from_uri("//Mallory").public_key.hex()}).encode()
            self.send_response(200)
            self.send_header("Content-Type", "application/json")
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, *args):
            pass

    server = http.server.HTTPServer(("127.0.0.1", 0), Fake)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        result = cli(node, "contract", "query", deployed["contract"], "--bundle", str(FLIPPER), "--message", "get",
                     worker=f"http://127.0.0.1:{server.server_port}", check=False)
        assert result.returncode != 0 and "not registered on chain" in result.stderr
    finally:
        server.shutdown()


def test_marker_never_leaves_the_enclave_boundary():
    """A unique marker written as a command argument and into contract state appears nowhere the node or the worker
    wrote (database, WAL, sealed worker files, logs) nor in anything the node serves over RPC — only in the query
    answer the client decrypts. The same marker sent with --plain does appear on chain (the search is real)."""
    marker = "PHX-SECRET-" + os.urandom(8).hex()
    with tempfile.TemporaryDirectory() as base:
        node = NodeProcess("--dev", "--base-path", base).start()
        try:
            wait_until("cluster 1", lambda: worker_info(node.worker_url)["cluster"] == CLUSTER)
            bundle = notes_bundle(tempfile.mkdtemp())
            deployed = cli_json(node, "contract", "deploy", bundle, "--constructor", "new")
            cli_json(node, "contract", "call", deployed["contract"], "--bundle", bundle, "--message", "set",
                     "--args", json.dumps([marker]), worker=node.worker_url)
            proxy = RecordingProxy(node.worker_url)
            try:
                assert query(node, deployed["contract"], bundle, "get", proxy.url) == {"Ok": marker}
            finally:
                proxy.close()
            traffic = b"".join(body + answer for _, body, answer in proxy.records)
            served = everything_served(node) + traffic
        finally:
            node.stop()
        needles = [marker.encode(), marker.encode().hex().encode()]
        for path in pathlib.Path(base).rglob("*"):
            if path.is_file():
                data = path.read_bytes()
                assert not any(n in data for n in needles), f"marker found in {path}"
        log = open(node.log.name, "rb").read()
        assert not any(n in log for n in needles), "marker found in the node log"
        assert not any(n in served for n in needles), "marker served over RPC"
        # Control: a plaintext command does put the marker on chain.
        node = NodeProcess("--dev").start()
        try:
            wait_until("cluster 1", lambda: worker_info(node.worker_url)["cluster"] == CLUSTER)
            bundle = notes_bundle(tempfile.mkdtemp())
            deployed = cli_json(node, "contract", "deploy", bundle, "--constructor", "new")
            cli_json(node, "contract", "call", deployed["contract"], "--bundle", bundle, "--message", "set", "--plain",
                     "--args", json.dumps([marker]), worker=node.worker_url)
            assert marker.encode() in everything_served(node)
        finally:
            node.stop()


def everything_served(node):
    """Every block and every storage value the node serves, as bytes."""
    out = bytearray()
    best = int(node.rpc("chain_getHeader")["result"]["number"], 16)
    for number in range(best + 1):
        block_hash = node.rpc("chain_getBlockHash", [number])["result"]
        for extrinsic in node.rpc("chain_getBlock", [block_hash])["result"]["block"]["extrinsics"]:
            out += bytes.fromhex(extrinsic[2:])
    keys = node.rpc("state_getKeysPaged", ["0x", 1000])["result"]
    for key in keys:
        value = node.rpc("state_getStorage", [key])["result"]
        if value:
            out += bytes.fromhex(value[2:])
    return bytes(out)


def test_two_workers_agree_and_a_killed_worker_resumes_exactly_once():
    """A second worker process joins cluster 1; after the same encrypted commands both report the same state
    checkpoint. The second worker is killed with SIGKILL mid-stream and restarted: it resumes from its sealed state
    and ends with the same contract state — no flip applied twice or skipped."""
    with tempfile.TemporaryDirectory() as data_dir:
        node = NodeProcess("--dev").start()
        worker = None
        try:
            wait_until("cluster 1", lambda: worker_info(node.worker_url)["cluster"] == CLUSTER)
            worker = WorkerProcess(node, data_dir).start()
            pubkey = worker_info(worker.url)["publicKey"]
            wait_until("the second worker's registration",
                       lambda: any(w["pubkey"] == pubkey for w in listing(node, "worker", "list")))
            substrate = SubstrateInterface(url=node.url)
            alice = Keypair.create_from_uri("//Alice")
            # Governance makes it a second gatekeeper: the first seals the master key history to it.
            inner = substrate.compose_call("PhalaRegistry", "register_gatekeeper", {"gatekeeper": pubkey})
            receipt = substrate.submit_extrinsic(substrate.create_signed_extrinsic(
                call=substrate.compose_call("Sudo", "sudo", {"call": inner}), keypair=alice), wait_for_inclusion=True)
            assert receipt.is_success, receipt.error_message
            wait_until("the master key history to reach the second gatekeeper", lambda: worker_info(worker.url)["isGatekeeper"])
            # The cluster owner adds it to cluster 1: a gatekeeper seals the cluster key to it.
            call = substrate.compose_call("PhalaPhatContracts", "add_worker_to_cluster",
                                          {"worker_pubkey": pubkey, "cluster_id": CLUSTER})
            receipt = substrate.submit_extrinsic(substrate.create_signed_extrinsic(call=call, keypair=alice), wait_for_inclusion=True)
            assert receipt.is_success, receipt.error_message
            wait_until("the second worker to receive the cluster key", lambda: worker_info(worker.url)["cluster"] == CLUSTER)

            deployed = cli_json(node, "contract", "deploy", str(FLIPPER), "--constructor", "new", "--args", "[false]")
            contract = deployed["contract"]
            wait_until("both workers to host the contract",
                       lambda: deployed["contractId"] in worker_info(worker.url)["contracts"])
            flips = 7
            for i in range(flips):
                cli_json(node, "contract", "call", contract, "--bundle", str(FLIPPER), "--message", "flip", worker=node.worker_url)
                if i == 2:
                    worker.kill9()
            worker.start()  # same data directory: resumes from its sealed state
            best = int(node.rpc("chain_getHeader")["result"]["number"], 16)
            wait_until("the restarted worker to catch up", lambda: worker_info(worker.url)["syncedHeight"] >= best)
            expected = {"Ok": flips % 2 == 1}
            assert query(node, contract, str(FLIPPER), "get", node.worker_url) == expected
            assert query(node, contract, str(FLIPPER), "get", worker.url) == expected
            # Both workers published the same state hash for the same block.
            embedded = worker_info(node.worker_url)["publicKey"]

            def checkpoints():
                a = substrate.query("PhalaPhatContracts", "ClusterCheckpoints", [CLUSTER, embedded]).value
                b = substrate.query("PhalaPhatContracts", "ClusterCheckpoints", [CLUSTER, pubkey]).value
                return (a, b) if a and b and a["block_number"] == b["block_number"] else None
            a, b = wait_until("matching checkpoints", checkpoints)
            assert a["state_hash"] == b["state_hash"]
        finally:
            if worker:
                worker.stop()
            node.stop()


def test_worker_outside_the_attestation_policy_is_refused_registration():
    """A chain whose genesis does not allow dev attestation refuses a dev-attested worker, with a clear error."""
    with tempfile.TemporaryDirectory() as directory:
        spec_path = pathlib.Path(directory) / "strict.json"
        spec_path.write_text(json.dumps(strict_spec()))
        node = NodeProcess("--chain", str(spec_path), "--tmp").start()
        try:
            result = subprocess.run(
                [BINARY, "worker", "--node", node.url, "--data-dir", directory + "/worker", "--operator-suri", "//Bob",
                 "--port", str(free_port())], capture_output=True, text=True, timeout=120)
            assert result.returncode != 0
            assert "refused this worker's registration" in result.stderr
        finally:
            node.stop()


def strict_spec():
    endowment = str(1 << 60)
    return {
        "name": "Strict", "id": "strict", "chainType": "Local",
        "properties": {"ss58Format": 30, "tokenDecimals": 12, "tokenSymbol": "PHA"},
        "genesis": {"balances": [["//Alice", endowment], ["//Bob", endowment]], "sudo": "//Alice", "allowDevAttestation": False},
        "governanceProfile": "dev",
    }


def test_master_key_rotation_keeps_the_cluster_working(node):
    """Governance rotates the master key: the gatekeeper publishes a new one (signed with the old key, as the chain
    requires), the chain switches and unlocks rotation, and the cluster keeps deploying and executing contracts."""
    substrate = SubstrateInterface(url=node.url)
    alice = Keypair.create_from_uri("//Alice")
    before = substrate.query("PhalaRegistry", "GatekeeperMasterPubkey").value

    def sudo(module, function, params):
        inner = substrate.compose_call(module, function, params)
        call = substrate.compose_call("Sudo", "sudo", {"call": inner})
        receipt = substrate.submit_extrinsic(substrate.create_signed_extrinsic(call=call, keypair=alice), wait_for_inclusion=True)
        assert receipt.is_success, receipt.error_message

    sudo("PhalaRegistry", "rotate_master_key", {})
    after = wait_until("the rotated master key on chain", lambda: (
        (value := substrate.query("PhalaRegistry", "GatekeeperMasterPubkey").value) != before and value))
    assert after and substrate.query("PhalaRegistry", "MasterKeyRotationLock").value is None
    # The embedded worker still serves: deploy and flip a fresh flipper end to end.
    deployed = cli_json(node, "contract", "deploy", str(FLIPPER), "--constructor", "new", "--args", "[true]")
    cli_json(node, "contract", "call", deployed["contract"], "--bundle", str(FLIPPER), "--message", "flip", worker=node.worker_url)
    assert query(node, deployed["contract"], str(FLIPPER), "get", node.worker_url) == {"Ok": False}
