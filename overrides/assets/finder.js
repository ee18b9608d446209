/* Sanctuary Guide: "Find your place". Type a town, city, county or state; the box loads the one
   small data file for the first letter (assets/finder/<letter>.js, made at build time) and lists
   the pages that apply. No request leaves the site; it works offline (file://) too, since the data
   comes as scripts. Matching ignores case, accents and words like "County" or "Condado de", the
   same way sanctuary/finder.py builds the index. */
(function () {
  "use strict";
  var NOISE = /^(?:condado de|county of|city of|ciudad de|parroquia de|town of|pueblo de)\s+|\s+(?:county|parish|borough|census area|city and borough|municipality|planning region|city|town|village)$/;
  var LIMIT = 30;
  var loaded = {}, waiting = {};
  function fold(s) {
    s = s.normalize("NFKD").replace(/[\u0300-\u036f]/g, "").toLowerCase().replace(/[^a-z0-9]+/g, " ").trim();
    return s.replace(/\bsaint\b/g, "st");
  }
  function key(s) { s = fold(s); for (var i = 0; i < 2; i++) s = s.replace(NOISE, "").trim(); return s; }
  function bucket(k) { var c = k.charAt(0); return /[a-z]/.test(c) ? c : "0"; }

  window.sgFinder = {
    add: function (letter, rows) {
      loaded[letter] = rows;
      (waiting[letter] || []).forEach(function (go) { go(); });
      delete waiting[letter];
    }
  };

  function load(root, letter, then) {
    if (loaded[letter]) return then();
    if (waiting[letter]) { waiting[letter].push(then); return; }
    waiting[letter] = [then];
    var s = document.createElement("script");
    s.src = root + "assets/finder/" + letter + ".js";
    s.onerror = function () { loaded[letter] = []; then(); };
    document.head.appendChild(s);
  }

  function setup(form) {
    var input = form.querySelector("input"), state = form.querySelector("select");
    var list = form.querySelector("[data-finder-results]"), count = form.querySelector("[data-finder-count]");
    var root = form.getAttribute("data-root");
    function show() {
      var q = key(input.value), st = state ? state.value : "";
      list.replaceChildren();
      if (!q) { count.textContent = ""; return; }
      load(root, bucket(q), function () {
        if (key(input.value) !== q) return;
        var rows = (loaded[bucket(q)] || []).filter(function (r) {
          return r[4].indexOf(q) === 0 && (!st || r[2] === st);
        });
        rows.sort(function (a, b) { return (a[4] === q ? 0 : 1) - (b[4] === q ? 0 : 1); });
        rows.slice(0, LIMIT).forEach(function (r) {
          var li = document.createElement("li");
          var head = document.createElement("span");
          head.className = "sg-finder__name";
          head.textContent = r[0] + " (" + r[1] + ", " + r[2] + "): ";
          li.appendChild(head);
          r[3].forEach(function (t, i) {
            if (i) li.appendChild(document.createTextNode(" · "));
            var a = document.createElement("a");
            a.href = root + t[1];
            a.textContent = t[0];
            li.appendChild(a);
          });
          list.appendChild(li);
        });
        count.textContent = rows.length ? form.getAttribute(rows.length === 1 ? "data-count-one" : "data-count-other").replace("{n}", rows.length) +
          (rows.length > LIMIT ? ". " + form.getAttribute("data-more").replace("{n}", LIMIT) : "") : form.getAttribute("data-none");
      });
    }
    input.addEventListener("input", show);
    if (state) state.addEventListener("change", show);
    form.addEventListener("submit", function (e) { e.preventDefault(); show(); });
    if (input.value) show();
  }
  function init() { document.querySelectorAll("form[data-finder]").forEach(setup); }
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", init); else init();
})();
