/* Sanctuary Guide, offline edition: the county and city view (area.html). Its address names a county
   or city (area.html#counties/tx/harris; search results use area.html?r=counties/tx/harris); the view loads the one small data file that holds it
   (assets/areas/tx/h.js, made at build time by sanctuary/areaview.py, split by state and first
   letter) and its state's shared lines (assets/areas/tx/_.js), joins them (areaview.unpack) and
   shows what that county's page shows online. Scripts, not fetches, so it works under
   file://; no request leaves the downloaded guide. The HTML in the data files comes from the
   guide's own templates, which escape every text from the data. */
(function () {
  "use strict";
  var ROUTE = /^(counties|cities)\/([a-z]{2})\/([a-z0-9-]+)$/;
  var view = document.querySelector("[data-area-view]");
  if (!view) return;
  var root = view.getAttribute("data-root") || "", dir = view.getAttribute("data-data");
  var start = view.innerHTML, siteName = view.getAttribute("data-site"), startTitle = document.title;
  var rows = {}, shared = {}, loaded = {}, waiting = {};

  window.sgAreas = {
    lines: function (st, lines) { shared[st] = lines; },
    add: function (st, more) { for (var k in more) rows[k] = [st, more[k]]; }
  };

  // A county's HTML: its own lines, and the numbers of its state's shared lines.
  function html(row) {
    var lines = shared[row[0]];
    if (!lines) return null;
    return row[1][1].map(function (p) { return typeof p === "number" ? lines[p] : p; }).join("\n");
  }

  function chunk(st, slug) {
    var c = slug.charAt(0);
    return dir + "/" + st + "/" + (/[a-z]/.test(c) ? c : "0") + ".js";
  }

  function load(path, then) {
    if (loaded[path]) return then();
    if (waiting[path]) { waiting[path].push(then); return; }
    waiting[path] = [then];
    var s = document.createElement("script");
    s.src = root + path;
    s.onload = s.onerror = function () {
      loaded[path] = true;
      (waiting[path] || []).forEach(function (go) { go(); });
      delete waiting[path];
    };
    document.head.appendChild(s);
  }

  function message(text) {
    var p = document.createElement("p");
    p.className = "sg-area-view__message";
    p.textContent = text;
    return p;
  }

  function current() {
    var hash = decodeURIComponent(location.hash.replace(/^#/, ""));
    if (ROUTE.test(hash)) return hash;
    var query = new URLSearchParams(location.search).get("r") || "";
    return ROUTE.test(query) ? query : hash;
  }

  function show() {
    var route = current();
    var m = ROUTE.exec(route);
    if (!m) {  // no county named (or an anchor inside the shown one): leave the page as it is
      if (!route) { view.innerHTML = start; document.title = startTitle; }
      return;
    }
    view.replaceChildren(message(view.getAttribute("data-loading")));
    var left = 2;
    function ready() {
      if (--left || current() !== route) return;
      var row = rows[route], text = row && html(row);
      if (!text) {
        view.replaceChildren(message(view.getAttribute("data-missing")));
        return;
      }
      view.innerHTML = text;
      document.title = row[1][0] + " - " + siteName;
      var h1 = view.querySelector("h1");
      if (h1) { h1.setAttribute("tabindex", "-1"); h1.focus({ preventScroll: true }); }
      window.scrollTo(0, 0);
    }
    load(dir + "/" + m[2] + "/_.js", ready);
    load(chunk(m[2], m[3]), ready);
  }

  window.addEventListener("hashchange", show);
  show();
})();
