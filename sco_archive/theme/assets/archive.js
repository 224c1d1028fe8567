/* "Cite this": copy buttons, and citations that follow the paragraph in the address (#p7).
   No library, nothing fetched. */
(function () {
  "use strict";
  function fallbackCopy(text) {
    var area = document.createElement("textarea");
    area.value = text;
    area.setAttribute("readonly", "");
    area.style.position = "fixed";
    area.style.opacity = "0";
    document.body.appendChild(area);
    area.select();
    var ok = false;
    try { ok = document.execCommand("copy"); } catch (e) { ok = false; }
    document.body.removeChild(area);
    return ok ? Promise.resolve() : Promise.reject(new Error("copy failed"));
  }
  function copy(text) {
    if (navigator.clipboard && window.isSecureContext) {
      return navigator.clipboard.writeText(text).catch(function () { return fallbackCopy(text); });
    }
    return fallbackCopy(text);
  }
  document.addEventListener("click", function (event) {
    var button = event.target.closest ? event.target.closest("button[data-copy]") : null;
    if (!button) return;
    var source = document.getElementById(button.getAttribute("data-copy"));
    if (!source) return;
    var status = document.querySelector(".cite-status");
    var label = button.querySelector(".visually-hidden");
    var name = label ? label.textContent.trim() : "citation";
    copy(source.textContent.trim()).then(function () {
      button.classList.add("copied");
      if (status) status.textContent = "Copied the " + name + " to the clipboard.";
      window.setTimeout(function () { button.classList.remove("copied"); }, 2000);
    }, function () {
      if (status) status.textContent = "Could not copy; select the text and copy it by hand.";
    });
  });
  // A reader who followed a paragraph's number cites that paragraph: every citation's link
  // points to it. Without a #pN address the citations are of the whole document.
  function citeParagraph() {
    var match = /^#p(\d+)$/.exec(window.location.hash);
    document.querySelectorAll(".cite-url").forEach(function (span) {
      var url = span.getAttribute("data-url");
      span.textContent = match ? url + "#p" + match[1] : url;
    });
    var scope = document.querySelector(".cite-scope");
    if (!scope) return;
    scope.hidden = !match;
    scope.textContent = match
      ? "Citing paragraph " + match[1] + ": each citation links to it."
      : "";
  }
  window.addEventListener("hashchange", citeParagraph);
  citeParagraph();
})();
