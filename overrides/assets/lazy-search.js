/* Sanctuary Guide: two small changes to Material's search, in a script that runs before its bundle.
   1. Fetch the search index only when a reader starts to search (online; offline the index is part
      of the page). Material's bundle requests search/search_index.json as every page loads; with a
      page for every county the index is most of a page's weight, and most readers never search.
      This holds that one request back until the reader opens search (focus or a click on the search
      field, Material's search keys "/", "s", "f", or a ?q= search link); then it goes out unchanged.
   2. A result's title opens the place it names. When a page matched only in a section, Material
      still titles the result with the page (scored 0, a link to the page's top, which may be tens
      of thousands of pixels above the match) and shows the matching section below it: the title
      then links to that section. Nothing else is touched. */
(function () {
  "use strict";
  var INDEX = /\/search\/search_index\.json(?:[?#]|$)/;
  var open = XMLHttpRequest.prototype.open, send = XMLHttpRequest.prototype.send;
  var waiting = [], released = /[?&]q=/.test(location.search);
  function release() {
    if (released) return;
    released = true;
    waiting.splice(0).forEach(function (go) { go(); });
  }
  XMLHttpRequest.prototype.open = function (method, url) {
    this.sgHeld = INDEX.test(String(url));
    return open.apply(this, arguments);
  };
  XMLHttpRequest.prototype.send = function () {
    var xhr = this, args = arguments;
    if (xhr.sgHeld && !released) { waiting.push(function () { send.apply(xhr, args); }); return; }
    return send.apply(xhr, args);
  };
  function isSearch(el) {
    return el && el.closest && el.closest(".md-search, label[for='__search'], #__search");
  }
  document.addEventListener("focusin", function (e) { if (isSearch(e.target)) release(); }, true);
  document.addEventListener("pointerdown", function (e) { if (isSearch(e.target)) release(); }, true);
  document.addEventListener("change", function (e) { if (e.target && e.target.id === "__search") release(); }, true);
  document.addEventListener("keydown", function (e) {
    var t = e.target, typing = t && (t.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(t.tagName));
    if (!typing && !e.ctrlKey && !e.metaKey && !e.altKey && (e.key === "/" || e.key === "s" || e.key === "f")) release();
  }, true);
})();
(function () {
  "use strict";
  function retarget(item) {
    var links = item.querySelectorAll ? item.querySelectorAll("a.md-search-result__link") : [];
    var title = links[0], article = title && title.querySelector("article[data-md-score]");
    if (links.length > 1 && Number(article && article.getAttribute("data-md-score")) === 0) title.href = links[1].href;
  }
  function watch() {
    var list = document.querySelector(".md-search-result__list");
    if (!list) return;
    new MutationObserver(function (records) {
      records.forEach(function (r) { Array.prototype.forEach.call(r.addedNodes, retarget); });
    }).observe(list, { childList: true });
  }
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", watch);
  else watch();
})();
