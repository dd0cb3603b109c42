/* Sharing a rebuttal: each rebuttal's bar of actions holds its link (the share page, whose
 * preview shows that rebuttal). This adds a "Copy link" button that puts that address on the
 * clipboard and says so, in words on screen and to screen readers; where the device has a share
 * sheet (Web Share API), a "Share…" button opens it with the same address.
 *
 * Under Material's instant navigation the work is redone on every page shown (document$);
 * enhancing a bar twice does nothing.
 */
(function () {
  "use strict";

  var STATUS_SECONDS = 8;

  /* Last resort when the asynchronous clipboard is unavailable (non-secure origin, old
     browser): select the text in an off-screen field and ask for a copy command. */
  function copyWithSelection(text) {
    var field = document.createElement("textarea");
    field.value = text;
    field.setAttribute("readonly", "");
    field.setAttribute("aria-hidden", "true");
    field.tabIndex = -1;
    field.className = "share-copy-field";
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

  function button(label, name) {
    var element = document.createElement("button");
    element.type = "button";
    element.className = "share-button";
    element.textContent = label;
    element.setAttribute("aria-label", label + " " + name); /* the visible words first, for voice control */
    return element;
  }

  function canShare(url) {
    return typeof navigator.share === "function" &&
      (typeof navigator.canShare !== "function" || navigator.canShare({ url: url }));
  }

  function enhance(bar) {
    var link = bar.querySelector("a.share-link");
    if (!link || bar.hasAttribute("data-enhanced")) {
      return;
    }
    bar.setAttribute("data-enhanced", "");
    var url = link.href; /* absolute, wherever the site is published */
    var heading = bar.closest(".rebuttal").previousElementSibling;
    var name = "to the reply: " + (heading ? heading.textContent.replace("¶", "").trim() : "this rebuttal");

    var status = document.createElement("span");
    status.className = "share-status";
    status.setAttribute("role", "status");
    status.setAttribute("aria-live", "polite");
    var say = statusLine(status);

    function copy() {
      copyText(url).then(function (copied) {
        say(copied ? "Link copied: " + url : "Copy failed. The link is " + url);
      });
    }

    var copyButton = button("Copy link", name);
    copyButton.addEventListener("click", copy);
    bar.appendChild(copyButton);
    if (canShare(url)) {
      var shareButton = button("Share…", name);
      shareButton.addEventListener("click", function () {
        navigator.share({ title: document.title, url: url }).catch(function (error) {
          if (!error || error.name !== "AbortError") {
            copy(); /* no share sheet after all: the link goes to the clipboard instead */
          }
        });
      });
      bar.appendChild(shareButton);
    }
    /* Added after the page is shown, last in the bar: nothing on screen moves. */
    bar.appendChild(status);
  }

  function onPage() {
    document.querySelectorAll(".rebuttal-actions").forEach(enhance);
  }

  if (window.document$ && typeof window.document$.subscribe === "function") {
    window.document$.subscribe(onPage);
  } else if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", onPage);
  } else {
    onPage();
  }
})();
