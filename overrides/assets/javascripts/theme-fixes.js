/* Two of the theme's own widgets lack what assistive technology needs (axe reports both): the
 * search dialog has no name, and each code block's toolbar is a <nav> landmark, all alike and
 * unnamed, though it holds only a copy button. The theme adds the toolbars whenever code blocks
 * are shown, so they are watched for.
 */
(function () {
  "use strict";

  function mend(root) {
    var search = document.querySelector('.md-search[role="dialog"]:not([aria-label]):not([aria-labelledby])');
    if (search) {
      search.setAttribute("aria-label", "Search");
    }
    root.querySelectorAll("nav.md-code__nav:not([role])").forEach(function (nav) {
      nav.setAttribute("role", "none");
    });
  }

  new MutationObserver(function (changes) {
    changes.forEach(function (change) {
      change.addedNodes.forEach(function (node) {
        if (node instanceof Element && (node.matches("nav.md-code__nav") || node.querySelector("nav.md-code__nav"))) {
          mend(node.parentElement || node);
        }
      });
    });
  }).observe(document.documentElement, { childList: true, subtree: true });

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", function () { mend(document); });
  } else {
    mend(document);
  }
})();
