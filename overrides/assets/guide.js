/* Sanctuary Guide: small progressive enhancements, no dependencies, no network.
   - filter and sort long tables (the 287(g) list, the compare matrix);
   - "Check your city": choices kept in the page address so a result can be shared;
   - the report card of a place, county or city page: its button prints the card alone. */
(function () {
  "use strict";

  function norm(s) {
    return s.normalize("NFD").replace(/[\u0300-\u036f]/g, "").toLowerCase();
  }

  /* A count's label: the page gives both forms, ATTR-one (n = 1) and ATTR-other (any other n), the
     rule of Ctx.tn in sanctuary/render.py; {n} is replaced here. */
  function plural(el, attr, n) {
    return el.getAttribute(attr + (n === 1 ? "-one" : "-other")).replace("{n}", n);
  }

  /* Filter: <div class="sg-filter" data-filter-for="TABLE_ID" hidden><input>...</div> */
  function setupFilters(root) {
    root.querySelectorAll(".sg-filter[data-filter-for]").forEach(function (box) {
      var table = document.getElementById(box.getAttribute("data-filter-for"));
      var input = box.querySelector("input");
      var count = box.querySelector("[data-filter-count]");
      if (!table || !input) return;
      var rows = Array.prototype.slice.call(table.tBodies[0].rows);
      var texts = rows.map(function (r) { return norm(r.textContent); });
      box.hidden = false;
      function apply() {
        var words = norm(input.value).split(/\s+/).filter(Boolean);
        var shown = 0;
        for (var i = 0; i < rows.length; i++) {
          var ok = words.every(function (w) { return texts[i].indexOf(w) !== -1; });
          rows[i].hidden = !ok;
          if (ok) shown++;
        }
        if (count) count.textContent = plural(count, "data-template", shown).replace("{total}", rows.length);
      }
      input.addEventListener("input", apply);
      apply();
    });
  }

  /* Sort: <table class="sg-sortable"> with <button data-sort="COLUMN"> in its headers */
  function setupSort(root) {
    root.querySelectorAll("table.sg-sortable").forEach(function (table) {
      var heads = table.tHead.rows[0].cells;
      table.querySelectorAll("button[data-sort]").forEach(function (button) {
        button.addEventListener("click", function () {
          var col = +button.getAttribute("data-sort");
          var th = heads[col];
          var dir = th.getAttribute("aria-sort") === "ascending" ? "descending" : "ascending";
          for (var i = 0; i < heads.length; i++) heads[i].removeAttribute("aria-sort");
          th.setAttribute("aria-sort", dir);
          var body = table.tBodies[0];
          var rows = Array.prototype.slice.call(body.rows);
          var sign = dir === "ascending" ? 1 : -1;
          // A date sorts by its <time datetime> (the cell shows it in words); text by the page's language.
          var key = function (cell) { var t = cell.querySelector("time"); return t ? t.getAttribute("datetime") : cell.textContent; };
          var lang = document.documentElement.lang || undefined;
          rows.sort(function (a, b) {
            return sign * key(a.cells[col]).localeCompare(key(b.cells[col]), lang, { numeric: true, sensitivity: "base" });
          });
          rows.forEach(function (r) { body.appendChild(r); });
        });
      });
    });
  }

  /* Check your city */
  function setupChecklist(root) {
    var form = root.querySelector("form[data-checklist]");
    if (!form) return;
    var items = Array.prototype.slice.call(form.querySelectorAll(".sg-check__item"));
    var select = form.querySelector("select[name=place]");
    var summary = root.querySelector("[data-check-summary]");
    var haveList = root.querySelector("[data-check-have]");
    var missingList = root.querySelector("[data-check-missing]");
    var link = root.querySelector("[data-check-link]");
    var placeLine = root.querySelector("[data-check-place]");
    var printed = root.querySelector("[data-check-printed]");
    // The printed handout gives the page's public address: the canonical one, never a local preview's.
    var canonical = document.querySelector("link[rel=canonical]");
    var publicRoot = canonical && /^https?:/.test(canonical.href) && !/^https?:\/\/(localhost|127\.|0\.0\.0\.0|\[::1?\])/.test(canonical.href)
      ? canonical.href.split(/[?#]/)[0] : "";
    document.documentElement.classList.add("sg-check-page");
    printed.textContent = printed.dataset.text.replace("{date}",
      new Date().toLocaleDateString(document.documentElement.lang || undefined, { year: "numeric", month: "long", day: "numeric" }));

    function box(code) { return form.querySelector("#have-" + code); }

    function readAddress() {
      var params = new URLSearchParams(location.search);
      var have = (params.get("have") || "").split(",").filter(Boolean);
      items.forEach(function (item) { box(item.dataset.code).checked = have.indexOf(item.dataset.code) !== -1; });
      if (params.get("place")) {
        select.value = params.get("place");
        var opt = select.options[select.selectedIndex];
        partial = opt ? (opt.dataset.partial || "").split(",").filter(Boolean) : [];
      }
    }

    var partial = [];  // provisions the chosen place has only in part, per the guide's data

    function entry(item, withAdopters) {
      var li = document.createElement("li");
      var a = document.createElement("a");
      a.href = item.dataset.link;
      a.textContent = item.dataset.title;
      li.appendChild(a);
      if (withAdopters && partial.indexOf(item.dataset.code) !== -1) {
        li.appendChild(document.createTextNode(" (" + missingList.dataset.partialLabel + ")"));
      }
      if (withAdopters && +item.dataset.adopters > 0) {
        li.appendChild(document.createTextNode(" — " + plural(missingList, "data-adopters-template", +item.dataset.adopters)));
      }
      return li;
    }

    function render() {
      var have = items.filter(function (i) { return box(i.dataset.code).checked; });
      var missing = items.filter(function (i) { return !box(i.dataset.code).checked; });
      haveList.replaceChildren.apply(haveList, have.map(function (i) { return entry(i, false); }));
      missingList.replaceChildren.apply(missingList, missing.map(function (i) { return entry(i, true); }));
      summary.textContent = plural(summary, "data-template", have.length).replace("{total}", items.length);
      var params = new URLSearchParams();
      if (have.length) params.set("have", have.map(function (i) { return i.dataset.code; }).join(","));
      if (select.value) params.set("place", select.value);
      var query = params.toString();
      var address = location.pathname + (query ? "?" + query : "");
      try { history.replaceState(null, "", address); } catch (e) { /* file:// in some browsers */ }
      link.href = publicRoot ? publicRoot + (query ? "?" + query : "") : address;
      var opt = select.value ? select.options[select.selectedIndex] : null;
      placeLine.hidden = !opt;
      placeLine.replaceChildren();
      if (opt) {
        var strong = document.createElement("strong");
        strong.textContent = placeLine.dataset.text.replace("{place}", opt.dataset.title);
        placeLine.append(strong, document.createElement("br"), placeLine.dataset.reviewedTemplate.replace("{date}", opt.dataset.reviewed));
      }
    }

    select.addEventListener("change", function () {
      var opt = select.options[select.selectedIndex];
      var codes = (opt.dataset.have || "").split(",").filter(Boolean);
      partial = (opt.dataset.partial || "").split(",").filter(Boolean);
      items.forEach(function (item) { box(item.dataset.code).checked = codes.indexOf(item.dataset.code) !== -1; });
      render();
    });
    form.addEventListener("change", function (e) { if (e.target.type === "checkbox") render(); });
    form.querySelector("[data-check-print]").addEventListener("click", function () { window.print(); });
    readAddress();
    render();
  }

  /* Report card: the <p class="sg-card-print"><button data-print-card> (hidden by CSS where scripts are off) prints the
     page's .sg-card alone (guide.css: html.sg-card-mode) until the print is over. */
  function setupCard(root) {
    var button = root.querySelector("[data-print-card]");
    if (!button || !root.querySelector(".sg-card")) return;
    var page = document.documentElement;
    var armed = false;
    button.addEventListener("click", function () {
      armed = true;
      page.classList.add("sg-card-mode");
      window.print();
    });
    // A print the reader starts otherwise (Ctrl+P) is the whole page, as without the button.
    window.addEventListener("beforeprint", function () { if (!armed) page.classList.remove("sg-card-mode"); });
    window.addEventListener("afterprint", function () { armed = false; page.classList.remove("sg-card-mode"); });
  }

  /* Compare matrix: filter every place (from the page's inline JSON), draw the matching rows.
     Choosing a state also loads that state's counties and cities (assets/compare/<st>.js, made at
     build time; a script, so it works offline too) with their derived or not-researched statuses.
     Rows: [link from the edition's root, name, state, status letters, kind, derived mask, researched]. */
  function setupMatrix(root) {
    var box = root.querySelector("[data-matrix-filter]");
    var script = root.getElementById ? root.getElementById("sg-matrix-data") : null;
    var table = root.getElementById ? root.getElementById("sg-matrix") : null;
    if (!box || !script || !table) return;
    var data = JSON.parse(script.textContent);
    var q = box.querySelector("#matrix-q"), state = box.querySelector("#matrix-state"), has = box.querySelector("#matrix-has");
    var kind = box.querySelector("#matrix-kind"), status = box.querySelector("#matrix-status");
    var count = box.querySelector("[data-filter-count]");
    var cut = root.querySelector("[data-matrix-cut]");
    var body = table.tBodies[0];
    var areas = {}, asked = {};
    box.hidden = false;

    window.sgMatrix = {
      add: function (code, rows) { areas[code] = rows; apply(); }
    };
    function loadState(code) {
      if (!code || areas[code] || asked[code]) return;
      asked[code] = true;
      var s = document.createElement("script");
      s.src = data.root + data.areaDir + "/" + code.toLowerCase() + ".js";
      s.onerror = function () { areas[code] = []; apply(); };
      document.head.appendChild(s);
    }

    function cell(place, i) {
      var st = data.statuses[place[3].charAt(i)];  // [value, label], from the page's data
      var prov = data.provisions[i];
      var derived = place[5].charAt(i) === "1";
      var td = document.createElement("td");
      td.className = "sg-cell sg-cell--" + st[0] + (derived ? " sg-cell--derived" : "");
      var a = document.createElement("a");
      a.href = data.root + place[0] + (place[0].indexOf("#") === -1 ? "#" + prov[3] : "");
      a.title = place[1] + ": " + prov[2] + (derived ? " (" + data.derivedLabel + ")" : "");
      var badge = document.createElement("span");
      badge.className = "sg-status sg-status--" + st[0];
      badge.textContent = st[1];
      a.appendChild(badge);
      if (derived) {
        var mark = document.createElement("span");
        mark.className = "sg-derived";
        mark.textContent = " " + data.derivedMark;
        a.appendChild(mark);
      }
      td.appendChild(a);
      return td;
    }

    function row(place) {
      var tr = document.createElement("tr");
      var th = document.createElement("th");
      th.scope = "row";
      var a = document.createElement("a");
      a.href = data.root + place[0];
      a.textContent = place[1];
      var st = document.createElement("span");
      st.className = "sg-muted";
      st.textContent = place[2];
      th.appendChild(a);
      th.appendChild(document.createTextNode(" "));
      th.appendChild(st);
      tr.appendChild(th);
      for (var i = 0; i < data.provisions.length; i++) tr.appendChild(cell(place, i));
      return tr;
    }

    function apply() {
      var words = norm(q.value).split(/\s+/).filter(Boolean);
      var code = state.value, col = has.value === "" ? -1 : +has.value;
      var want = kind ? kind.value : "", letters = status && status.value ? status.value : data.has.join("");
      loadState(code);
      var pool = data.places.concat(code && areas[code] ? areas[code] : []);
      var hits = [];
      for (var i = 0; i < pool.length; i++) {
        var p = pool[i];
        if (code && p[2] !== code) continue;
        if (want && (want === "researched" ? !p[6] : p[4] !== want)) continue;
        if (col >= 0 && letters.indexOf(p[3].charAt(col)) === -1) continue;
        var name = norm(p[1]);
        if (!words.every(function (w) { return name.indexOf(w) !== -1; })) continue;
        hits.push(p);
      }
      var frag = document.createDocumentFragment();
      hits.slice(0, data.limit).forEach(function (p) { frag.appendChild(row(p)); });
      body.replaceChildren(frag);
      count.textContent = plural(count, "data-template", hits.length);
      if (cut) cut.hidden = hits.length <= data.limit ? true : false;
      var params = new URLSearchParams(location.search);
      ["q", "state", "has", "kind", "status"].forEach(function (k) { params.delete(k); });
      if (q.value) params.set("q", q.value);
      if (code) params.set("state", code);
      if (col >= 0) params.set("has", col);
      if (want) params.set("kind", want);
      if (status && status.value) params.set("status", status.value);
      try { history.replaceState(null, "", location.pathname + (params.toString() ? "?" + params : "")); } catch (e) { /* file:// */ }
      return hits.length;
    }

    var start = new URLSearchParams(location.search);
    q.value = start.get("q") || "";
    state.value = start.get("state") || "";
    has.value = start.get("has") || "";
    if (kind) kind.value = start.get("kind") || "";
    if (status) status.value = start.get("status") || "";
    [q, state, has, kind, status].forEach(function (el) {
      if (el) el.addEventListener(el.tagName === "INPUT" ? "input" : "change", apply);
    });
    window.sgMatrixFilter = apply;  // for the benchmark's timing
    if (q.value || state.value || has.value || (kind && kind.value) || (status && status.value)) apply();
    else count.textContent = plural(count, "data-template", data.places.length);
  }

  function init() {
    setupMatrix(document);
    setupFilters(document);
    setupSort(document);
    setupChecklist(document);
    setupCard(document);
  }
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", init);
  else init();
})();
