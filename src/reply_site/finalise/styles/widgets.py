"""Widgets the theme's scripts make only for a feature the site turns on, or inside an element the
pages hold. Their class names are in the scripts all the same; when the pages show that a widget
cannot appear, those names are taken out of what the scripts create, and its rules stay out."""

from __future__ import annotations

import json
import re

CONFIG = re.compile(r'<script id="__config" type="application/json">(?P<json>.*?)</script>', re.S)
SOURCE = 'data-md-component="source"'  # the repository link, for which the scripts fetch stars and forks

# The start of a widget's class names -> whether the scripts can make it, from the theme's config,
# a page (the header and the config, the same in every page) and the classes any page holds.
WIDGETS = {
    "md-version": lambda config, page, classes: bool(config.get("version")),  # the version selector
    "md-annotation": lambda config, page, classes: "content.code.annotate" in config.get("features", [])
    or ".annotate" in classes,  # numbered notes in code or lists
    "md-tag": lambda config, page, classes: bool(config.get("tags")),  # tags in search results
    "tabbed-": lambda config, page, classes: ".tabbed-set" in classes,  # the labels of content tabs
    "md-source__fact": lambda config, page, classes: SOURCE in page,
    "md-source__repository--active": lambda config, page, classes: SOURCE in page,
    "mermaid": lambda config, page, classes: ".mermaid" in classes,  # diagrams (superfences' mermaid fences)
}


def absent_widgets(page: str, classes: set[str]) -> tuple[str, ...]:
    """The starts of the class names of every widget no page can show, from one `page` and the
    `classes` ('.name') of all. None is known absent when the page lacks the theme's config
    (a theme that keeps it elsewhere)."""
    match = CONFIG.search(page)
    if not match:
        return ()
    config = json.loads(match["json"])
    return tuple(start for start, shown in WIDGETS.items() if not shown(config, page, classes))


def without_widgets(names: set[str], starts: tuple[str, ...]) -> set[str]:
    """`names` ('.class', '[attribute', 'element') without those of the widgets that start so."""
    return {name for name in names if not name.lstrip(".[").startswith(starts)}


def without_widget_properties(properties: set[str], starts: tuple[str, ...]) -> set[str]:
    """The custom properties the scripts read (`--md-mermaid-edge-color`), without those of the
    widgets that start so: the scripts read them only to draw the widget."""
    prefixes = tuple("--" + (start if start.startswith("md-") else "md-" + start) for start in starts)
    return {name for name in properties if not name.startswith(prefixes)}
