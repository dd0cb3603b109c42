"""Properties of the importer over many generated replies (hypothesis).

1. A well-formed reply, whatever its quotation marks, links and Unicode punctuation,
   and however often a page break cut a paragraph mid-sentence, comes back with the
   same title, preamble, questions, quotes and replies.
2. Any text at all is either imported, keeping every word in order, or refused
   with a SourceError; no other exception escapes.
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

ROOT = Path(__file__).resolve().parents[1]
try:
    import reply_site  # noqa: F401
except ImportError:
    sys.path.insert(0, str(ROOT / "scripts"))

from reply_site.errors import SourceError  # noqa: E402
from reply_site.importer import import_reply  # noqa: E402

SETTINGS = settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
PLAIN = ["model", "data", "art", "copies", "Stability", "AI", "naïve", "œuvre", "Zoë", "works", "LAION-5B"]
INNER = PLAIN + ["e.g.", "et al.", "U.S.", "don’t", "model's", "AI’s", "–", "—", "«bien»", "(sic)",
                 "*emphasis*", "_under_", "…", "50%", "#1", "日本"]
URLS = ["https://arxiv.org/abs/2301.13188", "https://example.org/a/report.html",
        "https://storage.googleapis.com/openimages/web/index.html",
        "https://en.wikipedia.org/wiki/Fair_use_(law)", "https://doi.org/10.1/xyz"]
PAIRS = [("“", "”"), ('"', '"'), ('"', "”")]  # curly, straight, mixed


@st.composite
def sentence(draw, links=False) -> list[str]:
    words = draw(st.lists(st.sampled_from(INNER), max_size=6)) + [draw(st.sampled_from(PLAIN))]
    if links and draw(st.booleans()):
        url = draw(st.sampled_from(URLS))
        form = draw(st.sampled_from(["(<{}>)", "<{}>", "{}"]))
        words.insert(draw(st.integers(0, len(words))), form.format(url))
    return words[:-1] + [words[-1] + draw(st.sampled_from([".", "!", "?", ":", "…"]))]


@st.composite
def prose(draw, links=False) -> list[str]:
    return [w for s in draw(st.lists(sentence(links), min_size=1, max_size=3)) for w in s]


@st.composite
def quotation(draw) -> list[str]:
    opening, closing = draw(st.sampled_from(PAIRS))
    words = draw(prose())
    if draw(st.booleans()):  # a nested quotation, possibly with the same glyphs
        inner_open, inner_close = draw(st.sampled_from(PAIRS))
        words.insert(draw(st.integers(1, len(words))), inner_open + draw(st.sampled_from(PLAIN)) + inner_close)
    words[0] = opening + words[0]
    return words + [closing] if draw(st.booleans()) else words[:-1] + [words[-1] + closing]


@st.composite
def reply(draw) -> list[str]:
    words = draw(prose(links=True))
    if draw(st.booleans()):  # the reply begins by quoting a phrase
        opening, closing = draw(st.sampled_from(PAIRS))
        phrase = draw(st.lists(st.sampled_from(PLAIN), min_size=1, max_size=4))
        phrase[0], phrase[-1] = opening + phrase[0], phrase[-1] + closing
        words = phrase + words
    return words


@st.composite
def document(draw):
    """(raw text, expected parts); parts are the paragraphs' words joined by spaces."""
    title = draw(st.lists(st.sampled_from(PLAIN), min_size=1, max_size=5))
    preamble = draw(st.lists(prose(), max_size=2))
    numbers = draw(st.lists(st.lists(st.integers(1, 12), min_size=1, max_size=3), min_size=1, max_size=4))
    questions = [[".".join(map(str, n)) + "."] + draw(prose()) for n in numbers]
    rebuttals = draw(st.lists(st.tuples(quotation(), st.lists(reply(), min_size=1, max_size=3)),
                              min_size=1, max_size=4))
    paragraphs = [title, *preamble, *questions] + [p for q, rs in rebuttals for p in [q, *rs]]
    raw = [" ".join(title)] + [draw(broken(p)) for p in paragraphs[1:]]
    expected = {"title": " ".join(title), "preamble": [" ".join(p) for p in preamble],
                "questions": [" ".join(q) for q in questions],
                "rebuttals": [(" ".join(q), [" ".join(r) for r in rs]) for q, rs in rebuttals]}
    return "\n\n".join(raw) + draw(st.sampled_from(["", "\n", "\n\n\n"])), expected


@st.composite
def broken(draw, words: list[str]) -> str:
    """The paragraph as exported: lines wrapped, maybe indented, maybe cut by a page break
    between two plain words (so mid-sentence, and not before a quotation)."""
    gaps = [i for i in range(1, len(words)) if words[i - 1] in PLAIN and words[i] in PLAIN]
    cuts = set(draw(st.lists(st.sampled_from(gaps), max_size=2))) if gaps else set()
    indent = draw(st.sampled_from(["", "    ", "\t"]))
    text = indent + words[0]
    for i, word in enumerate(words[1:], start=1):
        text += "\n\n" + indent if i in cuts else draw(st.sampled_from([" ", " ", "\n" + indent]))
        text += word
    return text


def parse(markdown: str) -> dict:
    front, body = markdown.split("\n---\n", 1)
    meta = yaml.safe_load(front.removeprefix("---\n"))
    blocks = body.strip("\n").split("\n\n")
    parsed = {"title": blocks[0].removeprefix("# "), "preamble": [], "questions": [], "rebuttals": []}
    for block in blocks[1:]:
        if block.startswith("## "):
            parsed["questions"].append(block[3:])
        elif block.startswith("<!-- rebuttal: "):
            parsed["rebuttals"].append(None)
        elif block.startswith("> ") and parsed["rebuttals"] and parsed["rebuttals"][-1] is None:
            parsed["rebuttals"][-1] = (block[2:], [])
        elif parsed["rebuttals"]:
            parsed["rebuttals"][-1][1].append(block)
        else:
            parsed["preamble"].append(block)
    assert parsed["title"].startswith(meta["title"])
    return parsed


def without_links(value):
    """Words other than links and citation keys (which replace each other)."""
    if isinstance(value, str):
        return " ".join(w for w in value.split() if "://" not in w and "[@" not in w)
    if isinstance(value, (list, tuple)):
        return [without_links(v) for v in value]
    return {k: without_links(v) for k, v in value.items()}


@SETTINGS
@given(document())
def test_a_well_formed_reply_comes_back_whole(generated):
    raw, expected = generated
    result = import_reply(raw, "generated.txt")
    assert without_links(parse(result.markdown)) == without_links(expected)
    assert "://" not in " ".join(r for _, rs in parse(result.markdown)["rebuttals"] for r in rs)


MARKERS = {"#", "##", ">"}
PIECES = ["Title", "word", "7.", "7.1.", '5"', " ", " ", "\n", "\n\n", "\n\n", "“", "”", '"', "’", "'", ".", ":",
          "?", ",", "…", "et al.", "J.", "*", "_", "#", "> ", "—", "(", ")", "\t", "\r\n", "\r", "\ufeff",
          "\x0c", "\x85", "\u2028", "\uffff", "(<https://a.org/x>)", "https://b.org/y.", "<https://c.org>"]


def words(text: str) -> list[str]:
    return [w for w in text.split() if w not in MARKERS and "://" not in w and "[@" not in w]


SCRAPS = st.lists(st.sampled_from(PIECES), max_size=12).map("".join)
# Scraps on one line with quotation marks only in pairs.
INLINE = st.lists(st.sampled_from([p for p in PIECES if not set(p) & set("\n\r“”\"")] + ["“word”", '"word"']),
                  max_size=12).map("".join)
QUOTED = st.tuples(st.sampled_from(["“", '"']), SCRAPS, st.sampled_from(["”", '"', ' "'])).map("".join)
NUMBERED = SCRAPS.map("7.1. {}".format)
REBUTTAL = st.tuples(INLINE.map("“{}”".format), st.lists(INLINE.map("word {}".format), min_size=1, max_size=2))
SKELETON = st.tuples(INLINE.map("Title {}".format), st.lists(INLINE.map("7.1. {}".format), min_size=1, max_size=3),
                     st.lists(REBUTTAL, min_size=1, max_size=3))
# Scraps of text, alone, in paragraphs, or in the shape of a reply, so that many get far.
ANY_TEXT = st.one_of(
    st.lists(st.sampled_from(PIECES), max_size=60).map("".join),
    st.lists(st.one_of(SCRAPS, QUOTED, NUMBERED), max_size=10).map("\n\n".join),
    SKELETON.map(lambda s: "\n\n".join([s[0], *s[1], *(p for q, rs in s[2] for p in [q, *rs])])),
)


@SETTINGS
@given(ANY_TEXT)
def test_any_text_is_imported_with_every_word_in_order_or_refused_with_a_source_error(text):
    try:
        result = import_reply(text, "fuzz.txt")
    except SourceError as error:
        assert error.problems and all(p.path == "fuzz.txt" and p.line >= 1 for p in error.problems)
        return
    _, body = result.markdown.split("\n---\n", 1)
    body = re.sub(r"(?m)^<!-- rebuttal: [a-z0-9-]+ -->$", "", body)
    assert words(body) == words(text.removeprefix("\ufeff"))
    parse(result.markdown)
