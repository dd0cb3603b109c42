"""Properties of the importer over many generated replies (hypothesis).

1. A well-formed reply, whatever its quotation marks, indentation (spaces, tabs, both,
   over a common indentation), links and Unicode punctuation, however its questions are
   laid out (listed at the top, placed between the passages, or both), with quotations
   of one paragraph or several in a row, and however often a page break cut a paragraph
   mid-sentence, comes back with the same title, preamble, questions, quotes and replies,
   each rebuttal under the question the author put it under.
2. Any text at all is either imported, keeping every word in order (a question asked
   again in the same words counts once), or refused with a SourceError; no other
   exception escapes.
"""

from __future__ import annotations

import re
from pathlib import Path

import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from reply_site.errors import SourceError
from reply_site.importer import import_reply

ROOT = Path(__file__).resolve().parents[1]

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


NOTE = "Indented texts are quotes from Example Corp."
COMMON = ["", "  "]  # the indentation of every reply paragraph
DEEPER = ["    ", "\t", "  \t", "\t  "]  # what a quotation adds to it, where indentation tells them
STYLES = ["marks", "indented", "indented and marks"]
LAYOUTS = ["listed", "placed", "repeated"]  # questions listed at the top, between passages, or both


@st.composite
def numbers(draw) -> list[str]:
    """Distinct question numbers in the order of the inquiry: "3.", "3.1.", "7.2.1."."""
    found = draw(st.lists(st.lists(st.integers(1, 12), min_size=1, max_size=3).map(tuple),
                          min_size=1, max_size=4, unique=True))
    return [".".join(map(str, number)) + "." for number in sorted(found)]


@st.composite
def rebuttal(draw, style: str) -> tuple[list[list[str]], list[list[str]]]:
    """A quotation of one paragraph or more in a row, and the replies to it."""
    passage = prose() if style == "indented" else quotation()
    return draw(st.lists(passage, min_size=1, max_size=3)), draw(st.lists(reply(), min_size=1, max_size=3))


@st.composite
def sections(draw, asked: list[list[str]], style: str) -> list[tuple[list[list[str]], list]]:
    """The questions, each run of them followed by its rebuttals, as one of LAYOUTS lays them out."""
    layout = draw(st.sampled_from(LAYOUTS))
    rebuttals = st.lists(rebuttal(style), min_size=1, max_size=3)
    if layout == "listed":
        return [(asked, draw(rebuttals))]
    if layout == "repeated":  # all listed, then each asked again above its passages
        return [(asked + asked[:1], draw(rebuttals))] + [([q], draw(rebuttals)) for q in asked[1:]]
    listed = draw(st.integers(1, len(asked)))
    runs = [(asked[:listed], draw(rebuttals))]
    for question in asked[listed:]:
        if len(runs) == 1 or draw(st.booleans()):
            runs.append(([], draw(rebuttals)))
        runs[-1][0].append(question)
    return runs


@st.composite
def document(draw):
    """(raw text, expected parts); parts are the paragraphs' words joined by spaces."""
    style = draw(st.sampled_from(STYLES))
    common = draw(st.sampled_from(COMMON))
    title = draw(st.lists(st.sampled_from(PLAIN), min_size=1, max_size=5))
    note = draw(st.booleans())
    preamble = [NOTE.split()] * note + draw(st.lists(prose(), max_size=2))
    asked = [[number] + draw(prose()) for number in draw(numbers())]
    runs = draw(sections(asked, style))

    def lead(kind: str) -> str:
        if kind == "quote" and style != "marks":
            return common + draw(st.sampled_from(DEEPER))
        return draw(st.sampled_from(COMMON + DEEPER)) if kind == "question" else common

    paragraphs = [(title, draw(st.sampled_from(COMMON + DEEPER)))] + [(p, lead("text")) for p in preamble]
    expected = {"title": " ".join(title), "preamble": [" ".join(p) for p in preamble], "questions": [],
                "rebuttals": [], "respondent": "Example Corp" if note else None,
                "grouping": "author" if len(runs) > 1 else "editorial"}
    for questions, rebuttals in runs:
        paragraphs += [(q, lead("question")) for q in questions]
        for quote, replies in rebuttals:
            paragraphs += [(p, lead("quote")) for p in quote] + [(r, lead("text")) for r in replies]
            expected["rebuttals"].append((questions[-1][0].rstrip("."), [" ".join(p) for p in quote],
                                          [" ".join(r) for r in replies]))
    expected["questions"] = [" ".join(q) for q in asked]
    raw = [paragraphs[0][1] + " ".join(title)] + [draw(broken(words, indent)) for words, indent in paragraphs[1:]]
    return "\n\n".join(raw) + draw(st.sampled_from(["", "\n", "\n\n\n"])), expected


@st.composite
def broken(draw, words: list[str], indent: str) -> str:
    """The paragraph as exported: lines wrapped, each indented by `indent`, maybe cut by a page
    break between two plain words (so mid-sentence, and not before a quotation)."""
    gaps = [i for i in range(1, len(words)) if words[i - 1] in PLAIN and words[i] in PLAIN]
    cuts = set(draw(st.lists(st.sampled_from(gaps), max_size=2))) if gaps else set()
    text = indent + words[0]
    for i, word in enumerate(words[1:], start=1):
        text += "\n\n" + indent if i in cuts else draw(st.sampled_from([" ", " ", "\n" + indent]))
        text += word
    return text


def parse(markdown: str) -> dict:
    """The parts of the canonical Markdown; each rebuttal as (number of the question above
    it, quote paragraphs, replies)."""
    front, body = markdown.split("\n---\n", 1)
    meta = yaml.safe_load(front.removeprefix("---\n"))
    blocks = body.strip("\n").split("\n\n")
    parsed = {"title": blocks[0].removeprefix("# "), "preamble": [], "questions": [], "rebuttals": [],
              "respondent": meta["respondent"], "grouping": meta["grouping"]}
    for block in blocks[1:]:
        if block.startswith("## "):
            parsed["questions"].append(block[3:])
        elif block.startswith("<!-- rebuttal: "):
            parsed["rebuttals"].append(None)
        elif block.startswith("> ") and parsed["rebuttals"] and parsed["rebuttals"][-1] is None:
            number = parsed["questions"][-1].split()[0].rstrip(".")
            parsed["rebuttals"][-1] = (number, [p.removeprefix("> ") for p in block.split("\n>\n")], [])
        elif parsed["rebuttals"]:
            parsed["rebuttals"][-1][2].append(block)
        else:
            parsed["preamble"].append(block)
    assert parsed["title"].startswith(meta["title"])
    return parsed


def without_links(value):
    """Words other than links and citation keys (which replace each other)."""
    if isinstance(value, str) or value is None:
        return value and " ".join(w for w in value.split() if "://" not in w and "[@" not in w)
    if isinstance(value, (list, tuple)):
        return [without_links(v) for v in value]
    return {k: without_links(v) for k, v in value.items()}


@SETTINGS
@given(document())
def test_a_well_formed_reply_comes_back_whole(generated):
    raw, expected = generated
    result = import_reply(raw, "generated.txt")
    assert without_links(parse(result.markdown)) == without_links(expected)
    assert "://" not in " ".join(r for _, _, rs in parse(result.markdown)["rebuttals"] for r in rs)


MARKERS = {"#", "##", ">"}
PIECES = ["Title", "word", "7.", "7.1.", '5"', " ", " ", "\n", "\n\n", "\n\n", "“", "”", '"', "’", "'", ".", ":",
          "?", ",", "…", "et al.", "J.", "*", "_", "#", "> ", "—", "(", ")", "\t", "\r\n", "\r", "\ufeff",
          "\x0c", "\x85", "\u2028", "\uffff", "(<https://a.org/x>)", "https://b.org/y.", "<https://c.org>"]


def words(text: str) -> list[str]:
    return [w for w in text.split() if w not in MARKERS and "://" not in w and "[@" not in w]


def input_words(text: str, counted_once: tuple[int, ...] = ()) -> list[str]:
    """The words of an input, without the lines of questions asked again (their words stand once)."""
    lines = text.removeprefix("\ufeff").replace("\r\n", "\n").replace("\r", "\n").split("\n")
    return words("\n".join(line for number, line in enumerate(lines, start=1) if number not in counted_once))


SCRAPS = st.lists(st.sampled_from(PIECES), max_size=12).map("".join)
# Scraps on one line with quotation marks only in pairs.
INLINE = st.lists(st.sampled_from([p for p in PIECES if not set(p) & set("\n\r“”\"")] + ["“word”", '"word"']),
                  max_size=12).map("".join)
QUOTED = st.tuples(st.sampled_from(["“", '"']), SCRAPS, st.sampled_from(["”", '"', ' "'])).map("".join)
NUMBERED = SCRAPS.map("7.1. {}".format)


def indented(paragraph):
    """The paragraph, maybe indented with spaces, tabs or both."""
    return st.tuples(st.sampled_from(["", "", "  ", "\t", " \t"]), paragraph).map("".join)


QUESTION = st.tuples(st.sampled_from(["7.", "7.1.", "8.", "8.4."]), st.sampled_from(["", "Q?", "Q? {}"]),
                     INLINE).map(lambda q: f"{q[0]} {q[1].format(q[2])}")
PASSAGE = st.one_of(INLINE.map("“{}”".format), INLINE.map("word {}".format))
REBUTTAL = st.tuples(st.lists(indented(PASSAGE), min_size=1, max_size=3),
                     st.lists(indented(INLINE.map("word {}".format)), min_size=1, max_size=2))
# A title, questions, then rebuttals (quotations in a row, replies), some after questions of their own.
SKELETON = st.tuples(INLINE.map("Title {}".format), st.lists(indented(QUESTION), min_size=1, max_size=3),
                     st.lists(st.tuples(st.lists(indented(QUESTION), max_size=2), REBUTTAL), min_size=1, max_size=3))
# Scraps of text, alone, in paragraphs, or in the shape of a reply, so that many get far.
ANY_TEXT = st.one_of(
    st.lists(st.sampled_from(PIECES), max_size=60).map("".join),
    st.lists(st.one_of(SCRAPS, QUOTED, NUMBERED), max_size=10).map("\n\n".join),
    SKELETON.map(lambda s: "\n\n".join([s[0], *s[1], *(p for qs, (q, rs) in s[2] for p in [*qs, *q, *rs])])),
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
    assert words(body) == input_words(text, result.counted_once)
    parse(result.markdown)
