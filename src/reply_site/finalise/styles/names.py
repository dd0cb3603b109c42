"""The names a selector can require, and where they come from: the built pages (classes,
attributes, elements), and the theme's scripts, which create more of them later."""

from __future__ import annotations

import functools
import json
import re
from pathlib import Path

OPENING_TAG = re.compile(r"<(?P<tag>[a-zA-Z][a-zA-Z0-9-]*)(?P<attributes>[^>]*)>")
CLASSES = re.compile(r'\bclass="(?P<names>[^"]*)"')
ATTRIBUTE = re.compile(r'\s([a-zA-Z][a-zA-Z0-9_:-]*)(?:="([^"]*)")?')
# What a theme's script creates: in its sources, the names in its class attributes, class lists
# and attributes it sets, and the elements it writes as JSX; in a minified script, its strings.
SOURCE_CONTEXT = re.compile("class(?:Name)?=\\{?\\s*[`\"]([^`\"]*)[`\"]|class:\\s*[`\"]([^`\"]*)[`\"]"
                            "|classList\\.(?:add|toggle|remove)\\(([^)]*)\\)|[Aa]ttribute\\(\\s*\"([^\"]+)\"")
JSX_ELEMENT = re.compile(r"<([a-z][a-z0-9]*)[\s>/]")
STRING_LITERAL = re.compile(r""""([^"\\\n]{1,200})"|'([^'\\\n]{1,200})'|`([^`]{1,400})`""")
CLASS_LIKE = re.compile(r"[a-zA-Z][a-zA-Z0-9]*(?:(?:-|--|__)[a-zA-Z0-9]+)+")  # md-search-result__item
CREATE_ELEMENT = re.compile(r"""createElement(?:NS)?\((?:[^,)]*,\s*)?["'`]([a-z][a-z0-9]*)""")
NAME = re.compile(r"[a-zA-Z][a-zA-Z0-9_-]*")
CUSTOM_PROPERTY = re.compile(r"--[a-zA-Z][a-zA-Z0-9_-]*")
# Pseudo-classes of a state a page takes later (hovered, focused, checked, targeted…) and
# pseudo-elements: taken off before matching. Logical and structural ones (:is, :not, :first-child…) stay.
STATE = re.compile(r"::[a-zA-Z-]+(?:\([^()]*\))?|:(?:hover|focus|focus-visible|focus-within|active|checked|target|"
                   r"visited|link|any-link|disabled|enabled|indeterminate|placeholder-shown|invalid|valid|"
                   r"-webkit-[a-z-]+|-moz-[a-z-]+|before|after|first-letter|first-line|selection|marker|"
                   r"placeholder)(?![a-zA-Z-])")
FUNCTIONAL = re.compile(r":(?:is|where|not|has)\((?:[^()]|\([^()]*\))*\)")
TOKEN = re.compile(r"\.(?P<class>[a-zA-Z0-9_-]+)|\[(?P<attribute>[a-zA-Z0-9_:-]+)"
                   r"|(?:^|(?<=[\s>+~]))(?P<element>[a-zA-Z][a-zA-Z0-9-]*)")


def element_names(tag: str, attributes: str) -> set[str]:
    names = {tag.lower()} | {"[" + name.lower() for name, _ in ATTRIBUTE.findall(attributes)}
    classes = CLASSES.search(attributes)
    return names | {"." + name for name in classes["names"].split()} if classes else names


def page_names(html: str) -> set[str]:
    """What a page holds that selectors can require: '.class', '[attribute' and 'element' names."""
    return set().union(*(element_names(tag["tag"], tag["attributes"]) for tag in OPENING_TAG.finditer(html)))


def attribute_values(html: str) -> set[tuple[str, str]]:
    return {(name.lower(), value) for tag in OPENING_TAG.finditer(html)
            for name, value in ATTRIBUTE.findall(tag["attributes"])}


def script_names(scripts: list[Path]) -> tuple[set[str], set[str]]:
    """See names_in_scripts; read again only when a script changed (a live preview asks on every save)."""
    versions = tuple((str(script), *stamp(script), *stamp(script.with_name(script.name + ".map")))
                     for script in scripts)
    created, mentioned = names_in_scripts(versions)
    return set(created), set(mentioned)


def stamp(path: Path) -> tuple[int, int]:
    status = path.stat() if path.is_file() else None
    return (status.st_mtime_ns, status.st_size) if status else (0, 0)


@functools.lru_cache(maxsize=4)
def names_in_scripts(versions: tuple) -> tuple[frozenset[str], frozenset[str]]:
    """What the theme's scripts may create, and what they name at all (to find or fill it), as
    '.class', '[attribute' and 'element' names: read in their sources when a source map carries
    them; else, in the scripts' strings (the same names then for both: more of them)."""
    created: set[str] = set()
    mentioned: set[str] = set()
    for script in (Path(version[0]) for version in versions):
        source_map = script.with_name(script.name + ".map")
        sources = json.loads(source_map.read_text(encoding="utf-8")).get("sourcesContent") \
            if source_map.is_file() else None
        if sources:
            text = "\n".join(source for source in sources if source)
            strings = " ".join(part for match in STRING_LITERAL.findall(text) for part in match)
            mentioned |= as_names(strings) | {word.lower() for word in NAME.findall(strings)}
            created |= as_names(" ".join(part for match in SOURCE_CONTEXT.findall(text) for part in match))
            created |= set(JSX_ELEMENT.findall(text)) | set(CREATE_ELEMENT.findall(text))
        else:  # minified: every class-like word, every element it creates
            text = script.read_text(encoding="utf-8", errors="replace")
            created |= as_names(" ".join(CLASS_LIKE.findall(text))) | set(CREATE_ELEMENT.findall(text))
    return frozenset(created), frozenset(mentioned | created)


def as_names(words: str) -> set[str]:
    """Each word as the class or the attribute it may be."""
    return {name for word in NAME.findall(words) for name in ("." + word, "[" + word.lower())}


def names_of(text: str) -> set[str]:
    names = set()
    for token in TOKEN.finditer(text):
        if token["class"]:
            names.add("." + token["class"])
        elif token["attribute"]:
            names.add("[" + token["attribute"].lower())
        elif token["element"]:
            names.add(token["element"].lower())
    return names


def required_names(selector: str) -> set[str]:
    """The names a selector requires (not those in :is(), :not()… whose alternatives it weighs)."""
    return names_of(FUNCTIONAL.sub(" ", STATE.sub(" ", selector)))


def alternative_names(selector: str) -> set[str]:
    """The names in a selector's :is(), :where(), :not() and :has()."""
    return names_of(" ".join(FUNCTIONAL.findall(STATE.sub(" ", selector))))


TAG = re.compile(r"</?[a-zA-Z][a-zA-Z0-9-]*[^>]*>")
TAG_PARTS = re.compile(r"<(/?)([a-zA-Z][a-zA-Z0-9-]*)([^>]*)>")


def structure(html: str) -> set[str]:
    """What a page's structure offers selectors: each element's names, and each parent's with its
    child's (enough to tell pages apart whose elements nest differently)."""
    owns, pairs = set(), set()
    walk(html, [], owns, pairs)
    return kinds(owns, pairs)


def walk(html: str, stack: list[tuple[str, str]], owns: set[str], pairs: set[tuple[str, str]]) -> None:
    """The tags of `html` into `owns` (each element's names) and `pairs` (parent's and child's), in
    `stack` the elements open around them (name, names), as it stands after them."""
    for tag in TAG.findall(html):
        closing, name, own, contains = tag_kind(tag)
        if closing:
            while stack and stack.pop()[0] != name:
                pass
            continue
        owns.add(own)
        if stack:
            pairs.add((stack[-1][1], own))
        if contains:
            stack.append((name, own))


def kinds(owns: set[str], pairs: set[tuple[str, str]]) -> set[str]:
    return owns | {parent + " > " + child for parent, child in pairs}


def part_structure(html: str, within: tuple[tuple[str, str], ...]) -> set[str] | None:
    """What a part of a page offers selectors, inside the elements `within` (the stack `walk` left
    where the part goes); None unless the part closes exactly what it opens, as a page's own would."""
    owns, pairs, stack = set(), set(), list(within)
    walk(html, stack, owns, pairs)
    return kinds(owns, pairs) if stack == list(within) else None


@functools.lru_cache(maxsize=65536)  # the same tags recur in every page: header, footer, icons
def tag_kind(tag: str) -> tuple[bool, str, str, bool]:
    """Whether a tag ('<a href="x">', '</a>') closes an element, the element's name, its names as a
    selector sees them, and whether it holds others."""
    closing, tag_name, attributes = TAG_PARTS.match(tag).groups()
    name = tag_name.lower()
    if closing:
        return True, name, "", False
    own = " ".join(sorted(element_names(tag_name, attributes)))
    return False, name, own, name not in VOID and not attributes.rstrip().endswith("/")


VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}
