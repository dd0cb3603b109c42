"""Widgets the theme's scripts make only for a feature the site turns on, or inside an element the
pages hold. Their class names are in the scripts all the same; when the pages show that a widget
cannot appear, those names are taken out of what the scripts create, and its rules stay out."""

from __future__ import annotations

import json
import re

CONFIG = re.compile(r'<script id="__config" type="application/json">(?P<json>.*?)</script>', re.S)


def has_class(name: str):
    return re.compile(rf'\bclass="(?:[^"]*\s)?{name}[\s"]').search

# The start of a widget's class names -> whether the scripts can make it, from the theme's config
# (as each page carries it) and the pages' HTML.
WIDGETS = {
    "md-version": lambda config, html: bool(config.get("version")),  # the version selector
    "md-annotation": lambda config, html: "content.code.annotate" in config.get("features", [])
    or has_class("annotate")(html),  # numbered notes in code or lists
    "md-tag": lambda config, html: bool(config.get("tags")),  # tags in search results
    "tabbed-": lambda config, html: has_class("tabbed-set")(html),  # the labels of content tabs
    # stars and forks: fetched for a repository link marked as the theme's source component
    "md-source__fact": lambda config, html: 'data-md-component="source"' in html,
    "md-source__repository--active": lambda config, html: 'data-md-component="source"' in html,
}


def theme_config(html: str) -> dict:
    match = CONFIG.search(html)
    return json.loads(match["json"]) if match else {}


def absent_widgets(pages: list[str]) -> tuple[str, ...]:
    """The starts of the class names of every widget no page can show (none known when no page
    carries the theme's config: a theme that keeps it elsewhere)."""
    configs = [theme_config(html) for html in pages]
    if not any(configs):
        return ()
    return tuple(start for start, shown in WIDGETS.items()
                 if not any(shown(config, html) for config, html in zip(configs, pages, strict=True)))


def without_widgets(names: set[str], starts: tuple[str, ...]) -> set[str]:
    """`names` ('.class', '[attribute', 'element') without those of the widgets that start so."""
    return {name for name in names if not name.lstrip(".[").startswith(starts)}
