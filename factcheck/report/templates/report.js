(function () {
  "use strict";
  /* factcheck report script. Article text only ever enters the page through
     textContent, never as markup; links only for http(s) URLs. Every finding is in
     the data block: the index lists them, a finding's card is drawn when it is opened. */
  var DATA = JSON.parse(document.getElementById("fc-data").textContent);
  var STORE_KEY = "factcheck.triage.v1." + DATA.identity;
  var STATE_LABEL = { accepted: "accepted", false_alarm: "false alarm", to_fix: "to fix" };
  var AUTO_OPEN = 12;  // a report with this many findings or fewer opens with every card open

  function $(id) { return document.getElementById(id); }
  function all(sel, root) { return Array.prototype.slice.call((root || document).querySelectorAll(sel)); }
  function el(tag, cls, text) {
    var e = document.createElement(tag);
    if (cls) { e.className = cls; }
    if (text !== undefined && text !== null) { e.textContent = String(text); }
    return e;
  }
  var SVG_NS = $("svg-ns").namespaceURI;  // an empty <svg> of the page: the namespace without its URI here
  function svgEl(tag, attrs, text) {
    var e = document.createElementNS(SVG_NS, tag);
    Object.keys(attrs || {}).forEach(function (k) { e.setAttribute(k, String(attrs[k])); });
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
  function plural(n, noun) { return fmtInt(n) + " " + noun + (n === 1 ? "" : "s"); }
  function cmp(a, b) { return a < b ? -1 : a > b ? 1 : 0; }

  var DOCS = DATA.table.docs;  // [id, title, date, url, lang, label, encoding]
  function docName(i) { return DOCS[i][5] || DOCS[i][1] || DOCS[i][0]; }
  function docLink(i, cls) {
    var d = DOCS[i], href = safeHref(d[3]), name = docName(i);
    var node;
    if (href) {
      node = el("a", cls, name);
      node.href = href;
      node.rel = "noopener noreferrer nofollow";
    } else {
      node = el("span", cls, name);
    }
    if (name !== d[0]) { node.title = d[1] || name; }
    return node;
  }

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

  var FINDINGS = DATA.findings;
  var findingById = Object.create(null), findingByAnchor = Object.create(null);
  var byClaim = Object.create(null);
  FINDINGS.forEach(function (f, i) {
    f.order = i;
    findingById[f.id] = f;
    findingByAnchor[f.anchor] = f;
    if (f.claim) { (byClaim[f.claim] = byClaim[f.claim] || []).push(f); }
  });

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

  function triageSummary() {
    var counts = { accepted: 0, false_alarm: 0, to_fix: 0, "": 0 };
    FINDINGS.forEach(function (f) { counts[stateOf(f.id)] += 1; });
    var line = $("triage-summary");
    if (!FINDINGS.length) { line.textContent = ""; return; }
    line.textContent = "Triage: " + fmtInt(counts.accepted) + " accepted, " + fmtInt(counts.false_alarm) +
      " false alarm, " + fmtInt(counts.to_fix) + " to fix, " + fmtInt(counts[""]) + " not triaged.";
  }
  if (!storageOk) { $("storage-warning").hidden = false; }
  triageSummary();

  function baselineDocument() {
    var entries = [];
    FINDINGS.forEach(function (f) {
      var s = stateOf(f.id);
      if (s !== "accepted" && s !== "false_alarm") { return; }
      entries.push({
        id: f.id, rule: f.rule, message: f.raw, status: s,
        justification: noteOf(f.id),
        mentions: f.m.map(function (m) { return { doc: DOCS[m[0]][0], text: m[1] }; })
      });
    });
    entries.sort(function (a, b) { return cmp(a.id, b.id); });
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

  /* ------------------------------------------------------------ finding cards */

  function badge(cls, text) { return el("span", "badge " + cls, text); }

  function paintTriage(f, card) {
    var state = stateOf(f.id);
    var b = card.querySelector("[data-role=triage-badge]");
    b.className = "triage-badge" + (state ? " " + state : "");
    b.textContent = state ? STATE_LABEL[state] : "";
    card.classList.remove("triaged-accepted", "triaged-false_alarm", "triaged-to_fix");
    if (state) { card.classList.add("triaged-" + state); }
    var cellNode = document.querySelector("tr[data-fid='" + f.anchor + "'] td.triage-cell");
    if (cellNode) { cellNode.textContent = state ? STATE_LABEL[state] : ""; }
  }

  function drawStrip(st, f) {
    var fig = el("figure", "strip-fig");
    var root = svgEl("svg", { "class": "strip", viewBox: "0 0 " + st.w + " " + st.h, role: "img",
      "aria-labelledby": f.anchor + "-st " + f.anchor + "-sd" });
    root.appendChild(svgEl("title", { id: f.anchor + "-st" },
      st.scale === "log10" ? "Figures on a log10 scale" : "Dates on a time axis"));
    root.appendChild(svgEl("desc", { id: f.anchor + "-sd" },
      st.caption + st.marks.map(function (m) { return " " + m.title + "."; }).join("")));
    root.appendChild(svgEl("line", { "class": "axis", x1: st.left, y1: st.axisY, x2: st.right, y2: st.axisY }));
    st.ticks.forEach(function (t) {
      root.appendChild(svgEl("line", { "class": "grid", x1: t[0], y1: 4, x2: t[0], y2: st.axisY + 4 }));
      root.appendChild(svgEl("text", { "class": "tick", x: t[0], y: st.axisY + 17 }, t[1]));
    });
    st.marks.forEach(function (m) {
      var g = svgEl("g", { "class": "mark c" + m.c });
      g.appendChild(svgEl("title", {}, m.title));
      g.appendChild(svgEl("text", { "class": "lane", x: st.left - 8, y: m.y + 4 }, m.label));
      if (m.x1 !== null && m.x2 !== null) {
        g.appendChild(svgEl("line", { "class": m.ol || m.oh ? "bound open" : "bound", x1: m.x1, y1: m.y, x2: m.x2, y2: m.y }));
      }
      if (m.ol) { g.appendChild(svgEl("polygon", { points: m.x1 + "," + m.y + " " + (m.x1 + 7) + "," + (m.y - 4) + " " + (m.x1 + 7) + "," + (m.y + 4) })); }
      if (m.oh) { g.appendChild(svgEl("polygon", { points: m.x2 + "," + m.y + " " + (m.x2 - 7) + "," + (m.y - 4) + " " + (m.x2 - 7) + "," + (m.y + 4) })); }
      if (m.dot !== null) { g.appendChild(svgEl("circle", { cx: m.dot, cy: m.y, r: 5 })); }
      if (m.text) { g.appendChild(svgEl("text", { "class": "fig " + m.anchor, x: m.tx, y: m.ty }, m.text)); }
      root.appendChild(g);
    });
    fig.appendChild(root);
    var cap = st.caption;
    if (st.unplaced.length) { cap += " Not placed (no positive value): " + st.unplaced.join("; ") + "."; }
    fig.appendChild(el("figcaption", "", cap));
    return fig;
  }

  function sentence(parent, before, figure, after) {
    var bq = el("blockquote");
    bq.appendChild(document.createTextNode(before));
    bq.appendChild(el("mark", "", figure));
    bq.appendChild(document.createTextNode(after));
    parent.appendChild(bq);
  }

  function drawQuote(q) {
    var d = DOCS[q.d];
    var fig = el("figure", "quote c" + q.c);
    var cap = el("figcaption");
    cap.appendChild(docLink(q.d, "doc-title"));
    var meta = [d[0], d[2] || "no date"];
    if (q.lines.length) { meta.push((q.lines.length > 1 ? "lines " : "line ") + q.lines.join(", ")); }
    var enc = (d[6] || "").toLowerCase().replace("_", "-");
    if (enc && ["utf-8", "utf8", "ascii", "utf-8-sig"].indexOf(enc) < 0) { meta.push("decoded as " + d[6]); }
    var metaNode = el("span", "doc-meta");
    metaNode.appendChild(el("code", "", meta[0]));
    metaNode.appendChild(document.createTextNode(" · " + meta.slice(1).join(" · ")));
    cap.appendChild(metaNode);
    fig.appendChild(cap);
    sentence(fig, q.before, q.figure, q.after);
    if (q.n > 1) {
      var times = q.n + " times in this article" + (q.more.length ? "" : ", in the same words");
      if (q.more.length) {
        var det = el("details", "more");
        det.appendChild(el("summary", "count", "×" + q.n + ": " + times + "; " + plural(q.more.length, "other sentence")));
        q.more.forEach(function (x) { sentence(det, x[0], x[1], x[2]); });
        fig.appendChild(det);
      } else {
        fig.appendChild(el("p", "count", "×" + q.n + ": " + times));
      }
    }
    var rd = el("p", "reading", "read as ");
    rd.appendChild(el("strong", "", q.reading));
    fig.appendChild(rd);
    if (q.note) { fig.appendChild(el("p", "reading note", q.note)); }
    return fig;
  }

  function fact(dl, term, node) {
    var div = el("div");
    div.appendChild(el("dt", "", term));
    var dd = el("dd");
    if (typeof node === "string") { dd.textContent = node; } else { dd.appendChild(node); }
    div.appendChild(dd);
    dl.appendChild(div);
  }

  function drawCard(f) {
    var card = el("article", "finding sev-" + f.sev + " status-" + f.status);
    card.id = f.anchor;
    card.setAttribute("data-fid", f.id);
    card.setAttribute("aria-labelledby", f.anchor + "-h");
    var head = el("header");
    head.appendChild(badge("sev-" + f.sev, f.sev));
    head.appendChild(badge("status status-" + f.status, f.status));
    var h = el("h3");
    h.id = f.anchor + "-h";
    h.appendChild(el("code", "rule-id", f.rule));
    h.appendChild(document.createTextNode(" " + f.name));
    head.appendChild(h);
    var tb = el("span", "triage-badge");
    tb.setAttribute("data-role", "triage-badge");
    head.appendChild(tb);
    card.appendChild(head);
    card.appendChild(el("p", "message", f.message));
    if (f.evidenceText || f.score !== null) {
      var ev = el("p", "evidence");
      ev.appendChild(el("strong", "", "Evidence: "));
      ev.appendChild(document.createTextNode(f.evidenceText + (f.score !== null ? (f.evidenceText ? " · " : "") + "score " + f.score.toFixed(2) : "")));
      ev.title = f.evidence.filter(function (e) { return e.text; }).map(function (e) { return e.name + ": " + e.text; }).join("\n");
      card.appendChild(ev);
    }
    var quotes = el("div", "quotes");
    f.quotes.forEach(function (q) { quotes.appendChild(drawQuote(q)); });
    card.appendChild(quotes);
    if (f.strip) { card.appendChild(drawStrip(f.strip, f)); }
    var dl = el("dl", "facts");
    if (f.why) { fact(dl, "Why grouped", f.why); }
    if (f.claimLabel) { fact(dl, "Claim", el("code", "", f.claimLabel)); }
    if (f.story) { fact(dl, "Story", el("code", "", f.story)); }
    var docsNode = el("span");
    f.docs.forEach(function (i, k) {
      var ref = el("span", "doc-ref");
      ref.appendChild(docLink(i, ""));
      ref.appendChild(document.createTextNode(" ("));
      ref.appendChild(el("code", "", DOCS[i][0]));
      ref.appendChild(document.createTextNode((DOCS[i][2] ? ", " + DOCS[i][2] : "") + ")"));
      docsNode.appendChild(ref);
      if (k < f.docs.length - 1) { docsNode.appendChild(document.createTextNode("; ")); }
    });
    fact(dl, "Documents", docsNode);
    fact(dl, "Finding id", el("code", "", f.id));
    card.appendChild(dl);
    var related = (byClaim[f.claim] || []).filter(function (g) { return g !== f; });
    if (related.length) {
      var rel = el("div", "related");
      rel.appendChild(el("p", "related-h", "Other findings of this claim (" + fmtInt(related.length) + ")"));
      var ul = el("ul");
      related.forEach(function (g) {
        var li = el("li");
        li.appendChild(badge("sev-" + g.sev, g.sev));
        li.appendChild(document.createTextNode(" "));
        li.appendChild(el("code", "rule-id", g.rule));
        li.appendChild(document.createTextNode(" "));
        var a = el("a", "", g.message);
        a.href = "#" + g.anchor;
        li.appendChild(a);
        ul.appendChild(li);
      });
      rel.appendChild(ul);
      card.appendChild(rel);
    }
    var rule = DATA.rules[f.rule];
    if (rule && rule[1]) {
      var det = el("details", "rule-doc");
      det.appendChild(el("summary", "", "About rule " + f.rule));
      det.appendChild(el("p", "", rule[1]));
      card.appendChild(det);
    }
    var actions = el("div", "actions");
    var box = el("fieldset", "triage");
    box.appendChild(el("legend", "", "Triage"));
    var state = stateOf(f.id);
    [["", "not triaged"], ["accepted", "accepted"], ["false_alarm", "false alarm"], ["to_fix", "to fix"]].forEach(function (o) {
      var lab = el("label");
      var r = el("input");
      r.type = "radio";
      r.name = "t-" + f.anchor;
      r.value = o[0];
      r.checked = o[0] === state;
      lab.appendChild(r);
      lab.appendChild(document.createTextNode(" " + o[1]));
      box.appendChild(lab);
    });
    var noteLab = el("label", "note", "Note ");
    var note = el("textarea");
    note.rows = 2;
    note.placeholder = "why (goes into the baseline as the justification)";
    note.setAttribute("data-role", "note");
    note.value = noteOf(f.id);
    noteLab.appendChild(note);
    box.appendChild(noteLab);
    box.addEventListener("change", function (ev) {
      if (ev.target.type === "radio" && ev.target.checked) {
        setMark(f.id, ev.target.value, note.value);
        paintTriage(f, card);
        triageSummary();
      }
    });
    var saveNote = debounce(function () { setMark(f.id, stateOf(f.id), note.value); }, 300);
    note.addEventListener("input", saveNote);
    note.addEventListener("change", function () { setMark(f.id, stateOf(f.id), note.value); });
    actions.appendChild(box);
    if (f.claim) {
      var show = el("button", "no-print", "Show this claim’s mentions");
      show.type = "button";
      show.setAttribute("data-role", "show-claim");
      show.addEventListener("click", function () { showClaim(f.claim); });
      actions.appendChild(show);
    }
    card.appendChild(actions);
    paintTriage(f, card);
    return card;
  }

  /* ------------------------------------------------------------ findings index */

  var SEV_RANK = { error: 0, warning: 1, info: 2 };
  var FCOLS = 8;
  var fstate = { sev: "", status: "", triage: "", rule: "", claim: "", source: "", q: "",
    sort: "", dir: 1, page: 0, size: 50 };
  var openIds = Object.create(null);
  var fview = [];
  var fhay = null, docHay = null;
  var hasFindings = !!$("findings-body");

  function initialSeverity() {
    var m = DATA.minSeverity;
    return m === "error" ? "error" : m === "warning" ? "error+warning" : "";
  }
  function findingHaystack() {
    fhay = FINDINGS.map(function (f) {
      var parts = [f.message, f.raw, f.rule, f.name, f.claimLabel, f.why];
      f.docs.forEach(function (i) { parts.push(DOCS[i][0], docName(i)); });
      f.quotes.forEach(function (q) { parts.push(q.before + q.figure + q.after); });
      return parts.join("\u0001").toLowerCase();
    });
  }
  function sourceMatcher(q) {
    if (!q) { return null; }
    if (!docHay) { docHay = DOCS.map(function (d) { return (d[0] + "\u0001" + d[1] + "\u0001" + d[5]).toLowerCase(); }); }
    var lq = q.toLowerCase(), exact = -1;
    for (var i = 0; i < DOCS.length; i++) { if (DOCS[i][0] === q || docName(i) === q) { exact = i; break; } }
    return function (f) {
      for (var k = 0; k < f.docs.length; k++) {
        var i = f.docs[k];
        if (exact >= 0 ? i === exact : docHay[i].indexOf(lq) >= 0) { return true; }
      }
      return false;
    };
  }
  var FKEYS = {
    severity: function (f) { return has(SEV_RANK, f.sev) ? SEV_RANK[f.sev] : 9; },
    rule: function (f) { return f.rule; },
    message: function (f) { return f.message.toLowerCase(); },
    claim: function (f) { return f.claimLabel.toLowerCase(); },
    sources: function (f) { return f.docs.length ? docName(f.docs[0]).toLowerCase() : ""; },
    status: function (f) { return f.status; },
    triage: function (f) { return stateOf(f.id) || "~"; }
  };

  function filtered(skipAll) {
    var sevs = fstate.sev ? fstate.sev.split("+") : null;
    var q = fstate.q.trim().toLowerCase(), lc = fstate.claim.trim().toLowerCase();
    if (q && !fhay) { findingHaystack(); }
    var src = sourceMatcher(fstate.source.trim());
    var out = [];
    for (var i = 0; i < FINDINGS.length; i++) {
      var f = FINDINGS[i];
      if (!skipAll) {
        if (sevs && sevs.indexOf(f.sev) < 0) { continue; }
        if (fstate.status && f.status !== fstate.status) { continue; }
        if (fstate.rule && f.rule !== fstate.rule) { continue; }
        if (fstate.triage) {
          var st = stateOf(f.id);
          if (fstate.triage === "untriaged" ? st !== "" : st !== fstate.triage) { continue; }
        }
        if (lc && f.claimLabel.toLowerCase().indexOf(lc) < 0 && f.claim.toLowerCase() !== lc) { continue; }
        if (src && !src(f)) { continue; }
        if (q && fhay[i].indexOf(q) < 0) { continue; }
      }
      out.push(i);
    }
    return out;
  }

  function applyFindings() {
    var out = filtered(false);
    if (fstate.sort) {
      var key = FKEYS[fstate.sort], dir = fstate.dir;
      var keys = {};
      out.forEach(function (i) { keys[i] = key(FINDINGS[i]); });
      out.sort(function (a, b) { return cmp(keys[a], keys[b]) * dir || a - b; });
    }
    fview = out;
    var pages = Math.max(1, Math.ceil(fview.length / fstate.size));
    if (fstate.page >= pages) { fstate.page = pages - 1; }
    renderFindings();
  }

  function banner() {
    var hidden = FINDINGS.length - fview.length;
    var box = $("ff-banner");
    if (!hidden) { box.hidden = true; return; }
    var shown = Object.create(null), bySev = Object.create(null);
    fview.forEach(function (i) { shown[i] = true; });
    FINDINGS.forEach(function (f, i) { if (!shown[i]) { bySev[f.sev] = (bySev[f.sev] || 0) + 1; } });
    var sevs = DATA.severities.filter(function (s) { return bySev[s]; });
    Object.keys(bySev).forEach(function (s) { if (sevs.indexOf(s) < 0) { sevs.push(s); } });
    var text;
    if (sevs.length === 1) {
      text = fmtInt(hidden) + " " + sevs[0] + " finding" + (hidden === 1 ? "" : "s") + " hidden by the filter.";
    } else {
      text = plural(hidden, "finding") + " hidden by the filter (" +
        sevs.map(function (s) { return fmtInt(bySev[s]) + " " + s; }).join(", ") + ").";
    }
    $("ff-banner-text").textContent = text;
    box.hidden = false;
  }

  function sourcesCell(f) {
    var td = el("td", "sources");
    f.docs.slice(0, 3).forEach(function (i) {
      var s = el("span", "src", docName(i));
      s.title = docName(i) + " (" + DOCS[i][0] + ")";
      td.appendChild(s);
    });
    if (f.docs.length > 3) { td.appendChild(el("span", "src more", "+" + fmtInt(f.docs.length - 3) + " more")); }
    return td;
  }

  function toggle(f) {
    if (openIds[f.id]) { delete openIds[f.id]; } else { openIds[f.id] = true; }
    renderFindings();
  }

  function renderFindings() {
    var body = $("findings-body");
    var frag = document.createDocumentFragment();
    var from = fstate.page * fstate.size, to = Math.min(fview.length, from + fstate.size);
    var prevClaim = null;
    for (var k = from; k < to; k++) {
      var f = FINDINGS[fview[k]];
      var same = !fstate.sort && f.claim && f.claim === prevClaim;
      prevClaim = f.claim;
      var tr = el("tr", "frow sev-" + f.sev + (same ? " same-claim" : ""));
      tr.setAttribute("data-fid", f.anchor);
      var open = !!openIds[f.id];
      var tdOpen = el("td", "open-col");
      var btn = el("button", "open-btn", open ? "▾" : "▸");
      btn.type = "button";
      btn.setAttribute("aria-expanded", open ? "true" : "false");
      btn.setAttribute("aria-label", (open ? "Close" : "Open") + " finding " + f.rule + ": " + f.message);
      btn.addEventListener("click", toggle.bind(null, f));
      tdOpen.appendChild(btn);
      tr.appendChild(tdOpen);
      var tdSev = el("td");
      tdSev.appendChild(badge("sev-" + f.sev, f.sev));
      tr.appendChild(tdSev);
      var tdRule = el("td", "rule-cell");
      tdRule.appendChild(el("code", "rule-id", f.rule));
      tdRule.appendChild(el("span", "rule-name", f.name));
      tr.appendChild(tdRule);
      var tdMsg = el("td", "msg");
      var a = el("a", "", f.message);
      a.href = "#" + f.anchor;
      tdMsg.appendChild(a);
      tr.appendChild(tdMsg);
      var group = byClaim[f.claim] || [];
      var tdClaim = el("td", "claim-cell");
      if (same) {
        tdClaim.appendChild(el("span", "ditto", "↳ same claim"));
      } else {
        tdClaim.textContent = f.claimLabel;
        if (group.length > 1) { tdClaim.appendChild(el("span", "group-size", plural(group.length, "finding") + " on this claim")); }
      }
      tr.appendChild(tdClaim);
      tr.appendChild(sourcesCell(f));
      var tdStatus = el("td");
      tdStatus.appendChild(badge("status status-" + f.status, f.status));
      tr.appendChild(tdStatus);
      var st = stateOf(f.id);
      tr.appendChild(el("td", "triage-cell", st ? STATE_LABEL[st] : ""));
      frag.appendChild(tr);
      if (open) {
        var cr = el("tr", "card-row");
        var td = el("td");
        td.colSpan = FCOLS;
        td.appendChild(drawCard(f));
        cr.appendChild(td);
        frag.appendChild(cr);
      }
    }
    body.textContent = "";
    body.appendChild(frag);
    paintPager({ pager: "fp", status: "ff-status-line", table: "findings-index", noun: "finding" },
      fstate, fview.length, FINDINGS.length);
    banner();
  }

  function clearFindingFilters() {
    ["ff-claim", "ff-source", "ff-q"].forEach(function (id) { $(id).value = ""; });
    ["ff-severity", "ff-status", "ff-triage", "ff-rule"].forEach(function (id) { $(id).value = ""; });
    fstate.sev = fstate.status = fstate.triage = fstate.rule = fstate.claim = fstate.source = fstate.q = "";
    fstate.page = 0;
  }

  function reveal(f) {
    var pos = fview.indexOf(f.order);
    if (pos < 0) {
      clearFindingFilters();
      applyFindings();
      pos = fview.indexOf(f.order);
    }
    fstate.page = Math.floor(pos / fstate.size);
    openIds[f.id] = true;
    renderFindings();
    var card = $(f.anchor);
    if (card) {
      card.scrollIntoView();
      card.setAttribute("tabindex", "-1");
      card.focus({ preventScroll: true });
    }
  }
  function fromHash() {
    var id = decodeURIComponent((window.location.hash || "").slice(1));
    if (id && has(findingByAnchor, id)) { reveal(findingByAnchor[id]); }
  }

  if (hasFindings) {
    var claimLabelsSeen = Object.create(null), claimOptions = [];
    FINDINGS.forEach(function (f) {
      if (f.claimLabel && !claimLabelsSeen[f.claimLabel]) { claimLabelsSeen[f.claimLabel] = true; claimOptions.push(f.claimLabel); }
    });
    var docSeen = Object.create(null), docOptions = [];
    FINDINGS.forEach(function (f) {
      f.docs.forEach(function (i) { if (!docSeen[i]) { docSeen[i] = true; docOptions.push(docName(i)); } });
    });
    fillDatalist("ff-claim-list", claimOptions.sort(), 2000);
    fillDatalist("ff-source-list", docOptions.sort(), 2000);
    fstate.sev = initialSeverity();
    $("ff-severity").value = fstate.sev;
    [["ff-severity", "sev"], ["ff-status", "status"], ["ff-triage", "triage"], ["ff-rule", "rule"]].forEach(function (p) {
      $(p[0]).addEventListener("change", function () { fstate[p[1]] = $(p[0]).value; fstate.page = 0; applyFindings(); });
    });
    [["ff-claim", "claim"], ["ff-source", "source"], ["ff-q", "q"]].forEach(function (p) {
      $(p[0]).addEventListener("input", debounce(function () { fstate[p[1]] = $(p[0]).value; fstate.page = 0; applyFindings(); }, 150));
    });
    $("ff-reset").addEventListener("click", function () { clearFindingFilters(); applyFindings(); });
    $("ff-show-all").addEventListener("click", function () { clearFindingFilters(); applyFindings(); });
    all("#findings-index th[data-sort] button").forEach(function (b) {
      b.addEventListener("click", function () {
        var key = b.parentNode.getAttribute("data-sort");
        if (fstate.sort === key) { fstate.dir = -fstate.dir; } else { fstate.sort = key; fstate.dir = 1; }
        fstate.page = 0;
        applyFindings();
      });
    });
    var fgo = function (page) { fstate.page = page; renderFindings(); };
    var flast = function () { return Math.max(0, Math.ceil(fview.length / fstate.size) - 1); };
    $("fp-first").addEventListener("click", function () { fgo(0); });
    $("fp-prev").addEventListener("click", function () { fgo(Math.max(0, fstate.page - 1)); });
    $("fp-next").addEventListener("click", function () { fgo(Math.min(flast(), fstate.page + 1)); });
    $("fp-last").addEventListener("click", function () { fgo(flast()); });
    $("fp-size").addEventListener("change", function () {
      fstate.size = parseInt($("fp-size").value, 10) || 50;
      fstate.page = 0;
      renderFindings();
    });
    $("fp-open-all").addEventListener("click", function () {
      var from = fstate.page * fstate.size, to = Math.min(fview.length, from + fstate.size);
      for (var k = from; k < to; k++) { openIds[FINDINGS[fview[k]].id] = true; }
      renderFindings();
    });
    $("fp-close-all").addEventListener("click", function () { openIds = Object.create(null); renderFindings(); });
    if (FINDINGS.length <= AUTO_OPEN) { FINDINGS.forEach(function (f) { openIds[f.id] = true; }); }
    applyFindings();
    window.addEventListener("hashchange", fromHash);
  }

  /* A paged table's pager buttons, its status line and its headers' sort marks. */
  function paintPager(ids, st, matching, total) {
    var pages = Math.max(1, Math.ceil(matching / st.size));
    var from = st.page * st.size, to = Math.min(matching, from + st.size);
    $(ids.pager + "-label").textContent = "Page " + fmtInt(st.page + 1) + " of " + fmtInt(pages);
    $(ids.pager + "-first").disabled = $(ids.pager + "-prev").disabled = st.page === 0;
    $(ids.pager + "-next").disabled = $(ids.pager + "-last").disabled = st.page >= pages - 1;
    $(ids.status).textContent = matching
      ? "Showing " + fmtInt(from + 1) + "–" + fmtInt(to) + " of " + plural(matching, "matching " + ids.noun) +
        " (" + fmtInt(total) + " in this report)."
      : "No " + ids.noun + " matches these filters (" + fmtInt(total) + " in this report).";
    all("#" + ids.table + " th[data-sort]").forEach(function (th) {
      var key = th.getAttribute("data-sort");
      th.setAttribute("aria-sort", key === st.sort ? (st.dir > 0 ? "ascending" : "descending") : "none");
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
        d[1] + "\u0001" + d[5] + "\u0001" + (r[F.claim] >= 0 ? claimLabels[r[F.claim]] : "")).toLowerCase();
    }
  }

  function docMatcher(q) {
    if (!q) { return null; }
    var exact = -1;
    for (var i = 0; i < docs.length; i++) { if (docs[i][0] === q || docs[i][5] === q) { exact = i; break; } }
    if (exact >= 0) { return function (r) { return r[F.doc] === exact; }; }
    var lq = q.toLowerCase(), ok = new Uint8Array(docs.length);
    for (var j = 0; j < docs.length; j++) {
      ok[j] = (docs[j][0].toLowerCase().indexOf(lq) >= 0 || docs[j][1].toLowerCase().indexOf(lq) >= 0 ||
        docs[j][5].toLowerCase().indexOf(lq) >= 0) ? 1 : 0;
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
      var r = rows[i], p = r[F.pair];
      if (p >= 0 && p < i && rows[p][F.pair] === i) { continue; }  // shown with its pair's first figure
      if (state.kind && r[F.kind] !== state.kind) { continue; }
      if (state.currency) {
        var other = p >= 0 ? rows[p][F.currency] : undefined;
        if (state.currency === "-" ? r[F.currency] !== null : r[F.currency] !== state.currency && other !== state.currency) { continue; }
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
      tdDoc.appendChild(docLink(r[F.doc], "doc-name"));
      if (docName(r[F.doc]) !== d[0]) { tdDoc.appendChild(el("code", "doc-id", d[0])); }
      if (r[F.hit]) { tdDoc.appendChild(el("div", "hit-flag", "in a finding")); }
      tr.appendChild(tdDoc);
      var pr = r[F.pair] >= 0 ? rows[r[F.pair]] : null;
      cell(tr, r[F.line] === null ? "" : r[F.line] + ":" + r[F.col], "num");
      cell(tr, r[F.kind] || "");
      var tdText = cell(tr, pr ? r[F.text] + " (" + pr[F.text] + ")" : r[F.text]);
      if (pr) { tdText.title = "one amount stated in two currencies"; }
      if (r[F.note]) { tdText.appendChild(el("div", "row-note", r[F.note])); }
      cell(tr, valueText(r) + (r[F.per] ? " per " + r[F.per] : "") + (pr ? " (" + valueText(pr) + ")" : ""), "num");
      cell(tr, (r[F.currency] || "") + (pr && pr[F.currency] ? " (" + pr[F.currency] + ")" : ""));
      cell(tr, r[F.qualifier] || "");
      cell(tr, dateText(r) + (r[F.granularity] ? " (" + r[F.granularity] + ")" : ""));
      cell(tr, r[F.claim] >= 0 ? claimLabels[r[F.claim]] : "");
      var ctx = el("td", "ctx");
      var s = T.sentences[r[F.sent]], s0 = r[F.s0], s1 = r[F.s1];
      if (pr && pr[F.sent] === r[F.sent] && pr[F.s0] >= s1) {
        s1 = pr[F.s1] + (s.charAt(pr[F.s1]) === ")" ? 1 : 0);
      }
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
    paintPager({ pager: "pg", status: "mf-status-line", table: "mentions-table", noun: "mention" },
      state, view.length, rows.length);
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

  function showClaim(claim) {
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
  }

  window.addEventListener("beforeprint", function () {
    all("details.rule-doc").forEach(function (d) { d.open = true; });
  });

  applyTable();
  if (hasFindings) { fromHash(); }
})();
