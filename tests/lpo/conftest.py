"""Fixtures for the site machinery's tests."""

import threading
from collections import defaultdict
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest


class LinkServer(ThreadingHTTPServer):
    """A web server on 127.0.0.1 with one address per kind of answer, that notes what it was asked.

    /ok 200, /oud 301 to /nieuw (200), /weg 404, /geen-head 405 to HEAD and 200 to GET,
    /traag answers only after `slow_seconds`, /even/… answers 200 after `busy_seconds`.
    """

    daemon_threads = True
    slow_seconds = 5.0
    busy_seconds = 0.3

    def __init__(self):
        super().__init__(("127.0.0.1", 0), LinkHandler)
        self.lock = threading.Lock()
        self.active = 0
        self.max_active = 0
        self.requests = defaultdict(list)  # path: methods, in order
        self.user_agents = set()
        self.released = threading.Event()  # lets /traag go at the end of the test

    def url(self, path):
        return f"http://127.0.0.1:{self.server_port}{path}"


class LinkHandler(BaseHTTPRequestHandler):
    def do_HEAD(self):
        self.answer()

    def do_GET(self):
        self.answer(body=b"<p>Hallo</p>")

    def answer(self, body=b""):
        server = self.server
        with server.lock:
            server.active += 1
            server.max_active = max(server.max_active, server.active)
            server.requests[self.path].append(self.command)
            server.user_agents.add(self.headers.get("User-Agent"))
        status, headers = 200, {}
        if self.path == "/oud":
            status, headers = 301, {"Location": "/nieuw"}
        elif self.path == "/weg":
            status = 404
        elif self.path == "/geen-head" and self.command == "HEAD":
            status = 405
        elif self.path == "/traag":
            server.released.wait(server.slow_seconds)
        elif self.path.startswith("/even/"):
            server.released.wait(server.busy_seconds)
        # Done before answering: the client cannot send its next request before it has the answer.
        with server.lock:
            server.active -= 1
        try:
            self.send_response(status)
            for name, value in headers.items():
                self.send_header(name, value)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            if self.command == "GET":
                self.wfile.write(body)
        except (BrokenPipeError, ConnectionResetError):
            pass  # the client gave up (a time-out)

    def log_message(self, format, *args):
        pass


@pytest.fixture
def link_server(monkeypatch):
    """A local web server in a thread; the link checker never goes further than 127.0.0.1."""
    for name in ["http_proxy", "https_proxy", "HTTP_PROXY", "HTTPS_PROXY", "all_proxy", "ALL_PROXY"]:
        monkeypatch.delenv(name, raising=False)
    server = LinkServer()
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield server
    server.released.set()
    server.shutdown()
    server.server_close()
    thread.join()
