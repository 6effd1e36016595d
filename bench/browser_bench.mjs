// browser_bench.mjs — what the app costs in the browser, measured in headless Chromium on
// this machine (software GL: SwiftShader). Not a test: prints each result with its budget and
// a pass/over mark, and writes them to build/bench/browser.json.
//   node bench/browser_bench.mjs   (after scripts/build.sh web)
import { existsSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { startServer, launch, openApp, dispatch, query, waitFrames, waitSaved, site, repo } from '../tests/e2e/harness.mjs';

const results = [];
function report(name, value, unit, budget, better = 'lower') {
  const pass = budget == null ? null : (better === 'lower' ? value <= budget : value >= budget);
  results.push({ name, value: Number(value.toFixed(3)), unit, budget, pass });
  const mark = pass == null ? '' : pass ? 'PASS' : 'OVER';
  console.log(`${name.padEnd(58)} ${value.toFixed(2).padStart(10)} ${unit.padEnd(4)} ${budget == null ? '' : `(budget ${budget} ${unit})`} ${mark}`);
}

// 1. Download: everything the first visit needs.
let raw = 0, gz = 0;
for (const f of readdirSync(site)) {
  if (f === 'build-id.txt') continue;
  const b = readFileSync(join(site, f));
  raw += b.length;
  gz += gzipSync(b, { level: 9 }).length;
}
report('download, raw (html+js+wasm+data+font+packs)', raw / 1048576, 'MiB', null);
report('download, gzip', gz / 1048576, 'MiB', 2.5);

const server = await startServer();
const stockDir = join(repo, 'build/web/stock');
const stock = existsSync(join(stockDir, 'stock.js')) ? await startServer(stockDir) : null;

// 2. Start-up, navigation to first drawn frame, each in a fresh profile, alternating with the
// stock Dear ImGui example in the same run (the ratio is what carries across machines).
const median = (xs) => xs.slice().sort((a, c) => a - c)[Math.floor(xs.length / 2)];
async function startOurs(url, profile) {
  const x = await launch({ profile });
  const t0 = Date.now();
  await x.page.goto(url);
  await x.page.waitForFunction(() => window.callwise && window.Module && Module.calledRun, null, { timeout: 60000 });
  await x.page.evaluate(() => window.callwise.ready);
  const ms = Date.now() - t0;
  await x.close();
  return ms;
}
async function startStock() {
  const x = await launch();
  const t0 = Date.now();
  await x.page.goto(stock.url);
  await x.page.waitForFunction(() => window.firstFrame, null, { timeout: 60000 });
  const ms = Date.now() - t0;
  await x.destroy();
  return ms;
}
const ours = [], theirs = [];
for (let i = 0; i < 3; i++) {
  ours.push(await startOurs(server.url));
  if (stock) theirs.push(await startStock());
}
report('start-up to first frame, empty workspace (median of 3)', median(ours), 'ms', null);
if (stock) {
  report('start-up, stock Dear ImGui 1.86 example (median of 3)', median(theirs), 'ms', null);
  report('start-up ratio, Callwise / stock example', median(ours) / median(theirs), 'x', null);
}

const b = await launch({ viewport: { width: 1440, height: 900 } });
try {
  await b.page.goto(server.url);
  await b.page.waitForFunction(() => window.callwise && Module.calledRun, null, { timeout: 60000 });
  await b.page.evaluate(() => window.callwise.ready);

  // 3. The board with 10,000 open cases, with the four demo packs' rules.
  await dispatch(b.page, { type: 'ui.add_demo_packs' });
  const texts = JSON.parse(readFileSync(join(repo, 'tests/triage/labelled_requests.json'), 'utf8')).requests.map((r) => r.text);
  const made = await b.page.evaluate((ts) => {
    const t = performance.now();
    let n = 0;
    for (let i = 0; i < 10000; i++) {
      const r = window.callwise.dispatch({ type: 'create_case', text: ts[i % ts.length] + ' #' + i, channel: i % 3 ? 'phone' : 'chat', customer_name: 'Customer ' + i });
      if (r.ok) n++;
    }
    return { n, ms: performance.now() - t };
  }, texts);
  report('log 10,000 cases through the API (wasm, incl. triage)', made.ms / made.n * 1000, 'us', null);
  await dispatch(b.page, { type: 'ui.navigate', screen: 'triage' });
  await waitFrames(b.page, 5);
  await dispatch(b.page, { type: 'ui.redraw', frames: 120 });
  await b.page.waitForFunction(() => window.callwise.query('frames').pending === 0, null, { timeout: 60000 });
  let f = await query(b.page, 'frames');
  report('triage board, 10,000 open cases: frame CPU median', f.median_ms, 'ms', 16.7);
  report('triage board, 10,000 open cases: frame CPU p95', f.p95_ms, 'ms', 33.3);
  // Opening a case on top of the board.
  const first = (await query(b.page, 'board')).q1.ids[0];
  await dispatch(b.page, { type: 'ui.open_case', case_id: first });
  await dispatch(b.page, { type: 'ui.redraw', frames: 120 });
  await b.page.waitForFunction(() => window.callwise.query('frames').pending === 0, null, { timeout: 60000 });
  f = await query(b.page, 'frames');
  report('triage board + case window: frame CPU median', f.median_ms, 'ms', 16.7);
  report('triage board + case window: frame CPU p95', f.p95_ms, 'ms', 33.3);

  // 5,000 scenarios: a generated pack (the airline pack's scenarios repeated under new ids).
  const airline = JSON.parse(readFileSync(join(repo, 'assets/packs/airline-hotline.json'), 'utf8'));
  // Ten packs of 500 (a pack file is limited to 16 MiB); style variants dropped to stay small.
  const slim = airline.scenarios.map((sc) => ({ ...sc, script: { ...sc.script, steps: sc.script.steps.map((st) => (st.text ? { ...st, text: { standard: st.text.standard } } : st)) } }));
  let scenarios = 0;
  for (let k = 0; k < 10; k++) {
    const pack = { ...airline, meta: { ...airline.meta, id: `bench-${k}`, name: { en: `Bench ${k}`, zh: `基准 ${k}` } }, plans: [], scenarios: [] };
    for (let i = 0; pack.scenarios.length < 500; i++)
      for (const sc of slim) if (pack.scenarios.length < 500) pack.scenarios.push({ ...sc, id: `${sc.id}-${k}-${i}` });
    const imported = await b.page.evaluate((json) => window.callwise.dispatch({ type: 'import_pack', json, mode: 'add' }), JSON.stringify(pack));
    if (imported.ok) scenarios += pack.scenarios.length;
    else console.log('bench pack not imported:', imported.error, (imported.details || []).slice(0, 3));
  }
  report('scenarios loaded for the frame-time runs below', scenarios, '', null);
  for (const screen of ['triage', 'packs', 'home']) {
    await dispatch(b.page, { type: 'ui.navigate', screen });
    await waitFrames(b.page, 3);
    await dispatch(b.page, { type: 'ui.redraw', frames: 120 });
    await b.page.waitForFunction(() => window.callwise.query('frames').pending === 0, null, { timeout: 60000 });
    f = await query(b.page, 'frames');
    report(`${screen} screen, 10,000 cases + 5,000 scenarios: frame CPU median`, f.median_ms, 'ms', 16.7);
    report(`${screen} screen, 10,000 cases + 5,000 scenarios: frame CPU p95`, f.p95_ms, 'ms', 33.3);
  }

  // 4. Storage: the 10,000-case workspace persisted.
  const ts = Date.now();
  await dispatch(b.page, { type: 'set_notes', text: 'bench ' + ts });
  await waitSaved(b.page);
  report('persist a change, 10,000-case workspace (to IndexedDB)', Date.now() - ts, 'ms', null);
  const size = await b.page.evaluate(() => JSON.stringify(window.callwise.query('workspace')).length);
  report('workspace JSON size, 10,000 cases', size / 1048576, 'MiB', null);
  const heap = await b.page.evaluate(() => Module.HEAP8.length);
  report('wasm heap size with 10,000 cases', heap / 1048576, 'MiB', null);
  // Start-up again with that workspace in IndexedDB (4 demo packs + 10,000 cases).
  const t1 = Date.now();
  await b.page.reload();
  await b.page.waitForFunction(() => window.callwise && Module.calledRun, null, { timeout: 60000 });
  await b.page.evaluate(() => window.callwise.ready);
  report('start-up to first frame, 14 packs (5,000 scenarios) + 10,000 cases (workspace loaded)', Date.now() - t1, 'ms', null);
  const st = await query(b.page, 'storage');
  if (!st.recovered_from_save || st.problems.length) console.log('the saved workspace did not load:', JSON.stringify(st.problems));
  report('reading the saved workspace (part of the start-up above)', st.load_ms, 'ms', null);
} finally {
  await b.destroy();
  server.stop();
  if (stock) stock.stop();
}
mkdirSync(join(repo, 'build/bench'), { recursive: true });
writeFileSync(join(repo, 'build/bench/browser.json'), JSON.stringify({ at: new Date().toISOString(), results }, null, 2));
