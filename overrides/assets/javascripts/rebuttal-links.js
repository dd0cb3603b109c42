/* "Copy link" buttons for the rebuttals of a question page.
 *
 * Every rebuttal heading (h2.rebuttal-heading with an id) gets a real <button> that copies
 * the absolute address of the page with "#<id>" and says so in a polite live region.
 * The button goes into the rebuttal's .rebuttal-actions bar, which the generated pages put
 * under the heading (right after it, or first in the rebuttal block that follows it); when
 * a page has no such bar, one is made in that place.
 *
 * Material's instant navigation swaps page content without a full load, so the work is
 * redone on every page Material shows (its document$ observable), or once on
 * DOMContentLoaded when Material's observable is not there. Enhancing is idempotent.
 * Deep links followed inside the site are made to land on their rebuttal, highlighted, with
 * the address bar naming it (see "Deep links" below).
 */
(function () {
  "use strict";

  var STATUS_SECONDS = 6;
  var COPIED = "Link copied";

  /* The address a reader would paste: this page, without query or old fragment, plus #id. */
  function linkTo(id) {
    var url = new URL(window.location.href);
    url.search = "";
    url.hash = id;
    return url.href;
  }

  /* Last resort when the asynchronous clipboard is unavailable (non-secure origin, old
     browser): select the text in an off-screen field and ask for a copy command. */
  function copyWithSelection(text) {
    var field = document.createElement("textarea");
    field.value = text;
    field.setAttribute("readonly", "");
    field.setAttribute("aria-hidden", "true");
    field.tabIndex = -1;
    field.style.position = "fixed";
    field.style.top = "0";
    field.style.left = "-9999px";
    field.style.opacity = "0";
    var focused = document.activeElement;
    document.body.appendChild(field);
    field.select();
    var copied = false;
    try {
      copied = document.execCommand("copy");
    } catch (error) {
      copied = false;
    }
    document.body.removeChild(field);
    if (focused && typeof focused.focus === "function") {
      focused.focus();
    }
    return copied;
  }

  function copyText(text) {
    if (navigator.clipboard && typeof navigator.clipboard.writeText === "function" && window.isSecureContext) {
      return navigator.clipboard.writeText(text).then(
        function () { return true; },
        function () { return copyWithSelection(text); }
      );
    }
    return Promise.resolve(copyWithSelection(text));
  }

  /* A status line that shows a message for a while. It is emptied first, so that copying
     twice in a row is announced twice. */
  function statusLine(element) {
    var showing = null;
    var clearing = null;
    return function (message) {
      window.clearTimeout(showing);
      window.clearTimeout(clearing);
      element.textContent = "";
      showing = window.setTimeout(function () { element.textContent = message; }, 50);
      clearing = window.setTimeout(function () { element.textContent = ""; }, STATUS_SECONDS * 1000);
    };
  }

  /* The bar of actions under the heading: the generated one (right after the heading, or
     first in the rebuttal block that follows it), else a new one in the same place. */
  function actionsFor(heading) {
    var next = heading.nextElementSibling;
    if (next && next.classList.contains("rebuttal-actions")) {
      return next;
    }
    var inBlock = next && next.classList.contains("rebuttal") ? next : null;
    var found = inBlock && inBlock.querySelector(":scope > .rebuttal-actions");
    if (found) {
      return found;
    }
    var bar = document.createElement("div");
    bar.className = "rebuttal-actions";
    if (inBlock) {
      inBlock.insertBefore(bar, inBlock.firstChild);
    } else {
      heading.insertAdjacentElement("afterend", bar);
    }
    return bar;
  }

  function headingText(heading) {
    var copy = heading.cloneNode(true);
    copy.querySelectorAll(".headerlink").forEach(function (link) { link.remove(); });
    return copy.textContent.trim();
  }

  function enhance(heading) {
    if (!heading.id || heading.hasAttribute("data-copy-link")) {
      return;
    }
    heading.setAttribute("data-copy-link", "");
    var bar = actionsFor(heading);

    var button = document.createElement("button");
    button.type = "button";
    button.className = "copy-link";
    button.textContent = "Copy link";
    /* The visible words come first, so voice control users can say what they see. */
    button.setAttribute("aria-label", "Copy link to " + headingText(heading));

    var status = document.createElement("span");
    status.className = "copy-link-status";
    status.setAttribute("role", "status");
    status.setAttribute("aria-live", "polite");
    var say = statusLine(status);

    button.addEventListener("click", function () {
      var url = linkTo(heading.id);
      copyText(url).then(function (copied) {
        say(copied ? COPIED : "Copy failed: the link is " + url);
      });
    });

    /* Button and status stay together, last in the bar: added after the page is shown,
       they then move nothing already on screen (no layout shift). */
    var group = document.createElement("span");
    group.className = "copy-link-group";
    group.appendChild(button);
    group.appendChild(status);
    bar.appendChild(group);
  }

  function enhanceAll(root) {
    (root || document).querySelectorAll("article h2.rebuttal-heading[id]").forEach(enhance);
  }

  /* Deep links followed inside the site, under Material's instant navigation.
   *
   * Such a link must land like one opened afresh: scrolled to its rebuttal, which is then
   * the document's :target (and so highlighted). Material does this with a fragment
   * navigation of its own, which Chromium now and then ignores (the page keeps its scroll
   * offset and nothing is the target). And Material's section tracking on the page being
   * left can still rewrite the address while the next page loads, with a fragment of the
   * old page ("#the-questions"), so the address bar no longer names the rebuttal.
   *
   * Both are put right here, for pages reached by following a link: the fragment asked for
   * is the clicked link's. Back and forward (no link followed) are left to Material, which
   * restores the position the reader left.
   */
  var followed = null; /* the link clicked last: {url, at} */
  document.addEventListener("click", function (event) {
    var link = event.target instanceof Element ? event.target.closest("a[href]") : null;
    followed = link ? { url: new URL(link.href, window.location.href), at: Date.now() } : null;
  }, true);

  /* The fragment of the link that led to this page, or null when no link did. */
  function fragmentFollowed() {
    var link = followed;
    followed = null;
    if (link && Date.now() - link.at < 5000 && link.url.pathname === window.location.pathname) {
      return link.url.hash;
    }
    return null;
  }

  function elementNamed(fragment) {
    if (fragment.length < 2) {
      return null;
    }
    try {
      return document.getElementById(decodeURIComponent(fragment.slice(1)));
    } catch (error) {
      return null; /* a malformed escape names nothing */
    }
  }

  /* Put the fragment back when the address now names something that is not on the page. */
  function restoreFragment(intended) {
    var current = window.location.hash;
    if (current === intended || elementNamed(current)) {
      return;
    }
    var url = new URL(window.location.href);
    url.hash = intended;
    history.replaceState(history.state, "", url.href);
  }

  /* Make the element the fragment names the :target, scrolling to it as a browser would. */
  function settleTarget(intended) {
    var target = elementNamed(intended);
    if (!target || target.matches(":target") || window.location.hash !== intended) {
      return;
    }
    /* The same address again would not count as a fragment navigation: drop the fragment
       quietly first, then navigate to it, replacing the history entry instead of adding one. */
    history.replaceState(history.state, "", window.location.pathname + window.location.search);
    window.location.replace(intended);
  }

  /* Two of the theme's own widgets lack what assistive technology needs (axe reports both):
     the search dialog has no name, and each code block's toolbar is a <nav> landmark, all
     alike and unnamed, though it holds only a copy button. Material adds the toolbars
     whenever code blocks are shown, so they are watched for. */
  function mendThemeWidgets(root) {
    var search = document.querySelector('.md-search[role="dialog"]:not([aria-label]):not([aria-labelledby])');
    if (search) {
      search.setAttribute("aria-label", "Search");
    }
    root.querySelectorAll("nav.md-code__nav:not([role])").forEach(function (nav) {
      nav.setAttribute("role", "none");
    });
  }

  if (typeof MutationObserver === "function") {
    new MutationObserver(function (changes) {
      changes.forEach(function (change) {
        change.addedNodes.forEach(function (node) {
          if (node instanceof Element &&
              (node.matches("nav.md-code__nav") || node.querySelector("nav.md-code__nav"))) {
            mendThemeWidgets(node.parentElement || node);
          }
        });
      });
    }).observe(document.documentElement, { childList: true, subtree: true });
  }

  var firstPage = true;
  function onPage() {
    enhanceAll(document);
    mendThemeWidgets(document);
    if (firstPage) {
      firstPage = false; /* a full page load: the browser has set the target itself */
      return;
    }
    var intended = fragmentFollowed();
    if (intended === null) {
      return;
    }
    window.setTimeout(function () { /* once Material has done its own scrolling */
      restoreFragment(intended);
      settleTarget(intended);
    }, 50);
    window.setTimeout(function () { restoreFragment(intended); }, 700);
  }

  if (typeof window.document$ !== "undefined" && typeof window.document$.subscribe === "function") {
    window.document$.subscribe(onPage);
  } else if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", onPage);
  } else {
    onPage();
  }
})();
