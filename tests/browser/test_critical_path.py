"""The first paint needs the HTML document and nothing else, and the trimmed styles lose nothing.

Each page inlines the rules the site uses (finalise/styles/) and its scripts are deferred.
Checked in Chromium for every page in both colour schemes: no request blocks rendering, nothing
moves as the page loads, and every element (with the theme's widgets opened too: search results,
a tooltip, the phone's drawer, a page shown by instant navigation) looks exactly as it does with
the theme's complete stylesheets added back.
"""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect

from browser.conftest import PHONE
from browser.support import DEEP_LINK_PAGE, wait_for_the_theme
from browser.support import scheme as scheme_of

pytestmark = pytest.mark.browser

SCHEMES = ["light", "dark"]

# Every element's look, and its ::before and ::after: the properties a trimmed rule would change.
LOOKS = """() => {
    // Margins count by where they put the element (Chromium may report an auto margin as 0px or as
    // its width, for the same layout), a pseudo-element's as its own.
    const margins = ["margin-top", "margin-right", "margin-bottom", "margin-left"];
    const properties = ["display", "position", "float", "visibility", "opacity", "color", "background-color",
        "background-image", "border-top-width", "border-top-style", "border-top-color", "border-left-width",
        "border-left-style", "border-left-color", "border-radius", "padding-top", "padding-right",
        "padding-bottom", "padding-left", "font-family", "font-size", "font-weight", "font-style", "line-height",
        "text-align", "text-decoration-line",
        "text-transform", "letter-spacing", "white-space", "overflow-x", "overflow-y", "box-shadow",
        "transform", "z-index", "cursor", "list-style-type", "mask-image", "content", "width", "height",
        "max-width", "top", "left", "flex-direction", "justify-content", "align-items", "gap"];
    const looks = {};
    window.lookedAt = window.lookedAt || Array.from(document.querySelectorAll("body *"));  // the same ones again
    window.lookedAt.forEach((element, index) => {
        for (const pseudo of [null, "::before", "::after"]) {
            const style = getComputedStyle(element, pseudo);
            if (pseudo && (style.content === "none" || style.content === "normal")) continue;
            const name = element.tagName.toLowerCase() + (element.id ? "#" + element.id : "") +
                (typeof element.className === "string" && element.className ? "." +
                element.className.trim().split(/\\s+/).join(".") : "") + (pseudo || "") + " [" + index + "]";
            const rect = element.getBoundingClientRect();
            const placed = pseudo ? margins.map(p => p + ":" + style.getPropertyValue(p))
                : ["at:" + Math.round(rect.left + scrollX) + "," + Math.round(rect.top + scrollY)];
            looks[name] = [...properties.map(p => p + ":" + style.getPropertyValue(p)), ...placed].join(";");
        }
    });
    return looks;
}"""

COMPLETE_STYLES = """async hrefs => {
    for (const href of hrefs) {
        const link = document.createElement("link");
        link.rel = "stylesheet";
        link.href = href;
        const loaded = new Promise(done => { link.onload = done; });
        document.head.appendChild(link);
        await loaded;
    }
    await new Promise(done => requestAnimationFrame(() => requestAnimationFrame(done)));
}"""


def theme_stylesheets(site, page_html: str) -> list[str]:
    """The theme's complete stylesheets, as published beside the trimmed styles."""
    sheets = sorted(path.relative_to(site).as_posix() for path in site.glob("assets/stylesheets/**/*.css")
                    if "modern" not in path.parts)  # Zensical's other look, which the site does not use
    return [name for name in sheets if "main" in name] + [name for name in sheets if "palette" in name] + \
        [name for name in sheets if name.endswith("reply.css")]


def differences(before: dict[str, str], after: dict[str, str]) -> list[str]:
    """Each element (or pseudo-element) that looks different, with the properties that differ."""
    changed = []
    for name in sorted(set(before) | set(after)):
        old, new = before.get(name, "").split(";"), after.get(name, "").split(";")
        if old != new:
            changed.append(f"{name}: {sorted(set(old) - set(new))} -> {sorted(set(new) - set(old))}")
    return changed


def without_transitions(page) -> None:
    """Transitions and animations (colours, the header's title, a tooltip fading in) end at once."""
    session = page.context.new_cdp_session(page)
    session.send("Animation.enable")
    session.send("Animation.setPlaybackRate", {"playbackRate": 100_000})


def assert_looks_as_with_complete_styles(page, site_url: str, served_site, hovering: bool = False) -> None:
    """Unless `hovering` (a tooltip is meant to stay), the mouse is moved away first: no hover is
    left over from a click."""
    without_transitions(page)
    page.evaluate("() => { window.lookedAt = null; }")
    if not hovering:
        page.mouse.move(0, 0)
    page.wait_for_timeout(100)
    looks = page.evaluate(LOOKS)
    hrefs = [site_url + name for name in theme_stylesheets(served_site, page.content())]
    page.evaluate(COMPLETE_STYLES, hrefs)
    page.wait_for_timeout(100)
    changed = differences(looks, page.evaluate(LOOKS))
    assert not changed, f"{page.url}: {len(changed)} element(s) look different:\n" + "\n".join(changed[:8])


# Every layout shift the page makes on its own, with what moved, kept in `window.shifts`.
RECORD_SHIFTS = """
    window.shifts = [];
    new PerformanceObserver(list => list.getEntries().forEach(entry => {
        if (!entry.hadRecentInput) window.shifts.push(entry.value + " " + entry.sources.map(source =>
            (source.node ? source.node.nodeName + "." + source.node.className : "?") + " " +
            JSON.stringify(source.previousRect) + " to " + JSON.stringify(source.currentRect)).join(", "));
    })).observe({type: "layout-shift", buffered: true});
"""
# A slow phone network (50 kB/s): the browser paints what it has of a page while the rest arrives.
SLOW_NETWORK = {"offline": False, "latency": 40, "downloadThroughput": 50_000, "uploadThroughput": 50_000}


def assert_nothing_shifted(page, path: str) -> None:
    page.wait_for_timeout(300)
    shifts = page.evaluate("window.shifts")
    # Lighthouse shows CLS to three decimals: below 0.0005, 0.000. Any shift above that fails.
    assert sum(float(shift.split()[0]) for shift in shifts) < 0.0005, f"/{path}: the layout shifted: {shifts}"


@pytest.mark.parametrize("scheme", SCHEMES)
def test_no_request_blocks_the_first_paint_and_nothing_shifts_on_any_page(open_context, site_pages, scheme):
    page = open_context(color_scheme=scheme).new_page()
    page.add_init_script(RECORD_SHIFTS)
    for path in site_pages:
        page.goto(path)
        page.wait_for_load_state("networkidle")
        blocking = page.evaluate("""performance.getEntriesByType("resource")
            .filter(entry => entry.renderBlockingStatus === "blocking").map(entry => entry.name)""")
        assert not blocking, f"/{path}: these requests block the first paint: {blocking}"
        assert_nothing_shifted(page, path)


def test_the_themes_scripts_are_fetched_after_the_first_paint_and_start_the_theme(page):
    page.goto(DEEP_LINK_PAGE)
    page.wait_for_load_state("networkidle")
    painted = page.evaluate("performance.getEntriesByName('first-contentful-paint')[0].startTime")
    scripts = page.evaluate("""performance.getEntriesByType("resource")
        .filter(entry => entry.initiatorType === "script" && entry.name.endsWith(".js"))
        .map(entry => [entry.name, entry.startTime])""")
    assert len(scripts) >= 2, f"the theme's bundle and the site's script were not loaded: {scripts}"
    early = [name for name, start in scripts if start < painted]
    assert not early, f"fetched before the first paint ({painted:.0f} ms): {early}"
    # Started: the site's script adds its buttons once the theme has given it the page (instant
    # navigation, the theme's, is tested in test_sharing.py).
    expect(page.locator("button.share-button").first).to_be_visible()


def test_the_theme_sets_up_its_tooltips_only_where_the_device_can_hover(open_context):
    """Its tooltips show on hover and keyboard focus. A phone has no hover: there the loader takes
    them out of the theme's features before it starts (a fifth of its start-up work on the home
    page), and the reader is left the link's own title, as without the theme."""
    def focus_a_citation(**device):
        tab = open_context(**device).new_page()
        tab.goto(DEEP_LINK_PAGE)
        citation = tab.locator("article a.citation").first
        citation.focus()
        tab.wait_for_timeout(500)  # the theme shows a tooltip a frame after focus
        return tab, citation

    desktop, _ = focus_a_citation()
    expect(desktop.locator(".md-tooltip2--active")).to_be_visible()
    phone, citation = focus_a_citation(viewport=PHONE, is_mobile=True, has_touch=True)
    expect(phone.locator(".md-tooltip2")).to_have_count(0)
    assert "Extracting Training Data from Diffusion Models" in citation.get_attribute("title")
    expect(phone.locator("button.share-button").first).to_be_visible()  # the rest of the start ran


@pytest.mark.parametrize("scheme", SCHEMES)
def test_before_the_theme_starts_the_page_shows_the_readers_scheme_and_its_controls(open_context, scheme):
    """What the reader sees at the first paint, the theme's script not yet run (here, never)."""
    page = open_context(color_scheme=scheme).new_page()
    page.route(re.compile(r"/assets/javascripts/.*\.js$"),  # the theme's and the site's scripts, emptied
               lambda route: route.fulfill(body="", content_type="text/javascript"))
    page.goto("whole-reply/")
    assert scheme_of(page) == ("slate" if scheme == "dark" else "default")
    toggle = page.locator("form[data-md-component=palette] label:visible")
    expect(toggle).to_have_count(1)
    expect(toggle).to_have_attribute("title", "Switch to light mode" if scheme == "dark" else "Switch to dark mode")
    search = page.get_by_role("textbox", name="Search").or_(page.get_by_role("button", name="Search")).first
    expect(search).to_be_visible()  # hidden while the page is marked no-js


# From the first paint on: each change of the root's class, of the body's colours (data-md-color-*)
# and of the colour scheme the page declares (its first <meta name="color-scheme">), any of which
# restyles the whole page.
RECORD_RESTYLING = """
    window.restyling = [];
    const declared = () => {
        const meta = document.head && document.head.querySelector('meta[name="color-scheme"]');
        return meta ? meta.content : null;
    };
    let scheme = null;
    new MutationObserver(records => {
        if (!performance.getEntriesByName("first-contentful-paint").length) {
            scheme = declared();
            return;
        }
        for (const record of records) {
            const node = record.target, name = record.attributeName;
            if (record.type === "attributes" && record.oldValue !== node.getAttribute(name)
                && ((node === document.documentElement && name === "class")
                    || (node === document.body && name.startsWith("data-md-color-")))) {
                window.restyling.push(`${node.nodeName} ${name}: ${record.oldValue} -> ${node.getAttribute(name)}`);
            }
        }
        if (declared() !== scheme) {
            window.restyling.push(`declared colour scheme: ${scheme} -> ${declared()}`);
            scheme = declared();
        }
    }).observe(document, {subtree: true, childList: true, attributes: true, attributeOldValue: true});
"""


@pytest.mark.parametrize("scheme", SCHEMES)
def test_once_the_page_is_shown_the_themes_start_restyles_it_only_to_turn_transitions_on(open_context, scheme):
    """The theme's start applies the scheme the page is already painted in: only its mark that
    turns transitions off while colours change (data-md-color-switching) is taken away."""
    page = open_context(color_scheme=scheme).new_page()
    page.add_init_script(RECORD_RESTYLING)
    page.goto("whole-reply/")
    wait_for_the_theme(page)
    page.wait_for_timeout(300)  # the theme unmarks the body a frame after it starts
    assert page.evaluate("window.restyling") == ["BODY data-md-color-switching:  -> null"]
    declared = page.evaluate("[...document.querySelectorAll('meta[name=color-scheme]')].map(m => m.content)")
    assert declared == [scheme], "the theme's own declaration, alone once it has started"


@pytest.mark.parametrize("scheme", SCHEMES)
def test_a_page_arriving_slowly_is_not_painted_half_parsed(open_context, site_pages, scheme):
    """Painted from part of the document, a table would widen its columns as rows arrive and the
    footer, at the foot of a short page, grow upwards: the first paint waits for the visible page."""
    page = open_context(color_scheme=scheme).new_page()
    page.add_init_script(RECORD_SHIFTS)
    session = page.context.new_cdp_session(page)
    session.send("Network.enable")
    session.send("Network.emulateNetworkConditions", SLOW_NETWORK)
    share_page = next(path for path in site_pages if path.startswith("r/"))
    for path in ["data/", "changelog/", share_page]:  # a table; a short page; a page as shared
        page.goto(path)
        page.wait_for_load_state("networkidle")
        assert_nothing_shifted(page, path)


@pytest.mark.parametrize("scheme", SCHEMES)
def test_every_page_looks_as_it_does_with_the_themes_complete_styles(open_context, site_pages, site_url,
                                                                     served_site, scheme):
    page = open_context(color_scheme=scheme).new_page()
    for path in site_pages:
        page.goto(path)
        page.wait_for_load_state("networkidle")
        assert_looks_as_with_complete_styles(page, site_url, served_site)


def test_the_themes_widgets_look_as_they_do_with_its_complete_styles(page, site_url, served_site):
    """What the theme's scripts create, which the pages as built do not hold."""
    page.goto(DEEP_LINK_PAGE)
    page.wait_for_load_state("networkidle")
    page.get_by_role("textbox", name="Search").or_(page.get_by_role("button", name="Search")).first.click()
    page.keyboard.type("training data", delay=10)
    page.wait_for_timeout(800)
    assert_looks_as_with_complete_styles(page, site_url, served_site)  # the results, marked
    page.goto(DEEP_LINK_PAGE)
    citation = page.locator("article a.citation").first
    citation.scroll_into_view_if_needed()
    citation.hover()
    expect(page.locator(".md-tooltip2--active")).to_be_visible()
    assert_looks_as_with_complete_styles(page, site_url, served_site, hovering=True)  # a citation's tooltip


def test_the_phone_layout_and_a_later_page_of_instant_navigation_look_right(page, site_url, served_site):
    page.set_viewport_size(PHONE)
    page.goto("")
    page.wait_for_load_state("networkidle")
    page.locator('label.md-header__button[for="__drawer"]').click()  # the drawer, open
    page.wait_for_timeout(300)
    assert_looks_as_with_complete_styles(page, site_url, served_site)
    page.goto(DEEP_LINK_PAGE)
    page.set_viewport_size({"width": 1280, "height": 900})
    page.goto("")
    page.locator("article table").get_by_role("link").first.click()  # a page shown by instant navigation
    expect(page.locator("article h1")).to_have_text(re.compile("^Question 7"))
    page.wait_for_timeout(300)
    assert_looks_as_with_complete_styles(page, site_url, served_site)
