/* Sanctuary Guide: fetch the search index only when a reader starts to search.
   Material's bundle requests search/search_index.json as every page loads; with a page for every
   county the index is most of a page's weight, and most readers never search. This script runs
   before the bundle and holds that one request back until the reader opens search (focus or a
   click on the search field, Material's search keys "/", "s", "f", or a ?q= search link); then it
   goes out unchanged. Nothing else is touched. */
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
