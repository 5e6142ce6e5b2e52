(function () {
  "use strict";
  var PAGE = __PAGE_SIZE__;
  var collator = new Intl.Collator(undefined, { numeric: true, sensitivity: "base" });
  var sections = [];
  var conceptIndex = null;
  var panel = document.getElementById("steward-concept-panel");

  function text(c) { return c == null ? "" : typeof c === "string" ? c : c[0]; }
  function cid(c) { return c == null || typeof c === "string" ? null : c[1]; }
  function isNum(c) { return c != null && typeof c !== "string" && c[2] === 1; }
  function grouped(n) { return String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ","); }
  function el(tag, cls, txt) {
    var e = document.createElement(tag);
    if (cls) e.className = cls;
    if (txt != null) e.textContent = txt;
    return e;
  }
  function button(label, onClick) {
    var b = el("button", null, label);
    b.type = "button";
    b.addEventListener("click", onClick);
    return b;
  }
  function rowNode(row) {
    var tr = document.createElement("tr");
    for (var i = 0; i < row.length; i++) {
      var c = row[i], td = el("td", isNum(c) ? "num" : null), id = cid(c);
      if (id) {
        var a = el("a", "concept", text(c) || id);
        a.href = "#concept=" + id;
        a.setAttribute("data-concept", id);
        td.appendChild(a);
      } else {
        td.textContent = text(c);
      }
      tr.appendChild(td);
    }
    return tr;
  }

  // Sorting: numbers (cells flagged isNumber) compare numerically and come before text.
  function sortKeys(s, column) {
    if (!s.keys[column]) {
      s.keys[column] = s.rows.map(function (row) {
        var c = row[column];
        if (isNum(c)) {
          var v = parseFloat(text(c).replace(/[^0-9.eE+-]/g, ""));
          if (!isNaN(v)) return v;
        }
        return text(c);
      });
    }
    return s.keys[column];
  }
  function compareKeys(x, y) {
    var xn = typeof x === "number", yn = typeof y === "number";
    if (xn && yn) return x - y;
    if (xn) return -1;
    if (yn) return 1;
    return collator.compare(x, y);
  }
  function haystack(s) {
    if (!s.hay) {
      s.hay = s.rows.map(function (row) {
        var parts = [];
        for (var i = 0; i < row.length; i++) {
          parts.push(text(row[i]));
          if (cid(row[i])) parts.push(cid(row[i]));
        }
        return parts.join("\t").toLowerCase();
      });
    }
    return s.hay;
  }

  function refilter(s) {
    var view;
    if (s.concept) {
      view = (buildIndex().get(s.concept) || []).filter(function (hit) { return hit[0] === s.index; })
        .map(function (hit) { return hit[1]; });
    } else {
      view = s.rows.map(function (_, i) { return i; });
    }
    var q = s.query.trim().toLowerCase();
    if (q) {
      var hay = haystack(s);
      view = view.filter(function (i) { return hay[i].indexOf(q) >= 0; });
    }
    s.view = view;
    sortView(s);
    s.page = 0;
    s.conceptChip.hidden = !s.concept;
    s.conceptLabel.textContent = s.concept || "";
    draw(s);
  }
  function sortView(s) {
    if (s.sortColumn < 0) return;
    var keys = sortKeys(s, s.sortColumn), dir = s.descending ? -1 : 1;
    s.view.sort(function (a, b) { return dir * compareKeys(keys[a], keys[b]) || a - b; });
  }
  function draw(s) {
    var total = s.view.length, pages = Math.max(1, Math.ceil(total / PAGE));
    s.page = Math.min(Math.max(s.page, 0), pages - 1);
    var start = s.page * PAGE, end = Math.min(total, start + PAGE);
    var body = document.createElement("tbody");
    body.setAttribute("data-built", "js");
    for (var i = start; i < end; i++) body.appendChild(rowNode(s.rows[s.view[i]]));
    if (total === 0) {
      var td = el("td", "empty", "No rows match.");
      td.colSpan = s.columns.length;
      body.appendChild(el("tr")).appendChild(td);
    }
    s.table.replaceChild(body, s.tbody);
    s.tbody = body;
    var filtered = total < s.rows.length ? " (filtered from " + grouped(s.rows.length) + ")" : "";
    s.status.textContent = total === 0 ? "0 rows" + filtered
      : grouped(start + 1) + "\u2013" + grouped(end) + " of " + grouped(total) + filtered
        + (pages > 1 ? " \u00b7 page " + grouped(s.page + 1) + " of " + grouped(pages) : "");
    s.first.disabled = s.prev.disabled = s.page === 0;
    s.next.disabled = s.last.disabled = s.page >= pages - 1;
    s.first.hidden = s.prev.hidden = s.next.hidden = s.last.hidden = pages === 1;
  }

  function setUp(node, index) {
    var s = {
      node: node, index: index, id: node.id, title: node.getAttribute("data-title"),
      rows: JSON.parse(node.querySelector("script.section-rows").textContent),
      table: node.querySelector("table.data"), keys: [], hay: null,
      query: "", concept: null, sortColumn: -1, descending: false, page: 0, view: null
    };
    s.tbody = s.table.tBodies[0];
    var headers = s.table.tHead.rows[0].cells;
    s.columns = Array.prototype.map.call(headers, function (th) { return th.textContent; });
    Array.prototype.forEach.call(headers, function (th, column) {
      th.tabIndex = 0;
      th.title = "Sort by " + th.textContent;
      function sort() {
        s.descending = s.sortColumn === column ? !s.descending : false;
        s.sortColumn = column;
        Array.prototype.forEach.call(headers, function (h) { h.removeAttribute("aria-sort"); });
        th.setAttribute("aria-sort", s.descending ? "descending" : "ascending");
        sortView(s);
        s.page = 0;
        draw(s);
      }
      th.addEventListener("click", sort);
      th.addEventListener("keydown", function (e) { if (e.key === "Enter" || e.key === " ") { e.preventDefault(); sort(); } });
    });

    var controls = el("div", "controls");
    var input = el("input");
    input.type = "search";
    input.placeholder = "Filter rows\u2026";
    input.setAttribute("aria-label", "Filter rows of " + s.title);
    var timer = null;
    input.addEventListener("input", function () {
      clearTimeout(timer);
      timer = setTimeout(function () { s.query = input.value; refilter(s); }, s.rows.length > 5000 ? 200 : 0);
    });
    controls.appendChild(input);
    s.conceptChip = el("span", "concept-filter", "Only rows mentioning concept ");
    s.conceptLabel = s.conceptChip.appendChild(el("strong"));
    s.conceptChip.appendChild(document.createTextNode(" "));
    s.conceptChip.appendChild(button("\u00d7", function () { s.concept = null; refilter(s); })).title = "Show all rows";
    s.conceptChip.hidden = true;
    controls.appendChild(s.conceptChip);
    var pager = el("span", "pager");
    s.first = pager.appendChild(button("\u00ab", function () { s.page = 0; draw(s); }));
    s.prev = pager.appendChild(button("\u2039 Prev", function () { s.page--; draw(s); }));
    s.status = pager.appendChild(el("span", "status"));
    s.next = pager.appendChild(button("Next \u203a", function () { s.page++; draw(s); }));
    s.last = pager.appendChild(button("\u00bb", function () { s.page = Infinity; draw(s); }));
    s.first.title = "First page";
    s.last.title = "Last page";
    controls.appendChild(pager);
    node.insertBefore(controls, s.table);
    s.view = s.rows.map(function (_, i) { return i; });
    draw(s);
    return s;
  }

  // Concept id -> [[section index, row index], ...], one entry per row mentioning the concept.
  function buildIndex() {
    if (conceptIndex) return conceptIndex;
    conceptIndex = new Map();
    sections.forEach(function (s) {
      s.rows.forEach(function (row, r) {
        for (var i = 0; i < row.length; i++) {
          var id = cid(row[i]);
          if (!id) continue;
          var hits = conceptIndex.get(id);
          if (!hits) conceptIndex.set(id, hits = []);
          var last = hits[hits.length - 1];
          if (!last || last[0] !== s.index || last[1] !== r) hits.push([s.index, r]);
        }
      });
    });
    return conceptIndex;
  }
  function conceptName(id, hits) {
    for (var h = 0; h < hits.length; h++) {
      var row = sections[hits[h][0]].rows[hits[h][1]];
      for (var i = 0; i < row.length; i++) {
        if (cid(row[i]) === id && text(row[i]) && text(row[i]) !== id) return text(row[i]);
      }
    }
    return "";
  }
  function openConcept(id) {
    var hits = buildIndex().get(id) || [];
    var name = conceptName(id, hits);
    panel.querySelector("h2").textContent = "Concept " + id + (name ? " \u00b7 " + name : "");
    var body = panel.querySelector(".panel-body");
    body.textContent = "";
    body.appendChild(el("p", "more", hits.length
      ? grouped(hits.length) + (hits.length === 1 ? " row mentions" : " rows mention") + " this concept."
      : "No row of this report mentions this concept."));
    var bySection = new Map();
    hits.forEach(function (hit) {
      if (!bySection.has(hit[0])) bySection.set(hit[0], []);
      bySection.get(hit[0]).push(hit[1]);
    });
    bySection.forEach(function (rows, sectionIndex) {
      var s = sections[sectionIndex];
      var h3 = body.appendChild(el("h3"));
      var link = h3.appendChild(el("a", null, s.title));
      link.href = "#" + s.id;
      h3.appendChild(el("span", "count", " " + grouped(rows.length) + (rows.length === 1 ? " row" : " rows")));
      var show = body.appendChild(el("a", null, "Show only these rows in the section"));
      show.href = "#" + s.id;
      show.addEventListener("click", function () { s.concept = id; refilter(s); });
      var table = body.appendChild(el("div", "scroll")).appendChild(el("table", "data"));
      var head = table.createTHead().insertRow();
      s.columns.forEach(function (name) { head.appendChild(el("th", null, name)); });
      var tbody = table.appendChild(document.createElement("tbody"));
      rows.slice(0, 25).forEach(function (r) { tbody.appendChild(rowNode(s.rows[r])); });
      if (rows.length > 25) body.appendChild(el("p", "more", "\u2026 and " + grouped(rows.length - 25) + " more in the section."));
    });
    panel.setAttribute("data-concept-open", id);
    panel.setAttribute("data-hits", String(hits.length));
    panel.hidden = false;
  }
  function closeConcept() {
    panel.hidden = true;
    panel.removeAttribute("data-concept-open");
    if (/^#concept=/.test(location.hash)) history.replaceState(null, "", location.pathname + location.search);
  }
  function route() {
    var m = /^#concept=(\d+)$/.exec(location.hash);
    if (m) openConcept(m[1]);
  }

  try {
    document.body.classList.add("scripted");
    Array.prototype.forEach.call(document.querySelectorAll("section.report-section"), function (node) {
      if (node.querySelector("script.section-rows")) sections.push(setUp(node, sections.length));
    });
    document.addEventListener("click", function (e) {
      var a = e.target.closest && e.target.closest("a.concept");
      if (!a) return;
      e.preventDefault();
      var id = a.getAttribute("data-concept");
      if (location.hash === "#concept=" + id) openConcept(id); else location.hash = "concept=" + id;
    });
    window.addEventListener("hashchange", route);
    panel.querySelector("button.close").addEventListener("click", closeConcept);
    document.addEventListener("keydown", function (e) { if (e.key === "Escape" && !panel.hidden) closeConcept(); });
    route();
    document.body.setAttribute("data-rendered", "ok");
  } catch (error) {
    document.body.setAttribute("data-rendered", "error");
    var banner = el("p", "error-banner", "The interactive tables could not be built: " + error);
    document.querySelector("main").insertBefore(banner, document.querySelector("main").firstChild);
  }
})();
