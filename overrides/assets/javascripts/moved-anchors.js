// Published links keep working: when a rebuttal has moved or been renamed, its old
// address (page#anchor) forwards to where it is now. The page lists its moved
// anchors in a JSON block written at build time.
(function () {
  function forward() {
    var data = document.getElementById("moved-anchors");
    if (!data || !location.hash) return;
    var anchor = decodeURIComponent(location.hash.slice(1));
    var moved = JSON.parse(data.textContent);
    if (document.getElementById(anchor) || !Object.prototype.hasOwnProperty.call(moved, anchor)) return;
    location.replace(new URL(moved[anchor], location.href).href);
  }
  forward();
  window.addEventListener("hashchange", forward);
  if (window.document$ && typeof window.document$.subscribe === "function") {
    window.document$.subscribe(forward);
  } else {
    document.addEventListener("DOMContentLoaded", forward);
  }
})();
