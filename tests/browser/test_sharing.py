"""Sharing one rebuttal, as a reader does it: press the rebuttal's "Copy link", paste the link where
a chat app unfurls it. The clipboard must hold the share page's address, and a real unfurler
(open-graph-scraper, tools/unfurl.mjs: like chat apps, it runs no script and follows no refresh)
must find the rebuttal's own preview there, in the author's words.
"""

from __future__ import annotations

import json
import re
import struct
import subprocess
import urllib.request

import pytest
from playwright.sync_api import expect

from browser.support import DEEP_LINK_ID, DEEP_LINK_PAGE, wait_for_the_theme
from conftest import ROOT
from reply_site.source.reply import load_reply
from reply_site.text import one_line

pytestmark = pytest.mark.browser

REPLY = load_reply(ROOT / "docs" / "reply.md", "docs/reply.md")
UNFURL = ROOT / "tools" / "unfurl.mjs"


def bar(page, rebuttal_id: str):
    """The bar of actions of a rebuttal: its link, and the buttons that copy or share it."""
    return page.locator(f"#{rebuttal_id} + .rebuttal .rebuttal-actions")


def unfurled(url: str) -> dict:
    if not (ROOT / "tools" / "node_modules" / "open-graph-scraper").is_dir():
        pytest.fail("open-graph-scraper is not installed: run `make test` (npm ci in tools/)", pytrace=False)
    result = subprocess.run(["node", str(UNFURL), url], capture_output=True, text=True, timeout=60)
    assert result.returncode == 0, result.stdout + result.stderr
    return json.loads(result.stdout)["result"]


def png_size(url: str) -> tuple[int, int]:
    with urllib.request.urlopen(url, timeout=10) as response:  # the local server: no other host
        data = response.read()
    assert data[:8] == b"\x89PNG\r\n\x1a\n", url
    return struct.unpack(">II", data[16:24])


@pytest.mark.parametrize("question", [q for q in REPLY.questions if q.rebuttals], ids=lambda q: q.slug)
def test_the_copied_link_of_every_rebuttal_unfurls_as_that_rebuttal_in_the_authors_words(page, site_url, question):
    page.goto(f"{question.slug}/")
    for rebuttal in question.rebuttals:
        actions = bar(page, rebuttal.id)
        actions.get_by_role("button", name=re.compile("^Copy link")).click()
        share_url = f"{site_url}r/{rebuttal.id}/"
        status = actions.get_by_role("status")
        expect(status).to_have_text(f"Link copied: {share_url}")
        assert page.evaluate("navigator.clipboard.readText()") == share_url

        preview = unfurled(share_url)
        reply = " ".join(one_line(p.text) for p in rebuttal.reply)
        title, description = preview["ogTitle"], preview["ogDescription"]
        assert reply.startswith(title.split("…")[0].split(" — ")[0]), title
        assert not title.startswith((REPLY.respondent, "Question")), title
        assert all(piece.strip() in reply for piece in description.split("…") if piece.strip()), description
        assert preview["ogUrl"] == share_url
        [image] = preview["ogImage"]
        assert png_size(image["url"]) == (1200, 630) and image["alt"]
        assert preview["twitterTitle"] == title and preview["twitterImage"][0]["alt"] == image["alt"]


def test_the_permalink_gives_the_same_address_as_copy_link(page, site_url):
    page.goto(DEEP_LINK_PAGE)
    permalink = page.locator(f"#{DEEP_LINK_ID} a.headerlink")
    expect(permalink).to_have_attribute("title", "Link to this rebuttal")
    link = bar(page, DEEP_LINK_ID).get_by_role("link", name="Link to this rebuttal")
    assert permalink.evaluate("a => a.href") == link.evaluate("a => a.href") == f"{site_url}r/{DEEP_LINK_ID}/"


def test_copy_link_works_from_the_keyboard_and_says_so_each_time(page, site_url):
    page.goto(DEEP_LINK_PAGE)
    button = bar(page, "knowledge-is-generalizable").get_by_role("button", name=re.compile("^Copy link"))
    button.focus()
    expect(button).to_be_focused()
    assert button.evaluate("el => getComputedStyle(el).outlineStyle") != "none", "no focus ring"
    page.keyboard.press("Enter")
    status = bar(page, "knowledge-is-generalizable").get_by_role("status")
    expect(status).to_have_attribute("aria-live", "polite")
    expect(status).to_contain_text("Link copied")
    assert page.evaluate("navigator.clipboard.readText()") == f"{site_url}r/knowledge-is-generalizable/"
    page.evaluate("navigator.clipboard.writeText('')")
    page.keyboard.press("Space")
    expect(status).to_contain_text("Link copied")
    assert page.evaluate("navigator.clipboard.readText()").endswith("/r/knowledge-is-generalizable/")


def test_copy_link_falls_back_to_a_copy_command_without_the_clipboard_api(page, site_url, context):
    page.add_init_script("Object.defineProperty(navigator, 'clipboard', {value: undefined})")
    page.goto(DEEP_LINK_PAGE)
    bar(page, DEEP_LINK_ID).get_by_role("button", name=re.compile("^Copy link")).click()
    expect(bar(page, DEEP_LINK_ID).get_by_role("status")).to_contain_text("Link copied")
    reader = context.new_page()
    reader.goto("")
    assert reader.evaluate("navigator.clipboard.readText()") == f"{site_url}r/{DEEP_LINK_ID}/"


SHARE_SHEET = """
    window.shared = [];
    navigator.canShare = () => true;
    navigator.share = data => { window.shared.push(data); return window.shareResult(); };
    window.shareResult = () => Promise.resolve();
"""


def test_a_device_with_a_share_sheet_is_offered_it_with_the_share_link(page, site_url):
    page.add_init_script(SHARE_SHEET)
    page.goto(DEEP_LINK_PAGE)
    share = bar(page, DEEP_LINK_ID).get_by_role("button", name=re.compile("^Share"))
    share.click()
    page.wait_for_function("window.shared.length === 1")
    assert page.evaluate("window.shared[0].url") == f"{site_url}r/{DEEP_LINK_ID}/"
    # Dismissing the sheet does nothing more; a sheet that fails copies the link instead.
    page.evaluate("() => { window.shareResult = () => Promise.reject(new DOMException('no', 'AbortError')); }")
    share.click()
    page.wait_for_function("window.shared.length === 2")
    expect(bar(page, DEEP_LINK_ID).get_by_role("status")).to_be_empty()
    page.evaluate("() => { window.shareResult = () => Promise.reject(new DOMException('no', 'NotAllowedError')); }")
    share.click()
    expect(bar(page, DEEP_LINK_ID).get_by_role("status")).to_contain_text("Link copied")
    assert page.evaluate("navigator.clipboard.readText()") == f"{site_url}r/{DEEP_LINK_ID}/"


def test_without_a_share_sheet_only_copy_link_is_offered(page):
    page.goto(DEEP_LINK_PAGE)  # headless Chromium on Linux has no navigator.share
    assert page.evaluate("typeof navigator.share") == "undefined"
    expect(bar(page, DEEP_LINK_ID).get_by_role("button")).to_have_count(1)


def test_a_followed_share_link_shows_the_rebuttal_at_the_share_address(page, site_url):
    """The address bar keeps the share link, so a reader who copies it from there shares the
    same preview; the rebuttal in context is one link away."""
    page.goto(DEEP_LINK_PAGE)
    bar(page, DEEP_LINK_ID).get_by_role("link", name="Link to this rebuttal").click()
    expect(page).to_have_url(f"{site_url}r/{DEEP_LINK_ID}/")
    expect(page.locator("article h1")).to_have_text(re.compile("Models learn behaviors"))
    expect(page.locator("article .author-reply")).to_contain_text("First of all")
    wait_for_the_theme(page)  # as a reader's next tap finds the page (a loaded machine once clicked too early)
    bar_here = page.locator(".rebuttal-actions")
    bar_here.get_by_role("button", name=re.compile("^Copy link")).click()
    assert page.evaluate("navigator.clipboard.readText()") == f"{site_url}r/{DEEP_LINK_ID}/"
    page.get_by_role("link", name="Read it in context").click()
    expect(page).to_have_url(re.compile(f"/{DEEP_LINK_PAGE}#{DEEP_LINK_ID}$"), timeout=10_000)
    expect(page.locator(":target")).to_have_id(DEEP_LINK_ID)  # the theme's navigation may set it a moment later


def expect_one_copy_button_per_rebuttal(page, title: str) -> None:
    expect(page.locator("article h1")).to_have_text(re.compile(title))
    expect(page.get_by_role("button", name=re.compile("^Copy link"))).to_have_count(
        page.locator("h2.rebuttal-heading").count())


def test_the_buttons_are_there_once_after_instant_navigation_between_pages(page):
    page.goto("")
    page.evaluate("window.stillTheSameDocument = true")  # gone if a link reloads the page
    page.locator("article table").get_by_role("link", name=re.compile(r"^7\.1\.")).click()
    expect_one_copy_button_per_rebuttal(page, "Question 7.1")
    assert page.evaluate("window.stillTheSameDocument") is True, "instant navigation was not used"
    page.get_by_role("link", name="Question 7.2", exact=True).first.click()
    expect_one_copy_button_per_rebuttal(page, "Question 7.2")
    page.go_back()
    expect_one_copy_button_per_rebuttal(page, "Question 7.1")
    page.go_forward()
    expect_one_copy_button_per_rebuttal(page, "Question 7.2")
    assert page.evaluate("window.stillTheSameDocument") is True
