(function () {
  "use strict";
  /* factcheck report script. Article text only ever enters the page through
     textContent, never as markup; links only for http(s) URLs. */
  var DATA = JSON.parse(document.getElementById("fc-data").textContent);
  var STORE_KEY = "factcheck.triage.v1." + DATA.identity;
  var STATE_LABEL = { accepted: "accepted", false_alarm: "false alarm", to_fix: "to fix" };

  function $(id) { return document.getElementById(id); }
  function all(sel, root) { return Array.prototype.slice.call((root || document).querySelectorAll(sel)); }
  function el(tag, cls, text) {
    var e = document.createElement(tag);
    if (cls) { e.className = cls; }
    if (text !== undefined && text !== null) { e.textContent = String(text); }
    return e;
  }
  function has(o, k) { return Object.prototype.hasOwnProperty.call(o, k); }
  function safeHref(url) { return typeof url === "string" && /^https?:\/\/[^\s]+$/i.test(url) ? url : null; }
  function debounce(fn, ms) {
    var t = null;
    return function () { if (t) { clearTimeout(t); } t = setTimeout(fn, ms); };
  }
  function fmtInt(n) { return Number(n).toLocaleString("en-US"); }

  /* ------------------------------------------------------------ triage */

  var marks = Object.create(null);
  var storageOk = true;
  (function load() {
    try {
      var raw = window.localStorage.getItem(STORE_KEY);
      var parsed = raw ? JSON.parse(raw) : null;
      var src = parsed && typeof parsed === "object" && parsed.marks && typeof parsed.marks === "object" ? parsed.marks : {};
      Object.keys(src).forEach(function (id) {
        var m = src[id];
        if (m && typeof m === "object") {
          marks[id] = {
            state: has(STATE_LABEL, m.state) ? m.state : "",
            note: typeof m.note === "string" ? m.note : ""
          };
        }
      });
    } catch (e) {
      storageOk = false;
    }
  })();

  function save() {
    if (!storageOk) { return; }
    var out = Object.create(null);
    Object.keys(marks).sort().forEach(function (id) { out[id] = marks[id]; });
    try {
      window.localStorage.setItem(STORE_KEY, JSON.stringify({ version: 1, marks: out }));
    } catch (e) {
      storageOk = false;
      $("storage-warning").hidden = false;
    }
  }

  var findingById = Object.create(null);
  DATA.findings.forEach(function (f) { findingById[f.id] = f; });

  function stateOf(id) {
    if (marks[id]) { return marks[id].state; }
    var f = findingById[id];
    return f && f.status === "baseline" ? "accepted" : "";
  }
  function noteOf(id) {
    if (marks[id]) { return marks[id].note; }
    var f = findingById[id];
    return f ? f.justification || "" : "";
  }
  function setMark(id, state, note) {
    marks[id] = { state: state, note: note };
    save();
  }

  var cards = all("article.finding");
  function paintCard(card) {
    var id = card.getAttribute("data-fid");
    var state = stateOf(id);
    var badge = card.querySelector("[data-role=triage-badge]");
    badge.className = "triage-badge" + (state ? " " + state : "");
    badge.textContent = state ? STATE_LABEL[state] : "";
    card.classList.remove("triaged-accepted", "triaged-false_alarm", "triaged-to_fix");
    if (state) { card.classList.add("triaged-" + state); }
  }

  function triageSummary() {
    var counts = { accepted: 0, false_alarm: 0, to_fix: 0, "": 0 };
    cards.forEach(function (c) { counts[stateOf(c.getAttribute("data-fid"))] += 1; });
    var line = $("triage-summary");
    if (!cards.length) { line.textContent = ""; return; }
    line.textContent = "Triage: " + counts.accepted + " accepted, " + counts.false_alarm +
      " false alarm, " + counts.to_fix + " to fix, " + counts[""] + " not triaged.";
  }

  cards.forEach(function (card) {
    var id = card.getAttribute("data-fid");
    var box = card.querySelector("[data-role=triage]");
    var note = card.querySelector("[data-role=note]");
    var state = stateOf(id);
    all("input[type=radio]", box).forEach(function (r) { r.checked = r.value === state; });
    note.value = noteOf(id);
    box.disabled = false;
    box.addEventListener("change", function (ev) {
      if (ev.target.type === "radio" && ev.target.checked) {
        setMark(id, ev.target.value, note.value);
        paintCard(card);
        triageSummary();
        applyFindingFilters();
      }
    });
    var saveNote = debounce(function () { setMark(id, stateOf(id), note.value); }, 300);
    note.addEventListener("input", saveNote);
    note.addEventListener("change", function () { setMark(id, stateOf(id), note.value); });
    paintCard(card);
  });
  if (!storageOk) { $("storage-warning").hidden = false; }
  triageSummary();

  function baselineDocument() {
    var entries = [];
    DATA.findings.forEach(function (f) {
      var s = stateOf(f.id);
      if (s !== "accepted" && s !== "false_alarm") { return; }
      entries.push({
        id: f.id, rule: f.rule, message: f.message, status: s,
        justification: noteOf(f.id),
        mentions: f.mentions.map(function (m) { return { doc: m.doc, text: m.text }; })
      });
    });
    entries.sort(function (a, b) { return a.id < b.id ? -1 : a.id > b.id ? 1 : 0; });
    return { version: 1, generated_by: "factcheck", findings: entries };
  }

  var exportButton = $("export-baseline");
  if (exportButton) {
    exportButton.addEventListener("click", function () {
      var text = JSON.stringify(baselineDocument(), null, 2) + "\n";
      var blob = new Blob([text], { type: "application/json" });
      var a = document.createElement("a");
      a.href = URL.createObjectURL(blob);
      a.download = "factcheck-baseline.json";
      document.body.appendChild(a);
      a.click();
      setTimeout(function () { URL.revokeObjectURL(a.href); a.remove(); }, 2000);
    });
  }

  /* ------------------------------------------------------------ finding filters */

  var cardText = null;
  function applyFindingFilters() {
    if (!cards.length) { return; }
    var sev = $("ff-severity").value, st = $("ff-status").value, tr = $("ff-triage").value;
    var rule = $("ff-rule").value, q = $("ff-q").value.trim().toLowerCase();
    if (q && !cardText) { cardText = cards.map(function (c) { return c.textContent.toLowerCase(); }); }
    var shown = 0;
    cards.forEach(function (c, i) {
      var state = stateOf(c.getAttribute("data-fid"));
      var ok = (!sev || c.getAttribute("data-severity") === sev) &&
        (!st || c.getAttribute("data-status") === st) &&
        (!rule || c.getAttribute("data-rule") === rule) &&
        (!tr || (tr === "untriaged" ? state === "" : state === tr)) &&
        (!q || cardText[i].indexOf(q) >= 0);
      c.hidden = !ok;
      if (ok) { shown += 1; }
    });
    $("ff-status-line").textContent = "Showing " + fmtInt(shown) + " of " + fmtInt(cards.length) + " findings.";
  }
  if (cards.length) {
    ["ff-severity", "ff-status", "ff-triage", "ff-rule"].forEach(function (id) {
      $(id).addEventListener("change", applyFindingFilters);
    });
    $("ff-q").addEventListener("input", debounce(applyFindingFilters, 150));
    applyFindingFilters();
  }

  /* ------------------------------------------------------------ mentions table */

  var T = DATA.table;
  var F = {};
  T.fields.forEach(function (name, i) { F[name] = i; });
  var rows = T.rows;
  var docs = T.docs;  // [id, title, date, url, lang], sorted by id
  var claimLabels = T.claimLabels;
  var claimIndex = Object.create(null);
  T.claims.forEach(function (c, i) { claimIndex[c] = i; });

  var SCALES = [[1e12, "trillion"], [1e9, "billion"], [1e6, "million"], [1e3, "thousand"]];
  function trim(x) { var s = x.toFixed(3).replace(/0+$/, "").replace(/\.$/, ""); return s === "-0" ? "0" : s; }
  function fmtAmount(v) {
    var a = Math.abs(v);
    for (var i = 0; i < SCALES.length; i++) {
      var size = SCALES[i][0];
      if (a >= size && (size > 1e3 || a >= 1e5)) { return trim(v / size) + " " + SCALES[i][1]; }
    }
    return Number.isInteger(v) ? v.toLocaleString("en-US") : v.toLocaleString("en-US", { maximumFractionDigits: 4 });
  }
  function valueText(r) {
    if (r[F.kind] !== "money") { return ""; }
    var v = r[F.value], lo = r[F.low], hi = r[F.high];
    if (r[F.qualifier] === "range" && lo !== null && hi !== null) { return fmtAmount(lo) + " – " + fmtAmount(hi); }
    if (v !== null) { return fmtAmount(v); }
    if (lo !== null && hi !== null) { return fmtAmount(lo) + " – " + fmtAmount(hi); }
    if (hi !== null) { return "≤ " + fmtAmount(hi); }
    if (lo !== null) { return "≥ " + fmtAmount(lo); }
    return "";
  }
  function sortValue(r) {
    var v = r[F.value];
    if (v === null) { v = r[F.high] !== null ? r[F.high] : r[F.low]; }
    return v;
  }
  function dayBefore(iso) {
    var d = new Date(iso + "T00:00:00Z");
    if (isNaN(d.getTime())) { return iso; }
    d.setUTCDate(d.getUTCDate() - 1);
    return d.toISOString().slice(0, 10);
  }
  function dateText(r) {
    var a = r[F.date_start], b = r[F.date_end];
    if (!a) { return ""; }
    var last = b ? dayBefore(b) : a;
    return last === a ? a : a + " – " + last;
  }

  var state = { doc: "", kind: "", currency: "", claim: "", q: "", hit: false,
    sort: "doc", dir: 1, page: 0, size: 50 };
  var view = [];
  var haystack = null;

  function buildHaystack() {
    haystack = new Array(rows.length);
    for (var i = 0; i < rows.length; i++) {
      var r = rows[i], d = docs[r[F.doc]];
      haystack[i] = (r[F.text] + "\u0001" + T.sentences[r[F.sent]] + "\u0001" + d[0] + "\u0001" +
        d[1] + "\u0001" + (r[F.claim] >= 0 ? claimLabels[r[F.claim]] : "")).toLowerCase();
    }
  }

  function docMatcher(q) {
    if (!q) { return null; }
    var exact = -1;
    for (var i = 0; i < docs.length; i++) { if (docs[i][0] === q) { exact = i; break; } }
    if (exact >= 0) { return function (r) { return r[F.doc] === exact; }; }
    var lq = q.toLowerCase(), ok = new Uint8Array(docs.length);
    for (var j = 0; j < docs.length; j++) {
      ok[j] = (docs[j][0].toLowerCase().indexOf(lq) >= 0 || docs[j][1].toLowerCase().indexOf(lq) >= 0) ? 1 : 0;
    }
    return function (r) { return ok[r[F.doc]] === 1; };
  }
  function claimMatcher(q) {
    if (!q) { return null; }
    var exact = false, ok = new Uint8Array(claimLabels.length);
    for (var i = 0; i < claimLabels.length; i++) {
      if (claimLabels[i] === q || T.claims[i] === q) { ok[i] = 1; exact = true; }
    }
    if (!exact) {
      var lq = q.toLowerCase();
      for (var j = 0; j < claimLabels.length; j++) { ok[j] = claimLabels[j].toLowerCase().indexOf(lq) >= 0 ? 1 : 0; }
    }
    return function (r) { return r[F.claim] >= 0 && ok[r[F.claim]] === 1; };
  }

  /* Sort keys; empty values go last in both directions, ties keep document order. */
  var KEYS = {
    doc: function (r) { return r[F.doc]; },
    line: function (r) { return r[F.line]; },
    kind: function (r) { return r[F.kind]; },
    text: function (r) { return r[F.text].toLowerCase(); },
    value: sortValue,
    currency: function (r) { return r[F.currency]; },
    qualifier: function (r) { return r[F.qualifier]; },
    date: function (r) { return r[F.date_start]; },
    claim: function (r) { return r[F.claim] >= 0 ? claimLabels[r[F.claim]] : null; }
  };
  function isEmpty(k) { return k === null || k === undefined || k === ""; }

  function applyTable() {
    var dm = docMatcher(state.doc), cm = claimMatcher(state.claim);
    var q = state.q.trim().toLowerCase();
    if (q && !haystack) { buildHaystack(); }
    var out = [];
    for (var i = 0; i < rows.length; i++) {
      var r = rows[i];
      if (state.kind && r[F.kind] !== state.kind) { continue; }
      if (state.currency) {
        if (state.currency === "-" ? r[F.currency] !== null : r[F.currency] !== state.currency) { continue; }
      }
      if (state.hit && !r[F.hit]) { continue; }
      if (dm && !dm(r)) { continue; }
      if (cm && !cm(r)) { continue; }
      if (q && haystack[i].indexOf(q) < 0) { continue; }
      out.push(i);
    }
    var dir = state.dir, key = KEYS[state.sort];
    var keys = new Array(rows.length);
    for (var j = 0; j < out.length; j++) { keys[out[j]] = key(rows[out[j]]); }
    out.sort(function (a, b) {
      var ka = keys[a], kb = keys[b];
      if (isEmpty(ka)) { return isEmpty(kb) ? a - b : 1; }
      if (isEmpty(kb)) { return -1; }
      return (ka < kb ? -1 : ka > kb ? 1 : 0) * dir || a - b;
    });
    view = out;
    var pages = Math.max(1, Math.ceil(view.length / state.size));
    if (state.page >= pages) { state.page = pages - 1; }
    renderPage();
  }

  function cell(tr, text, cls) { var td = el("td", cls, text); tr.appendChild(td); return td; }

  function renderPage() {
    var body = $("mentions-body");
    var frag = document.createDocumentFragment();
    var from = state.page * state.size, to = Math.min(view.length, from + state.size);
    for (var k = from; k < to; k++) {
      var r = rows[view[k]], d = docs[r[F.doc]];
      var tr = el("tr", r[F.hit] ? "hit" : "");
      var tdDoc = el("td", "doc");
      var href = safeHref(d[3]);
      if (href) {
        var a = el("a", "", d[0]);
        a.href = href;
        a.rel = "noopener noreferrer nofollow";
        tdDoc.appendChild(a);
      } else {
        tdDoc.appendChild(el("code", "", d[0]));
      }
      if (d[1]) { tdDoc.title = d[1]; }
      if (r[F.hit]) { tdDoc.appendChild(el("div", "hit-flag", "in a finding")); }
      tr.appendChild(tdDoc);
      cell(tr, r[F.line] === null ? "" : r[F.line] + ":" + r[F.col], "num");
      cell(tr, r[F.kind] || "");
      cell(tr, r[F.text]);
      cell(tr, valueText(r) + (r[F.per] ? " per " + r[F.per] : ""), "num");
      cell(tr, r[F.currency] || "");
      cell(tr, r[F.qualifier] || "");
      cell(tr, dateText(r) + (r[F.granularity] ? " (" + r[F.granularity] + ")" : ""));
      cell(tr, r[F.claim] >= 0 ? claimLabels[r[F.claim]] : "");
      var ctx = el("td", "ctx");
      var s = T.sentences[r[F.sent]], s0 = r[F.s0], s1 = r[F.s1];
      if (s0 >= 0 && s1 >= s0) {
        ctx.appendChild(document.createTextNode(s.slice(0, s0)));
        ctx.appendChild(el("mark", "", s.slice(s0, s1)));
        ctx.appendChild(document.createTextNode(s.slice(s1)));
      } else {
        ctx.textContent = s;
      }
      tr.appendChild(ctx);
      frag.appendChild(tr);
    }
    body.textContent = "";
    body.appendChild(frag);
    var pages = Math.max(1, Math.ceil(view.length / state.size));
    $("pg-label").textContent = "Page " + fmtInt(state.page + 1) + " of " + fmtInt(pages);
    $("pg-first").disabled = $("pg-prev").disabled = state.page === 0;
    $("pg-next").disabled = $("pg-last").disabled = state.page >= pages - 1;
    $("mf-status-line").textContent = view.length
      ? "Showing " + fmtInt(from + 1) + "–" + fmtInt(to) + " of " + fmtInt(view.length) +
        " matching mentions (" + fmtInt(rows.length) + " in this report)."
      : "No mention matches these filters (" + fmtInt(rows.length) + " in this report).";
    all("#mentions-table th[data-sort]").forEach(function (th) {
      var key = th.getAttribute("data-sort");
      th.setAttribute("aria-sort", key === state.sort ? (state.dir > 0 ? "ascending" : "descending") : "none");
    });
  }

  function fillDatalist(id, values, limit) {
    var list = $(id), frag = document.createDocumentFragment();
    for (var i = 0; i < values.length && i < limit; i++) {
      var o = document.createElement("option");
      o.value = values[i];
      frag.appendChild(o);
    }
    list.appendChild(frag);
  }
  fillDatalist("mf-doc-list", docs.map(function (d) { return d[0]; }), 2000);
  fillDatalist("mf-claim-list", claimLabels, 2000);

  function bindFilter(id, key, ev, delay) {
    var input = $(id);
    var handler = function () {
      state[key] = input.type === "checkbox" ? input.checked : input.value;
      state.page = 0;
      applyTable();
    };
    input.addEventListener(ev, delay ? debounce(handler, delay) : handler);
  }
  bindFilter("mf-doc", "doc", "input", 200);
  bindFilter("mf-kind", "kind", "change", 0);
  bindFilter("mf-currency", "currency", "change", 0);
  bindFilter("mf-claim", "claim", "input", 200);
  bindFilter("mf-q", "q", "input", 200);
  bindFilter("mf-hit", "hit", "change", 0);
  $("mf-reset").addEventListener("click", function () {
    ["mf-doc", "mf-claim", "mf-q"].forEach(function (id) { $(id).value = ""; });
    $("mf-kind").value = "";
    $("mf-currency").value = "";
    $("mf-hit").checked = false;
    state.doc = state.kind = state.currency = state.claim = state.q = "";
    state.hit = false;
    state.page = 0;
    applyTable();
  });
  all("#mentions-table th[data-sort] button").forEach(function (b) {
    b.addEventListener("click", function () {
      var key = b.parentNode.getAttribute("data-sort");
      if (state.sort === key) { state.dir = -state.dir; } else { state.sort = key; state.dir = 1; }
      state.page = 0;
      applyTable();
    });
  });
  function go(page) { state.page = page; renderPage(); }
  $("pg-first").addEventListener("click", function () { go(0); });
  $("pg-prev").addEventListener("click", function () { go(Math.max(0, state.page - 1)); });
  $("pg-next").addEventListener("click", function () {
    go(Math.min(Math.ceil(view.length / state.size) - 1, state.page + 1));
  });
  $("pg-last").addEventListener("click", function () { go(Math.max(0, Math.ceil(view.length / state.size) - 1)); });
  $("pg-size").addEventListener("change", function () {
    state.size = parseInt($("pg-size").value, 10) || 50;
    state.page = 0;
    renderPage();
  });

  all("[data-role=show-claim]").forEach(function (b) {
    b.addEventListener("click", function () {
      var card = b.closest("article.finding");
      var claim = DATA.claims[card.getAttribute("data-fid")];
      var idx = has(claimIndex, claim) ? claimIndex[claim] : -1;
      $("mf-reset").click();
      var label = idx >= 0 ? claimLabels[idx] : claim;
      $("mf-claim").value = label;
      state.claim = label;
      state.page = 0;
      applyTable();
      var section = $("mentions");
      section.scrollIntoView();
      section.focus({ preventScroll: true });
    });
  });

  window.addEventListener("beforeprint", function () {
    all("details.rule-doc").forEach(function (d) { d.open = true; });
  });

  applyTable();
})();
