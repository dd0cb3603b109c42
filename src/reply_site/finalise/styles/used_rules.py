"""Which rules of a set of stylesheets a site uses, worked out on its built pages."""

from __future__ import annotations

import re

import cssselect2
import tinycss2
import tinyhtml5

from .names import CUSTOM_PROPERTY, STATE, alternative_names, attribute_values, page_names, required_names

ATTRIBUTE_VALUE = re.compile(r"\[([a-zA-Z0-9_:-]+)\s*[~|^$*]?=\s*([^\]\s]*)\s*\]")
VARIABLE = re.compile(r"var\(\s*(--[a-zA-Z0-9_-]+)")
ANIMATION = re.compile(r"animation(?:-name)?\s*:\s*([^;}]*)")


class UsedRules:
    """The selectors of `stylesheets` that match `pages` as built (`matched`), and those that can
    only match what the theme's scripts create or fill later (`for_scripts`): `created`, the
    names the scripts create; `mentioned`, every name they use (the search results they fill…)."""

    def __init__(self, stylesheets: list[str], pages: list[str], created: set[str], mentioned: set[str],
                 whole: int = 0):
        """The last `whole` stylesheets (the site's own, small and written for these pages) are kept whole."""
        self.sheets = [tinycss2.parse_stylesheet(text, skip_whitespace=True, skip_comments=True)
                       for text in stylesheets]
        self.present = set().union(*map(page_names, pages))
        self.values = set().union(*map(attribute_values, pages))
        self.created = created
        self.matched: set[str] = set()
        self.for_scripts: set[str] = set()
        matcher, candidates = cssselect2.Matcher(), set()
        for selector in self.selectors():
            missing = required_names(selector) - self.present
            if missing:
                if missing <= created:  # only a script can make it match
                    self.for_scripts.add(selector)
                continue  # it requires what nothing has or creates
            if alternative_names(selector) & (created - self.present):
                self.matched.add(selector)  # one of its alternatives is what a script creates
                self.for_scripts.add(selector)
                continue
            try:
                for compiled in cssselect2.compile_selector_list(self.as_built(selector)):
                    matcher.add_selector(compiled, selector)
                candidates.add(selector)
            except cssselect2.SelectorError:
                self.matched.add(selector)  # cannot be told: kept
        # Containers a script finds and fills (the search results' list), known as the elements with
        # nothing in them as built whose class the scripts name: a rule may match what the script
        # puts there, so every rule naming them or what holds them is kept.
        empty, holding = {}, set()  # class of an element with nothing in it -> its ancestors' classes
        for html in pages:
            for element in cssselect2.ElementWrapper.from_html_root(tinyhtml5.parse(html)).iter_subtree():
                self.matched.update(payload for *_, payload in matcher.match(element))
                classes = {"." + name for name in element.classes}
                if len(element.etree_element):
                    holding |= classes
                else:
                    around = {"." + name for ancestor in element.iter_ancestors() for name in ancestor.classes}
                    for name in classes:
                        empty.setdefault(name, set()).update(around)
        filled = {name for name in mentioned & set(empty) if name not in holding}
        around_filled = filled.union(*(empty[name] for name in filled))
        self.for_scripts |= {selector for selector in candidates - self.matched
                             if required_names(selector) & around_filled}
        for sheet in self.sheets[len(self.sheets) - whole:]:
            self.matched.update(sheet_selectors(sheet))

    def as_built(self, selector: str) -> str:
        """The selector as it can match the pages before any script runs: no state pseudo-classes;
        an attribute a script sets may take any value the pages hold (the colour scheme's, say)."""
        def any_value(match: re.Match) -> str:
            name, value = match[1].lower(), match[2].strip("\"'")
            return f"[{match[1]}]" if "[" + name in self.created and (name, value) in self.values else match[0]

        return ATTRIBUTE_VALUE.sub(any_value, STATE.sub("", selector)).strip() or "*"

    def selectors(self):
        for sheet in self.sheets:
            yield from sheet_selectors(sheet)

    def css(self, selectors: set[str], readers: str) -> str:
        """The rules of `selectors`, without the custom properties that neither they nor `readers`
        (the pages and scripts) read, and the @keyframes no animation they keep names."""
        kept = [keep(sheet, selectors) for sheet in self.sheets]
        text = "".join(map(tinycss2.serialize, kept))
        outside = set(CUSTOM_PROPERTY.findall(readers))
        while True:  # a custom property may only be read by another one that goes
            read, animated = set(VARIABLE.findall(text)) | outside, animation_names(text)
            kept = [without_unread(rules, read, animated) for rules in kept]
            pruned = "".join(map(tinycss2.serialize, kept))
            if pruned == text:
                return text
            text = pruned


def sheet_selectors(rules):
    for rule in qualified_rules(rules):
        yield from split_selectors(rule.prelude)


def split_selectors(prelude) -> list[str]:
    """The selectors of a rule's list, split at its own commas (not those inside :is(…) and the like)."""
    parts, current = [], []
    for token in prelude:
        if token.type == "literal" and token.value == ",":
            parts.append(current)
            current = []
        else:
            current.append(token)
    parts.append(current)
    return [text for text in (tinycss2.serialize(part).strip() for part in parts) if text]


def grouping(rule) -> bool:
    return rule.type == "at-rule" and rule.content is not None and rule.lower_at_keyword in ("media", "supports")


def inner_rules(rule) -> list:
    return tinycss2.parse_rule_list(rule.content, skip_comments=True, skip_whitespace=True)


def qualified_rules(rules):
    for rule in rules:
        if rule.type == "qualified-rule":
            yield rule
        elif grouping(rule):
            yield from qualified_rules(inner_rules(rule))


def keep(rules, selectors: set[str]) -> list:
    """The rules with any of `selectors` (each with only those), and the other at-rules (@keyframes…)."""
    out = []
    for rule in rules:
        if rule.type == "qualified-rule":
            kept = [selector for selector in split_selectors(rule.prelude) if selector in selectors]
            if kept:
                prelude = tinycss2.parse_component_value_list(",".join(kept))
                out.append(tinycss2.ast.QualifiedRule(rule.source_line, rule.source_column, prelude, rule.content))
        elif grouping(rule):
            inner = keep(inner_rules(rule), selectors)
            if inner:
                out.append(tinycss2.ast.AtRule(rule.source_line, rule.source_column, rule.at_keyword,
                                               rule.lower_at_keyword, rule.prelude, inner))
        elif rule.type == "at-rule":
            out.append(rule)  # @font-face, @keyframes, @charset…
    return out


def animation_names(text: str) -> set[str]:
    """Every word of the `animation` and `animation-name` declarations of `text`, unquoted: the names
    among them (durations and keywords too, which name no @keyframes)."""
    return {word.strip("\"'") for value in ANIMATION.findall(text) for word in re.split(r"[\s,]+", value) if word}


def without_unread(rules: list, read: set[str], animated: set[str]) -> list:
    """The rules without the declarations of custom properties nothing reads (and then empty rules)
    and without the @keyframes of animations nothing names."""
    out = []
    for rule in rules:
        if rule.type == "qualified-rule":
            declarations = [d for d in tinycss2.parse_blocks_contents(rule.content, True, True)
                            if not (d.type == "declaration" and d.name.startswith("--") and d.name not in read)]
            if declarations:
                content = tinycss2.parse_component_value_list(";".join(tinycss2.serialize([d]) for d in declarations))
                out.append(tinycss2.ast.QualifiedRule(rule.source_line, rule.source_column, rule.prelude, content))
        elif rule.type == "at-rule" and isinstance(rule.content, list) and rule.lower_at_keyword in ("media",
                                                                                                    "supports"):
            inner = without_unread(rule.content, read, animated)
            if inner:
                out.append(tinycss2.ast.AtRule(rule.source_line, rule.source_column, rule.at_keyword,
                                               rule.lower_at_keyword, rule.prelude, inner))
        elif not (rule.type == "at-rule" and rule.lower_at_keyword == "keyframes"
                  and tinycss2.serialize(rule.prelude).strip().strip("\"'") not in animated):
            out.append(rule)
    return out
