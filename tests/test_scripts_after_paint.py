"""The theme's last scripts leave the markup and are added, in order, by one inline loader that
waits for the page's first paint (finalise/scripts.py); a script something else relies on stays."""

from __future__ import annotations

import json
import re

from reply_site.finalise.scripts import JS_ENABLED, after_first_paint, script_sources, without_idle_tabs_script

CONFIG = '<script id="__config" type="application/json">{"base": ".."}</script>'
PALETTE = "<script>var palette=1</script>"


def page(*scripts: str) -> str:
    return "<html><head><script>var scope=1</script></head><body><main>Text</main>" + "\n".join(scripts) + \
        "\n</body></html>"


def loaded(html: str) -> list[str]:
    """The sources the loader adds, in its order."""
    found = re.findall(r"\}\)\((\[.*?\])\)</script>", html)
    return json.loads(found[0]) if found else []


def test_the_last_scripts_are_added_in_order_after_the_first_paint():
    html = after_first_paint(page(PALETTE, CONFIG, '<script src="../bundle.js"></script>',
                                  '<script defer src="../site.min.js?v=1&amp;x=2"></script>'))
    assert loaded(html) == ["../bundle.js", "../site.min.js?v=1&x=2"]
    assert script_sources(html) == loaded(html)  # what the styles are chosen for (finalise/styles/)
    assert not re.search(r"<script[^>]*\bsrc=", html)
    assert html.count("first-contentful-paint") == 1 and 'new Event("DOMContentLoaded")' in html
    assert html.index(CONFIG) < html.index("first-contentful-paint")  # where the scripts were


def test_what_the_page_runs_or_reads_first_is_left_where_it_is():
    html = after_first_paint(page(PALETTE, CONFIG, '<script src="bundle.js"></script>'))
    assert PALETTE in html and CONFIG in html and "var scope=1" in html


def test_a_script_an_inline_script_comes_after_stays():
    before = '<script src="early.js"></script>'
    html = after_first_paint(page(before, PALETTE, '<script src="late.js"></script>'))
    assert before in html and loaded(html) == ["late.js"]
    assert script_sources(html) == ["early.js", "late.js"]


def test_a_module_or_an_async_script_keeps_its_own_timing():
    scripts = ('<script type="module" src="m.js"></script>', '<script async src="a.js"></script>')
    assert after_first_paint(page(*scripts)) == page(*scripts)


def test_a_page_without_scripts_is_unchanged():
    assert after_first_paint(page()) == page()


def test_a_page_the_theme_marks_no_js_is_unmarked_as_its_head_is_parsed():
    html = after_first_paint(page('<script src="bundle.js"></script>').replace("<html>", '<html class="no-js">'))
    assert html.index(f"<script>{JS_ENABLED}</script>") < html.index("</head>")
    assert "classList.replace" not in after_first_paint(page('<script src="bundle.js"></script>'))


def test_what_runs_early_is_added_to_the_themes_own_scripts_not_new_ones():
    theme_head = '<script>__md_scope=new URL("..",location),__md_hash=e=>(e<<5)</script>'
    theme_palette = '<script>var palette=__md_get("__palette");if(palette){x()}</script>'
    built = page(theme_palette, '<script src="bundle.js"></script>').replace(
        "<html><head>", f'<html class="no-js"><head>{theme_head}')
    html = after_first_paint(built)
    inline = re.findall(r"<script>(.*?)</script>", html, re.S)
    assert len(inline) == len(re.findall(r"<script>", built)) + 1  # the loader only
    assert inline[0].startswith(theme_head[8:-9]) and inline[0].endswith(f";{JS_ENABLED}")
    palette = next(script for script in inline if script.startswith("var palette="))
    assert palette.startswith('var palette=__md_get("__palette");if(palette){x()};(p=>{')
    assert 'querySelectorAll(\'input[name="__palette"]\')' in palette


TABS = ('<script>var target=document.getElementById(location.hash.slice(1));target&&target.name&&'
        '(target.checked=target.name.startsWith("__tabbed_"))</script>')


def test_the_themes_content_tab_script_goes_from_a_page_without_content_tabs_and_stays_on_one_with():
    assert TABS not in without_idle_tabs_script(page(TABS))
    with_tabs = page('<input id="__tabbed_1_1" name="__tabbed_1" type="radio">', TABS)
    assert without_idle_tabs_script(with_tabs) == with_tabs
