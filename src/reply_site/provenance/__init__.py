"""From the record to this site: the reply exactly as received compared, word by word, with the
text the site publishes. Engine-free: the build calls `check_provenance` (its problems fail the
build) and writes `provenance_page` as `record.md`, with the record beside it byte for byte.

Modules, one job each: `words` (a paragraph as words, its marks as anchors and emphasis),
`record` (the record's paragraphs and lines), `published` (the site's text from the model),
`revisions` (the declared revisions: loading and applying), `alignment` (the two sets of words
side by side), `editorial` (the changes the comparison recognises), `differences` (everything
else, as problems), `compare` (all of it, in order), `site_notes` (what the site adds around the
words) and `page` (the page).
"""

from __future__ import annotations

from pathlib import Path

from ..errors import SourceError
from ..model import Reply
from .changes import Comparison
from .compare import compare
from .page import DESCRIPTION, PAGE_FILE, RECORD_FILE, TITLE, provenance_page
from .record import Record, read_record
from .revisions import REVISIONS, Revision, load_revisions, parse_revisions

__all__ = ["DESCRIPTION", "PAGE_FILE", "RECORD_FILE", "REVISIONS", "TITLE", "Comparison", "Record", "Revision",
           "check_provenance", "compare", "load_revisions", "parse_revisions", "provenance_page", "read_record"]


def check_provenance(root: Path, reply: Reply) -> tuple[Record, Comparison] | None:
    """The project's record and its comparison with `reply`; None for a project without a record
    (a test or benchmark copy). Problems are in the comparison; SourceError when the record cannot be read."""
    if not (root / RECORD_FILE).exists():
        return None
    record = read_record(root / RECORD_FILE, RECORD_FILE)
    try:
        revisions = load_revisions(root / REVISIONS, REVISIONS)
    except SourceError as error:  # comparing without them would only report what they declare
        return record, Comparison(reply, record.path, problems=error.problems)
    return record, compare(record.text, record.path, reply, revisions)
