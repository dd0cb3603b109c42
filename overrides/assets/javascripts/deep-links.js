/* Deep links (page#rebuttal-id) keep working and land where they point.
 *
 * Moved anchors: when a rebuttal has moved or been renamed, its old address forwards to where
 * it is now. A page lists the anchors once published on it in a JSON block written at build
 * time (#moved-anchors); forwarding pages of moved addresses carry the same block.
 *
 * Links followed inside the site, under Material's instant navigation: such a link must land as
 * one opened afresh, scrolled to its rebuttal, which is then the document's :target (and so
 * highlighted). Material does this with a fragment navigation of its own, which Chromium now and
 * then ignores (the page keeps its scroll offset and nothing is the target); and Material's
 * section tracking on the page being left can still rewrite the address while the next page
 * loads, with a fragment of the old page, so the address bar no longer names the rebuttal. Both
 * are put right here, for pages reached by following a link. Back and forward are left to
 * Material, which restores the position the reader left.
 */
(function () {
  "use strict";

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

  function forwardMovedAnchor() {
    var data = document.getElementById("moved-anchors");
    if (!data || !location.hash || elementNamed(location.hash)) {
      return;
    }
    var moved = JSON.parse(data.textContent);
    var anchor = decodeURIComponent(location.hash.slice(1));
    if (Object.prototype.hasOwnProperty.call(moved, anchor)) {
      location.replace(new URL(moved[anchor], location.href).href);
    }
  }

  var followed = null; /* the link clicked last: {url, at} */
  document.addEventListener("click", function (event) {
    var link = event.target instanceof Element ? event.target.closest("a[href]") : null;
    followed = link ? { url: new URL(link.href, location.href), at: Date.now() } : null;
  }, true);

  /* The fragment of the link that led to this page, or null when no link did. */
  function fragmentFollowed() {
    var link = followed;
    followed = null;
    if (link && Date.now() - link.at < 5000 && link.url.pathname === location.pathname) {
      return link.url.hash;
    }
    return null;
  }

  /* Put the fragment back when the address now names something that is not on the page. */
  function restoreFragment(intended) {
    if (location.hash === intended || elementNamed(location.hash)) {
      return;
    }
    var url = new URL(location.href);
    url.hash = intended;
    history.replaceState(history.state, "", url.href);
  }

  /* Make the element the fragment names the :target, scrolling to it as a browser would. */
  function settleTarget(intended) {
    var target = elementNamed(intended);
    if (!target || target.matches(":target") || location.hash !== intended) {
      return;
    }
    /* The same address again would not count as a fragment navigation: drop the fragment
       quietly first, then navigate to it, replacing the history entry instead of adding one. */
    history.replaceState(history.state, "", location.pathname + location.search);
    location.replace(intended);
  }

  var firstPage = true;
  function onPage() {
    forwardMovedAnchor();
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

  window.addEventListener("hashchange", forwardMovedAnchor);
  if (window.document$ && typeof window.document$.subscribe === "function") {
    window.document$.subscribe(onPage); /* it also tells of the first page */
  } else {
    forwardMovedAnchor(); /* a forwarding page: its block comes before this script */
  }
})();
