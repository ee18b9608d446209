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
     page's report card alone (guide.css: html.sg-card-mode) until the print is over. The card is not in the page: the
     build moved it into a script beside it (sanctuary/steps.py: detach_card), loaded into the page's
     <div data-card-src> on the first press (a script, not a fetch, so it works from file:// too). */
  function setupCard(root) {
    var button = root.querySelector("[data-print-card]");
    var slot = root.querySelector("[data-card-src]");
    if (!button || !slot) return;
    var page = document.documentElement;
    var armed = false, loading = false;
    function printCard() {
      armed = true;
      page.classList.add("sg-card-mode");
      window.print();
    }
    function done() { loading = false; button.removeAttribute("aria-busy"); }
    button.addEventListener("click", function () {
      if (slot.firstElementChild) { printCard(); return; }
      if (loading) return;
      loading = true;
      button.setAttribute("aria-busy", "true");
      window.sgCard = function (html) { slot.innerHTML = html; };
      var script = document.createElement("script");
      script.src = slot.getAttribute("data-card-src");
      script.onload = function () { done(); if (slot.firstElementChild) printCard(); };
      script.onerror = done;
      document.head.appendChild(script);
    });
    // A print the reader starts otherwise (Ctrl+P) is the whole page, as without the button.
    window.addEventListener("beforeprint", function () { if (!armed) page.classList.remove("sg-card-mode"); });
    window.addEventListener("afterprint", function () { armed = false; page.classList.remove("sg-card-mode"); });
  }

  /* Compare matrix: filter every place (from the page's inline JSON), draw the matching rows.
     Choosing a state also loads that state's counties and cities (assets/compare/<st>.js, made at
     build time; a script, so it works offline too) with their derived or not-researched statuses.
     Rows: [link from the edition's root, name, state, status letters, kind, derived mask, researched,
     id, slug]; the id is the same in every edition (sanctuary/comparedata.py).
     A reader can tick 2 to data.pickMax places: "Show only the chosen places" draws them alone and
     puts them in the address (?p=id,id: the address that "Share" gives, which reopens them), and
     while 2 or more are ticked the page prints only them (provisions as rows: guide.css). */
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
    var pick = root.querySelector("[data-compare-pick]");
    var pickCount = pick.querySelector("[data-compare-count]"), linkOut = pick.querySelector("[data-compare-link]");
    var onlyButton = pick.querySelector("[data-compare-only]"), shareButton = pick.querySelector("[data-compare-share]");
    var printButton = pick.querySelector("[data-compare-print]"), clearButton = pick.querySelector("[data-compare-clear]");
    var printout = root.querySelector("[data-compare-printout]");
    var byId = {};  // id (and a researched place's slug) -> its row
    var chosen = [];  // the ticked places' ids (or, until a state's script arrives, the address's words), in the order ticked
    var only = false;  // drawing the chosen places alone: those of `drawn`, ticked or not since
    var drawn = [];
    var lost = 0;  // ids of the address that no row has (a place no longer in the guide, a mistyped address)
    box.hidden = false;

    function index(rows) {
      rows.forEach(function (r) { byId[r[7]] = r; if (r[8]) byId[r[8]] = r; });
    }
    index(data.places);

    window.sgMatrix = {
      add: function (code, rows) {
        areas[code] = rows;
        index(rows);
        chosen = chosen.map(function (t) { return byId[t] ? byId[t][7] : t; });
        drawn = drawn.map(function (t) { return byId[t] ? byId[t][7] : t; });
        apply();
        updatePick();
      }
    };
    function loadState(code) {
      if (!code || areas[code] || asked[code]) return;
      asked[code] = true;
      var s = document.createElement("script");
      s.src = data.root + data.areaDir + "/" + code.toLowerCase() + ".js";
      s.onerror = function () { areas[code] = []; apply(); updatePick(); };
      document.head.appendChild(s);
    }
    // The state whose script holds a county or city id ("counties/tx/harris" -> TX).
    function stateOf(id) {
      var m = /^(?:counties|cities)\/([a-z]{2})\//.exec(id);
      return m ? m[1].toUpperCase() : "";
    }
    function waiting(id) {
      var code = stateOf(id);
      return !byId[id] && code && !areas[code];
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
      a.appendChild(badge(place, i));
      td.appendChild(a);
      return td;
    }
    function badge(place, i) {
      var st = data.statuses[place[3].charAt(i)];
      var frag = document.createDocumentFragment();
      var span = document.createElement("span");
      span.className = "sg-status sg-status--" + st[0];
      span.textContent = st[1];
      frag.appendChild(span);
      if (place[5].charAt(i) === "1") {
        var mark = document.createElement("span");
        mark.className = "sg-derived";
        mark.textContent = " " + data.derivedMark;
        frag.appendChild(mark);
      }
      return frag;
    }

    function row(place) {
      var tr = document.createElement("tr");
      var td = document.createElement("td");
      td.className = "sg-pick-cell";
      var input = document.createElement("input");
      input.type = "checkbox";
      input.autocomplete = "off";
      input.setAttribute("data-pick", place[7]);
      input.setAttribute("aria-label", table.getAttribute("data-pick-label").replace("{name}", place[1] + ", " + place[2]));
      input.checked = chosen.indexOf(place[7]) !== -1;
      td.appendChild(input);
      tr.appendChild(td);
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

    function rowsOf(ids) {
      return ids.map(function (id) { return byId[id]; }).filter(Boolean);
    }
    function chosenRows() { return rowsOf(chosen); }

    function apply() {
      var words = norm(q.value).split(/\s+/).filter(Boolean);
      var code = state.value, col = has.value === "" ? -1 : +has.value;
      var want = kind ? kind.value : "", letters = status && status.value ? status.value : data.has.join("");
      loadState(code);
      var hits = [];
      if (only) {
        hits = rowsOf(drawn);
      } else {
        var pool = data.places.concat(code && areas[code] ? areas[code] : []);
        for (var i = 0; i < pool.length; i++) {
          var p = pool[i];
          if (code && p[2] !== code) continue;
          if (want && (want === "researched" ? !p[6] : p[4] !== want)) continue;
          if (col >= 0 && letters.indexOf(p[3].charAt(col)) === -1) continue;
          var name = norm(p[1]);
          if (!words.every(function (w) { return name.indexOf(w) !== -1; })) continue;
          hits.push(p);
        }
      }
      var frag = document.createDocumentFragment();
      hits.slice(0, data.limit).forEach(function (p) { frag.appendChild(row(p)); });
      body.replaceChildren(frag);
      count.textContent = plural(count, "data-template", hits.length);
      if (cut) cut.hidden = only || hits.length <= data.limit;
      writeAddress();
      return hits.length;
    }

    // The address keeps the filters, or, while the chosen places are drawn alone, only them.
    function writeAddress() {
      var code = state.value, col = has.value === "" ? -1 : +has.value, want = kind ? kind.value : "";
      var params = new URLSearchParams(location.search);
      ["q", "state", "has", "kind", "status", "p"].forEach(function (k) { params.delete(k); });
      if (!only) {
        if (q.value) params.set("q", q.value);
        if (code) params.set("state", code);
        if (col >= 0) params.set("has", col);
        if (want) params.set("kind", want);
        if (status && status.value) params.set("status", status.value);
      }
      var query = params.toString();
      if (only) query = (query ? query + "&" : "") + "p=" + chosen.join(",");  // ids need no escaping: [a-z0-9-/]
      try { history.replaceState(null, "", location.pathname + (query ? "?" + query : "")); } catch (e) { /* file:// */ }
    }

    // The address that reopens the chosen places: the page's public address where it has one
    // (also from the offline edition), else this copy's own.
    function shareAddress() {
      return (data.address || location.href.split(/[?#]/)[0]) + "?p=" + chosen.join(",");
    }

    function updatePick() {
      var gone = chosen.filter(function (id) { return !byId[id] && !waiting(id); });
      if (gone.length) {
        lost += gone.length;
        chosen = chosen.filter(function (id) { return gone.indexOf(id) === -1; });
        if (only) writeAddress();
      }
      var n = chosen.length, ready = chosenRows().length;
      var text = plural(pickCount, "data-template", n);
      if (n === 1) text += " " + pickCount.getAttribute("data-more");
      if (n >= data.pickMax) text += " " + pickCount.getAttribute("data-max");
      if (lost) text += " " + plural(pickCount, "data-missing", lost);
      if (pickCount.textContent !== text) pickCount.textContent = text;
      onlyButton.disabled = !only && ready < 2;
      onlyButton.setAttribute("aria-pressed", only ? "true" : "false");
      shareButton.disabled = printButton.disabled = ready < 2;
      clearButton.disabled = n === 0;
      body.querySelectorAll("input[data-pick]").forEach(function (input) {
        input.checked = chosen.indexOf(input.getAttribute("data-pick")) !== -1;
      });
      drawPrintout(ready >= 2 ? chosenRows() : []);
    }

    // The printed comparison: a provision per row, a chosen place per column, in words.
    function drawPrintout(rows) {
      document.documentElement.classList.toggle("sg-compare-mode", rows.length >= 2);
      var holder = printout.querySelector("[data-compare-table]"), meta = printout.querySelector("[data-compare-meta]");
      if (rows.length < 2) { holder.replaceChildren(); meta.replaceChildren(); return; }
      var lang = document.documentElement.lang || undefined;
      var line = printout.getAttribute("data-printed").replace("{date}",
        new Date().toLocaleDateString(lang, { year: "numeric", month: "long", day: "numeric" })) + ".";
      if (data.address) line += " " + printout.getAttribute("data-online").replace("{url}", shareAddress());
      meta.textContent = line;
      var t = document.createElement("table");
      t.className = "sg-table sg-compare-print";
      var caption = t.createCaption();
      caption.textContent = printout.getAttribute("data-caption");
      var head = t.createTHead().insertRow();
      head.appendChild(document.createElement("td"));
      rows.forEach(function (r) {
        var th = document.createElement("th");
        th.scope = "col";
        th.textContent = r[1] + " ";
        var st = document.createElement("span");
        st.className = "sg-muted";
        st.textContent = r[2];
        th.appendChild(st);
        head.appendChild(th);
      });
      var derived = false, i = 0;
      data.sections.forEach(function (section) {
        var group = t.createTBody();
        var th = document.createElement("th");
        th.scope = "rowgroup";
        th.colSpan = rows.length + 1;
        th.className = "sg-compare-print__section";
        th.textContent = section[0];
        group.insertRow().appendChild(th);
        for (var end = i + section[1]; i < end; i++) {
          var tr = group.insertRow();
          var name = document.createElement("th");
          name.scope = "row";
          name.textContent = data.provisions[i][2] + " ";
          var code = document.createElement("span");
          code.className = "sg-code";
          code.textContent = data.provisions[i][0];
          name.appendChild(code);
          tr.appendChild(name);
          for (var j = 0; j < rows.length; j++) {
            tr.insertCell().appendChild(badge(rows[j], i));
            if (rows[j][5].charAt(i) === "1") derived = true;
          }
        }
      });
      holder.replaceChildren(t);
      if (derived) {
        var note = document.createElement("p");
        note.textContent = data.derivedMark + " " + printout.getAttribute("data-derived");
        holder.appendChild(note);
      }
    }

    body.addEventListener("change", function (e) {
      var input = e.target;
      if (!input.matches || !input.matches("input[data-pick]")) return;
      var id = input.getAttribute("data-pick");
      var at = chosen.indexOf(id);
      if (input.checked && at === -1) {
        if (chosen.length >= data.pickMax) {
          input.checked = false;
          pickCount.textContent = "";  // said again, even when it says what it said before
          updatePick();
          return;
        }
        chosen.push(id);
      } else if (!input.checked && at !== -1) {
        chosen.splice(at, 1);
      }
      lost = 0;
      linkOut.replaceChildren();
      if (only) writeAddress();  // an unticked place stays drawn (and focused) until the reader shows all
      updatePick();
    });
    onlyButton.addEventListener("click", function () {
      only = !only;
      drawn = chosen.slice();
      linkOut.replaceChildren();
      apply();
      updatePick();
    });
    clearButton.addEventListener("click", function () {
      chosen = [];
      only = false;
      lost = 0;
      linkOut.replaceChildren();
      apply();
      updatePick();
    });
    shareButton.addEventListener("click", function () {
      var url = shareAddress();
      var a = document.createElement("a");
      a.href = url;
      a.textContent = url;
      a.setAttribute("data-compare-address", "");
      linkOut.replaceChildren(linkOut.getAttribute("data-label") + " ", a);
      if (navigator.share) {
        navigator.share({ title: document.title, url: url }).catch(function () { /* the reader closed it */ });
      } else if (navigator.clipboard && navigator.clipboard.writeText) {
        navigator.clipboard.writeText(url).then(function () {
          linkOut.append(" " + linkOut.getAttribute("data-copied"));
        }, function () { /* not allowed here: the link is on the page */ });
      }
    });
    printButton.addEventListener("click", function () { window.print(); });

    var start = new URLSearchParams(location.search);
    q.value = start.get("q") || "";
    state.value = start.get("state") || "";
    has.value = start.get("has") || "";
    if (kind) kind.value = start.get("kind") || "";
    if (status) status.value = start.get("status") || "";
    chosen = (start.get("p") || "").split(",").filter(function (id, i, all) {
      return /^[a-z0-9][a-z0-9\/-]*$/.test(id) && all.indexOf(id) === i;  // ids only, each once
    }).slice(0, data.pickMax).map(function (id) { return byId[id] ? byId[id][7] : id; });
    only = chosen.length > 0;
    drawn = chosen.slice();
    chosen.forEach(function (id) { if (waiting(id)) loadState(stateOf(id)); });
    [q, state, has, kind, status].forEach(function (el) {
      if (el) el.addEventListener(el.tagName === "INPUT" ? "input" : "change", function () { only = false; apply(); updatePick(); });
    });
    window.sgMatrixFilter = apply;  // for the benchmark's timing
    if (only || q.value || state.value || has.value || (kind && kind.value) || (status && status.value)) apply();
    else count.textContent = plural(count, "data-template", data.places.length);
    updatePick();
  }

  // A place page's policies are collapsed (details.sg-policy-box): a link to one (#policy-x, from
  // the table of provisions or another page) opens it. A target inside a closed <details> the
  // browser opens by itself; the policy's own id is on its <article>, outside.
  function openTargetPolicy() {
    var id = decodeURIComponent(location.hash.slice(1));
    var el = id && document.getElementById(id);
    var box = el && el.classList.contains("sg-policy") && el.querySelector("details.sg-policy-box");
    if (box) box.open = true;
  }

  function init() {
    openTargetPolicy();
    window.addEventListener("hashchange", openTargetPolicy);
    setupMatrix(document);
    setupFilters(document);
    setupSort(document);
    setupChecklist(document);
    setupCard(document);
  }
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", init);
  else init();
})();
