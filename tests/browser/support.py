"""What the browser tests look at, in a reader's terms: where things are on screen,
which colours they are drawn in, what the palette says."""

from __future__ import annotations

import re

from playwright.sync_api import Locator, Page

# The theme's scripts start after the page's first paint (finalise/scripts.py), which may come after
# the load event that goto waits for. A page of the theme has started when the loader marked it.
THEME_STARTED = "() => !('__md_scope' in window) || performance.getEntriesByName('theme-started').length > 0"


def wait_for_the_theme(page: Page) -> None:
    """The page's theme has started, as a reader's first tap finds it."""
    page.wait_for_function(THEME_STARTED)


# A question page and a rebuttal of it: the site's published deep link.
DEEP_LINK_PAGE = "question-7-2/"
DEEP_LINK_ID = "models-do-not-store-works"


def scheme(page: Page) -> str:
    """Material's colour scheme as the page shows it: 'default' (light) or 'slate' (dark)."""
    return page.evaluate("document.body.getAttribute('data-md-color-scheme')")


def header_height(page: Page) -> float:
    return page.evaluate("document.querySelector('.md-header').getBoundingClientRect().height")


def in_viewport_below_header(page: Page, locator: Locator) -> bool:
    """The element's top edge is on screen and not hidden behind the sticky header."""
    box = locator.bounding_box()
    height = page.viewport_size["height"]
    return box is not None and header_height(page) - 1 <= box["y"] < height


def wait_for_scroll_to_settle(page: Page) -> None:
    """Smooth scrolling, if any, has stopped: the scroll offset holds still for a few frames."""
    page.wait_for_function("""() => new Promise(done => {
        let last = window.scrollY, still = 0;
        const tick = () => {
            if (window.scrollY === last) { still += 1; } else { still = 0; last = window.scrollY; }
            if (still >= 5) { done(true); } else { requestAnimationFrame(tick); }
        };
        requestAnimationFrame(tick);
    })""")


def style(locator: Locator, prop: str, pseudo: str | None = None) -> str:
    return locator.evaluate("(el, [prop, pseudo]) => getComputedStyle(el, pseudo).getPropertyValue(prop)",
                            [prop, pseudo])


RGBA = re.compile(r"rgba?\(\s*([\d.]+)[,\s]+([\d.]+)[,\s]+([\d.]+)(?:\s*[,/]\s*([\d.]+%?))?\s*\)")


def parse_colour(text: str) -> tuple[float, float, float, float]:
    match = RGBA.fullmatch(text.strip())
    assert match, f"not an rgb() colour: {text!r}"
    r, g, b, a = match.groups()
    alpha = 1.0 if a is None else (float(a[:-1]) / 100 if a.endswith("%") else float(a))
    return float(r), float(g), float(b), alpha


def over(top: tuple[float, float, float, float], bottom: tuple[float, float, float]) -> tuple[float, float, float]:
    """A colour with transparency as drawn over an opaque one."""
    alpha = top[3]
    return tuple(alpha * t + (1 - alpha) * b for t, b in zip(top[:3], bottom, strict=True))


def effective_background(locator: Locator) -> tuple[float, float, float]:
    """The opaque colour behind an element: its own and its ancestors' backgrounds, layered."""
    layers = locator.evaluate("""el => {
        const layers = [];
        for (let node = el; node; node = node.parentElement) {
            layers.push(getComputedStyle(node).backgroundColor);
        }
        return layers;
    }""")
    colour = (255.0, 255.0, 255.0)  # the canvas behind everything
    for layer in reversed(layers):
        colour = over(parse_colour(layer), colour)
    return colour


def luminance(rgb: tuple[float, float, float]) -> float:
    def channel(value: float) -> float:
        value /= 255
        return value / 12.92 if value <= 0.04045 else ((value + 0.055) / 1.055) ** 2.4
    r, g, b = (channel(v) for v in rgb)
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def contrast(locator: Locator) -> float:
    """WCAG contrast ratio of an element's text against what is behind it."""
    background = effective_background(locator)
    text = over(parse_colour(style(locator, "color")), background)
    lighter, darker = sorted((luminance(text), luminance(background)), reverse=True)
    return (lighter + 0.05) / (darker + 0.05)
