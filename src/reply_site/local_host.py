"""A built site served on 127.0.0.1, for the browser tests, the benchmark and Lighthouse.

`LocalServer` is bound first (so the site can be built for its address) and given its
folder later; `CompressingHost` serves as a static host would: text gzip-compressed,
everything cacheable for ten minutes (GitHub Pages' policy).
"""

from __future__ import annotations

import contextlib
import functools
import gzip
import http.server
import io
import re
import threading
from pathlib import Path

COMPRESSIBLE = re.compile(r"^(text/|application/(javascript|json|xml|manifest\+json|atom\+xml)|image/svg\+xml)")


class QuietHost(http.server.SimpleHTTPRequestHandler):
    extensions_map = {**http.server.SimpleHTTPRequestHandler.extensions_map,
                      ".js": "text/javascript", ".json": "application/json", ".xml": "application/xml",
                      ".webmanifest": "application/manifest+json", ".svg": "image/svg+xml"}

    def log_message(self, format, *args):  # noqa: A002 - the stdlib's signature
        pass


class CompressingHost(QuietHost):
    def end_headers(self):
        self.send_header("Cache-Control", "max-age=600")
        super().end_headers()

    def send_head(self):
        path = Path(self.translate_path(self.path))
        if path.is_dir() and self.path.split("?", 1)[0].endswith("/"):
            path = path / "index.html"
        content_type = self.guess_type(str(path))
        if (not path.is_file() or not COMPRESSIBLE.match(content_type)
                or "gzip" not in self.headers.get("Accept-Encoding", "")):
            return super().send_head()
        body = gzip.compress(path.read_bytes(), compresslevel=6, mtime=0)
        self.send_response(200)
        if content_type.startswith("text/") and "charset" not in content_type:
            content_type += "; charset=utf-8"
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Encoding", "gzip")
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Vary", "Accept-Encoding")
        self.end_headers()
        return io.BytesIO(body)


class LocalServer(http.server.ThreadingHTTPServer):
    daemon_threads = True

    def __init__(self):
        super().__init__(("127.0.0.1", 0), QuietHost)

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.server_address[1]}/"

    def serve(self, folder: Path, compress: bool = False) -> None:
        """Serve `folder` from now on (in a thread, started on first call)."""
        self.RequestHandlerClass = functools.partial(CompressingHost if compress else QuietHost,
                                                     directory=str(folder))
        if not getattr(self, "thread", None):
            self.thread = threading.Thread(target=self.serve_forever, name="local-host", daemon=True)
            self.thread.start()

    def handle_error(self, request, client_address):
        pass  # a browser dropping a connection it no longer needs is not a failure

    def stop(self) -> None:
        if getattr(self, "thread", None):
            self.shutdown()
        self.server_close()


@contextlib.contextmanager
def served(folder: Path, compress: bool = False):
    """`folder` served on a free local port while the block runs; yields its base URL."""
    server = LocalServer()
    server.serve(folder, compress)
    try:
        yield server.url
    finally:
        server.stop()
