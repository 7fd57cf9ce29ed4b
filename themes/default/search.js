// Client-side search over search/search-index.js (window.TRAVAUX_SEARCH), written by travaux
// build. Works from file:// (no fetch) and under any sub-path (every URL in the index is
// relative to the search page). Results are built with DOM calls, never innerHTML.
(function () {
  "use strict";
  var index = window.TRAVAUX_SEARCH;
  var form = document.querySelector("form.search-form");
  var input = document.getElementById("search-q");
  var status = document.getElementById("search-status");
  var results = document.getElementById("search-results");
  if (!index || !form || !input || !status || !results) return;

  var KINDS = { letter: "Letter", draft: "Draft", round: "Round", document: "Document", page: "Page" };
  var MARKS = /[\u0300-\u036f]/g;

  // Case and accent folding: "Gómez" matches "gomez".
  function fold(s) {
    return s.normalize("NFD").replace(MARKS, "").toLowerCase();
  }
  // fold() with, for each folded character, the index of the character it came from, so a
  // match found in folded text can be highlighted in the original.
  function foldWithMap(s) {
    var out = "", map = [];
    for (var i = 0; i < s.length; i++) {
      var f = fold(s[i]);
      for (var k = 0; k < f.length; k++) { out += f[k]; map.push(i); }
    }
    map.push(s.length);
    return { text: out, map: map };
  }

  var docs = index.documents.map(function (d) {
    return {
      d: d,
      title: fold((d.label ? d.label + " " : "") + d.title),
      meta: fold(d.people.join(" ") + " " + d.topics.join(" ") + " " + d.kind),
      date: fold(d.date + " " + d.date_text),
      summary: fold(d.summary),
      text: fold(d.text)
    };
  });

  // Words, or "quoted phrases".
  function terms(query) {
    var out = [], re = /"([^"]+)"|(\S+)/g, m;
    while ((m = re.exec(query)) !== null) {
      var t = fold((m[1] || m[2]).trim());
      if (t) out.push(t);
    }
    return out;
  }

  function score(doc, ts) {
    var total = 0;
    for (var i = 0; i < ts.length; i++) {
      var t = ts[i], s = 0;
      if (doc.title.indexOf(t) >= 0) s += 10;
      if (doc.meta.indexOf(t) >= 0) s += 5;
      if (doc.date.indexOf(t) >= 0) s += 4;
      if (doc.summary.indexOf(t) >= 0) s += 3;
      if (doc.text.indexOf(t) >= 0) s += 1;
      if (s === 0) return 0;  // every term must match somewhere
      total += s;
    }
    return total;
  }

  // Appends `text` to `parent`, wrapping each occurrence of a term in <mark>.
  function appendMarked(parent, text, ts) {
    var f = foldWithMap(text), spans = [];
    ts.forEach(function (t) {
      for (var at = f.text.indexOf(t); at >= 0; at = f.text.indexOf(t, at + t.length))
        spans.push([f.map[at], f.map[at + t.length - 1] + 1]);
    });
    spans.sort(function (a, b) { return a[0] - b[0]; });
    var pos = 0;
    spans.forEach(function (s) {
      if (s[0] < pos) return;  // overlaps the previous mark
      parent.appendChild(document.createTextNode(text.slice(pos, s[0])));
      var mark = document.createElement("mark");
      mark.textContent = text.slice(s[0], s[1]);
      parent.appendChild(mark);
      pos = s[1];
    });
    parent.appendChild(document.createTextNode(text.slice(pos)));
  }

  // The summary, or when only the body matches, the words around the first match.
  function snippet(doc, ts) {
    var d = doc.d;
    var inSummary = ts.some(function (t) { return doc.summary.indexOf(t) >= 0; });
    var inText = ts.filter(function (t) { return doc.text.indexOf(t) >= 0; });
    if ((inSummary || inText.length === 0) && d.summary)
      return d.summary.length > 300 ? d.summary.slice(0, 297).replace(/\s+\S*$/, "") + "…" : d.summary;
    if (inText.length === 0) return "";
    var f = foldWithMap(d.text), at = f.text.indexOf(inText[0]);
    var start = Math.max(0, f.map[at] - 100), end = Math.min(d.text.length, f.map[at] + 200);
    var s = d.text.slice(start, end);
    if (start > 0) s = "…" + s.replace(/^\S*\s/, "");
    if (end < d.text.length) s = s.replace(/\s\S*$/, "") + "…";
    return s;
  }

  function show(query) {
    results.textContent = "";
    var ts = terms(query);
    if (ts.length === 0) {
      status.textContent = "Type a word to search " + docs.length + " documents.";
      return;
    }
    var found = [];
    // The whole query as a title ranks first, then the whole query inside a title.
    var phrase = fold(query.trim().replace(/"/g, ""));
    docs.forEach(function (doc) {
      var s = score(doc, ts);
      if (s === 0) return;
      if (doc.title.indexOf(phrase) >= 0) s += 15;
      if (fold(doc.d.label || "") === phrase || fold(doc.d.title) === phrase) s += 30;
      found.push({ doc: doc, score: s });
    });
    // Best first; the index is newest first, and sort is stable.
    found.sort(function (a, b) { return b.score - a.score; });
    var q = "\u201c" + query.trim() + "\u201d";
    status.textContent = found.length === 0 ? "No documents match " + q + "."
      : found.length + (found.length === 1 ? " document matches " : " documents match ") + q + ".";
    if (found.length === 0) return;
    var list = document.createElement("ol");
    list.className = "doclist search-results";
    found.forEach(function (r) {
      var d = r.doc.d;
      var li = document.createElement("li");
      var a = document.createElement("a");
      a.href = d.url;
      appendMarked(a, d.label ? d.label + ": " + d.title : d.title, ts);
      li.appendChild(a);
      var kind = document.createElement("span");
      kind.className = "badge kind-" + d.kind;
      kind.textContent = KINDS[d.kind] || d.kind;
      li.appendChild(document.createTextNode(" "));
      li.appendChild(kind);
      li.appendChild(document.createTextNode(" "));
      var time = document.createElement("time");
      time.dateTime = d.date;
      time.textContent = d.date_text;
      li.appendChild(time);
      var text = snippet(r.doc, ts);
      if (text) {
        var p = document.createElement("p");
        appendMarked(p, text, ts);
        li.appendChild(p);
      }
      list.appendChild(li);
    });
    results.appendChild(list);
  }

  // Keeps ?q= in the address so a search can be linked; some browsers refuse this for
  // file:// pages, where the form's own GET submission still carries the query.
  function remember(query) {
    try {
      var url = new URL(window.location.href);
      if (query) url.searchParams.set("q", query); else url.searchParams.delete("q");
      window.history.replaceState(null, "", url.href);
      return true;
    } catch (e) {
      return false;  // keep the address as it is
    }
  }

  var initial = new URLSearchParams(window.location.search).get("q") || "";
  input.value = initial;
  show(initial);

  var timer = null;
  input.addEventListener("input", function () {
    clearTimeout(timer);
    timer = setTimeout(function () { show(input.value); remember(input.value.trim()); }, 120);
  });
  form.addEventListener("submit", function (e) {
    clearTimeout(timer);
    // Where the address cannot be updated in place, the form's GET submission reloads the
    // page with ?q=, which shows the same results.
    if (!remember(input.value.trim())) return;
    e.preventDefault();
    show(input.value);
  });
})();
