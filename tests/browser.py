"""Helpers for the browser tests: Debian's Chromium driven by Playwright, and a local server."""

from __future__ import annotations

import functools
import http.server
import socketserver
import threading
from contextlib import contextmanager
from pathlib import Path

from sanctuary.chromium import CHROMIUM_ARGS, chromium_path  # noqa: F401  (re-exported for the tests)


class _Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args) -> None:  # keep test output clean
        pass


class _Server(socketserver.ThreadingMixIn, http.server.HTTPServer):
    daemon_threads = True
    allow_reuse_address = True


@contextmanager
def serve(directory: Path, port: int = 0):
    """Serve a folder on 127.0.0.1 (at a free port unless given); yields the base URL."""
    handler = functools.partial(_Quiet, directory=str(directory))
    with _Server(("127.0.0.1", port), handler) as server:
        thread = threading.Thread(target=server.serve_forever, daemon=True)
        thread.start()
        try:
            yield f"http://127.0.0.1:{server.server_address[1]}/"
        finally:
            server.shutdown()
