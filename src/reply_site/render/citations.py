"""Citations `[@key]` in the reply, numbered by first citation and rendered as links to the references."""

from __future__ import annotations

from ..model import CITATION, Reply
from ..source.bibliography import Reference
from ..text import escape_link_title


class Citer:
    """Numbers references by first citation and turns `[@key]` into links."""

    def __init__(self, reply: Reply, references: dict[str, Reference]):
        self.reply = reply
        self.references = references
        self.number = {key: index for index, key in enumerate(reply.cited_keys(), start=1)}

    def cited(self) -> list[Reference]:
        return [self.references[key] for key in self.number]

    def link(self, key: str, page: str = "references.md") -> str:
        reference = self.references[key]
        return (f'[\\[{self.number[key]}\\]]({page}#ref-{key} "{escape_link_title(reference.text)}")'
                '{ .citation }')

    def render(self, text: str, page: str = "references.md") -> str:
        """Markdown text with its citations as numbered links to the references page (`page`: its file, as
        linked from where the text is written)."""
        return CITATION.sub(lambda m: "".join(self.link(k.strip().lstrip("@"), page) for k in m.group(1).split(";")),
                            text)
