"""CITATION.cff (GitHub's "Cite this repository") is valid and agrees with the site's "Cite this":
the same title, and no author or date that the reply does not give."""

from __future__ import annotations

import subprocess
import sys

import yaml

from conftest import ROOT
from reply_site.render.cite_this import cite_bibtex, cite_text
from reply_site.source.reply import load_reply

REPLY = load_reply(ROOT / "docs" / "reply.md", "docs/reply.md")
CFF = yaml.safe_load((ROOT / "CITATION.cff").read_text(encoding="utf-8"))


def test_it_is_valid_citation_file_format():
    result = subprocess.run([sys.executable, "-m", "check_jsonschema", "--builtin-schema",
                             "vendor.citation-file-format", str(ROOT / "CITATION.cff")], capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr


def test_it_cites_what_the_site_cites():
    title = REPLY.meta["title"]
    for citation in (CFF, CFF["preferred-citation"]):
        assert citation["title"] == title
        assert f"“{title}”" in cite_text(REPLY, "https://example.org/")
        named = [author.get("name") or f"{author['given-names']} {author['family-names']}"
                 for author in citation["authors"]]
        assert named == (REPLY.authors or ["Author not named"])
        assert ("date-released" in citation) == bool(REPLY.date)
    assert CFF["preferred-citation"]["notes"] == f"Reply to {REPLY.meta['responds_to']['title']}"
    assert f"note = {{Reply to {REPLY.meta['responds_to']['title']}}}" in cite_bibtex(REPLY, "reply", "https://x/")
    assert CFF["repository-code"] == yaml.safe_load(
        (ROOT / "mkdocs.yml").read_text(encoding="utf-8").replace("!ENV", ""))["repo_url"][1]
