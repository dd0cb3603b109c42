#!/usr/bin/env python3
"""Take the README's pictures of a built site: two link-preview cards as a chat app shows them
(500 px wide), a rebuttal with its share control in the light and dark schemes, the whole reply on
one page, and the first page of reply.pdf.

    scripts/screenshots.py [--site site] [--out .github/readme]

The site must be built first (`make site`). Pictures are taken in Debian's chromium; the PDF's
page is drawn by pdftoppm (Debian's poppler-utils).
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

from PIL import Image

from reply_site.local_host import LocalServer

ROOT = Path(__file__).resolve().parents[1]
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync"]
CARDS = ("models-do-not-store-works", "generative-ai-as-a-student")
REBUTTAL = ("question-7-2/", "models-do-not-store-works")
CHAT_WIDTH = 500


def cards(site: Path, out: Path) -> None:
    for rebuttal in CARDS:
        card = Image.open(site / "assets" / "cards" / "r" / f"{rebuttal}.png")
        card.resize((CHAT_WIDTH, round(card.height * CHAT_WIDTH / card.width)), Image.LANCZOS).save(
            out / f"card-{rebuttal}.png", optimize=True)


def pages(site: Path, out: Path) -> None:
    from playwright.sync_api import sync_playwright

    server = LocalServer()
    server.serve(site)
    base = f"http://127.0.0.1:{server.server_address[1]}/"
    try:
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=shutil.which("chromium"), args=CHROMIUM_ARGS)
            for scheme in ("light", "dark"):
                context = browser.new_context(viewport={"width": 900, "height": 640}, color_scheme=scheme,
                                              permissions=["clipboard-read", "clipboard-write"])
                page = context.new_page()
                page.goto(base + REBUTTAL[0])
                page.locator(f"#{REBUTTAL[1]} + .rebuttal .share-button").click()  # it says what it copied
                page.locator(f"#{REBUTTAL[1]}").scroll_into_view_if_needed()
                page.evaluate(f"window.scrollBy(0, document.getElementById('{REBUTTAL[1]}')"
                              ".getBoundingClientRect().top - 70)")
                page.wait_for_timeout(400)
                page.screenshot(path=out / f"share-control-{scheme}.png")
            page = browser.new_page(viewport={"width": 1100, "height": 900})
            page.goto(base + "whole-reply/")
            page.wait_for_timeout(400)
            page.screenshot(path=out / "whole-reply.png")
            browser.close()
    finally:
        server.stop()


def first_pdf_page(site: Path, out: Path) -> None:
    if shutil.which("pdftoppm") is None:
        raise SystemExit("pdftoppm is missing: apt-get install poppler-utils")
    with tempfile.TemporaryDirectory() as folder:
        subprocess.run(["pdftoppm", "-png", "-r", "70", "-f", "1", "-l", "1", str(site / "reply.pdf"),
                        str(Path(folder) / "page")], check=True)
        Image.open(next(Path(folder).glob("page*.png"))).save(out / "pdf-first-page.png", optimize=True)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--site", type=Path, default=ROOT / "site")
    parser.add_argument("--out", type=Path, default=ROOT / ".github" / "readme")
    args = parser.parse_args(argv)
    if not (args.site / "index.html").is_file():
        raise SystemExit(f"{args.site} holds no built site: run `make site` first")
    args.out.mkdir(parents=True, exist_ok=True)
    cards(args.site, args.out)
    pages(args.site, args.out)
    first_pdf_page(args.site, args.out)
    print(f"pictures written to {args.out}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
