"""The changelog page: every change to the reply's text, newest first, word by word."""

from __future__ import annotations

import difflib
from html import escape

from ..source.history import Change, Revision
from ..text import escape_markdown
from .pages import Page

CONTEXT = 6  # words shown around a change


def word_diff(before: str, after: str) -> str:
    """The words that changed, with a little context, as HTML with <del> and <ins>."""
    old, new = before.split(), after.split()
    parts = []
    for tag, i1, i2, j1, j2 in difflib.SequenceMatcher(a=old, b=new, autojunk=False).get_opcodes():
        if tag == "equal":
            words = old[i1:i2]
            if len(words) > 2 * CONTEXT:
                words = (words[:CONTEXT] if parts else []) + ["…"] + words[-CONTEXT:]
            parts.append(escape(" ".join(words)))
        else:
            if i2 > i1:
                parts.append(f"<del>{escape(' '.join(old[i1:i2]))}</del>")
            if j2 > j1:
                parts.append(f"<ins>{escape(' '.join(new[j1:j2]))}</ins>")
    text = " ".join(parts)
    return text[:-2] if text.endswith(" …") else text


def change_item(change: Change) -> str:
    where = ""
    if change.rebuttal_id:
        where = f"question {escape(change.question)}, <code>{escape(change.rebuttal_id)}</code>: "
    detail = ""
    if change.before and change.after:
        detail = f'<br><span class="word-diff">{word_diff(change.before, change.after)}</span>'
    elif change.after or change.before:
        detail = f'<br><span class="word-diff">{escape(" ".join((change.after or change.before).split()[:25]))}…</span>'
    return f"<li>{where}{escape(change.what)}{detail}</li>"


def changelog_page(revisions: list[Revision], repo_url: str | None) -> Page:
    parts = ["# Changelog of the text\n",
             "Every change made to the reply's text, newest first, read from the repository's history of "
             "`docs/reply.md`: nothing on this site is edited silently. Follow new changes with the "
             "[Atom feed](feed.xml).\n"]
    if not revisions:
        parts.append("No history is available in this copy of the source.\n")
    for revision in revisions:
        commit = revision.commit
        link = f" ([{commit.sha[:10]}]({repo_url.rstrip('/')}/commit/{commit.sha}))" if repo_url else ""
        parts.append(f"## {commit.date[:10]}: {escape_markdown(commit.subject)} {{ #change-{commit.sha[:10]} }}\n")
        parts.append(f"Commit `{commit.sha[:10]}`{link}.\n")
        parts.append("<ul>\n" + "\n".join(change_item(change) for change in revision.changes) + "\n</ul>\n")
    return Page("Changelog", "\n".join(parts),
                "Every change to the text of the reply since it was published, newest first.")
