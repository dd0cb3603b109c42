"""What the reply's Markdown renders to: only the HTML that the source format needs reaches a page.

`markdown_policy` reads the Markdown as written; this reads what Python-Markdown makes of it,
with the extensions the site's pages are built with, so that a construct the regular expressions
miss (a link whose address is on the next line, an attribute list without a colon, a line of
'=' that makes a heading, a notice box of the theme) cannot reach a page.

Each passage that a page renders (the title, a paragraph of the preamble, of a quote, of a reply)
is rendered on its own, with the reference definitions (`[1]: url`) of every passage, since a
page resolves `[text][1]` from anywhere on it, and each citation `[@key]` as the site's link to
the references page. The maintained sanitizer nh3 (ammonia) then keeps only this allowlist:

- tags p, em, strong, a, img, and ul, ol, li: the author's numbered and bulleted lines, which
  the importer keeps as lists; and h1 for the title, which the home page shows as its heading;
- attributes href on a (http, https, mailto or a relative address, not `//host`), src and alt
  on img (a relative path: the site's own file), id on the title's h1 (its anchor);
- no comment: the rebuttal marker is a block of its own, and it is not rendered.

Whatever nh3 removes is a problem at the passage's line, or where the source shows it. A passage
that renders as something the format does not have is told so once per construct (a table, a
rule); its attributes and addresses are told once it renders as the format's markup only.
"""

from __future__ import annotations

import functools
import re
from collections import Counter
from dataclasses import dataclass
from html.parser import HTMLParser

import markdown
import nh3

from ..errors import Problem
from ..model import CITATION
from .markdown_policy import IMAGE_HINT, LINK_HINT, as_browsers_read, image_problem, link_problem

# As in mkdocs.yml (markdown_extensions): toc without the permalinks it adds to headings.
EXTENSIONS = ["admonition", "attr_list", "md_in_html", "tables", "toc", "pymdownx.details", "pymdownx.superfences"]
TAGS = {"p", "em", "strong", "a", "img", "ul", "ol", "li"}
ATTRIBUTES = {"*": set(), "a": {"href"}, "img": {"src", "alt"}}  # "*": none of ammonia's lang and title
URL_SCHEMES = {"http", "https", "mailto"}
COMMENT = "!--"  # how a comment, a declaration or a processing instruction is counted
CONSTRUCTS = [  # tags, what they are, where the source shows them (a pattern over a line), what to do
    ({"h1", "h2", "h3", "h4", "h5", "h6"}, "a heading", r"^ {0,3}(?:#|=+ *$|-+ *$)",
     "a line starting with '#', or a line of '=' or '-' under text, makes a heading; "
     "the only headings are the title and the questions"),
    ({"hr"}, "a horizontal rule", r"^ {0,3}([-*_])(?: *\1){2,} *$", "a line of three '-', '*' or '_' draws a rule"),
    ({"blockquote"}, "a quote inside a paragraph", r"^ {0,3}>",
     "a quote is a block of its own, after the rebuttal marker; put a blank line before it"),
    ({"table", "thead", "tbody", "tr", "th", "td"}, "a table", r"\|", "lines with '|' make a table"),
    ({"div", "details", "summary"}, "a box of the theme", r"^ {0,3}(?:!!!|\?\?\?|\[TOC\])",
     "'!!!', '???' and '[TOC]' make boxes of the site's theme"),
    ({"code", "pre"}, "code", r"`", "text between backticks is shown as code: remove the backticks"),
    ({"br"}, "a line break", r" {2,}$", "two spaces at the end of a line make a line break: remove them"),
    ({COMMENT}, "an HTML comment", r"<!--", "the only comment is the rebuttal marker, on a line of its own"),
]


@dataclass(frozen=True)
class Passage:
    """Markdown that a page renders, the line it starts on, and whether it is the reply's `# ` title."""

    text: str
    line: int
    title: bool = False

    @property
    def last_line(self) -> int:
        return self.line + self.text.count("\n")


class Found(HTMLParser):
    """Every tag, attribute and comment of some HTML, as (tag, attribute, value) and (tag, None, None)."""

    def __init__(self, html: str):
        super().__init__(convert_charrefs=True)
        self.items: list[tuple[str, str | None, str | None]] = []
        self.feed(html)
        self.close()

    def handle_starttag(self, tag, attrs):
        self.items += [(tag, None, None)] + [(tag, name, value) for name, value in attrs]

    def handle_comment(self, data):
        self.items.append((COMMENT, None, None))

    handle_decl = handle_pi = unknown_decl = handle_comment


def on_the_site(tag: str, attribute: str, value: str) -> str | None:
    """nh3's last say on an attribute it allows: an image's source and a link's address stay on the site."""
    if tag == "img" and attribute == "src":
        return None if image_problem(value) else value
    return None if attribute == "href" and as_browsers_read(value).startswith("//") else value


def refused(html: str, title: bool) -> Counter:
    """What nh3 removes from the HTML: (tag, attribute, value) and (tag, None, None) items."""
    tags, attributes = (TAGS | {"h1"}, {**ATTRIBUTES, "h1": {"id"}}) if title else (TAGS, ATTRIBUTES)
    cleaned = nh3.clean(html, tags=tags, attributes=attributes, url_schemes=URL_SCHEMES, attribute_filter=on_the_site,
                        link_rel=None, strip_comments=True)
    return Counter() if cleaned == html else Counter(Found(html).items) - Counter(Found(cleaned).items)


def with_citation_links(text: str) -> str:
    """The text with its citations as the site's links to the references page (`Citer.render`, without titles)."""
    return CITATION.sub(lambda m: "".join(f"[\\[{n}\\]](references.md#ref-{key.strip().lstrip('@')})"
                                          for n, key in enumerate(m.group(1).split(";"), start=1)), text)


def rendered(renderer: markdown.Markdown, text: str, references: dict) -> str:
    renderer.reset()
    renderer.references.update(references)
    return renderer.convert(with_citation_links(text))


@functools.lru_cache(maxsize=65536)  # a live preview checks the same passages again on every save
def refused_in(text: str, title: bool, references: tuple) -> Counter:
    """What nh3 removes from one passage's HTML, given the reference definitions of all of them."""
    return refused(rendered(renderer(), text, dict(references)), title)


@functools.cache
def renderer() -> markdown.Markdown:
    return markdown.Markdown(extensions=EXTENSIONS)


def check_passages(passages: list[Passage], lines: list[str], path: str) -> list[Problem]:
    """Problems in what the passages render to; `lines` are the file's, to tell where each one is."""
    references: dict = {}
    for passage in passages:  # every reference definition ('[1]: url'), as a page has them
        if "]:" in passage.text:
            rendered(renderer(), passage.text, {})
            references.update(renderer().references)
    known = tuple(sorted(references.items()))
    problems = []
    for passage in passages:
        problems += problems_of(Counter(refused_in(passage.text, passage.title, known)), passage, lines, path)
    return problems


def problems_of(removed: Counter, passage: Passage, lines: list[str], path: str) -> list[Problem]:
    """One problem per construct a passage renders as; else one per attribute or address refused."""
    tags = [tag for tag, attribute, _ in removed if attribute is None]  # in the order of the HTML
    problems = []

    def add(message: str, hint: str, pattern: str, everywhere: bool = False) -> None:
        line, column = where(pattern, passage, lines, everywhere)
        problems.append(Problem(path, line, message, column, hint))

    for construct_tags, name, pattern, hint in CONSTRUCTS:
        if found := [tag for tag in tags if tag in construct_tags]:
            add(f"renders as {name} (<{found[0]}>), which the source format does not allow", hint, pattern)
    for tag in dict.fromkeys(tag for tag in tags if not any(tag in construct[0] for construct in CONSTRUCTS)):
        add(f"renders as <{tag}>, which the source format does not allow", "write plain paragraphs", re.escape(tag))
    if tags:
        return problems
    for tag, attribute, value in sorted(removed, key=str):
        if (tag, attribute) in (("a", "href"), ("img", "src")):
            message = link_problem(value) if tag == "a" else image_problem(value)
            add(message or f"address '{value}' is not allowed", IMAGE_HINT if tag == "img" else LINK_HINT,
                re.escape(value), everywhere=True)
        else:
            hint = ("remove the title in quotes after the address" if attribute == "title" else
                    "remove the braces '{ ... }' after the text: attribute lists are not allowed in the source")
            add(f"renders with the attribute '{attribute}' on <{tag}>, which is not allowed", hint,
                re.escape(attribute) + "|" + re.escape(value or attribute))
    return problems


def where(pattern: str, passage: Passage, lines: list[str], everywhere: bool) -> tuple[int, int]:
    """The line and column where the pattern is first found in the passage (or, `everywhere`, in the
    file: a reference definition can be anywhere), else the passage's first line."""
    ranges = [range(passage.line, passage.last_line + 1)] + ([range(1, len(lines) + 1)] if everywhere else [])
    for numbers in ranges:
        for number in numbers:
            if match := re.search(pattern, lines[number - 1]):
                return number, match.start() + 1
    return passage.line, 1
