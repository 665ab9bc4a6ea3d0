/* govmap site: search by name, pan and zoom on the maps.  Plain
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

  /* ---- maps: pan and zoom (svg-pan-zoom, in assets/ with its
   * licence), by wheel, drag, the buttons and the keyboard.  A map opens
   * at a size whose labels can be read, at its top-left corner.
   * Without the library the map scrolls, with a fit button. ---- */
  function panZoom(frame, btn) {
    var svg = frame.querySelector('svg.map-svg');
    if (!svg || typeof window.svgPanZoom !== 'function') return false;
    /* the library would set a style attribute, which the page's CSP
     * refuses: give it the overflow it wants through the CSSOM */
    svg.style.overflow = 'hidden';
    frame.classList.add('panzoom');
    frame.classList.remove('fit');
    svg.removeAttribute('width');
    svg.removeAttribute('height');
    /* the library removes the viewBox (it pans with a transform): kept
     * here to print the whole map */
    var viewBox = svg.getAttribute('viewBox');
    var pz = window.svgPanZoom(svg, {
      zoomEnabled: true, panEnabled: true, controlIconsEnabled: false,
      dblClickZoomEnabled: true, mouseWheelZoomEnabled: true,
      preventMouseEventsDefault: true, zoomScaleSensitivity: 0.25,
      minZoom: 0.05, maxZoom: 40, fit: true, contain: false, center: true
    });
    /* readable: one unit of the layout to at least 0.9 px (labels are
     * 10 pt and more), from the map's top-left corner: its title, then
     * the voters and the first boxes (the busiest part, centred, cut
     * the title off at the top) */
    function readable() {
      pz.resize();
      pz.fit();
      pz.center();
      var real = pz.getSizes().realZoom;
      if (real >= 0.9) return;
      pz.zoom(pz.getZoom() / real);
      pz.pan({ x: 0, y: 0 });
    }
    readable();
    var bar = document.createElement('div');
    bar.className = 'map-tools no-print';
    bar.setAttribute('role', 'group');
    bar.setAttribute('aria-label', 'Map controls');
    [['Zoom in', function () { pz.zoomIn(); }],
     ['Zoom out', function () { pz.zoomOut(); }],
     ['Whole map', function () { pz.resize(); pz.fit(); pz.center(); }],
     ['Readable size', readable]].forEach(function (b) {
      var el = document.createElement('button');
      el.type = 'button';
      el.textContent = b[0];
      el.addEventListener('click', b[1]);
      bar.appendChild(el);
    });
    frame.parentNode.insertBefore(bar, frame);
    if (btn) btn.hidden = true;
    /* the figure's caption first: two maps on a page (then and now)
     * keep distinct names */
    var fig = frame.closest('figure');
    var cap = fig && fig.querySelector('figcaption');
    frame.setAttribute('aria-label', (cap ? cap.textContent + ': ' : 'The map: ') +
      'arrow keys move it, + and - zoom, 0 shows the whole map');
    frame.addEventListener('keydown', function (ev) {
      if (ev.altKey || ev.ctrlKey || ev.metaKey) return;
      var step = ev.shiftKey ? 200 : 60;
      var k = ev.key;
      if (k === 'ArrowLeft') pz.panBy({ x: step, y: 0 });
      else if (k === 'ArrowRight') pz.panBy({ x: -step, y: 0 });
      else if (k === 'ArrowUp') pz.panBy({ x: 0, y: step });
      else if (k === 'ArrowDown') pz.panBy({ x: 0, y: -step });
      else if (k === '+' || k === '=') pz.zoomIn();
      else if (k === '-' || k === '_') pz.zoomOut();
      else if (k === '0') { pz.resize(); pz.fit(); pz.center(); }
      else return;
      ev.preventDefault();
    });
    window.addEventListener('resize', function () { pz.resize(); });
    /* printed, the whole map: the viewBox back and the pan and zoom
     * taken off, so that the print CSS scales the map to the page like
     * an image (without a viewBox the SVG prints 150 px high, cut off
     * below its title); put back after printing */
    var vp = svg.querySelector('.svg-pan-zoom_viewport');
    var saved = null;
    window.addEventListener('beforeprint', function () {
      if (!vp || !viewBox || saved) return;
      saved = { attr: vp.getAttribute('transform'), style: vp.style.transform };
      vp.removeAttribute('transform');
      vp.style.transform = '';
      svg.setAttribute('viewBox', viewBox);
    });
    window.addEventListener('afterprint', function () {
      if (!saved) return;
      svg.removeAttribute('viewBox');
      if (saved.attr) vp.setAttribute('transform', saved.attr);
      vp.style.transform = saved.style;
      saved = null;
    });
    frame.govmapPanZoom = pz;
    return true;
  }

  /* ---- the key: each line type can be hidden and shown again ---- */
  function dashKind(path) {
    var d = path.getAttribute('stroke-dasharray');
    if (!d) return '0';
    return /^1(,|$)/.test(d) ? '2' : '1';
  }

  Array.prototype.forEach.call(document.querySelectorAll('figure.map'), function (fig) {
    var edges = Array.prototype.map.call(fig.querySelectorAll('svg.map-svg g.edge'), function (g) {
      var p = g.querySelector('path');
      return { g: g, key: p ? (p.getAttribute('stroke') || '').toLowerCase() + ' ' + dashKind(p) : '' };
    });
    Array.prototype.forEach.call(fig.querySelectorAll('.legend-lines li[data-stroke]'), function (li) {
      var key = li.getAttribute('data-stroke') + ' ' + li.getAttribute('data-dash');
      var btn = document.createElement('button');
      btn.type = 'button';
      btn.className = 'legend-toggle no-print';
      btn.setAttribute('aria-pressed', 'false');
      btn.textContent = 'Hide';
      var words = li.textContent.replace(/\s+/g, ' ').trim();
      btn.setAttribute('aria-label', 'Hide the lines: ' + words);
      btn.addEventListener('click', function () {
        var hide = btn.getAttribute('aria-pressed') !== 'true';
        btn.setAttribute('aria-pressed', hide ? 'true' : 'false');
        btn.textContent = hide ? 'Show' : 'Hide';
        btn.setAttribute('aria-label', (hide ? 'Show' : 'Hide') + ' the lines: ' + words);
        edges.forEach(function (e) { if (e.key === key) e.g.classList.toggle('edge-hidden', hide); });
      });
      li.appendChild(document.createTextNode(' '));
      li.appendChild(btn);
    });
  });

  Array.prototype.forEach.call(document.querySelectorAll('.map-frame'), function (frame) {
    var btn = document.querySelector('button.map-size[aria-controls="' + frame.id + '"]');
    if (panZoom(frame, btn) || !btn) return;
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

  /* the words of s, folded, without punctuation */
  function words(s) {
    return fold(s).split(/[^a-z0-9]+/).filter(Boolean);
  }

  function ready(data) {
    index = (Array.isArray(data) ? data : []).filter(function (e) {
      return e && typeof e.name === 'string' && typeof e.id === 'string';
    }).map(function (e) {
      var strings = function (v) { return Array.isArray(v) ? v.filter(function (x) { return typeof x === 'string'; }) : []; };
      var codes = strings(e.codes);
      e.folded = fold(e.name + ' ' + e.id + ' ' + (e.area || '') + ' ' + codes.join(' '));
      /* exact matches rank first: a code ("RHQ"), the name, a short
       * name ("sheffield", "nhs south yorkshire", "south yorkshire") */
      e.exact = codes.concat(strings(e.short), [e.name]).map(function (x) { return words(x).join(' '); });
      e.nhs = typeof e.nhs === 'string' && e.nhs ? words(e.nhs).join(' ') : null;
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
    var ws = fold(q).split(/\s+/).filter(Boolean);
    if (!ws.length) return [];
    var whole = words(q).join(' ');
    /* "south yorkshire icb": the short name with the type's word */
    var bare = whole.replace(/^nhs /, '').replace(/ (icb|integrated care board|nhs foundation trust|nhs trust)$/, '');
    var hits = index.filter(function (e) {
      return e.exact.indexOf(whole) >= 0 || e.nhs === bare ||
        ws.every(function (w) { return e.folded.indexOf(w) >= 0; });
    });
    var first = ws[0];
    /* as explain ranks them: a code, the name or a council's short name
     * first; then an NHS body's ("NHS Dorset", "Dorset ICB": the ICB
     * first; "dorset": the council, then the ICB) */
    function rank(e) {
      if (e.exact.indexOf(whole) >= 0) return 0;
      if (e.nhs === bare && bare !== whole) return 0;
      if (e.nhs === bare) return 1;
      return fold(e.name).indexOf(first) === 0 ? 2 : 3;
    }
    hits.sort(function (a, b) {
      var sa = rank(a), sb = rank(b);
      if (sa !== sb) return sa - sb;
      /* "Sheffield": the council before the area of the same name */
      if ((a.k === 'region') !== (b.k === 'region')) return a.k === 'region' ? 1 : -1;
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
      hint.textContent = (e.k === 'region' ? 'area' : e.type) +
        (e.area && e.k !== 'region' ? ', ' + e.area : '') +
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
