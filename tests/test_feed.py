"""The Atom feed of changes to the reply's text, from git history, and without it."""

from __future__ import annotations

import datetime
import os
import shutil
import subprocess
import xml.etree.ElementTree as ET

import pytest

from copied_build import build_copy, site_url
from reply_site.publish.feed import atom_feed
from reply_site.source import history as history_module
from reply_site.source.history import file_history, parse_log

A = "{http://www.w3.org/2005/Atom}"
FALLBACK = "2024-03-01T00:00:00+00:00"
needs_git = pytest.mark.skipif(shutil.which("git") is None, reason="git is not installed")


def atom_entries(text: str) -> list[ET.Element]:
    """Check the feed has what Atom requires and return its entries."""
    assert text.startswith("<?xml")
    root = ET.fromstring(text)
    assert root.tag == f"{A}feed"

    def one(parent, tag):
        found = parent.findall(f"{A}{tag}")
        assert len(found) == 1, f"{parent.tag} needs exactly one {tag}"
        return found[0]

    for tag in ("id", "title", "updated"):
        assert one(root, tag).text.strip()
    assert one(one(root, "author"), "name").text.strip()
    self_links = [link for link in root.findall(f"{A}link") if link.get("rel") == "self"]
    assert len(self_links) == 1 and self_links[0].get("href").startswith(("http://", "https://"))
    entries = root.findall(f"{A}entry")
    for entry in entries:
        for tag in ("id", "title", "updated", "summary"):
            assert one(entry, tag).text.strip()
        assert [link.get("href") for link in entry.findall(f"{A}link") if link.get("rel") == "alternate"]
    dates = [datetime.datetime.fromisoformat(one(e, "updated").text) for e in entries]
    assert dates == sorted(dates, reverse=True), "entries must be newest first"
    assert len({one(e, "id").text for e in entries}) == len(entries)
    datetime.datetime.fromisoformat(one(root, "updated").text)
    return entries


def git(repo, *args, date=None):
    env = {**os.environ, "GIT_CONFIG_GLOBAL": os.devnull, "GIT_CONFIG_NOSYSTEM": "1"}
    if date:
        env.update(GIT_AUTHOR_DATE=date, GIT_COMMITTER_DATE=date)
    subprocess.run(["git", "-c", "user.name=Editor", "-c", "user.email=editor@example.org",
                    "-c", "commit.gpgsign=false", *args], cwd=repo, env=env, check=True, capture_output=True)


@pytest.fixture
def history(tmp_path):
    """A repository where docs/reply.md changed twice, with another commit in between."""
    (tmp_path / "docs").mkdir()
    git(tmp_path, "init", "-q")
    (tmp_path / "docs" / "reply.md").write_text("First text.\n", encoding="utf-8")
    git(tmp_path, "add", ".")
    git(tmp_path, "commit", "-q", "-m", "First version of the reply", date="2024-01-01T10:00:00+00:00")
    (tmp_path / "README").write_text("not the reply\n", encoding="utf-8")
    git(tmp_path, "add", ".")
    git(tmp_path, "commit", "-q", "-m", "Unrelated change", date="2024-01-15T10:00:00+00:00")
    (tmp_path / "docs" / "reply.md").write_text("Second text.\n", encoding="utf-8")
    git(tmp_path, "commit", "-q", "-am", "Fix a typo in the reply", "-m", "Spelling only.",
        date="2024-02-01T10:00:00+00:00")
    return tmp_path


def test_the_published_feed_is_valid_atom(built_site):
    entries = atom_entries((built_site / "feed.xml").read_text(encoding="utf-8"))
    for entry in entries:
        assert entry.find(f"{A}link").get("href") == site_url()


@needs_git
def test_two_commits_to_the_reply_give_two_entries_newest_first(history):
    commits = file_history(history, "docs/reply.md")
    assert [c.subject for c in commits] == ["Fix a typo in the reply", "First version of the reply"]
    text = atom_feed(commits, "https://example.org/", "A site", "https://example.org/repo", FALLBACK)
    entries = atom_entries(text)
    assert [e.find(f"{A}title").text for e in entries] == ["Fix a typo in the reply", "First version of the reply"]
    assert entries[0].find(f"{A}id").text == f"https://example.org/repo/commit/{commits[0].sha}"
    assert entries[0].find(f"{A}updated").text == "2024-02-01T10:00:00+00:00"
    assert "Spelling only." in entries[0].find(f"{A}summary").text
    assert ET.fromstring(text).find(f"{A}updated").text == "2024-02-01T10:00:00+00:00"


@needs_git
def test_the_history_follows_the_reply_when_it_is_renamed(history):
    git(history, "mv", "docs/reply.md", "docs/the-reply.md")
    git(history, "commit", "-q", "-m", "Rename the source", date="2024-03-01T10:00:00+00:00")
    assert len(file_history(history, "docs/the-reply.md")) == 3


def test_without_git_history_the_feed_is_valid_and_empty(tmp_path, monkeypatch):
    monkeypatch.setenv("GIT_CEILING_DIRECTORIES", str(tmp_path.parent))
    assert file_history(tmp_path, "docs/reply.md") == []
    text = atom_feed([], "https://example.org/", "A site", None, FALLBACK)
    assert atom_entries(text) == []
    assert ET.fromstring(text).find(f"{A}updated").text == FALLBACK


def test_without_git_at_all_the_history_is_empty(tmp_path, monkeypatch):
    def missing(*args, **kwargs):
        raise FileNotFoundError("git")
    monkeypatch.setattr(history_module.subprocess, "run", missing)
    assert file_history(tmp_path, "docs/reply.md") == []


def test_entry_ids_without_a_repository_are_stable_uuids():
    commits = parse_log("a" * 40 + "\x1f2024-01-01T00:00:00Z\x1fSubject\x1f\x1e\n")
    first = atom_feed(commits, "https://example.org/", "A site", None, FALLBACK)
    assert first == atom_feed(commits, "https://example.org/", "A site", None, FALLBACK)
    assert ET.fromstring(first).find(f"{A}entry/{A}id").text.startswith("urn:uuid:")


def test_a_project_without_git_still_builds_with_an_empty_feed(tmp_path):
    site = build_copy(tmp_path)
    assert atom_entries((site / "feed.xml").read_text(encoding="utf-8")) == []
    assert (site / "index.html").exists() and (site / "reply.json").exists()


def test_pages_link_to_the_feed(built_site):
    html = (built_site / "question-7" / "index.html").read_text(encoding="utf-8")
    assert '<link rel="alternate" type="application/atom+xml"' in html and 'href="../feed.xml"' in html
