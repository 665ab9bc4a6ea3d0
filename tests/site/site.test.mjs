// Browser tests of `govmap site` in headless Debian Chromium, driven by
// the pinned playwright-core (never a downloaded browser).  Run by
// tests/site/run.sh, which builds the fixture site and sets:
//   SITE_DIR       the site built from tests/fixtures/site
//   SITE_TEST_DIR  where screenshots and the PDF go (build/site-test)
//   SITE_NPM_DIR   where `npm ci` installed playwright-core
//   CHROMIUM       the browser (default /usr/bin/chromium)
//   SITE_ONLY      a regular expression: run only the tests it matches
// The site is served by a static server in this process on 127.0.0.1
// and a free port the system picks; every other request is refused and
// counted.  Output is TAP.
import { createRequire } from 'node:module';
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

const SITE = path.resolve(process.env.SITE_DIR);
const OUT = path.resolve(process.env.SITE_TEST_DIR);
const CHROMIUM = process.env.CHROMIUM || '/usr/bin/chromium';
const require = createRequire(path.join(path.resolve(process.env.SITE_NPM_DIR), 'package.json'));
const { chromium } = require('playwright-core');

// ---- a static server for the site, on 127.0.0.1 only ----
const TYPES = {
  '.html': 'text/html; charset=utf-8', '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8', '.json': 'application/json',
  '.svg': 'image/svg+xml',
};
const missing = [];
const server = http.createServer((req, res) => {
  let p;
  try { p = decodeURIComponent(new URL(req.url, 'http://127.0.0.1').pathname); } catch { p = '/'; }
  if (p.endsWith('/')) p += 'index.html';
  const file = path.join(SITE, path.normalize(p));
  if (!file.startsWith(SITE + path.sep)) { res.writeHead(403); res.end(); return; }
  fs.readFile(file, (err, data) => {
    if (err) {
      missing.push(p);
      res.writeHead(404, { 'content-type': 'text/plain' });
      res.end('not found');
      return;
    }
    res.writeHead(200, { 'content-type': TYPES[path.extname(file)] || 'application/octet-stream' });
    res.end(data);
  });
});
await new Promise((ok) => server.listen(0, '127.0.0.1', ok));
const BASE = `http://127.0.0.1:${server.address().port}/`;

// ---- the browser: Debian's chromium, a fresh profile, no network ----
const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'govmap-site-chromium-'));
const context = await chromium.launchPersistentContext(profile, {
  executablePath: CHROMIUM,
  headless: true,
  args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
    '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  viewport: { width: 1280, height: 900 },
  deviceScaleFactor: 1,
});
const outside = [];
await context.route('**/*', (route) => {
  const u = route.request().url();
  if (u.startsWith(BASE) || u.startsWith('file:') || u.startsWith('data:')) return route.continue();
  outside.push(u);
  return route.abort();
});

// Watch a page for anything that would mean a broken or attacked page.
function watch(page) {
  const problems = [];
  page.on('console', (m) => { if (m.type() === 'error' || m.type() === 'warning') problems.push(`console ${m.type()}: ${m.text()}`); });
  page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
  page.on('requestfailed', (r) => problems.push(`request failed: ${r.url()} ${r.failure() && r.failure().errorText}`));
  page.on('dialog', (d) => { problems.push(`dialog (${d.type()}): ${d.message()}`); d.dismiss().catch(() => {}); });
  page.on('response', (r) => { if (r.status() >= 400) problems.push(`HTTP ${r.status()}: ${r.url()}`); });
  return problems;
}

// ---- TAP ----
let n = 0;
let failed = 0;
const ONLY = process.env.SITE_ONLY ? new RegExp(process.env.SITE_ONLY) : null;
// A test's time limit guards against a hang, not a speed target: 30 s,
// or `s` seconds for a test that loads many pages (on a loaded 2-core
// machine 14 full-page screenshots took more than 30 s).
async function test(name, fn, s = 30) {
  if (ONLY && !ONLY.test(name)) return; // SITE_ONLY=REGEX: only those tests (while working on them)
  n++;
  const t0 = Date.now();
  try {
    await Promise.race([fn(), new Promise((_, no) => setTimeout(() => no(new Error(`timed out after ${s} s`)), s * 1000))]);
    console.log(`ok ${n} - ${name} (${Date.now() - t0} ms)`);
  } catch (e) {
    failed++;
    console.log(`not ok ${n} - ${name}`);
    for (const line of String(e && e.stack || e).split('\n')) console.log(`#   ${line}`);
  }
}
function assert(ok, msg) { if (!ok) throw new Error(msg); }
function noProblems(problems, where) {
  assert(problems.length === 0, `${where}:\n${problems.join('\n')}`);
}

const HOSTILE_NAME = '<script>alert("name")</script> & \'quotes\' javascript:alert(1)';

await test('the index loads with no console errors', async () => {
  const page = await context.newPage();
  const problems = watch(page);
  await page.goto(BASE + 'index.html', { waitUntil: 'networkidle' });
  noProblems(problems, 'index.html');
  const h1 = await page.locator('h1').textContent();
  assert(h1 === 'Who answers to whom in UK health and care', `h1 is ${h1}`);
  const nodes = await page.locator('figure.map svg a').count();
  assert(nodes > 3, `the national map has ${nodes} links`);
  const text = await page.locator('.site-footer').textContent();
  assert(text.includes("Testshire <script>alert('manifest')</script> & \"test\" registry"),
    'the registry name is shown as text in the footer');
  await page.close();
});

await test('honest numbers: money with its coverage, never £0 for unknown; words and intervals beside A', async () => {
  const page = await context.newPage();
  const problems = watch(page);
  await page.goto(BASE + 'index.html', { waitUntil: 'networkidle' });
  const head = await page.locator('dl.headlines').first().innerText();
  assert(head.includes('£2.9bn known, for 5 of 9 bodies; 4 not recorded'),
    `the headline money states its coverage: ${head}`);
  // the exposure ranking holds known figures only: the trust, whose only
  // figure is for 2023/24, is not in it ...
  const ranked = await page.locator('#ranked').innerText();
  assert(!ranked.includes('North Testshire NHS Trust'), 'a body with unknown money is not ranked by exposure');
  assert(!/\b£0\b/.test(ranked), 'no £0 in the exposure ranking');
  assert(/moderate|strong|weak|none/.test(ranked), 'the ranking gives A in words');
  assert(await page.locator('#unpriced').count() === 1, 'the weak bodies with no money have their own table');
  const robust = await page.locator('p.robustness').first().innerText();
  assert(/^(Robust|Depends on the weights): under the 11 documented variations/.test(robust),
    `a line beside the ranking says how robust it is: ${robust}`);
  // ... and its page says the money is unknown for this year
  await page.goto(BASE + 'bodies/test-trust.html', { waitUntil: 'networkidle' });
  const scores = await page.locator('dl.scores').innerText();
  assert(scores.includes('moderate'), `A has its word: ${scores}`);
  assert(scores.includes('statutory; can question but not sanction'), 'A has its reason');
  assert(/Public money in 2024\/25\s+unknown/.test(scores) && /Exposure[^\n]*\s+unknown/.test(scores),
    `unknown money and exposure are said to be unknown: ${scores}`);
  assert(/none recorded for this year; recorded for other years: 2023\/24 \w+ £[0-9.]+[kmbn]* \(not counted as this year's\)/.test(scores),
    `the other years' figures are named, not counted: ${scores}`);
  noProblems(problems, 'honest numbers');
  await page.close();
});

// Click a map node (a real mouse click on the drawn box) and return the
// page it opened.
async function clickNode(page, href) {
  const found = await page.evaluate((want) => {
    const a = [...document.querySelectorAll('figure.map svg a')].find((x) => x.href && x.href.baseVal === want);
    if (!a) return false;
    a.setAttribute('data-test-target', '1');
    return true;
  }, href);
  assert(found, `no map node links to ${href}`);
  await Promise.all([
    page.waitForURL('**/' + href.replace(/^(\.\.\/)+/, ''), { timeout: 10000 }),
    page.locator('[data-test-target]').click(),
  ]);
}

await test('clicking a map node opens that body\'s page', async () => {
  const page = await context.newPage();
  const problems = watch(page);
  await page.goto(BASE + 'index.html', { waitUntil: 'networkidle' });
  await clickNode(page, 'bodies/test-department.html');
  const h1 = await page.locator('h1').textContent();
  assert(h1 === 'Test Department of Health & Care', `h1 is ${h1}`);
  // a footprint on the national map opens its region page
  await page.goto(BASE + 'index.html', { waitUntil: 'networkidle' });
  await clickNode(page, 'regions/england.testshire.html');
  assert((await page.locator('h1').textContent()).startsWith('Testshire'), 'the footprint opened its region');
  // on a region map, a body node opens the body (the map opens at a
  // readable zoom with the trust below its fold: the whole map first)
  await page.getByRole('button', { name: 'Whole map' }).first().click();
  await clickNode(page, '../bodies/test-trust.html');
  assert((await page.locator('h1').textContent()) === 'North Testshire NHS Trust', 'the trust page opened');
  noProblems(problems, 'while clicking map nodes');
  await page.close();
});

await test('the map can be used from the keyboard (Tab to a node, Enter)', async () => {
  const page = await context.newPage();
  const problems = watch(page);
  await page.goto(BASE + 'regions/england.testshire.html', { waitUntil: 'networkidle' });
  let href = null;
  for (let i = 0; i < 80 && !href; i++) {
    await page.keyboard.press('Tab');
    href = await page.evaluate(() => {
      const a = document.activeElement;
      return a && a.closest('svg') && a.href && a.href.baseVal ? a.href.baseVal : null;
    });
  }
  assert(href, 'no map node took the focus within 80 Tabs');
  await Promise.all([page.waitForURL('**/bodies/*.html'), page.keyboard.press('Enter')]);
  assert(page.url().endsWith(href.replace(/^\.\.\//, '')), `Enter opened ${page.url()}, not ${href}`);
  noProblems(problems, 'keyboard');
  await page.close();
});

// The key beside a map must show exactly the line styles the map draws,
// in the colours the browser really paints (a CSS rule once painted
// every sample black).
async function lineStyles(page) {
  return page.evaluate(() => {
    const key = (el) => {
      const cs = getComputedStyle(el);
      const d = cs.strokeDasharray === 'none' ? 'solid' : (parseFloat(cs.strokeDasharray) <= 1 ? 'dotted' : 'dashed');
      return `${cs.stroke} ${d}`;
    };
    const map = new Set([...document.querySelectorAll('figure.map svg.map-svg g.edge path')].map(key));
    const legend = [...document.querySelectorAll('.map-legend .legend-sample line')].map(key);
    const words = [...document.querySelectorAll('.map-legend .legend-lines li')].map((li) => li.textContent.trim());
    const inMap = [...document.querySelectorAll('figure.map svg.map-svg text')].map((t) => t.textContent);
    return { map: [...map].sort(), legend: legend.slice().sort(), unique: new Set(legend).size === legend.length, words, inMap };
  });
}

await test('the map key shows the map\'s own line colours and styles, only those present', async () => {
  const page = await context.newPage();
  const problems = watch(page);
  // the national overview draws no lines (issue 16 item 2): its key has
  // no line sample and says so
  await page.goto(BASE + 'index.html', { waitUntil: 'networkidle' });
  const n = await lineStyles(page);
  assert(n.map.length === 0 && n.legend.length === 0,
    `index.html: the national map draws lines ${n.map.join(', ')}, its key ${n.legend.join(', ')}`);
  const note = await page.locator('.map-legend .legend-note').first().textContent();
  assert(note.includes('draws no lines'), `index.html: the key says ${note}`);
  const help = await page.locator('.map-help').first().textContent();
  assert(!help.includes('lines show') && help.includes('draws no lines'),
    `index.html: the map's help says ${help}`);
  assert(!n.inMap.includes('Legend'), 'index.html: the map still draws its own legend inside the SVG');
  for (const url of ['regions/england.testshire.html']) {
    await page.goto(BASE + url, { waitUntil: 'networkidle' });
    const s = await lineStyles(page);
    assert(s.map.length > 0, `${url}: the map has no edges`);
    assert(JSON.stringify(s.map) === JSON.stringify(s.legend),
      `${url}: map lines ${s.map.join(', ')} but key samples ${s.legend.join(', ')}`);
    assert(s.unique, `${url}: a key sample is repeated`);
    assert(s.words.every((w) => /[a-z]{3}/.test(w) && !/[a-z]+-[a-z]+-by/.test(w)), `${url}: key words ${s.words}`);
    assert(!s.inMap.includes('Legend'), `${url}: the map still draws its own legend inside the SVG`);
  }
  // a line type hides and shows again from the key
  const visible = () => page.evaluate(() => [...document.querySelectorAll('figure.map svg g.edge path')]
    .filter((p) => p.getClientRects().length > 0).map((p) => p.getAttribute('stroke').toLowerCase()));
  const before = await visible();
  assert(before.includes('#009e73'), 'the region map draws no scrutiny line');
  const toggle = page.locator('.legend-lines li[data-stroke="#009e73"] button.legend-toggle').first();
  await toggle.click();
  const hidden = await visible();
  assert(!hidden.includes('#009e73') && hidden.length === before.length - before.filter((x) => x === '#009e73').length,
    `hiding scrutiny lines left ${hidden}`);
  assert((await toggle.getAttribute('aria-pressed')) === 'true', 'the toggle does not say it is pressed');
  await toggle.click();
  assert((await visible()).length === before.length, 'the scrutiny lines did not come back');
  // the region map has more than one colour, so black samples would show
  assert(new Set((await lineStyles(page)).legend.map((k) => k.split(' solid')[0].split(' dashed')[0])).size > 1,
    'the region map key has only one colour');
  noProblems(problems, 'the map key');
  await page.close();
});

// Pan and zoom from the keyboard: the map frame takes the focus, arrows
// move the drawing, + and - change its scale, 0 shows the whole map.
async function viewOf(page) {
  // svg-pan-zoom draws on the next animation frame
  await page.evaluate(() => new Promise((ok) => requestAnimationFrame(() => requestAnimationFrame(ok))));
  return page.evaluate(() => {
    const vp = document.querySelector('.map-frame svg.map-svg .svg-pan-zoom_viewport');
    if (!vp) return null;
    const m = vp.transform.baseVal.consolidate();
    const t = m ? m.matrix : vp.getCTM();
    return { a: t.a, e: t.e, f: t.f };
  });
}

await test('the map pans and zooms from the keyboard and the buttons, and opens readable', async () => {
  const page = await context.newPage();
  const problems = watch(page);
  await page.goto(BASE + 'regions/england.testshire.html', { waitUntil: 'networkidle' });
  const v0 = await viewOf(page);
  assert(v0, 'svg-pan-zoom did not take over the map (no viewport group)');
  assert(v0.a >= 0.85, `the map opens at scale ${v0.a}, too small to read`);
  await page.locator('.map-frame').focus();
  await page.keyboard.press('ArrowLeft');
  const v1 = await viewOf(page);
  assert(v1.e > v0.e && Math.abs(v1.f - v0.f) < 0.01, `ArrowLeft moved the map from ${JSON.stringify(v0)} to ${JSON.stringify(v1)}`);
  await page.keyboard.press('ArrowUp');
  const v2 = await viewOf(page);
  assert(v2.f > v1.f, 'ArrowUp did not move the map down');
  await page.keyboard.press('+');
  const v3 = await viewOf(page);
  assert(v3.a > v2.a * 1.1, `+ did not zoom in (${v2.a} to ${v3.a})`);
  await page.keyboard.press('-');
  await page.keyboard.press('-');
  const v4 = await viewOf(page);
  assert(v4.a < v3.a / 1.2, `- did not zoom out (${v3.a} to ${v4.a})`);
  await page.getByRole('button', { name: 'Zoom in' }).click();
  const v5 = await viewOf(page);
  assert(v5.a > v4.a * 1.1, 'the Zoom in button did nothing');
  // the wheel zooms too
  const box = await page.locator('.map-frame').boundingBox();
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
  await page.mouse.wheel(0, -300);
  await page.waitForTimeout(200);
  const v6 = await viewOf(page);
  assert(v6.a > v5.a * 1.05, `the wheel did not zoom in (${v5.a} to ${v6.a})`);
  noProblems(problems, 'pan and zoom');
  await page.close();
});

await test('a region map opens readable at its top-left edge, its title in view (1366 px)', async () => {
  const page = await context.newPage();
  const problems = watch(page);
  await page.setViewportSize({ width: 1366, height: 900 });
  await page.goto(BASE + 'regions/england.testshire.html', { waitUntil: 'networkidle' });
  const v = await viewOf(page);
  assert(v && v.a >= 0.85, `the map opens at scale ${v && v.a}, too small to read`);
  const r = await page.evaluate(() => {
    const f = document.querySelector('.map-frame').getBoundingClientRect();
    // Graphviz draws the map's title as the graph's own text
    const t = document.querySelector('.map-frame svg.map-svg g.graph > text');
    const b = t && t.getBoundingClientRect();
    return b && { frame: [f.left, f.top, f.right, f.bottom], title: [b.left, b.top, b.right, b.bottom],
      text: t.textContent };
  });
  assert(r, 'the map has no title text');
  const [fl, ft, fr, fb] = r.frame, [tl, tt, , tb] = r.title;
  assert(tt >= ft - 1 && tb <= fb,
    `the title "${r.text}" is cut off: its box ${JSON.stringify(r.title)}, the map's frame ${JSON.stringify(r.frame)}`);
  assert(tl >= fl - 1 && tl < fr, `the title "${r.text}" starts outside the frame: ${JSON.stringify(r)}`);
  // the map's top-left corner, not its middle: the first line of the
  // title starts near the frame's top
  assert(tt - ft < 60, `the view does not start at the map's top: title ${tt - ft} px below the frame's top`);
  noProblems(problems, 'opening view');
  await page.close();
});

await test('on a 390 px phone the map opens at a readable zoom', async () => {
  const page = await context.newPage();
  const problems = watch(page);
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto(BASE + 'regions/england.testshire.html', { waitUntil: 'networkidle' });
  const v = await viewOf(page);
  assert(v && v.a >= 0.85, `the phone map opens at scale ${v && v.a}`);
  // some box is in view
  const inView = await page.evaluate(() => {
    const f = document.querySelector('.map-frame').getBoundingClientRect();
    return [...document.querySelectorAll('.map-frame g.node')].filter((g) => {
      const r = g.getBoundingClientRect();
      return r.right > f.left && r.left < f.right && r.bottom > f.top && r.top < f.bottom;
    }).length;
  });
  assert(inView > 0, 'no box of the map is in view on a phone');
  await page.locator('figure.map').screenshot({ path: path.join(OUT, 'map-390.png') });
  noProblems(problems, 'phone map');
  await page.close();
});

// What a councillor reads first: names and sentences, never ids, paths,
// files or raw scores outside the collapsed details.
async function plainText(page) {
  return page.evaluate(() => {
    const main = document.querySelector('main').cloneNode(true);
    main.querySelectorAll('details').forEach((d) => d.remove());
    return main.innerText;
  });
}

await test('body pages speak plain words first; ids, paths and files only in closed details', async () => {
  const page = await context.newPage();
  const problems = watch(page);
  await page.goto(BASE + 'bodies/test-trust.html', { waitUntil: 'networkidle' });
  const text = await plainText(page);
  assert(text.includes('Testshire Health Scrutiny Committee scrutinises North Testshire NHS Trust: set in law; can require information and question it; cannot block changes or impose consequences \u2014 moderate.'),
    'the scrutiny link is not said as a sentence');
  assert(text.includes('North Testshire NHS Trust Board is the board of North Testshire NHS Trust and answers to it'),
    'the board link is not said the right way round');
  for (const bad of [/\btest-trust\b/, /england\/testshire/, /\.yaml:\d+/, /\bscrutinised-by\b/, /Registry id/,
    /\b[0-9a-f]{10,40}\b/]) {
    assert(!bad.test(text), `the page shows ${bad} outside the details`);
  }
  assert(await page.locator('details.tech').count() > 0, 'no details section');
  assert(await page.evaluate(() => [...document.querySelectorAll('details.tech')].every((d) => !d.open)), 'a details section is open');
  assert((await page.locator('details#details').innerText()).length > 0, 'details hold nothing');
  await page.locator('details#details summary').click();
  assert((await page.locator('details#details').innerText()).includes('test-trust'), 'the id is not in the details');
  // a directly elected council gets no advice and no stock questions
  await page.goto(BASE + 'bodies/test-council.html', { waitUntil: 'networkidle' });
  const council = await plainText(page);
  assert(!/single change|Questions for a committee/.test(council), 'a directly elected council is given advice');
  assert(council.includes('Test electorate (voters of Testshire) elects Testshire Council'), 'the council\'s election is not a sentence');
  // a trust, not elected, keeps its questions
  await page.goto(BASE + 'bodies/test-trust.html', { waitUntil: 'networkidle' });
  assert(/Questions for a committee/.test(await plainText(page)), 'the trust lost its questions');
  noProblems(problems, 'plain words');
  await page.close();
});

await test('sampled pages show no id, area path, type id, file or hash outside the closed details', async () => {
  const page = await context.newPage();
  const problems = watch(page);
  const data = JSON.parse(fs.readFileSync(path.join(SITE, 'search.json'), 'utf8'));
  const ids = data.filter((e) => e.k !== 'region' && e.id.includes('-')).map((e) => e.id);
  const paths = data.filter((e) => e.k === 'region' && e.id.includes('/')).map((e) => e.id);
  const esc = (x) => x.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const bad = [new RegExp(`(^|[^a-z0-9-])(${ids.map(esc).join('|')})($|[^a-z0-9-])`),
    new RegExp(`(${paths.map(esc).join('|')})`), /\.yaml\b/, /\b[0-9a-f]{10,40}\b/,
    /\b(local-authority|nhs-trust|scrutinised-by|accountable-to|elected-by|government-department|core\/[a-z-]+)\b/,
    /\bA \d\.\d+,? D \d/];
  for (const rel of ['index.html', 'regions/england.testshire.html', 'regions/england.testshire.north-testshire.html',
    'bodies/index.html', 'councils/index.html', 'bodies/test-trust.html', 'bodies/test-trust-board.html',
    'bodies/test-council.html', 'bodies/test-electorate.html', 'bodies/test-old-trust.html',
    'rules/index.html', 'rules/core.no-chain.html', 'glossary.html', 'changes/index.html',
    'changes/england.testshire.html']) {
    await page.goto(BASE + rel, { waitUntil: 'networkidle' });
    const text = await plainText(page);
    for (const re of bad) {
      const m = re.exec(text);
      assert(!m, `${rel} shows "${m && m[0]}" outside the details`);
    }
  }
  noProblems(problems, 'plain words on sampled pages');
  await page.close();
});

await test('at 390 px no table of bodies hides its deficit column', async () => {
  const page = await context.newPage();
  const problems = watch(page);
  await page.setViewportSize({ width: 390, height: 844 });
  for (const rel of ['index.html', 'regions/england.testshire.html', 'bodies/index.html']) {
    await page.goto(BASE + rel, { waitUntil: 'networkidle' });
    const r = await page.evaluate(() => {
      const cells = [...document.querySelectorAll('main table td.deficit')];
      const out = cells.filter((td) => {
        const b = td.getBoundingClientRect();
        return b.width === 0 || b.left < 0 || b.right > document.documentElement.clientWidth + 1;
      });
      // a card table's caption spans the page, not one word a line
      const narrow = [...document.querySelectorAll('main table.cards caption')]
        .filter((c) => c.getBoundingClientRect().width < 0.6 * document.documentElement.clientWidth)
        .map((c) => `${Math.round(c.getBoundingClientRect().width)} px: ${c.textContent.slice(0, 40)}`);
      return { n: cells.length, out: out.length, wide: document.documentElement.scrollWidth, narrow };
    });
    assert(r.narrow.length === 0, `${rel}: table captions squeezed at 390 px: ${r.narrow.join('; ')}`);
    assert(r.n > 0, `${rel}: no deficit cell`);
    assert(r.out === 0, `${rel}: ${r.out} of ${r.n} deficit cells are out of view at 390 px`);
    assert(r.wide <= 392, `${rel} is ${r.wide} px wide at 390`);
  }
  noProblems(problems, 'phone tables');
  await page.close();
});

await test('"Your council" leads from the index of councils to what each holds to account', async () => {
  const page = await context.newPage();
  const problems = watch(page);
  await page.goto(BASE + 'index.html', { waitUntil: 'networkidle' });
  await Promise.all([page.waitForURL('**/councils/index.html'), page.getByRole('link', { name: 'Your council' }).first().click()]);
  const rows = await page.locator('table.councils tbody th a').allTextContents();
  assert((await page.locator('table.councils tbody th').first().textContent()).includes('Cwm Prawf'), 'the area is not named');
  assert(rows.includes('Testshire Council') && rows.includes('Cyngor Cwm Prawf (Test Valleys Council)'), `councils listed: ${rows}`);
  assert(!rows.includes('North Testshire NHS Trust'), 'a trust is listed as a council');
  const row = page.locator('table.councils tbody tr', { hasText: 'Testshire Council' }).first();
  assert((await row.locator('td.num').first().textContent()) === '1', 'Testshire Council does not count the trust its committee scrutinises');
  await Promise.all([page.waitForURL('**/bodies/test-council.html'), row.getByRole('link', { name: 'Testshire Council' }).click()]);
  const holds = await page.locator('#holds + ul').innerText();
  assert(holds.includes('scrutinises North Testshire NHS Trust') && holds.includes('moderate'), `holds to account: ${holds}`);
  // search finds a council by its ONS code and a trust by its ODS code
  for (const [q, want] of [['E06000999', 'Testshire Council'], ['rx9', 'North Testshire NHS Trust']]) {
    await page.locator('#site-search').fill(q);
    const first = page.locator('#site-search-results a').first();
    await first.waitFor({ state: 'visible', timeout: 5000 });
    assert((await first.textContent()).startsWith(want), `${q} found ${await first.textContent()}`);
  }
  noProblems(problems, 'your council');
  await page.close();
});

await test('search finds a body by name', async () => {
  const page = await context.newPage();
  const problems = watch(page);
  await page.goto(BASE + 'index.html', { waitUntil: 'networkidle' });
  await page.locator('#site-search').fill('north testshire trust');
  const first = page.locator('#site-search-results a').first();
  await first.waitFor({ state: 'visible', timeout: 5000 });
  const text = await first.textContent();
  assert(text.startsWith('North Testshire NHS Trust'), `first result is ${text}`);
  await page.locator('#site-search').press('ArrowDown');
  await Promise.all([page.waitForURL('**/bodies/test-trust.html'), page.keyboard.press('Enter')]);
  // a hostile name is found, and shown as text
  await page.locator('#site-search').fill('quotes');
  const hit = page.locator('#site-search-results a').first();
  await hit.waitFor({ state: 'visible', timeout: 5000 });
  assert((await hit.textContent()).startsWith(HOSTILE_NAME), 'the hostile name is shown as text');
  // a region is found too
  await page.locator('#site-search').fill('cwm prawf');
  await page.locator('#site-search-results a', { hasText: 'Cwm Prawf' }).first().waitFor({ timeout: 5000 });
  // no result: said so
  await page.locator('#site-search').fill('zzzz no such body');
  await page.waitForFunction(() => document.getElementById('site-search-status').textContent.startsWith('No body'));
  noProblems(problems, 'search');
  await page.close();
});

await test('search finds a council by its short name and a trust by its ODS code; search.json carries both', async () => {
  const page = await context.newPage();
  const problems = watch(page);
  const data = JSON.parse(fs.readFileSync(path.join(SITE, 'search.json'), 'utf8'));
  const council = data.find((e) => e.id === 'test-council');
  const trust = data.find((e) => e.id === 'test-trust');
  assert(council && council.short.includes('testshire'), `the council's short name: ${JSON.stringify(council)}`);
  assert(trust && trust.codes.includes('RX9') && trust.short.includes('north testshire'),
    `the trust's code and NHS short name: ${JSON.stringify(trust)}`);
  assert(trust.type === 'NHS trust' && trust.area === 'North Testshire', `the trust's type and area in words: ${trust.type}, ${trust.area}`);
  await page.goto(BASE + 'index.html', { waitUntil: 'networkidle' });
  for (const [q, want] of [['Testshire', 'Testshire Council'], ['RX9', 'North Testshire NHS Trust'],
    ['north testshire', 'North Testshire NHS Trust']]) {
    await page.locator('#site-search').fill(q);
    const first = page.locator('#site-search-results a').first();
    await first.waitFor({ state: 'visible', timeout: 5000 });
    const text = await first.textContent();
    assert(text.startsWith(want), `"${q}" found ${text} first`);
    assert(!/[a-z]+-[a-z]+|england\//.test(await first.locator('.hint').textContent()), `"${q}": the hint speaks the registry's language: ${text}`);
  }
  noProblems(problems, 'search by short name and code');
  await page.close();
});

await test('then and now (--since): pages name what was created and abolished, with the two maps side by side', async () => {
  const page = await context.newPage();
  const problems = watch(page);
  await page.goto(BASE + 'index.html', { waitUntil: 'networkidle' });
  await Promise.all([page.waitForURL('**/changes/index.html'), page.locator('.then-now-link a').click()]);
  let text = await plainText(page);
  assert(text.includes('North Testshire NHS Trust (NHS trust) was created: from 2020-04-01'), `created: ${text}`);
  assert(text.includes('Old Testshire Community Trust (NHS trust) was abolished: from 2002-04-01 to 2020-04-01'), `abolished: ${text}`);
  assert(/North Testshire NHS Trust Board \(board\): its chain to voters went from weak to moderate/.test(text), 'a stronger chain is not said');
  await Promise.all([page.waitForURL('**/changes/england.testshire.html'), page.getByRole('link', { name: 'Testshire', exact: true }).first().click()]);
  const maps = await page.evaluate(() => [...document.querySelectorAll('.map-pair figure.map')].map((f) => {
    const r = f.getBoundingClientRect();
    return { left: r.left, right: r.right, top: r.top, svg: !!f.querySelector('svg .node'), caption: f.querySelector('figcaption').textContent };
  }));
  assert(maps.length === 2 && maps.every((m) => m.svg), `two maps: ${JSON.stringify(maps)}`);
  assert(maps[0].caption.endsWith('on 2019-01-01') && maps[1].caption.endsWith('on 2025-01-01'), `captions: ${maps.map((m) => m.caption)}`);
  assert(maps[1].left >= maps[0].right - 1 && Math.abs(maps[1].top - maps[0].top) < 2, `the maps are not side by side: ${JSON.stringify(maps)}`);
  // the region page links to it; the old trust's page scores its last day
  await page.goto(BASE + 'regions/england.testshire.html', { waitUntil: 'networkidle' });
  assert(await page.locator('.then-now-link a[href="../changes/england.testshire.html"]').count() === 1, 'no link from the region page');
  await page.goto(BASE + 'bodies/test-old-trust.html', { waitUntil: 'networkidle' });
  text = await plainText(page);
  assert(!/nothing to score/.test(text), 'an abolished body says "nothing to score"');
  assert(text.includes('Its scores below are those of its last day in force, 2020-03-31.') && /Scores on 2020-03-31/.test(text), 'no scores on its last day');
  assert(/Then and now\s+Between 2019-01-01 and 2025-01-01: Old Testshire Community Trust \(NHS trust\) was abolished/.test(text), 'no then-and-now section');
  noProblems(problems, 'then and now');
  await page.close();
});

await test('a crawl from the index finds no broken internal link and reaches every page', async () => {
  const page = await context.newPage();
  const problems = watch(page);
  const seen = new Set(['index.html']);
  const queue = ['index.html'];
  const ids = new Map();        // page -> Set of ids
  const fragments = [];         // [page, id, from]
  const bad = [];
  const assets = new Set();
  while (queue.length) {
    const rel = queue.shift();
    await page.goto(BASE + rel, { waitUntil: 'load' });
    const info = await page.evaluate(() => {
      const links = [];
      for (const a of document.querySelectorAll('a')) {
        const h = a instanceof SVGElement ? (a.href ? a.href.baseVal : null) : a.getAttribute('href');
        if (h !== null && h !== '') links.push(h);
      }
      for (const l of document.querySelectorAll('link[href]')) links.push(l.getAttribute('href'));
      for (const s of document.querySelectorAll('script[src]')) links.push(s.getAttribute('src'));
      const handlers = [];
      for (const el of document.querySelectorAll('*')) {
        for (const at of el.getAttributeNames()) if (/^on/i.test(at)) handlers.push(`${el.tagName} ${at}`);
      }
      const scripts = [...document.querySelectorAll('script')].map((s) => s.getAttribute('src') || 'INLINE');
      const csp = document.querySelector('meta[http-equiv="Content-Security-Policy"]');
      return {
        links, handlers, scripts,
        csp: csp ? csp.getAttribute('content') : null,
        ids: [...document.querySelectorAll('[id]')].map((e) => e.id),
        h1: document.querySelectorAll('h1').length,
        main: document.querySelectorAll('main').length,
        lang: document.documentElement.lang,
        title: document.title,
        embeds: document.querySelectorAll('iframe, object, embed, img, image, foreignObject').length,
      };
    });
    ids.set(rel, new Set(info.ids));
    if (info.handlers.length) bad.push(`${rel}: event-handler attributes ${info.handlers.join(', ')}`);
    if (info.scripts.some((s) => !/^(\.\.\/)?assets\/(site|svg-pan-zoom)\.js$/.test(s))) bad.push(`${rel}: scripts ${info.scripts.join(', ')}`);
    if (!info.csp || !info.csp.includes("script-src 'self'") || !info.csp.includes("default-src 'none'")) bad.push(`${rel}: CSP ${info.csp}`);
    if (info.h1 !== 1 || info.main !== 1 || info.lang !== 'en-GB' || !info.title) bad.push(`${rel}: landmarks h1=${info.h1} main=${info.main} lang=${info.lang}`);
    if (info.embeds) bad.push(`${rel}: ${info.embeds} embedded images or objects`);
    for (const h of info.links) {
      let u;
      try { u = new URL(h, BASE + rel); } catch { bad.push(`${rel}: unparsable link ${h}`); continue; }
      if (u.protocol !== 'http:' && u.protocol !== 'https:') { bad.push(`${rel}: link with scheme ${u.protocol} (${h})`); continue; }
      if (!u.href.startsWith(BASE)) continue; // a source on the web: never fetched
      const target = decodeURIComponent(u.pathname.slice(1)) || 'index.html';
      if (u.hash) fragments.push([target, decodeURIComponent(u.hash.slice(1)), rel]);
      if (target.endsWith('.html')) {
        if (!seen.has(target)) { seen.add(target); queue.push(target); }
      } else {
        assets.add(target);
      }
    }
  }
  for (const a of assets) {
    if (!fs.existsSync(path.join(SITE, a))) bad.push(`missing asset ${a}`);
  }
  for (const [target, id, from] of fragments) {
    if (ids.has(target) && !ids.get(target).has(id)) bad.push(`${from}: no id '${id}' in ${target}`);
  }
  const all = [];
  (function walk(dir) {
    for (const e of fs.readdirSync(path.join(SITE, dir), { withFileTypes: true })) {
      const rel = dir ? `${dir}/${e.name}` : e.name;
      if (e.isDirectory()) walk(rel); else if (rel.endsWith('.html')) all.push(rel);
    }
  })('');
  const unreached = all.filter((p) => !seen.has(p));
  if (unreached.length) bad.push(`pages no link reaches: ${unreached.join(', ')}`);
  if (missing.length) bad.push(`404s: ${[...new Set(missing)].join(', ')}`);
  assert(seen.size > 20, `only ${seen.size} pages crawled`);
  assert(bad.length === 0, bad.join('\n'));
  noProblems(problems, `the crawl of ${seen.size} pages`);
  console.log(`#   crawled ${seen.size} pages, checked ${fragments.length} fragment links and ${assets.size} assets`);
  await page.close();
});

await test('hostile registry text is shown as text, never as markup or links', async () => {
  const page = await context.newPage();
  const problems = watch(page);
  await page.goto(BASE + 'bodies/hostile-body.html', { waitUntil: 'networkidle' });
  assert((await page.locator('h1').textContent()) === HOSTILE_NAME, 'h1 is the name, as text');
  assert((await page.title()).startsWith(HOSTILE_NAME), 'the title is the name, as text');
  const notes = await page.locator('.notes').textContent();
  assert(notes.includes("<img src=x onerror=alert('notes')> javascript:alert(2)"), 'notes shown as text');
  const hrefs = await page.evaluate(() => [...document.querySelectorAll('a[href]')].map((a) => a.getAttribute('href')));
  assert(hrefs.includes("https://example.org/test/hostile?a=1&b='x'onmouseover='alert(3)'"), 'the quoted URL is one intact href');
  assert(!hrefs.some((h) => /^\s*(javascript|data|vbscript):/i.test(h)), 'no script URL became a link');
  const sourceText = await page.locator('#sources + ul.sources').textContent();
  assert(sourceText.includes("\"><script>alert('title')</script>"), 'a hostile source title is text');
  const reason = await page.locator('.reason').first().textContent();
  assert(reason.includes("<script>alert('reason')</script> & accepted"), 'a suppression reason is text');
  // the contract and the board's seat roles too
  await page.goto(BASE + 'bodies/test-trust-board.html', { waitUntil: 'networkidle' });
  const role = await page.locator('table.seats tbody th').first().textContent();
  assert(role === '<b>Chair</b> "appointed" & \'paid\'', `seat role is ${role}`);
  assert(await page.locator('table.seats b').count() === 0, 'no <b> element from a seat role');
  await page.goto(BASE + 'rules/core.unpublished-contract.html', { waitUntil: 'networkidle' });
  assert((await page.locator('main').textContent()).includes("<svg onload=alert('contract')> services"), 'a contract name is text');
  assert(await page.locator('main svg').count() === 0, 'no svg element from a contract name');
  noProblems(problems, 'hostile pages');
  await page.close();
});

// One test per page: axe on a large inline map takes seconds on a loaded
// machine, and each page gets its own time limit.
const axeSource = fs.readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
for (const rel of ['index.html', 'regions/england.testshire.html', 'bodies/test-trust.html',
  'bodies/test-trust-board.html', 'bodies/hostile-body.html', 'bodies/index.html',
  'bodies/test-council.html', 'councils/index.html',
  'rules/index.html', 'rules/core.no-chain.html', 'glossary.html', 'changes/england.testshire.html']) {
  await test(`axe finds no WCAG 2.1 A or AA violation (nor best-practice issue): ${rel}`, async () => {
    const page = await context.newPage();
    const problems = watch(page);
    const bad = [];
    await page.goto(BASE + rel, { waitUntil: 'networkidle' });
    await page.evaluate(axeSource); // through the debugging protocol: the CSP does not apply
    const r = await page.evaluate(() => window.axe.run(document, {
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'] },
    }));
    for (const v of r.violations) {
      bad.push(`${rel}: ${v.id} (${v.impact}) ${v.help}: ${v.nodes.slice(0, 3).map((x) => x.target.join(' ')).join(' | ')}`);
    }
    assert(bad.length === 0, bad.join('\n'));
    noProblems(problems, 'axe');
    await page.close();
  });
}

await test('screenshots at 1366 and 390 px (build/site-test/*-1366.png, *-390.png)', async () => {
  const page = await context.newPage();
  const problems = watch(page);
  for (const width of [1366, 390]) {
    await page.setViewportSize({ width, height: width > 500 ? 900 : 844 });
    for (const [name, rel] of [['index', 'index.html'], ['region', 'regions/england.testshire.html'],
      ['body', 'bodies/test-trust.html'], ['council', 'bodies/test-council.html'],
      ['then-and-now', 'changes/england.testshire.html'], ['bodies-az', 'bodies/index.html'],
      ['councils', 'councils/index.html']]) { // the councils page last: checked below
      await page.goto(BASE + rel, { waitUntil: 'networkidle' });
      await page.screenshot({ path: path.join(OUT, `${name}-${width}.png`), fullPage: true });
    }
    // no page scrolls sideways on a phone
    if (width === 390) {
      const wide = await page.evaluate(() => document.documentElement.scrollWidth);
      assert(wide <= 392, `councils page is ${wide} px wide at 390`);
      const t = await page.evaluate(() => { const w = document.querySelector('table.councils').closest('.table-wrap'); return [w.scrollWidth, w.clientWidth]; });
      assert(t[0] <= t[1] + 1, `the councils table scrolls sideways at 390 px (${t})`);
    }
  }
  noProblems(problems, 'screenshots');
  await page.close();
}, 180);

await test('a body page prints on A4 (PDF and a print-media screenshot)', async () => {
  const page = await context.newPage();
  const problems = watch(page);
  await page.goto(BASE + 'bodies/test-trust.html', { waitUntil: 'networkidle' });
  const facts = await page.locator('body').innerText();
  assert(facts.includes('2023/24 budget: £400m'), 'the money series gives each figure with its year and kind');
  await page.pdf({ path: path.join(OUT, 'body-a4.pdf'), format: 'A4', printBackground: true });
  await page.emulateMedia({ media: 'print' });
  await page.setViewportSize({ width: 794, height: 1123 }); // A4 at 96 dpi
  await page.screenshot({ path: path.join(OUT, 'body-print-a4.png'), fullPage: true });
  const hidden = await page.locator('.search').isHidden();
  assert(hidden, 'the search form is not printed');
  const pdf = fs.statSync(path.join(OUT, 'body-a4.pdf'));
  assert(pdf.size > 10000, 'the PDF was written');
  noProblems(problems, 'print');
  await page.close();
});

await test('a region page prints its whole map, then pans and zooms again', async () => {
  const page = await context.newPage();
  const problems = watch(page);
  await page.goto(BASE + 'regions/england.testshire.html', { waitUntil: 'networkidle' });
  const before = await page.evaluate(() => {
    const svg = document.querySelector('figure.map svg.map-svg');
    const vp = svg.querySelector('.svg-pan-zoom_viewport');
    return { viewBox: svg.getAttribute('viewBox'), transform: vp && vp.getAttribute('transform') };
  });
  assert(before.transform, 'the map is panned and zoomed on screen');
  assert(before.viewBox === null, 'on screen the library pans without a viewBox');
  await page.emulateMedia({ media: 'print' });
  await page.setViewportSize({ width: 1123, height: 794 }); // landscape A4 at 96 dpi
  await page.evaluate(() => window.dispatchEvent(new Event('beforeprint')));
  const printed = await page.evaluate(() => {
    const svg = document.querySelector('figure.map svg.map-svg');
    const s = svg.getBoundingClientRect();
    const g = svg.querySelector('g.graph').getBoundingClientRect();
    const vb = (svg.getAttribute('viewBox') || '0 0 0 0').split(/[ ,]+/).map(Number);
    return { svg: [s.left, s.top, s.width, s.height], graph: [g.left, g.top, g.width, g.height], vb };
  });
  await page.screenshot({ path: path.join(OUT, 'region-print-a4.png'), fullPage: true });
  const [sl, st, sw, sh] = printed.svg, [gl, gt, gw, gh] = printed.graph;
  assert(printed.vb[2] > 0 && printed.vb[3] > 0, 'printed, the map has its viewBox back');
  // without a viewBox the SVG printed 150 px high, cut off below its title
  assert(sh > 200 && gh > 200 && Math.abs(gh / gw - printed.vb[3] / printed.vb[2]) < 0.03,
    `printed, the map is drawn whole, in its shape (${gw.toFixed(0)} x ${gh.toFixed(0)} px in a ${sw.toFixed(0)} x ${sh.toFixed(0)} box, viewBox ${printed.vb[2]} x ${printed.vb[3]})`);
  assert(gl >= sl - 1 && gt >= st - 1 && gl + gw <= sl + sw + 1 && gt + gh <= st + sh + 1,
    `printed, the whole map is inside its box (map ${printed.graph.map(Math.round)}, box ${printed.svg.map(Math.round)})`);
  await page.evaluate(() => window.dispatchEvent(new Event('afterprint')));
  await page.emulateMedia({ media: 'screen' });
  const after = await page.evaluate(() => {
    const svg = document.querySelector('figure.map svg.map-svg');
    const vp = svg.querySelector('.svg-pan-zoom_viewport');
    return { viewBox: svg.getAttribute('viewBox'), transform: vp && vp.getAttribute('transform') };
  });
  assert(after.viewBox === null && after.transform === before.transform,
    `after printing, the pan and zoom are back (${JSON.stringify(after)})`);
  noProblems(problems, 'region print');
  await page.close();
});

await test('the area brief: linked from its region, prints on at most two A4 pages, no text under 8 pt', async () => {
  const page = await context.newPage();
  const problems = watch(page);
  await page.goto(BASE + 'regions/england.testshire.html', { waitUntil: 'networkidle' });
  await Promise.all([page.waitForURL('**/england.testshire.brief.html'),
    page.locator('.brief-link a').click()]);
  for (const width of [1366, 390]) {
    await page.setViewportSize({ width, height: width > 500 ? 900 : 844 });
    await page.screenshot({ path: path.join(OUT, `brief-${width}.png`), fullPage: true });
  }
  await page.emulateMedia({ media: 'print' });
  await page.setViewportSize({ width: 794, height: 1123 });
  const m = await page.evaluate(() => {
    let min = Infinity, where = '';
    for (const el of document.querySelectorAll('body *')) {
      if (el.closest('svg')) continue; // the map's text: its scale, below
      if (![...el.childNodes].some((c) => c.nodeType === 3 && c.textContent.trim())) continue;
      const px = parseFloat(getComputedStyle(el).fontSize);
      if (px < min) { min = px; where = el.tagName + ' ' + el.textContent.slice(0, 40); }
    }
    // the map's smallest text is 10 pt (map.h, govmap_map_opts.only) at its
    // natural size: the viewBox is in points, the page in CSS px (0.75 pt)
    const svg = document.querySelector('figure.map svg');
    const scale = svg ? svg.getBoundingClientRect().width * 0.75 / svg.viewBox.baseVal.width : 0;
    return { minPt: min * 0.75, where, mapPt: 10 * scale, h2: [...document.querySelectorAll('h2')].map((h) => h.textContent) };
  });
  assert(m.minPt >= 8, `text at ${m.minPt} pt in print: ${m.where}`);
  assert(m.mapPt >= 8, `the map's smallest text prints at ${m.mapPt.toFixed(2)} pt`);
  for (const h of ['In brief', 'Coverage', 'Questions to ask'])
    assert(m.h2.includes(h), `the brief has a section "${h}" (${m.h2.join(' | ')})`);
  assert(m.h2.some((h) => /^The \d largest deficits( \(at most two of one type\))?$/.test(h)), `the brief lists the largest deficits (${m.h2.join(' | ')})`);
  const pdf = await page.pdf({ path: path.join(OUT, 'brief-a4.pdf'), preferCSSPageSize: true, printBackground: true });
  const pages = (pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g) || []).length;
  assert(pages >= 1 && pages <= 2, `the brief prints on ${pages} pages`);
  noProblems(problems, 'brief');
  await page.close();
});

await test('opened from disk (file://), the index works and search still finds a body', async () => {
  const page = await context.newPage();
  const problems = watch(page);
  await page.goto(pathToFileURL(path.join(SITE, 'index.html')).href, { waitUntil: 'load' });
  await page.locator('#site-search').fill('testshire council');
  const first = page.locator('#site-search-results a').first();
  await first.waitFor({ state: 'visible', timeout: 5000 });
  assert((await first.textContent()).startsWith('Testshire Council'), 'search works from disk');
  noProblems(problems, 'file://');
  await page.close();
});

await test('nothing was requested from outside the local server', async () => {
  assert(outside.length === 0, `requests to: ${outside.join(', ')}`);
});

await context.close();
server.close();
fs.rmSync(profile, { recursive: true, force: true });
console.log(`1..${n}`);
process.exit(failed ? 1 : 0);
