/* govmap site: search by name and the map-size button.  Plain
 * JavaScript, no framework, nothing from the network but this site's
 * own search.json.  Every page works without it. */
(function () {
  'use strict';

  var root = document.documentElement.getAttribute('data-root') || '';
  if (!/^(\.\.\/)*$/.test(root)) root = '';

  /* ---- maps: fit to the page width, or actual size ---- */

  /* A wide map at actual size opens scrolled to where most of its boxes
   * are, rather than at its left edge. */
  function scrollToBusiest(frame) {
    if (frame.classList.contains('fit') || frame.scrollWidth <= frame.clientWidth) return;
    var left = frame.getBoundingClientRect().left - frame.scrollLeft;
    var xs = Array.prototype.map.call(frame.querySelectorAll('svg g.node'), function (g) {
      var r = g.getBoundingClientRect();
      return r.left + r.width / 2 - left;
    }).sort(function (a, b) { return a - b; });
    var w = frame.clientWidth * 0.9;
    var best = 0;
    var most = 0;
    for (var i = 0, j = 0; i < xs.length; i++) {
      while (xs[i] - xs[j] > w) j++;
      if (i - j + 1 > most) { most = i - j + 1; best = xs[j]; }
    }
    frame.scrollLeft = Math.max(0, best - frame.clientWidth * 0.05);
  }

  Array.prototype.forEach.call(document.querySelectorAll('button.map-size'), function (btn) {
    var frame = document.getElementById(btn.getAttribute('aria-controls'));
    if (!frame) return;
    btn.hidden = false;
    btn.addEventListener('click', function () {
      var fit = !frame.classList.contains('fit');
      frame.classList.toggle('fit', fit);
      btn.setAttribute('aria-pressed', fit ? 'true' : 'false');
      scrollToBusiest(frame);
    });
    scrollToBusiest(frame);
  });

  /* ---- search ---- */
  var input = document.getElementById('site-search');
  var list = document.getElementById('site-search-results');
  var status = document.getElementById('site-search-status');
  if (!input || !list || !status) return;
  var form = input.form;
  var index = null;
  var loading = false;
  var waiting = [];

  function fold(s) {
    return String(s).normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase();
  }

  function ready(data) {
    index = (Array.isArray(data) ? data : []).filter(function (e) {
      return e && typeof e.name === 'string' && typeof e.id === 'string';
    }).map(function (e) {
      e.folded = fold(e.name + ' ' + e.id + ' ' + (e.region || ''));
      return e;
    });
    var w = waiting;
    waiting = [];
    w.forEach(function (f) { f(); });
  }

  /* search.json over http(s); a page opened from disk cannot fetch it,
   * so the same data comes from assets/search-index.js instead. */
  function fromScript() {
    var s = document.createElement('script');
    s.src = root + 'assets/search-index.js';
    s.onload = function () { ready(window.govmapSearchIndex); };
    s.onerror = function () { ready([]); };
    document.head.appendChild(s);
  }

  function load(then) {
    if (index) { then(); return; }
    waiting.push(then);
    if (loading) return;
    loading = true;
    if (location.protocol === 'file:' || !window.fetch) { fromScript(); return; }
    fetch(root + 'search.json', { credentials: 'same-origin' })
      .then(function (r) { if (!r.ok) throw new Error(r.status); return r.json(); })
      .then(ready, fromScript);
  }

  function href(e) {
    if (e.k === 'region') {
      if (!/^[a-z0-9-]+(\/[a-z0-9-]+)*$/.test(e.id)) return null;
      return root + 'regions/' + e.id.replace(/\//g, '.') + '.html';
    }
    if (!/^[a-z0-9]+(-[a-z0-9]+)*$/.test(e.id)) return null;
    return root + 'bodies/' + e.id + '.html';
  }

  function find(q) {
    var words = fold(q).split(/\s+/).filter(Boolean);
    if (!words.length) return [];
    var hits = index.filter(function (e) {
      return words.every(function (w) { return e.folded.indexOf(w) >= 0; });
    });
    var first = words[0];
    hits.sort(function (a, b) {
      var sa = fold(a.name).indexOf(first) === 0 ? 0 : 1;
      var sb = fold(b.name).indexOf(first) === 0 ? 0 : 1;
      if (sa !== sb) return sa - sb;
      if (a.active !== b.active) return a.active ? -1 : 1;
      return a.name.localeCompare(b.name);
    });
    return hits;
  }

  function show(q) {
    var hits = find(q);
    while (list.firstChild) list.removeChild(list.firstChild);
    if (!q.trim()) {
      list.hidden = true;
      status.textContent = '';
      return hits;
    }
    hits.slice(0, 20).forEach(function (e) {
      var url = href(e);
      if (!url) return;
      var li = document.createElement('li');
      var a = document.createElement('a');
      a.setAttribute('href', url);
      a.textContent = e.name;
      var hint = document.createElement('span');
      hint.className = 'hint';
      hint.textContent = (e.k === 'region' ? 'region' : e.type) +
        (e.region && e.k !== 'region' ? ', ' + e.region : '') +
        (e.active === false ? ' (no longer in force)' : '');
      a.appendChild(hint);
      li.appendChild(a);
      list.appendChild(li);
    });
    list.hidden = hits.length === 0;
    status.textContent = hits.length === 0 ? 'No body or region matches.'
      : hits.length === 1 ? '1 match.'
      : hits.length > 20 ? hits.length + ' matches; the first 20 are shown.'
      : hits.length + ' matches.';
    return hits;
  }

  input.addEventListener('input', function () {
    var q = input.value;
    load(function () { if (input.value === q) show(q); });
  });
  input.addEventListener('focus', function () { load(function () {}); });
  input.addEventListener('keydown', function (ev) {
    if (ev.key === 'ArrowDown') {
      var a = list.querySelector('a');
      if (a && !list.hidden) { a.focus(); ev.preventDefault(); }
    } else if (ev.key === 'Escape') {
      input.value = '';
      show('');
    }
  });
  list.addEventListener('keydown', function (ev) {
    var links = Array.prototype.slice.call(list.querySelectorAll('a'));
    var i = links.indexOf(document.activeElement);
    if (i < 0) return;
    if (ev.key === 'ArrowDown' && i + 1 < links.length) { links[i + 1].focus(); ev.preventDefault(); }
    else if (ev.key === 'ArrowUp') { (i > 0 ? links[i - 1] : input).focus(); ev.preventDefault(); }
    else if (ev.key === 'Escape') { input.focus(); list.hidden = true; }
  });
  if (form) {
    form.addEventListener('submit', function (ev) {
      ev.preventDefault();
      var q = input.value;
      load(function () {
        var hits = show(q);
        var url = hits.length ? href(hits[0]) : null;
        if (url) location.href = url;
      });
    });
  }

  /* the A-to-Z page (the no-script target of the form) shows ?q= */
  var m = /[?&]q=([^&]*)/.exec(location.search);
  if (m) {
    var q = '';
    try { q = decodeURIComponent(m[1].replace(/\+/g, ' ')); } catch (e) { q = ''; }
    input.value = q;
    load(function () { show(q); });
  }
}());
