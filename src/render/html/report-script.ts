/**
 * The HTML report's client script (plain ES2020, no dependencies). It never builds markup from data: ladders
 * are cloned from server-rendered <template>s (escaped in TypeScript), and message details are written with
 * textContent from the JSON data block.
 */
export const REPORT_SCRIPT = `(function () {
  "use strict";
  var dataEl = document.getElementById("sipta-data");
  var data = dataEl ? JSON.parse(dataEl.textContent || "{}") : {};
  var messages = data.messages || {};
  var raw = data.raw || null;
  var host = document.getElementById("ladder-host");
  var hint = document.getElementById("viewer-hint");
  var detail = document.getElementById("detail");
  var rows = Array.prototype.slice.call(document.querySelectorAll("#call-table tbody tr"));
  var search = document.getElementById("search");
  var countEl = document.getElementById("call-count");
  var showLinked = data.linked === true;
  var current = null;

  function el(tag, cls, text) {
    var e = document.createElement(tag);
    if (cls) e.className = cls;
    if (text !== undefined && text !== null) e.textContent = String(text);
    return e;
  }

  function selectRow(n) {
    rows.forEach(function (r) {
      var on = r.getAttribute("data-call") === String(n);
      r.classList.toggle("selected", on);
      var b = r.querySelector("button.open");
      if (b) b.setAttribute("aria-pressed", on ? "true" : "false");
    });
  }

  var NS = "http://www.w3.org/2000/svg";
  var zoomScale = null;

  // The participant boxes, repeated in a header that stays at the top while the ladder scrolls.
  function stickyHeader(wrap) {
    var svg = wrap.querySelector("svg.ladder");
    var head = svg && svg.querySelector("g.phead");
    if (!head) return;
    var w = svg.getAttribute("width"), hh = head.getAttribute("data-h");
    var s2 = document.createElementNS(NS, "svg");
    s2.setAttribute("class", "phead-svg");
    s2.setAttribute("width", w);
    s2.setAttribute("height", hh);
    s2.setAttribute("viewBox", "0 0 " + w + " " + hh);
    var bg = document.createElementNS(NS, "rect");
    bg.setAttribute("class", "bg");
    bg.setAttribute("width", w);
    bg.setAttribute("height", hh);
    s2.appendChild(bg);
    s2.appendChild(head.cloneNode(true));
    var d = el("div", "sticky-head ladder");
    d.appendChild(s2);
    wrap.insertBefore(d, svg);
  }

  // Fit: as wide as the box (never below 60%); +/- steps of 20%; 100%: natural size.
  function applyZoom(wrap, mode) {
    var svgs = wrap.querySelectorAll("svg.ladder, svg.phead-svg");
    if (!svgs.length) return;
    var natural = Number(svgs[svgs.length - 1].getAttribute("width"));
    var fit = Math.max(0.6, Math.min(1, (wrap.clientWidth - 4) / natural));
    if (mode === "fit") zoomScale = fit;
    else if (mode === "in") zoomScale = (zoomScale || 1) + 0.2;
    else if (mode === "out") zoomScale = Math.max(0.3, (zoomScale || 1) - 0.2);
    else if (mode === "1") zoomScale = 1;
    var scale = zoomScale === null ? fit : zoomScale;
    svgs.forEach(function (s) {
      s.style.width = Math.round(Number(s.getAttribute("width")) * scale) + "px";
      s.style.height = "auto";
    });
  }

  function msgForFrame(f) {
    for (var k in messages) if (messages[k].frame === f) return Number(k);
    return null;
  }

  function jumpToFrame(f) {
    var i = msgForFrame(Number(f));
    if (i === null) return;
    var g = host.querySelector('g.msg[data-msg="' + i + '"]');
    showMessage(i, g);
    if (g) { g.scrollIntoView({ block: "center" }); g.focus(); }
  }

  // Text with each "frame N" as a link to that arrow (textContent only: no markup from data).
  function linkedText(tag, cls, text) {
    var e = el(tag, cls);
    String(text).split(/(frame \\d+)/).forEach(function (part) {
      var m = /^frame (\\d+)$/.exec(part);
      if (!m) { e.appendChild(document.createTextNode(part)); return; }
      var b = el("button", "link", part);
      b.type = "button";
      b.setAttribute("data-frame", m[1]);
      e.appendChild(b);
    });
    return e;
  }

  document.addEventListener("click", function (e) {
    var t = e.target;
    if (t && t.getAttribute && t.getAttribute("data-frame") && t.tagName === "BUTTON") jumpToFrame(t.getAttribute("data-frame"));
  });

  function openCall(n, focusLadder) {
    var linkedTpl = document.getElementById("call-" + n + "-linked");
    var tpl = (showLinked && linkedTpl) || document.getElementById("call-" + n);
    if (!tpl) return;
    host.replaceChildren(tpl.content.cloneNode(true));
    if (hint) hint.hidden = true;
    current = n;
    selectRow(n);
    var toggle = host.querySelector("input.linked-toggle");
    if (toggle) {
      toggle.checked = showLinked && !!linkedTpl;
      toggle.addEventListener("change", function () { showLinked = toggle.checked; openCall(n, false); });
    }
    host.querySelectorAll("g.msg").forEach(function (g) {
      var i = Number(g.getAttribute("data-msg"));
      g.addEventListener("click", function () { showMessage(i, g); });
      g.addEventListener("keydown", function (e) {
        if (e.key === "Enter" || e.key === " ") { e.preventDefault(); showMessage(i, g); }
      });
    });
    host.querySelectorAll("button[data-msg]").forEach(function (b) {
      b.addEventListener("click", function () {
        var i = Number(b.getAttribute("data-msg"));
        var g = host.querySelector('g.msg[data-msg="' + i + '"]');
        showMessage(i, g);
        if (g) g.focus();
      });
    });
    var wrap = host.querySelector(".ladder-wrap");
    if (wrap) { stickyHeader(wrap); applyZoom(wrap, null); }
    host.querySelectorAll("button[data-zoom]").forEach(function (b) {
      b.addEventListener("click", function () { if (wrap) applyZoom(wrap, b.getAttribute("data-zoom")); });
    });
    clearDetail();
    // The ladder opens below the list: bring it into view (a deep link #call-N too).
    host.scrollIntoView({ block: "start" });
    try { history.replaceState(null, "", "#call-" + n); } catch (e) { /* file: URLs may refuse */ }
    if (focusLadder) {
      var first = host.querySelector("g.msg");
      if (first) first.focus();
    }
  }

  function clearDetail() {
    detail.replaceChildren(el("h3", null, "Message"), el("p", "muted", "Click an arrow (or focus it and press Enter) to see the message."));
  }

  function addField(dl, key, value) {
    if (value === undefined || value === null || value === "") return;
    dl.appendChild(el("dt", null, key));
    dl.appendChild(el("dd", "mono", value));
  }

  function showMessage(i, g) {
    host.querySelectorAll("g.msg.selected").forEach(function (x) { x.classList.remove("selected"); });
    if (g) g.classList.add("selected");
    var m = messages[String(i)];
    if (!m) return;
    var parts = [el("h3", null, m.label)];
    var dl = el("dl");
    addField(dl, "Time", m.ts);
    addField(dl, "From", m.src);
    addField(dl, "To", m.dst);
    addField(dl, "Transport", m.transport);
    addField(dl, "Call-ID", m.callId);
    addField(dl, "CSeq", m.cseq);
    addField(dl, "Request-URI", m.uri);
    addField(dl, "From URI", m.fromUri);
    addField(dl, "To URI", m.toUri);
    addField(dl, "Branch", m.branch);
    addField(dl, "Source", m.origin);
    addField(dl, "Size", m.size);
    if (m.retransmissionOf !== null && m.retransmissionOf !== undefined) addField(dl, "Retransmission of", "#" + m.retransmissionOf);
    if (m.warnings && m.warnings.length) addField(dl, "Warnings", m.warnings.join(", "));
    parts.push(dl);
    (m.notes || []).forEach(function (a) {
      var box = el("div", "note " + a.severity);
      var head = el("div", "nh");
      head.appendChild(el("span", "chip " + a.severity, a.severity));
      head.appendChild(el("strong", null, a.kind + ": " + a.outcome));
      if (a.rfc) head.appendChild(el("span", "muted", a.rfc));
      box.appendChild(head);
      box.appendChild(linkedText("p", "sum", a.summary));
      box.appendChild(linkedText("p", null, a.explanation));
      if (a.nextSteps && a.nextSteps.length) {
        var ul = el("ul");
        a.nextSteps.forEach(function (s) { ul.appendChild(linkedText("li", null, s)); });
        box.appendChild(ul);
      }
      parts.push(box);
    });
    parts.push(el("h3", null, "Raw message"));
    var text = raw ? raw[String(i)] : null;
    parts.push(el("pre", "raw", text === null || text === undefined ? "(The raw text is not in this report: it was made without the capture's bytes.)" : text));
    detail.replaceChildren.apply(detail, parts);
  }

  var keys = new Map(rows.map(function (r) { return [r, r.getAttribute("data-search") || ""]; }));
  var total = Number(countEl.getAttribute("data-total") || rows.length);
  var capped = total > rows.length ? " (" + total + " in the capture)" : "";
  function plural(k) { return k + (k === 1 ? " call" : " calls"); }
  function applySearch() {
    var q = search.value.trim().toLowerCase();
    var shown = 0;
    rows.forEach(function (r) {
      var ok = q === "" || keys.get(r).indexOf(q) >= 0;
      // Touch only rows that change, so typing stays fast with thousands of calls.
      if (r.hidden === ok) r.hidden = !ok;
      if (ok) shown++;
    });
    countEl.textContent = q === "" ? (capped ? rows.length + " of " + plural(total) : plural(rows.length)) : shown + " of " + plural(rows.length) + capped;
  }

  // Sortable columns: numbers as numbers, the rest as text; a second click reverses.
  var tbody = document.querySelector("#call-table tbody");
  document.querySelectorAll("#call-table button.sort").forEach(function (b) {
    b.addEventListener("click", function () {
      var col = Number(b.getAttribute("data-col"));
      var num = b.getAttribute("data-num") === "1";
      var th = b.parentNode;
      var asc = th.getAttribute("aria-sort") !== "ascending";
      document.querySelectorAll("#call-table th").forEach(function (x) { x.setAttribute("aria-sort", "none"); });
      th.setAttribute("aria-sort", asc ? "ascending" : "descending");
      var cell = function (r) { var c = r.children[col]; return c ? c.textContent || "" : ""; };
      rows.sort(function (x, y) {
        var a = cell(x), z = cell(y);
        var d = num ? Number(a) - Number(z) : a.localeCompare(z);
        return asc ? d : -d;
      });
      rows.forEach(function (r) { tbody.appendChild(r); });
    });
  });

  rows.forEach(function (r, k) {
    var b = r.querySelector("button.open");
    if (!b) return;
    b.addEventListener("click", function () { openCall(r.getAttribute("data-call"), false); });
    b.addEventListener("keydown", function (e) {
      if (e.key !== "ArrowDown" && e.key !== "ArrowUp") return;
      e.preventDefault();
      var step = e.key === "ArrowDown" ? 1 : -1;
      k = rows.indexOf(r);
      for (var j = k + step; j >= 0 && j < rows.length; j += step) {
        if (!rows[j].hidden) { var nb = rows[j].querySelector("button.open"); if (nb) nb.focus(); break; }
      }
    });
  });
  if (search) search.addEventListener("input", applySearch);
  clearDetail();
  var m = /^#call-(\\d+)$/.exec(location.hash);
  if (m) openCall(m[1], false);
  else if (data.open) openCall(String(data.open), false);
})();
`;
