"""The changelog page and each page's "text last changed" date come from the history of
docs/reply.md: every change to the words is listed, word by word, newest first."""

from __future__ import annotations

import os
import shutil
import subprocess

import pytest

from conftest import ROOT
from reply_site.render.changelog import changelog_page, word_diff
from reply_site.source.history import last_changed, text_history


def commit(repo, message, date):
    env = {**os.environ, "GIT_AUTHOR_DATE": date, "GIT_COMMITTER_DATE": date}
    git = ["git", "-C", str(repo), "-c", "user.name=Editor", "-c", "user.email=editor@example.org"]
    subprocess.run([*git, "add", "-A"], check=True, env=env)
    subprocess.run([*git, "commit", "-qm", message], check=True, env=env)


def edit(path, old, new):
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


@pytest.fixture(scope="module")
def repo(tmp_path_factory):
    """A repository whose reply went through four edits."""
    repo = tmp_path_factory.mktemp("repo")
    subprocess.run(["git", "init", "-q", str(repo)], check=True)
    (repo / "docs").mkdir()
    source = repo / "docs" / "reply.md"
    shutil.copy(ROOT / "docs" / "reply.md", source)
    commit(repo, "Publish the reply", "2024-01-10T12:00:00+00:00")
    edit(source, "a juice blend", "a smoothie")
    commit(repo, "Fix a word, with the author's sign-off", "2024-02-01T12:00:00+00:00")
    (repo / "notes.txt").write_text("not the reply")
    commit(repo, "Unrelated change", "2024-02-15T12:00:00+00:00")
    text = source.read_text(encoding="utf-8")
    block = text[text.index("<!-- rebuttal: models-as-creative-tools -->"):text.index("## 8.4.")]
    source.write_text(text.replace(block, "") + "\n" + block, encoding="utf-8")
    commit(repo, "Group the last passage under 8.4", "2024-03-01T12:00:00+00:00")
    edit(source, "<!-- rebuttal: knowledge-is-generalizable -->",
         "<!-- rebuttal: generalizable-knowledge (was: knowledge-is-generalizable) -->")
    commit(repo, "Rename a rebuttal id", "2024-04-01T12:00:00+00:00")
    return repo


def test_every_change_to_the_text_is_listed_newest_first(repo):
    history = text_history(repo)
    assert [r.commit.subject for r in history] == [
        "Group the last passage under 8.4", "Fix a word, with the author's sign-off", "Publish the reply"]
    moved, = history[0].changes
    assert (moved.what, moved.rebuttal_id, moved.question) == (
        "moved from question 7.2", "models-as-creative-tools", "8.4")
    fixed, = history[1].changes
    assert (fixed.what, fixed.rebuttal_id) == ("reply changed", "models-do-not-store-works")
    assert history[2].changes[0].what == "published with 6 rebuttals"


def test_a_renamed_id_is_not_a_change_to_the_text(repo):
    assert "Rename a rebuttal id" not in [r.commit.subject for r in text_history(repo)]


def test_each_page_knows_when_its_text_last_changed(repo):
    assert last_changed(text_history(repo)) == {
        "8.4": "2024-03-01", "7.2": "2024-03-01", "home": "2024-01-10", "7": "2024-01-10", "7.1": "2024-01-10",
        "reply": "2024-03-01"}  # any of the reply's text: the one-page view and the PDF


def test_the_changelog_page_shows_the_words_that_changed(repo):
    page = changelog_page(text_history(repo), "https://github.com/owner/repo").body
    assert page.index("Group the last passage") < page.index("Fix a word") < page.index("Publish the reply")
    assert "<del>juice blend.</del> <ins>smoothie.</ins>" in page
    assert "https://github.com/owner/repo/commit/" in page


def test_word_diff_keeps_context_and_marks_both_sides():
    before = "a b c d e f g h i j k l m n o p thirteen fourteen"
    diff = word_diff(before, before.replace("thirteen", "13"))
    assert diff == "… k l m n o p <del>thirteen</del> <ins>13</ins> fourteen"


def test_without_history_the_changelog_says_so(tmp_path):
    assert text_history(tmp_path) == []
    assert "No history is available" in changelog_page([], None).body
