"""The theme's widgets that no page can show leave their rules out of the styles each page inlines;
a widget a page can show keeps them (finalise/styles/widgets.py)."""

from __future__ import annotations

import json
import re

from reply_site.finalise.styles.used_rules import UsedRules
from reply_site.finalise.styles.widgets import absent_widgets, without_widget_properties, without_widgets

ALL = {"md-version", "md-annotation", "md-tag", "tabbed-", "md-source__fact", "md-source__repository--active",
       "mermaid"}


def page(header: str = "", **config) -> str:
    theme = {"features": [], "version": None, "tags": None, **config}
    return f'<body>{header}<script id="__config" type="application/json">{json.dumps(theme)}</script></body>'


def test_widgets_of_features_left_off_are_absent():
    assert set(absent_widgets(page(), {".md-content", ".md-typeset"})) == ALL


def test_a_widget_the_config_or_a_page_can_show_is_kept():
    assert "md-version" not in absent_widgets(page(version={"provider": "mike"}), set())
    assert "md-tag" not in absent_widgets(page(tags={"tag": "tags.html"}), set())
    assert "md-annotation" not in absent_widgets(page(features=["content.code.annotate"]), set())
    assert "md-annotation" not in absent_widgets(page(), {".annotate"})  # a list of notes on some page
    assert "tabbed-" not in absent_widgets(page(), {".tabbed-set", ".tabbed-alternate"})
    assert "mermaid" not in absent_widgets(page(), {".mermaid"})  # a diagram on some page
    kept = absent_widgets(page('<a class="md-source" data-md-component="source">'), set())
    assert not {"md-source__fact", "md-source__repository--active"} & set(kept)


def test_a_class_only_named_like_a_widget_does_not_show_it():
    assert "tabbed-" in absent_widgets(page("tabbed-set in words"), {".not-tabbed-set"})


def test_without_the_themes_config_nothing_is_known_absent():
    assert absent_widgets("<body><p>No theme here.</p></body>", set()) == ()


def test_the_names_of_absent_widgets_go_and_others_stay():
    names = {".md-version__list", "[md-version", ".md-search-result", ".md-tag", ".md-tooltip", "div"}
    assert without_widgets(names, ("md-version", "md-tag")) == {".md-search-result", ".md-tooltip", "div"}


def test_the_custom_properties_the_scripts_read_for_an_absent_widget_go():
    read = {"--md-mermaid-edge-color", "--md-version-icon", "--md-tag-icon", "--md-tooltip-width"}
    assert without_widget_properties(read, ("mermaid", "md-version")) == {"--md-tag-icon", "--md-tooltip-width"}


def test_keyframes_go_unless_a_rule_kept_animates_with_them():
    sheet = ("@keyframes fade{0%{opacity:0}}@keyframes spin{to{transform:rotate(1turn)}}"
             "@keyframes pulse{50%{opacity:.5}}.shown{animation:fade .25s both}"
             "@media screen{.also{animation-name:\"pulse\"}}.gone{animation:spin 1s}")
    used = UsedRules([sheet], ['<p class="shown also">'], set(), set())
    css = used.css(used.matched | used.for_scripts, "")
    assert "@keyframes fade" in css and "@keyframes pulse" in css
    assert "spin" not in css  # its only rule went: no element of the pages is .gone


def test_the_built_site_inlines_no_rule_of_a_widget_it_cannot_show(built_site):
    css = re.search(r"<style>(.*?)</style>", (built_site / "index.html").read_text(encoding="utf-8"), re.S)[1]
    assert ".md-search-result" in css and ".md-tooltip" in css  # what the scripts make for this site
    for widget in ("md-version", "md-annotation", "md-tag", "tabbed-button", "md-source__fact", "mermaid",
                   "@keyframes"):  # no rule of the site's animates
        assert widget not in css, widget
