#!/usr/bin/env python3
"""A real HTTP and HTTPS server on loopback for the pink chain-extension tests (standard library only).

Prints one line `PORTS <http> <https>` once listening, then serves until stdin closes or it is killed.
The HTTPS side uses the certificate and key given as arguments (the tests make a self-signed one).

Paths:
  /price           200, JSON {"symbol": "PHA", "data": {"price": 1234.5678901, "volume": 42}}
  /echo            200, JSON of the method, the request headers and the body (as text)
  /slow?ms=N       waits N ms, then 200 "slow"
  /big             200 with a 3 MiB body
  /headers         200 with 300 response headers
  /status/N        answers status N
"""
import http.server
import json
import socketserver
import ssl
import sys
import threading
import time
import urllib.parse


class Handler(http.server.BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    def log_message(self, *args):
        pass

    def send_body(self, status, body, content_type="text/plain", extra_headers=()):
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        for name, value in extra_headers:
            self.send_header(name, value)
        self.end_headers()
        self.wfile.write(body)

    def handle_any(self):
        url = urllib.parse.urlparse(self.path)
        length = int(self.headers.get("Content-Length") or 0)
        body = self.rfile.read(length) if length else b""
        if url.path == "/price":
            payload = {"symbol": "PHA", "data": {"price": 1234.5678901, "volume": 42}}
            self.send_body(200, json.dumps(payload).encode(), "application/json")
        elif url.path == "/echo":
            payload = {"method": self.command, "headers": dict(self.headers.items()), "body": body.decode("utf-8", "replace")}
            self.send_body(200, json.dumps(payload).encode(), "application/json")
        elif url.path == "/slow":
            delay = int(urllib.parse.parse_qs(url.query).get("ms", ["2000"])[0])
            time.sleep(delay / 1000)
            self.send_body(200, b"slow")
        elif url.path == "/big":
            self.send_body(200, b"x" * (3 << 20))
        elif url.path == "/headers":
            self.send_body(200, b"many headers", extra_headers=[(f"X-Header-{i}", str(i)) for i in range(300)])
        elif url.path.startswith("/status/"):
            self.send_body(int(url.path.rsplit("/", 1)[1]), b"status")
        else:
            self.send_body(404, b"not found")

    do_GET = do_POST = do_PUT = do_DELETE = handle_any


class Server(socketserver.ThreadingMixIn, http.server.HTTPServer):
    daemon_threads = True
    allow_reuse_address = True


def main():
    plain = Server(("127.0.0.1", 0), Handler)
    secure = Server(("127.0.0.1", 0), Handler)
    if len(sys.argv) >= 3:
        context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
        context.load_cert_chain(sys.argv[1], sys.argv[2])
        secure.socket = context.wrap_socket(secure.socket, server_side=True)
    for server in (plain, secure):
        threading.Thread(target=server.serve_forever, daemon=True).start()
    print(f"PORTS {plain.server_address[1]} {secure.server_address[1]}", flush=True)
    try:
        sys.stdin.read()  # serve until the parent closes stdin or kills us
    finally:
        plain.shutdown()
        secure.shutdown()


if __name__ == "__main__":
    main()
