"""The importer's rules, one at a time: sentence ends, quotation marks, indentation,
joins, questions, quotations in a row, the respondent, citation keys, rebuttal ids and
the internal word check."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from reply_site.errors import SourceError
from reply_site.importer import import_reply
from reply_site.importer.canonical import front_title, rebuttal_id, yaml_string
from reply_site.importer.citations import base_key
from reply_site.importer.indentation import Indentation, describe
from reply_site.importer.joins import ending, rejoin
from reply_site.importer.paragraphs import split_paragraphs
from reply_site.importer.passages import Verdict, judge
from reply_site.importer.quotes import shape
from reply_site.importer.respondent import find_respondent
from reply_site.importer.wordcheck import check_words

ROOT = Path(__file__).resolve().parents[1]


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


def rejoined(text: str):
    paragraphs = split_paragraphs(text)
    return rejoin(paragraphs, Indentation(text, paragraphs))


def joins_of(text: str) -> list[str]:
    _, notes = rejoined(text)
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
    paragraphs, _ = rejoined("Title.\n\n  one\ttwo  \n three\n\n\n four.\n")
    assert [p.text for p in paragraphs] == ["Title.", "one\ttwo three four."]


def test_a_paragraph_is_never_joined_to_a_numbered_one_that_follows():
    assert joins_of("Title.\n\nIt ends with (<https://a.org>)\n\n2. A question?") == [
        "line 3 + line 5: kept apart although line 3 ends mid-sentence: line 5 is numbered "
        "(a question, or an item of a list)."]


# --- Indentation ---------------------------------------------------------------------

def indentation_of(text: str) -> tuple[Indentation, list]:
    paragraphs = split_paragraphs(text)
    return Indentation(text, paragraphs), paragraphs


@pytest.mark.parametrize("lead, words", [
    ("", "none"), ("    ", "4 spaces"), ("\t", "1 tab"), ("\t\t", "2 tabs"), ("  \t", "1 tab and 2 spaces"),
])
def test_indentation_is_described_in_spaces_and_tabs(lead, words):
    assert describe(lead) == words


def test_a_paragraph_is_as_indented_as_its_least_indented_line_and_the_least_of_all_is_common():
    indentation, paragraphs = indentation_of(
        "  Title.\n\n\tA first-line indent\nis no indentation.\n\n\t\tA quote\n\t\tindented on every line.\n\n"
        "        7. Numbered paragraphs do not count.\n")
    assert indentation.common == "" and indentation.decides
    assert [indentation.indented(p) for p in paragraphs] == [True, False, True, True]


def test_a_common_indentation_of_every_paragraph_is_no_indentation():
    indentation, paragraphs = indentation_of("Title.\n\n\tA reply.\n\n\t“A quote.”\n\n\tAnother reply.\n")
    assert indentation.common == "\t" and not indentation.decides
    assert not any(indentation.indented(p) for p in paragraphs[1:])
    assert "quotation marks decide, as no paragraph is indented" in indentation.rule()


def test_indentation_decides_unless_fewer_paragraphs_are_indented_than_quoted_without_it():
    kept, _ = indentation_of("Title.\n\n  A passage.\n\nA reply.\n\n“A quotation in a reply.”\n")
    assert kept.decides and kept.rule().startswith("indentation decides: a paragraph indented more than")
    lost, _ = indentation_of("Title.\n\n  A stray space.\n\n“One.”\n\n“Two.”\n")
    assert not lost.decides and lost.rule().startswith("quotation marks decide: only 1 paragraph(s) are indented")


@pytest.mark.parametrize("text, verdict", [
    # Indentation decides (a reply and three passages before, two of them in quotation marks):
    ("\t“Indented, in marks.”", (True, "indented: 1 tab; in quotation marks as well", False)),  # 3 of 4 marked
    ("\tIndented, no marks.", (True, "indented: 1 tab", False)),  # 2 of 4 are marked: not most
    ("\t“A phrase” then more.", (True, "indented: 1 tab; but it begins with a quoted phrase, closed on line 11 "
                                       "before the end of the paragraph, as a reply may", True)),
    ("Not indented.", (False, "not indented", False)),
    ("“Not indented, in marks.”", (False, "not indented; but a whole quotation in quotation marks, as a passage "
                                         "would be", True)),
])
def test_where_indentation_decides_quotation_marks_only_confirm_it(text, verdict):
    indentation, paragraphs = indentation_of(f"Title.\n\nA reply.\n\n\t“One.”\n\n\t“Two.”\n\n\tThree.\n\n{text}")
    found = judge(paragraphs[-1], indentation)
    assert (found.quote, found.why, found.flagged) == verdict


def test_an_indented_paragraph_without_quotation_marks_is_flagged_where_most_have_them():
    indentation, paragraphs = indentation_of("Title.\n\nA reply.\n\n\t“One.”\n\n\t“Two.”\n\n\tThree.\n")
    assert indentation.marked
    assert judge(paragraphs[-1], indentation) == Verdict(
        True, "indented: 1 tab; but not in quotation marks, unlike most indented paragraphs", True)


def test_a_page_break_inside_an_indented_quote_is_repaired_and_one_before_it_is_not():
    text = "Title.\n\nThe reply ends with\n\n    A passage cut by\n\n    a page break.\n"
    paragraphs, notes = rejoined(text)
    assert [p.text for p in paragraphs] == ["Title.", "The reply ends with", "A passage cut by a page break."]
    assert notes[:-1] == [
        "line 3 + line 5: kept apart although line 3 ends mid-sentence: line 5 is indented and line 3 is not.",
        "line 5 + line 7: joined: ends mid-sentence (“A passage cut by”)."]


def test_indented_passages_without_quotation_marks_are_quotes():
    result = import_reply("Title.\n\n1. Question?\n\n\tA passage.\n\nA reply.\n", "in.txt")
    assert "> A passage.\n\nA reply.\n" in result.markdown
    assert "line 5: quote (indented: 1 tab)." in result.report


# --- Questions and quotations in a row ------------------------------------------------

def test_quotations_in_a_row_are_one_quotation_of_several_paragraphs():
    result = import_reply("Title.\n\n1. Question?\n\n“One.”\n\n“Two.”\n\nA reply.\n", "in.txt")
    assert result.markdown.endswith("> “One.”\n>\n> “Two.”\n\nA reply.\n")
    assert "quote of 2 paragraphs in a row on lines 5, 7, reply on line(s) 9." in result.report


def placed(text: str) -> list[str]:
    """The headings and rebuttal quotes of the imported text, in order."""
    markdown = import_reply(text, "in.txt").markdown
    return [line for line in markdown.split("\n") if line.startswith(("## ", "> "))]


def test_a_question_between_passages_is_a_heading_when_it_keeps_the_order_of_the_inquiry():
    text = ("Title.\n\n7. Q?\n\n“A.”\n\nReply:\n\n1. an item;\n\n2. another.\n\n7.1. Q?\n\n“B.”\n\nReply.\n\n"
            "“C.”\n\nReply.\n")
    assert placed(text) == ["## 7. Q?", "> “A.”", "## 7.1. Q?", "> “B.”", "> “C.”"]
    report = import_reply(text, "in.txt").report
    assert "!! line 11: reply (numbered, but 2 is not listed at the top, nor above question 7 before it" in report
    assert "grouping: author" in import_reply(text, "in.txt").markdown


def test_a_question_listed_and_asked_again_has_one_heading_and_its_words_counted_once():
    text = "Title.\n\n1. Q one?\n\n2. Q two?\n\n1. Q one?\n\n“A.”\n\nReply.\n\n2. Q two?\n\n“B.”\n\nReply.\n"
    result = import_reply(text, "in.txt")
    assert placed(text) == ["## 1. Q one?", "> “A.”", "## 2. Q two?", "> “B.”"]
    assert result.counted_once == (3, 5)
    assert "line 3: question 1 (the same words as on line 7, where its one heading stands" in result.report


def test_when_every_listed_question_is_asked_again_the_last_keeps_its_heading_for_the_first_passages():
    text = ("Title.\n\n1. Q one?\n\n2. Q two?\n\n“A.”\n\nReply.\n\n1. Q one?\n\n“B.”\n\nReply.\n\n"
            "2. Q two?\n\n“C.”\n\nR.\n")
    result = import_reply(text, "in.txt")
    assert placed(text) == ["## 2. Q two?", "> “A.”", "## 1. Q one?", "> “B.”", "> “C.”"]
    assert ("!! line 17: question 2 (the same words as on line 5, where its one heading stands, so they are "
            "counted once; the passages after it stand under question 1, the heading before it: move them under "
            "question 2 if they answer it).") in result.report


# --- The respondent ------------------------------------------------------------------

@pytest.mark.parametrize("note, name", [
    ("Indented texts are quotes from Stability AI.", "Stability AI"),
    ("Indented texts are quotes from Example Corp. Unindented texts are my replies.", "Example Corp"),
    ("In this reply, indented texts are quotes from Example Corp; the others are mine.", "Example Corp"),
    ("Quotations from Example Corp’s comment are indented.", "Example Corp"),
    ("Indented: quotes from ACME (the company).", "ACME"),
    ("Some quotes from it are discussed here.", ""),  # not a name
    ("Indented texts are the company’s words.", ""),  # no format note: never guessed
])
def test_the_respondent_is_read_from_the_format_note(note, name):
    found = find_respondent(tuple(split_paragraphs(note)))
    assert found.name == name
    assert found.report[0].startswith("!! not found" if not name else f"{name}, from the format note on line 1")


def test_format_notes_that_disagree_leave_the_respondent_to_the_reviewer():
    found = find_respondent(tuple(split_paragraphs("Quotes from One Inc.\n\nQuotes from Two Inc.")))
    assert found.name == "" and found.report[0].startswith(
        "!! not decided: the format notes disagree (line 1 names One Inc; line 3 names Two Inc).")


def test_the_respondent_goes_into_the_front_matter_as_yaml():
    result = import_reply("Title.\n\nQuotes from Example: The Firm #1.\n\n1. Q?\n\n“A.”\n\nR.\n", "in.txt")
    front = yaml.safe_load(result.markdown.split("---\n")[1])
    assert front["respondent"] == "Example"  # the clause ends at the colon
    result = import_reply("Title.\n\nQuotes from Firm #1 Ltd.\n\n1. Q?\n\n“A.”\n\nR.\n", "in.txt")
    assert 'respondent: "Firm #1 Ltd"\n' in result.markdown


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
