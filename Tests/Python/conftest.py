"""Fixtures that start the real `phalanx` binary and connect real third-party clients to it."""
import os
import socket
import subprocess
import time
import urllib.request
import json
import pathlib
import pytest

ROOT = pathlib.Path(__file__).resolve().parents[2]
BINARY = os.environ.get("PHALANX_BIN", str(ROOT / ".build" / "debug" / "phalanx"))


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def rpc(port, method, params=None):
    """One HTTP JSON-RPC call; returns the whole response object."""
    body = json.dumps({"jsonrpc": "2.0", "id": 1, "method": method, "params": params or []}).encode()
    request = urllib.request.Request(f"http://127.0.0.1:{port}/", data=body, headers={"Content-Type": "application/json"})
    with urllib.request.urlopen(request, timeout=30) as response:
        return json.loads(response.read())


class NodeProcess:
    """A `phalanx node` child process on free loopback ports."""

    def __init__(self, *args):
        self.args = list(args)
        self.rpc_port = free_port()
        self.prometheus_port = free_port()
        self.worker_port = free_port()
        self.process = None

    @property
    def url(self):
        return f"ws://127.0.0.1:{self.rpc_port}"

    @property
    def worker_url(self):
        """The embedded worker's query API (`node --dev`)."""
        return f"http://127.0.0.1:{self.worker_port}"

    def start(self):
        command = [BINARY, "node", *self.args, "--rpc-port", str(self.rpc_port), "--prometheus-port", str(self.prometheus_port),
                   "--worker-port", str(self.worker_port)]
        self.log = open(f"/tmp/phalanx-node-{self.rpc_port}.log", "w")
        self.process = subprocess.Popen(command, stdout=self.log, stderr=subprocess.STDOUT)
        deadline = time.time() + 60
        while time.time() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(f"node exited early with {self.process.returncode}: {open(self.log.name).read()}")
            try:
                rpc(self.rpc_port, "system_health")
                if self.has_embedded_worker:
                    self.wait_for_worker(deadline)
                return self
            except OSError:
                time.sleep(0.1)
        raise RuntimeError("node did not start listening in 60 s")

    @property
    def has_embedded_worker(self):
        return "--dev" in self.args and "--no-worker" not in self.args

    def worker_info(self):
        with urllib.request.urlopen(self.worker_url + "/info", timeout=10) as response:
            return json.loads(response.read())

    def wait_for_worker(self, deadline):
        """Waits until the embedded worker has launched the gatekeeper, joined cluster 1 and sent all its messages,
        so tests start on a quiet chain."""
        while time.time() < deadline:
            try:
                info = self.worker_info()
                best = int(rpc(self.rpc_port, "chain_getHeader")["result"]["number"], 16)
                if info["cluster"] and info["pendingMessages"] == 0 and info["syncedHeight"] == best:
                    return
            except OSError:
                pass
            time.sleep(0.1)
        raise RuntimeError("the embedded worker did not settle in time")

    def rpc(self, method, params=None):
        return rpc(self.rpc_port, method, params)

    def kill9(self):
        self.process.kill()
        self.process.wait()

    def stop(self):
        if self.process and self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=20)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()
        return self.process.returncode


@pytest.fixture(scope="module")
def dev_node():
    node = NodeProcess("--dev").start()
    yield node
    node.stop()
