"""Read a tagged PDF back as a screen reader does, with pdfminer.six: its structure tree, the text
each structure element marks on the page, its links, metadata and fonts."""

from __future__ import annotations

import io
from dataclasses import dataclass, field

from pdfminer.high_level import extract_text
from pdfminer.pdfdevice import PDFDevice
from pdfminer.pdfdocument import PDFDocument
from pdfminer.pdfinterp import PDFPageInterpreter, PDFResourceManager
from pdfminer.pdfpage import PDFPage
from pdfminer.pdfparser import PDFParser
from pdfminer.pdftypes import PDFObjRef, resolve1
from pdfminer.utils import decode_text


class MarkedText(PDFDevice):
    """The text of each marked-content sequence of a page, by its MCID."""

    def __init__(self, resources: PDFResourceManager):
        super().__init__(resources)
        self.open: list[int | None] = []
        self.texts: dict[int, str] = {}

    def begin_tag(self, tag, props=None) -> None:
        mcid = props.get("MCID") if isinstance(props, dict) else None
        self.open.append(mcid)
        if mcid is not None:
            self.texts.setdefault(mcid, "")  # some mark no text at all

    def end_tag(self) -> None:
        self.open.pop()

    def render_string(self, textstate, seq, ncs, graphicstate) -> None:
        mcid = next((mcid for mcid in reversed(self.open) if mcid is not None), None)
        font = textstate.font
        text = "".join(font.to_unichr(cid) for part in seq if isinstance(part, bytes) for cid in font.decode(part))
        if mcid is not None:
            self.texts[mcid] += text


INLINE = ("Span", "Link", "NonStruct")  # the structure types that do not end a block of text


@dataclass
class Element:
    """A structure element: its type ("P", "H2", "Link"…), and its kids in reading order, each an
    element, the text of a marked-content sequence, or an annotation (a dict)."""

    kind: str
    kids: list = field(default_factory=list)

    def elements(self, kind: str) -> list[Element]:
        """Every element of that type below this one (itself included), in reading order."""
        found = [self] if self.kind == kind else []
        return found + [e for kid in self.kids if isinstance(kid, Element) for e in kid.elements(kind)]

    def texts(self, leave_out: tuple[str, ...] = ()) -> list[tuple[tuple[str, ...], str]]:
        """Every piece of text below, in reading order, with the types of the elements it is in (this
        one first), but for the elements whose type is in `leave_out`. The text is as the page has
        it (its spaces included); a block (any element but Span, Link, NonStruct) ends with a space."""
        pieces = []
        for kid in self.kids:
            if isinstance(kid, str):
                pieces.append(((self.kind,), kid))
            elif isinstance(kid, Element) and kid.kind not in leave_out:
                pieces += [((self.kind, *kinds), text) for kinds, text in kid.texts(leave_out)]
        return pieces + ([] if self.kind in INLINE else [((self.kind,), " ")])

    @property
    def text(self) -> str:
        return "".join(text for _, text in self.texts()).strip()

    @property
    def annotations(self) -> list[dict]:
        return [kid for kid in self.kids if isinstance(kid, dict)]


class TaggedPdf:
    def __init__(self, data: bytes):
        self.data = data
        self.document = PDFDocument(PDFParser(io.BytesIO(data)))
        self.catalog = self.document.catalog
        self.pages = list(PDFPage.create_pages(self.document))
        resources = PDFResourceManager()
        self.marked: dict[tuple[int, int], str] = {}
        for page in self.pages:
            device = MarkedText(resources)
            PDFPageInterpreter(resources, device).process_page(page)
            self.marked.update({(page.pageid, mcid): text for mcid, text in device.texts.items()})

    def structure(self) -> Element:
        """The structure tree from its root (a page's margins are left out of it: they are no content)."""
        return self.element(resolve1(self.catalog["StructTreeRoot"]), None)

    def element(self, node: dict, page: int | None) -> Element:
        kind = node["S"].name if "S" in node else "StructTreeRoot"
        page = node["Pg"].objid if isinstance(node.get("Pg"), PDFObjRef) else page
        kids = resolve1(node.get("K", []))
        element = Element(kind)
        for kid in kids if isinstance(kids, list) else [kids]:
            kid = resolve1(kid)
            if isinstance(kid, int):
                element.kids.append(self.marked[(page, kid)])
            elif kid.get("Type") and kid["Type"].name == "OBJR":
                element.kids.append(resolve1(kid["Obj"]))
            elif kid.get("Type") and kid["Type"].name == "MCR":
                element.kids.append(self.marked[(resolve1(kid["Pg"]).objid if "Pg" in kid else page, kid["MCID"])])
            else:
                element.kids.append(self.element(kid, page))
        return element

    def page_text(self, number: int | None = None) -> str:
        """The text of a page (from 0; None: of every page) as laid out, tags or not, on one line."""
        pages = None if number is None else [number]
        return " ".join(extract_text(io.BytesIO(self.data), page_numbers=pages).split())

    def info(self, name: str) -> str:
        return decode_text(resolve1(self.document.info[0][name]))

    def destination_page(self, name: str) -> int:
        """The number (from 1) of the page a named destination leads to."""
        target = resolve1(self.document.get_dest(name.encode()))
        page = (target["D"] if isinstance(target, dict) else target)[0]
        return [p.pageid for p in self.pages].index(page.objid) + 1

    def fonts(self) -> dict[str, dict]:
        """Every font the pages use: name -> its descriptor."""
        fonts = {}
        for page in self.pages:
            for font in resolve1(page.resources.get("Font", {})).values():
                font = resolve1(font)
                descendant = resolve1(resolve1(font["DescendantFonts"])[0]) if "DescendantFonts" in font else font
                fonts[font["BaseFont"].name] = resolve1(descendant["FontDescriptor"])
        return fonts
