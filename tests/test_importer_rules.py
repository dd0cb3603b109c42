"""The importer's rules, one at a time: sentence ends, quotation marks, joins,
citation keys, rebuttal ids and the internal word check."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
import yaml

ROOT = Path(__file__).resolve().parents[1]
try:
    import reply_site  # noqa: F401
except ImportError:
    sys.path.insert(0, str(ROOT / "scripts"))

from reply_site.errors import SourceError  # noqa: E402
from reply_site.importer import import_reply  # noqa: E402
from reply_site.importer.canonical import front_title, rebuttal_id, yaml_string  # noqa: E402
from reply_site.importer.citations import base_key  # noqa: E402
from reply_site.importer.joins import ending, rejoin  # noqa: E402
from reply_site.importer.paragraphs import split_paragraphs  # noqa: E402
from reply_site.importer.quotes import shape  # noqa: E402
from reply_site.importer.wordcheck import check_words  # noqa: E402


@pytest.mark.parametrize("text, verdict", [
    ("It ends here.", ("end", ".")),
    ("Does it?", ("end", "?")),
    ("As follows:", ("end", ":")),
    ("And so…", ("end", "…")),
    ("He said “stop.”", ("end", ".")),           # closing marks are looked through
    ("(As shown.)", ("end", ".")),                # and so are brackets
    ("It is *important.*", ("end", ".")),         # and Markdown emphasis
    ("Made in the U.S.", ("end", ".")),           # two initials end a sentence
    ("as shown by Carlini *et al.*", ("abbreviation", "et al.")),
    ("tools, e.g.", ("abbreviation", "e.g.")),
    ("see p.", ("abbreviation", "p.")),
    ("see Fig.", ("abbreviation", "Fig.")),
    ("written by J.", ("abbreviation", "J.")),
    ("images that look like they can fit", ("open", "…like they can fit")),  # its last words, for the report
    ("a list,", ("open", "a list,")),
])
def test_a_paragraph_ends_a_sentence_unless_its_last_word_says_otherwise(text, verdict):
    assert ending(text) == verdict


@pytest.mark.parametrize("text, kind", [
    ("“A curly quotation.”", "quote"),
    ('"A straight quotation."', "quote"),
    ('"Opened straight, closed curly.”', "quote"),
    ("“Nested “same glyph” quotation.”", "quote"),
    ('"Nested "straight" marks."', "quote"),
    ('"The closing mark after a space. "', "quote"),
    ("“Curly, closing after a space. ”", "quote"),
    ("“A quoted phrase” opening a reply.", "phrase"),
    ("“A phrase” and a “closing phrase”", "phrase"),
    ("“Open and not closed", "open"),
    ("A reply with a “quoted” word.", "none"),
    ("’Single marks’ are not quotation marks.", "none"),
    ("Stability AI’s model's output.", "none"),
])
def test_a_paragraph_is_a_quotation_when_the_mark_closing_its_first_mark_ends_it(text, kind):
    assert shape(text).kind == kind


def joins_of(text: str) -> list[str]:
    _, notes = rejoin(split_paragraphs(text))
    return notes[:-1]  # the last line only counts the breaks kept


def test_a_quotation_still_open_continues_in_the_next_paragraph():
    assert joins_of("Title.\n\n“Open quote,\n\nclosed here.”") == [
        "line 3 + line 5: joined: quote still open (opened on line 3)."]


def test_a_paragraph_ending_mid_sentence_continues_unless_a_new_quotation_follows():
    assert joins_of("Title.\n\nIt ends with\n\nthe rest.") == [
        "line 3 + line 5: joined: ends mid-sentence (“It ends with”)."]
    assert joins_of("Title.\n\nIt ends with\n\n“A quote.”") == [
        "line 3 + line 5: kept apart although line 3 ends mid-sentence: the next paragraph opens a new quotation."]
    # A reply that only begins with a quoted phrase is not a new quotation.
    assert joins_of("Title.\n\nIt ends with\n\n“a phrase” and more.") == [
        "line 3 + line 5: joined: ends mid-sentence (“It ends with”)."]


def test_a_complete_quotation_is_never_continued_even_without_a_sentence_end():
    assert joins_of("Title.\n\n“Models are like students”\n\nThey are not.") == [
        "line 3 + line 5: kept apart although line 3 ends mid-sentence: it is a complete quotation."]


def test_the_title_and_numbered_list_items_are_never_joined():
    assert joins_of("A title without a period\n\n1. First item\n\n2. Second item") == [
        "line 1 + line 3: kept apart: the title is never continued.",
        "line 3 + line 5: kept apart: both are numbered items of a list."]


def test_lines_of_a_paragraph_and_joined_parts_are_joined_with_one_space():
    paragraphs, _ = rejoin(split_paragraphs("Title.\n\n  one\ttwo  \n three\n\n\n four.\n"))
    assert [p.text for p in paragraphs] == ["Title.", "one\ttwo three four."]


@pytest.mark.parametrize("url, key", [
    ("https://arxiv.org/abs/2301.13188", "arxiv-2301-13188"),
    ("https://arxiv.org/pdf/2301.13188v3.pdf", "arxiv-2301-13188"),
    ("https://storage.googleapis.com/openimages/web/index.html", "openimages"),
    ("https://doi.org/10.1145/3442188.3445922", "doi-10-1145-3442188-3445922"),
    ("https://github.com/CompVis/stable-diffusion", "github-compvis-stable-diffusion"),
    ("https://laion.ai/blog/laion-aesthetics/", "laion-aesthetics"),
    ("https://en.wikipedia.org/wiki/Fair_use", "wikipedia-fair-use"),
    ("https://www.bbc.co.uk/news/technology-1234", "bbc-technology-1234"),
    ("https://example.com", "example"),
])
def test_citation_keys_are_readable_words_taken_from_the_url(url, key):
    assert base_key(url) == key


REPLY = "Title.\n\n1. Question?\n\n“Quote.”\n\n{reply}\n"


def test_links_in_replies_become_unique_keys_and_parentheses_go_with_them():
    reply = ("See (<https://a.org/x/report>), https://a.org/y/report. and "
             "<https://a.org/x/report> (https://en.wikipedia.org/wiki/Fair_use_(law)).")
    result = import_reply(REPLY.format(reply=reply), "in.txt")
    assert result.markdown.endswith(
        "See [@a-report], [@a-report-2]. and [@a-report] [@wikipedia-fair-use-law].\n")
    assert list(result.keys.values()) == ["a-report", "a-report-2", "wikipedia-fair-use-law"]
    assert "@misc{wikipedia-fair-use-law,\n  url = {https://en.wikipedia.org/wiki/Fair_use_(law)},\n" \
           "  note = {TODO: complete this entry}\n}\n" in result.bibtex


def test_links_in_quotations_are_the_commenters_words_and_stay():
    result = import_reply("Title.\n\n1. Question?\n\n“See https://a.org.”\n\nNo.\n", "in.txt")
    assert "> “See https://a.org.”" in result.markdown and not result.keys and result.bibtex == ""


def test_rebuttal_ids_are_slugs_of_the_first_five_words_made_unique():
    used: set[str] = set()
    assert rebuttal_id("“Recent AI models are “generative” AI.”", used) == "recent-ai-models-are-generative"
    assert rebuttal_id("“Recent AI models are “generative” too.”", used) == "recent-ai-models-are-generative-2"
    assert rebuttal_id("“Café – déjà vu, naïve.”", used) == "cafe-deja-vu-naive"
    assert rebuttal_id("“…”", used) == "quote"


def test_the_front_matter_title_drops_one_trailing_period_and_is_valid_yaml():
    assert front_title("Reply on 7, 7.1 and 8.4.") == "Reply on 7, 7.1 and 8.4"
    assert front_title("Reply…") == "Reply…"
    tricky = 'A "title" with \\ a backslash, a tab\tand: a colon'
    assert yaml.safe_load(f"title: {yaml_string(tricky)}") == {"title": tricky}


def test_the_word_check_fails_when_a_word_is_lost():
    text = "Title.\n\n1. Question?\n\n“Quote.”\n\nA reply.\n"
    markdown = import_reply(text, "in.txt").markdown
    with pytest.raises(SourceError, match=r"in.txt:7:1: internal check failed: the word 'reply.'"):
        check_words(text, markdown.replace("A reply.", "A"), [], set(), "in.txt")
    with pytest.raises(SourceError, match="a word that is not in the input: 'more'"):
        check_words(text, markdown + "more\n", [], set(), "in.txt")
