"""An Atom feed of the changes to the reply's text, one entry per commit that changed it."""

from __future__ import annotations

import uuid
import xml.etree.ElementTree as ET

from ..addresses import absolute
from ..source.history import Commit

ATOM = "http://www.w3.org/2005/Atom"


def entry_id(commit: Commit, repo_url: str | None) -> str:
    """The commit's page in the repository when there is one, else a UUID derived from its hash."""
    if repo_url:
        return repo_url.rstrip("/") + "/commit/" + commit.sha
    return "urn:uuid:" + str(uuid.uuid5(uuid.NAMESPACE_OID, "git-commit:" + commit.sha))


def element(parent: ET.Element, tag: str, text: str | None = None, **attributes: str) -> ET.Element:
    child = ET.SubElement(parent, f"{{{ATOM}}}{tag}", attributes)
    if text is not None:
        child.text = text
    return child


def atom_feed(commits: list[Commit], site_url: str, title: str, repo_url: str | None, fallback_updated: str) -> str:
    """The feed as XML text. `fallback_updated` (ISO 8601) dates a feed that has no entries."""
    ET.register_namespace("", ATOM)
    feed = ET.Element(f"{{{ATOM}}}feed")
    element(feed, "id", absolute(site_url, "feed.xml"))
    element(feed, "title", f"Changes to the text of the reply: {title}")
    element(feed, "subtitle", "Every change to the reply's source text, docs/reply.md, newest first.")
    element(feed, "updated", commits[0].date if commits else fallback_updated)
    element(feed, "link", rel="self", type="application/atom+xml", href=absolute(site_url, "feed.xml"))
    element(feed, "link", rel="alternate", type="text/html", href=absolute(site_url, ""))
    element(element(feed, "author"), "name", title)
    for commit in commits:
        entry = element(feed, "entry")
        element(entry, "id", entry_id(commit, repo_url))
        element(entry, "title", commit.subject or f"Change {commit.sha[:12]}")
        element(entry, "updated", commit.date)
        element(entry, "link", rel="alternate", type="text/html", href=absolute(site_url, ""))
        if repo_url:
            element(entry, "link", rel="related", href=entry_id(commit, repo_url))
        summary = commit.body or commit.subject
        element(entry, "summary", f"{summary}\n\n(commit {commit.sha[:12]})".strip())
    ET.indent(feed)
    return ET.tostring(feed, encoding="unicode", xml_declaration=True) + "\n"
