/* Sanctuary Guide: small progressive enhancements, no dependencies, no network.
   - filter and sort long tables (the 287(g) list, the compare matrix);
   - "Check your city": choices kept in the page address so a result can be shared. */
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
          rows.sort(function (a, b) {
            return sign * a.cells[col].textContent.localeCompare(b.cells[col].textContent, undefined, { numeric: true });
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
      link.href = address;
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

  /* Compare matrix: filter every place (from the page's inline JSON), draw the matching rows. */
  function setupMatrix(root) {
    var box = root.querySelector("[data-matrix-filter]");
    var script = root.getElementById ? root.getElementById("sg-matrix-data") : null;
    var table = root.getElementById ? root.getElementById("sg-matrix") : null;
    if (!box || !script || !table) return;
    var data = JSON.parse(script.textContent);
    var q = box.querySelector("#matrix-q"), state = box.querySelector("#matrix-state"), has = box.querySelector("#matrix-has");
    var count = box.querySelector("[data-filter-count]");
    var cut = root.querySelector("[data-matrix-cut]");
    var body = table.tBodies[0];
    var names = data.places.map(function (p) { return norm(p[1]); });
    box.hidden = false;

    function cell(place, i) {
      var status = data.statuses[place[3].charAt(i)];  // [value, label], from the page's data
      var prov = data.provisions[i];
      var td = document.createElement("td");
      td.className = "sg-cell sg-cell--" + status[0];
      var a = document.createElement("a");
      a.href = data.placeLink.replace("SLUG", place[0]) + "#" + prov[3];
      a.title = place[1] + ": " + prov[2];
      var badge = document.createElement("span");
      badge.className = "sg-status sg-status--" + status[0];
      badge.textContent = status[1];
      a.appendChild(badge);
      td.appendChild(a);
      return td;
    }

    function row(place) {
      var tr = document.createElement("tr");
      var th = document.createElement("th");
      th.scope = "row";
      var a = document.createElement("a");
      a.href = data.placeLink.replace("SLUG", place[0]);
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
      var hits = [];
      for (var i = 0; i < data.places.length; i++) {
        var p = data.places[i];
        if (code && p[2] !== code) continue;
        if (col >= 0 && data.has.indexOf(p[3].charAt(col)) === -1) continue;
        if (!words.every(function (w) { return names[i].indexOf(w) !== -1; })) continue;
        hits.push(p);
      }
      var frag = document.createDocumentFragment();
      hits.slice(0, data.limit).forEach(function (p) { frag.appendChild(row(p)); });
      body.replaceChildren(frag);
      count.textContent = plural(count, "data-template", hits.length);
      if (cut) cut.hidden = hits.length <= data.limit ? true : false;
      var params = new URLSearchParams(location.search);
      ["q", "state", "has"].forEach(function (k) { params.delete(k); });
      if (q.value) params.set("q", q.value);
      if (code) params.set("state", code);
      if (col >= 0) params.set("has", col);
      try { history.replaceState(null, "", location.pathname + (params.toString() ? "?" + params : "")); } catch (e) { /* file:// */ }
      return hits.length;
    }

    var start = new URLSearchParams(location.search);
    q.value = start.get("q") || "";
    state.value = start.get("state") || "";
    has.value = start.get("has") || "";
    [q, state, has].forEach(function (el) { el.addEventListener(el.tagName === "INPUT" ? "input" : "change", apply); });
    window.sgMatrixFilter = apply;  // for the benchmark's timing
    if (q.value || state.value || has.value) apply();
    else count.textContent = plural(count, "data-template", data.places.length);
  }

  function init() {
    setupMatrix(document);
    setupFilters(document);
    setupSort(document);
    setupChecklist(document);
  }
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", init);
  else init();
})();
