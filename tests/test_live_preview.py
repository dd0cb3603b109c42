"""`mkdocs serve` regenerates the pages from docs/reply.md when the source is saved,
and `make site` leaves the last good site in place when a build fails."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import urllib.request

import pytest

from reply_site.addresses import WHOLE_REPLY, url_of

pytestmark = pytest.mark.slow


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def fetch_until(url: str, predicate, seconds: float = 90) -> str:
    """Poll `url` until its text satisfies `predicate`; fail after `seconds`."""
    deadline, text = time.monotonic() + seconds, ""
    while time.monotonic() < deadline:
        try:
            text = urllib.request.urlopen(url, timeout=5).read().decode()
            if predicate(text):
                return text
        except OSError:
            pass
        time.sleep(0.3)
    raise AssertionError(f"{url} never showed the expected text")


def serve_dirty(project, log) -> tuple[subprocess.Popen, str]:
    """`mkdocs serve --dirty` in `project`, as `make serve` runs it; its base URL."""
    port = free_port()
    server = subprocess.Popen([sys.executable, "-m", "mkdocs", "serve", "--dirty", "--dev-addr", f"127.0.0.1:{port}"],
                              cwd=project, stdout=subprocess.DEVNULL, stderr=log,
                              env={**os.environ, "NO_MKDOCS_2_WARNING": "1"})
    return server, f"http://127.0.0.1:{port}/"


REVISION = """\
- date: 2026-12-01
  approval: https://example.org/the-authors-approval
  where: models-do-not-store-works
  old: an AI generation is a juice blend.
  new: an AI generation is a smoothie.
"""


def test_saving_the_source_under_mkdocs_serve_updates_the_page(project_copy):
    server, base = serve_dirty(project_copy, subprocess.PIPE)
    try:
        url = base + "question-7-2/"
        fetch_until(url, lambda text: "a juice blend" in text)
        # A change to the author's words is published once declared as a revision (CONTRIBUTING.md).
        (project_copy / "revisions.yml").write_text(REVISION, encoding="utf-8")
        source = project_copy / "docs" / "reply.md"
        source.write_text(source.read_text(encoding="utf-8").replace("a juice blend", "a smoothie"),
                          encoding="utf-8")
        page = fetch_until(url, lambda text: "a smoothie" in text)
        assert "a juice blend" not in page
    finally:
        server.terminate()
        server.wait(timeout=30)


def test_the_one_page_view_shows_an_edit_in_the_build_that_shows_it_on_its_question_page(project_copy, tmp_path):
    """The one-page view is made of the question pages (finalise/whole_reply.py): the edit of a
    rebuttal rebuilds its question page only, and the view is made again from it in the same build."""
    log_path = tmp_path / "serve.log"
    with log_path.open("w") as log:
        server, base = serve_dirty(project_copy, log)
        try:
            page, view = base + "question-7-2/", base + url_of(WHOLE_REPLY)
            fetch_until(view, lambda text: "a juice blend" in text)
            built = log_path.read_text().count("Documentation built")
            (project_copy / "revisions.yml").write_text(REVISION, encoding="utf-8")
            source = project_copy / "docs" / "reply.md"
            source.write_text(source.read_text(encoding="utf-8").replace("a juice blend", "a smoothie"),
                              encoding="utf-8")
            fetch_until(page, lambda text: "a smoothie" in text)
            whole = fetch_until(view, lambda text: "a smoothie" in text, 5)
            assert "a juice blend" not in whole
            time.sleep(2)  # no build after it
            assert log_path.read_text().count("Documentation built") == built + 1
        finally:
            server.terminate()
            server.wait(timeout=30)


def test_a_failed_site_build_keeps_the_last_good_site(project_copy):
    venv_bin = os.path.dirname(sys.executable)
    make = ["make", "site", f"BIN={venv_bin}", "-o", f"{venv_bin}/.installed"]
    assert subprocess.run(make, cwd=project_copy, capture_output=True).returncode == 0
    before = {p.relative_to(project_copy): p.read_bytes() for p in (project_copy / "site").rglob("*") if p.is_file()}
    source = project_copy / "docs" / "reply.md"
    source.write_text(source.read_text(encoding="utf-8") + "\n> “A quote left without a reply.”\n")
    failed = subprocess.run(make, cwd=project_copy, capture_output=True, text=True)
    assert failed.returncode != 0
    assert "docs/reply.md:" in failed.stderr and "quote" in failed.stderr
    after = {p.relative_to(project_copy): p.read_bytes() for p in (project_copy / "site").rglob("*") if p.is_file()}
    assert after == before
