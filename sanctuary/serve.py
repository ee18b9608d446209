"""Serve a built site on 127.0.0.1, gzip-compressed as real static hosts send it (plain Python;
used by the browser tests and `make bench`)."""

from __future__ import annotations

import functools
import gzip
import http.server
import io
import os
import socketserver
import threading
from contextlib import contextmanager
from pathlib import Path


class _Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args) -> None:  # keep test output clean
        pass


COMPRESSIBLE = (".html", ".css", ".js", ".json", ".svg", ".xml", ".txt", ".csv")


class _Gzip(_Quiet):
    """Serves text files gzip-compressed when the browser asks, as real static hosts do."""

    def send_head(self):
        path = self.translate_path(self.path)
        if os.path.isdir(path):
            if not self.path.split("?")[0].endswith("/"):
                return super().send_head()  # the base class redirects to the address with a slash
            path = os.path.join(path, "index.html")
        if "gzip" not in self.headers.get("Accept-Encoding", "") or not path.endswith(COMPRESSIBLE) or not os.path.isfile(path):
            return super().send_head()
        with open(path, "rb") as fh:
            body = gzip.compress(fh.read(), 6)
        self.send_response(200)
        self.send_header("Content-Type", self.guess_type(path))
        self.send_header("Content-Encoding", "gzip")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        return io.BytesIO(body)


class _Server(socketserver.ThreadingMixIn, http.server.HTTPServer):
    daemon_threads = True
    allow_reuse_address = True


@contextmanager
def serve(directory: Path, port: int = 0, compress: bool = False):
    """Serve a folder on 127.0.0.1 (at a free port unless given); yields the base URL."""
    handler = functools.partial(_Gzip if compress else _Quiet, directory=str(directory))
    with _Server(("127.0.0.1", port), handler) as server:
        thread = threading.Thread(target=server.serve_forever, daemon=True)
        thread.start()
        try:
            yield f"http://127.0.0.1:{server.server_address[1]}/"
        finally:
            server.shutdown()
