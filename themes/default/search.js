// Client-side search over the sharded index written by travaux build (docs/search.md).
// Every piece of the index is a script that calls travauxSearchShard(name, data), loaded by
// adding a script element, so search works from file:// (where fetch() of a local file is
// refused) and under any sub-path (every URL is relative to the search page). Only what a
// query needs is loaded: the manifest, one term shard per word, the documents shown.
// Results are built with DOM calls, never innerHTML.
(function (root) {
  "use strict";
  var MARKS = /[\u0300-\u036f]/g;
  var WORD = /[\p{L}\p{M}\p{N}]+/gu;

  // The same folding as render/search_fold.cpp: NFD, diacritics dropped, lowercase, one sigma.
  function fold(s) {
    return s.normalize("NFD").replace(MARKS, "").toLowerCase().replace(/\u03c2/g, "\u03c3");
  }
  function words(s) {
    return fold(s).match(WORD) || [];
  }
  // For tests: the index and the script must fold every word alike.
  root.travauxSearchFold = { fold: fold, words: words };

  var form = document.querySelector("form.search-form[data-index]");
  var input = document.getElementById("search-q");
  var status = document.getElementById("search-status");
  var results = document.getElementById("search-results");
  var more = document.getElementById("search-more");
  if (!form || !input || !status || !results || !more) return;
  var FILTERS = ["kind", "text", "round", "from", "to"];
  var KINDS = { letter: "Letter", draft: "Draft", round: "Round", document: "Document", page: "Page" };
  var PAGE = 10;            // results shown at a time
  var PREFIX_SHARDS = 3;    // a prefix spanning more term shards matches only itself
  var indexUrl = form.getAttribute("data-index");
  var base = indexUrl.slice(0, indexUrl.lastIndexOf("/") + 1);

  // ---- shards ----
  var shards = {}, pending = {};
  root.travauxSearchShard = function (name, data) { shards[name] = data; };
  function load(name) {
    if (shards[name]) return Promise.resolve(shards[name]);
    if (!pending[name]) {
      pending[name] = new Promise(function (resolve, reject) {
        var s = document.createElement("script");
        s.src = name === "index" ? indexUrl : base + name + ".js";
        s.onload = function () { if (shards[name]) resolve(shards[name]); else reject(new Error(s.src)); };
        s.onerror = function () { delete pending[name]; reject(new Error(s.src)); };
        document.head.appendChild(s);
      });
    }
    return pending[name];
  }

  // Code point order, the order of the index's UTF-8 keys (UTF-16 order differs above U+FFFF).
  function cmp(a, b) {
    for (var i = 0; ; ) {
      if (i >= a.length || i >= b.length) return (i < a.length) - (i < b.length);
      var x = a.codePointAt(i), y = b.codePointAt(i);
      if (x !== y) return x < y ? -1 : 1;
      i += x > 0xffff ? 2 : 1;
    }
  }
  // Words (with filters and exact titles) and pairs of words are in two series of shards; the
  // manifest lists, for each, the separator at which every shard after the first begins.
  function series(index, key) {
    var pair = key.indexOf(" ") > 0 && key[0] !== "=";
    if (!pair) return Promise.resolve({ folder: "terms/", separators: index.words });
    return load("pairs").then(function (p) { return { folder: "pairs/", separators: p.pairs }; });
  }
  // The shard of a series that holds `key`: the number of separators at or before it.
  function shardOf(separators, key) {
    var lo = 0, hi = separators.length;
    while (lo < hi) {
      var mid = (lo + hi) >> 1;
      if (cmp(separators[mid], key) <= 0) lo = mid + 1; else hi = mid;
    }
    return lo;
  }

  // ---- sets of document numbers (bit i = document i) ----
  function emptySet(n) { return new Uint32Array((n + 31) >>> 5); }
  function fullSet(n, from, to) {
    var s = emptySet(n);
    for (var d = from; d < to; d++) s[d >>> 5] |= 1 << (d & 31);
    return s;
  }
  function has(s, d) { return (s[d >>> 5] >>> (d & 31)) & 1; }
  function and(a, b) { var r = a.slice(); for (var i = 0; i < r.length; i++) r[i] &= b[i]; return r; }
  function or(a, b) { var r = a.slice(); for (var i = 0; i < r.length; i++) r[i] |= b[i]; return r; }
  // "L" + varint gaps, or "B" + bitmap (render/search_encode.h).
  function decodeSet(b64, n) {
    var s = emptySet(n);
    if (!b64) return s;
    var bin = atob(b64), j, d;
    if (bin[0] === "B") {
      for (j = 1; j < bin.length; j++) {
        var byte = bin.charCodeAt(j);
        for (var k = 0; byte && k < 8; k++) if (byte & (1 << k)) { d = (j - 1) * 8 + k; s[d >>> 5] |= 1 << (d & 31); }
      }
      return s;
    }
    d = 0;
    for (j = 1; j < bin.length; ) {
      var v = 0, scale = 1, c;
      do { c = bin.charCodeAt(j++); v += (c & 127) * scale; scale *= 128; } while (c & 128);
      d += v;  // the first number, then the gaps
      s[d >>> 5] |= 1 << (d & 31);
    }
    return s;
  }
  function posting(index, value) {
    var parts = (value || "").split(" ");
    return { all: decodeSet(parts[0], index.documents), card: decodeSet(parts[1], index.documents) };
  }
  // One key's postings, or the union of every key that begins with `prefix` (words only).
  function lookup(index, key, prefix) {
    return series(index, key).then(function (where) { return lookupIn(index, where, key, prefix); });
  }
  function lookupIn(index, where, key, prefix) {
    if (!prefix) {
      return load(where.folder + shardOf(where.separators, key)).then(function (shard) {
        return posting(index, Object.prototype.hasOwnProperty.call(shard, key) ? shard[key] : "");
      });
    }
    var first = shardOf(where.separators, key), last = shardOf(where.separators, key + "\u{10ffff}");
    if (last - first + 1 > PREFIX_SHARDS) return lookupIn(index, where, key, false).then(function (p) { p.narrowed = true; return p; });
    var names = [];
    for (var i = first; i <= last; i++) names.push(load(where.folder + i));
    var wordKey = key.indexOf(" ") < 0;
    return Promise.all(names).then(function (list) {
      var p = posting(index, "");
      list.forEach(function (shard) {
        Object.keys(shard).forEach(function (k) {
          if (k.lastIndexOf(key, 0) !== 0 || k.indexOf(":") >= 0) return;
          if (wordKey ? k.indexOf(" ") >= 0 : k.indexOf(" ", key.length) >= 0) return;
          var q = posting(index, shard[k]);
          p.all = or(p.all, q.all);
          p.card = or(p.card, q.card);
        });
      });
      return p;
    });
  }

  // ---- queries ----
  // Clauses: a word, or a phrase ("quoted", or one token such as "ville-étoile" or "71/280").
  // The last word, while being typed, also matches the words it begins.
  function parse(query) {
    var clauses = [], re = /"([^"]*)("?)|([^\s"]+)/g, m;
    while ((m = re.exec(query)) !== null) {
      var quoted = m[1] !== undefined;
      var ws = words(quoted ? m[1] : m[3]);
      if (ws.length) clauses.push({ words: ws, open: quoted && m[2] === "" || !quoted });
    }
    var last = clauses[clauses.length - 1];
    if (last) last.prefix = last.open && !/\s$/.test(query);
    return clauses;
  }
  function clausePostings(index, c) {
    if (c.words.length === 1) return lookup(index, c.words[0], c.prefix);
    var keys = [];
    for (var i = 0; i + 1 < c.words.length; i++)
      keys.push(lookup(index, c.words[i] + " " + c.words[i + 1], c.prefix && i + 2 === c.words.length));
    return Promise.all(keys).then(function (ps) {
      return ps.reduce(function (a, b) { return { all: and(a.all, b.all), card: and(a.card, b.card), narrowed: a.narrowed || b.narrowed }; });
    });
  }
  // Document numbers are in date order: the range [from, to] of dates is a range of numbers.
  function dateRange(index, from, to) {
    if (!from && !to) return Promise.resolve(null);
    return load("dates").then(function (dates) {
      var bin = atob(dates.runs), day = dates.first, count = 0, lo = 0, hi = 0, j = 0;
      var start = from ? Date.parse(from) / 864e5 : -Infinity, end = to ? Date.parse(to) / 864e5 : Infinity;
      function varint() { var v = 0, scale = 1, c; do { c = bin.charCodeAt(j++); v += (c & 127) * scale; scale *= 128; } while (c & 128); return v; }
      while (j < bin.length) {
        day += varint();
        var n = varint();
        if (day < start) lo += n;
        if (day <= end) hi += n;
        count += n;
      }
      return fullSet(index.documents, lo, Math.max(lo, hi));
    });
  }

  // Every matching document, best first: a word in a title, label, name, topic or date counts
  // ten, elsewhere one; the exact title thirty more; ties newest first.
  function search(q, filters) {
    return load("index").then(function (index) {
      var clauses = parse(q), jobs = [];
      clauses.forEach(function (c) { jobs.push(clausePostings(index, c)); });
      var filterJobs = ["kind", "text", "round"].filter(function (f) { return filters[f]; }).map(function (f) {
        return lookup(index, f + ":" + filters[f], false);
      });
      var all = [].concat.apply([], clauses.map(function (c) { return c.words; }));
      var exact = all.length ? lookup(index, "=" + all.join(" "), false) : Promise.resolve(null);
      return Promise.all([Promise.all(jobs), Promise.all(filterJobs), exact, dateRange(index, filters.from, filters.to)]).then(function (r) {
        var ps = r[0], set = fullSet(index.documents, 0, index.documents);
        ps.concat(r[1]).forEach(function (p) { set = and(set, p.all); });
        if (r[3]) set = and(set, r[3]);
        var hits = [];
        for (var d = index.documents - 1; d >= 0; d--) {
          if (!has(set, d)) continue;
          var score = r[2] && has(r[2].card, d) ? 30 : 0;
          ps.forEach(function (p) { score += has(p.card, d) ? 10 : 1; });
          hits.push({ doc: d, score: score });
        }
        hits.sort(function (a, b) { return b.score - a.score; });
        return { clauses: clauses, hits: hits, narrowed: ps.some(function (p) { return p.narrowed; }) };
      });
    });
  }

  // ---- where a clause stands in a text ----
  function tokens(text) {
    var out = [], re = new RegExp(WORD.source, "gu"), m;
    while ((m = re.exec(text)) !== null) out.push({ w: fold(m[0]), start: m.index, end: m.index + m[0].length });
    return out;
  }
  // [start, end) character ranges where each clause matches.
  function matches(toks, clauses) {
    var found = clauses.map(function () { return []; });
    clauses.forEach(function (c, ci) {
      var n = c.words.length;
      for (var i = 0; i + n <= toks.length; i++) {
        var ok = true;
        for (var j = 0; j < n && ok; j++) {
          var w = toks[i + j].w, want = c.words[j];
          ok = j === n - 1 && c.prefix ? w.lastIndexOf(want, 0) === 0 : w === want;
        }
        if (ok) found[ci].push([toks[i].start, toks[i + n - 1].end]);
      }
    });
    return found;
  }
  function appendMarked(parent, text, ranges) {
    ranges = ranges.slice().sort(function (a, b) { return a[0] - b[0]; });
    var pos = 0;
    ranges.forEach(function (r) {
      if (r[0] < pos) return;
      parent.appendChild(document.createTextNode(text.slice(pos, r[0])));
      var mark = document.createElement("mark");
      mark.textContent = text.slice(r[0], r[1]);
      parent.appendChild(mark);
      pos = r[1];
    });
    parent.appendChild(document.createTextNode(text.slice(pos)));
  }
  function flat(found) { return [].concat.apply([], found); }
  function count(found) { return found.filter(function (f) { return f.length; }).length; }

  // Loads a document's parts until a block holds every clause; picks the block that holds the
  // most. Null when a phrase stands nowhere (two word pairs of it were found apart).
  function locate(d, clauses) {
    return load("d/" + d).then(function (doc) {
      var card = [doc.title, doc.label || "", doc.people.join(" · "), doc.topics.join(" · "), doc.place || "", doc.date_text, doc.date];
      var seen = clauses.map(function (c, ci) {
        return card.some(function (t) { return matches(tokens(t), [c])[0].length > 0; }) || null;
      });
      var best = null;
      function scan(part, k) {
        part.blocks.forEach(function (b) {
          var found = matches(tokens(b[1]), clauses), n = count(found);
          found.forEach(function (f, ci) { if (f.length) seen[ci] = true; });
          if (n > 0 && (!best || n > best.n)) best = { anchor: b[0], text: b[1], found: found, n: n };
        });
        if ((best && best.n === clauses.length) || k + 1 >= doc.parts) return null;
        return load("d/" + d + "-" + (k + 1)).then(function (next) { return scan(next, k + 1); });
      }
      return Promise.resolve(clauses.length ? scan(doc, 0) : null).then(function () {
        var phraseMissing = clauses.some(function (c, ci) { return c.words.length > 1 && !seen[ci]; });
        return phraseMissing ? null : { doc: doc, best: best };
      });
    });
  }

  // A window of the block around its first match, cut at spaces.
  function snippet(best) {
    var text = best.text, ranges = flat(best.found), first = Math.min.apply(null, ranges.map(function (r) { return r[0]; }));
    var start = Math.max(0, first - 90), end = Math.min(text.length, start + 280);
    if (start > 0) start = text.indexOf(" ", start) + 1 || start;
    if (end < text.length) end = text.lastIndexOf(" ", end) > first ? text.lastIndexOf(" ", end) : end;
    var shifted = ranges.filter(function (r) { return r[0] >= start && r[1] <= end; })
      .map(function (r) { return [r[0] - start + (start > 0 ? 1 : 0), r[1] - start + (start > 0 ? 1 : 0)]; });
    return { text: (start > 0 ? "\u2026" : "") + text.slice(start, end) + (end < text.length ? "\u2026" : ""), ranges: shifted };
  }
  function place(anchor) {
    var m = /^para-(\d+)$/.exec(anchor);
    return m ? "paragraph " + m[1] : "section \u201c" + anchor.replace(/-/g, " ") + "\u201d";
  }

  function resultItem(r, clauses) {
    var doc = r.doc, best = r.best;
    var li = document.createElement("li");
    var a = document.createElement("a");
    a.href = doc.url + (best && best.anchor ? "#" + best.anchor : "");
    var title = doc.label ? doc.label + ": " + doc.title : doc.title;
    appendMarked(a, title, flat(matches(tokens(title), clauses)));
    li.appendChild(a);
    var kind = document.createElement("span");
    kind.className = "badge kind-" + doc.kind;
    kind.textContent = KINDS[doc.kind] || doc.kind;
    li.appendChild(document.createTextNode(" "));
    li.appendChild(kind);
    li.appendChild(document.createTextNode(" "));
    var time = document.createElement("time");
    time.dateTime = doc.date;
    time.textContent = doc.date_text;
    li.appendChild(time);
    if (best && best.anchor) {
      var where = document.createElement("span");
      where.className = "search-where";
      where.textContent = " \u00b7 " + place(best.anchor);
      li.appendChild(where);
    }
    var p = document.createElement("p");
    if (best) {
      var s = snippet(best);
      appendMarked(p, s.text, s.ranges);
    } else {
      appendMarked(p, doc.summary, flat(matches(tokens(doc.summary), clauses)));
    }
    if (p.textContent) li.appendChild(p);
    return li;
  }

  // ---- the page ----
  var generation = 0, current = null;
  function quoted(q) { return "\u201c" + q.trim() + "\u201d"; }
  function describe(q, n) {
    var what = q.trim() ? quoted(q) : "the filters";
    return n === 0 ? "No documents match " + what + "." : n + (n === 1 ? " document matches " : " documents match ") + what + ".";
  }
  function showMore(run) {
    var mine = generation, list = results.querySelector("ol");
    var batch = run.hits.slice(run.next, run.next + PAGE);
    run.next += batch.length;
    more.hidden = true;
    return Promise.all(batch.map(function (h) { return locate(h.doc, run.clauses); })).then(function (found) {
      if (mine !== generation) return;
      found.forEach(function (r) {
        if (r) list.appendChild(resultItem(r, run.clauses));
        else run.dropped++;
      });
      status.textContent = describe(run.query, run.hits.length - run.dropped) + run.note;
      more.hidden = run.next >= run.hits.length;
    });
  }
  function values() {
    var v = { q: input.value };
    FILTERS.forEach(function (f) { var el = form.elements[f]; v[f] = el ? el.value : ""; });
    return v;
  }
  function show() {
    var v = values(), mine = ++generation;
    var filtered = FILTERS.some(function (f) { return v[f]; });
    results.textContent = "";
    more.hidden = true;
    if (!parse(v.q).length && !filtered) {
      load("index").then(function (index) {
        if (mine === generation) status.textContent = "Type a word to search " + index.documents + " documents.";
      }, failed);
      return;
    }
    status.textContent = "Searching\u2026";
    search(v.q, v).then(function (r) {
      if (mine !== generation) return;
      var list = document.createElement("ol");
      list.className = "doclist search-results";
      results.appendChild(list);
      var last = r.clauses[r.clauses.length - 1];
      current = { query: v.q, clauses: r.clauses, hits: r.hits, next: 0, dropped: 0,
                  note: r.narrowed ? " Type more of \u201c" + last.words[last.words.length - 1] + "\u201d to also find the words it begins." : "" };
      return showMore(current);
    }).catch(failed);
  }
  function failed() { status.textContent = "The search index could not be loaded."; }

  // Keeps the query and filters in the address so a search can be linked; some browsers refuse
  // this for file:// pages, where the form's own GET submission still carries them.
  function remember() {
    try {
      var url = new URL(window.location.href), v = values();
      ["q"].concat(FILTERS).forEach(function (f) {
        if (v[f].trim()) url.searchParams.set(f, v[f].trim()); else url.searchParams.delete(f);
      });
      window.history.replaceState(null, "", url.href);
      return true;
    } catch (e) {
      return false;
    }
  }

  var params = new URLSearchParams(window.location.search);
  input.value = params.get("q") || "";
  FILTERS.forEach(function (f) { var el = form.elements[f]; if (el && params.get(f)) el.value = params.get(f); });
  show();

  var timer = null;
  input.addEventListener("input", function () {
    clearTimeout(timer);
    timer = setTimeout(function () { show(); remember(); }, 150);
  });
  FILTERS.forEach(function (f) {
    var el = form.elements[f];
    if (el) el.addEventListener("change", function () { show(); remember(); });
  });
  more.addEventListener("click", function () { if (current) showMore(current); });
  form.addEventListener("submit", function (e) {
    clearTimeout(timer);
    if (!remember()) return;
    e.preventDefault();
    show();
  });
})(window);
