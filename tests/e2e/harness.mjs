// harness.mjs — shared set-up for the browser tests: a static server on a free loopback port,
// Debian's headless Chromium through playwright-core (never a downloaded browser), and helpers
// that talk to the app through window.callwise.
import { spawn } from 'node:child_process';
import { mkdtempSync, mkdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createServer } from 'node:net';
import { chromium } from 'playwright-core';

const here = dirname(fileURLToPath(import.meta.url));
export const repo = resolve(here, '../..');
export const site = process.env.CALLWISE_SITE || join(repo, 'build/web/site');
export const artefacts = process.env.CALLWISE_ARTEFACTS || join(repo, 'build/e2e-artefacts');
mkdirSync(artefacts, { recursive: true });

export const chromiumPath = process.env.CHROMIUM || '/usr/bin/chromium';
const FLAGS = ['--no-sandbox', '--use-angle=swiftshader', '--enable-unsafe-swiftshader', '--disable-gpu',
  '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update',
  '--disable-sync', '--disable-dev-shm-usage'];

function freePort() {
  return new Promise((res, rej) => {
    const s = createServer();
    s.listen(0, '127.0.0.1', () => { const p = s.address().port; s.close(() => res(p)); });
    s.on('error', rej);
  });
}

export async function startServer(dir = site) {
  const port = await freePort();
  const proc = spawn(process.execPath, [join(repo, 'scripts/serve.mjs'), dir, String(port)], { stdio: ['ignore', 'pipe', 'inherit'] });
  await new Promise((res, rej) => {
    proc.stdout.on('data', (d) => { if (String(d).includes('running at')) res(); });
    proc.on('exit', (c) => rej(new Error('server exited ' + c)));
  });
  return { url: `http://127.0.0.1:${port}/`, stop: () => proc.kill() };
}

// A persistent profile, so IndexedDB and the service worker survive a browser restart.
export async function launch({ profile, deviceScaleFactor = 1, viewport = { width: 1280, height: 800 }, permissions = [] } = {}) {
  const dir = profile || mkdtempSync(join(tmpdir(), 'callwise-e2e-'));
  const context = await chromium.launchPersistentContext(dir, {
    executablePath: chromiumPath, headless: true, args: FLAGS, viewport, deviceScaleFactor,
  });
  if (permissions.length) await context.grantPermissions(permissions);
  const page = context.pages()[0] || await context.newPage();
  const errors = [];
  page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
  page.on('pageerror', (e) => errors.push(String(e)));
  return {
    context, page, errors, profile: dir,
    close: async () => { await context.close(); },
    destroy: async () => { await context.close(); rmSync(dir, { recursive: true, force: true }); },
  };
}

export async function openApp(page, url) {
  await page.goto(url);
  await page.waitForFunction(() => window.callwise && window.callwise.query && Module.calledRun, null, { timeout: 60000 });
  await page.evaluate(() => window.callwise.ready);
  await waitFrames(page, 3);
}

export async function waitFrames(page, n) {
  const start = await page.evaluate(() => window.callwise.query('ui').drawn_frames);
  await page.waitForFunction((s) => window.callwise.query('ui').drawn_frames >= s, start + n, { timeout: 30000 });
}

export const dispatch = (page, cmd) => page.evaluate((c) => window.callwise.dispatch(c), cmd);
export const query = (page, what) => page.evaluate((w) => window.callwise.query(w), what);

export async function waitSaved(page) {
  await page.waitForFunction(() => window.callwise.query('storage').state === 'saved', null, { timeout: 20000 });
}

// Clicks the middle of a widget the app reports by name (ui_track in app/).
export async function clickWidget(page, name) {
  const ui = await query(page, 'ui');
  const r = ui.widgets[name];
  if (!r) throw new Error(`widget ${name} not on screen; have: ${Object.keys(ui.widgets).join(', ')}`);
  await page.mouse.click(r[0] + r[2] / 2, r[1] + r[3] / 2);
  await waitFrames(page, 2);
}

export async function shot(page, name) {
  const path = join(artefacts, name + '.png');
  await page.screenshot({ path });
  return path;
}

// Minimal PNG reader (8-bit RGB/RGBA, non-interlaced: what Chromium writes) for pixel checks.
import { inflateSync } from 'node:zlib';
export function decodePng(buf) {
  let pos = 8, width = 0, height = 0, ctype = 0;
  const idat = [];
  while (pos < buf.length) {
    const len = buf.readUInt32BE(pos); const type = buf.toString('ascii', pos + 4, pos + 8);
    const data = buf.subarray(pos + 8, pos + 8 + len);
    if (type === 'IHDR') { width = data.readUInt32BE(0); height = data.readUInt32BE(4); ctype = data[9]; }
    if (type === 'IDAT') idat.push(data);
    pos += 12 + len;
  }
  const bpp = ctype === 6 ? 4 : 3;
  const raw = inflateSync(Buffer.concat(idat));
  const stride = width * bpp;
  const out = Buffer.alloc(width * height * 4);
  let prev = Buffer.alloc(stride);
  for (let y = 0; y < height; y++) {
    const f = raw[y * (stride + 1)];
    const line = Buffer.from(raw.subarray(y * (stride + 1) + 1, (y + 1) * (stride + 1)));
    for (let x = 0; x < stride; x++) {
      const a = x >= bpp ? line[x - bpp] : 0, b = prev[x], c = x >= bpp ? prev[x - bpp] : 0;
      let p = 0;
      if (f === 1) p = a; else if (f === 2) p = b; else if (f === 3) p = (a + b) >> 1;
      else if (f === 4) { const pa = Math.abs(b - c), pb = Math.abs(a - c), pc = Math.abs(a + b - 2 * c); p = pa <= pb && pa <= pc ? a : pb <= pc ? b : c; }
      line[x] = (line[x] + p) & 255;
    }
    for (let x = 0; x < width; x++) {
      out[(y * width + x) * 4] = line[x * bpp]; out[(y * width + x) * 4 + 1] = line[x * bpp + 1];
      out[(y * width + x) * 4 + 2] = line[x * bpp + 2]; out[(y * width + x) * 4 + 3] = bpp === 4 ? line[x * bpp + 3] : 255;
    }
    prev = line;
  }
  return { width, height, data: out };
}

// Share of pixels in a screenshot region that differ clearly from its most common colour
// (the background): blank regions give ~0, a line of text gives a few percent or more.
export async function inkRatio(page, rect) {
  const png = decodePng(await page.screenshot({ clip: { x: rect[0], y: rect[1], width: rect[2], height: rect[3] } }));
  const counts = new Map();
  for (let i = 0; i < png.data.length; i += 4) {
    const k = (png.data[i] << 16) | (png.data[i + 1] << 8) | png.data[i + 2];
    counts.set(k, (counts.get(k) || 0) + 1);
  }
  let bg = 0, best = -1;
  for (const [k, n] of counts) if (n > best) { best = n; bg = k; }
  const br = bg >> 16, bgc = (bg >> 8) & 255, bb = bg & 255;
  let ink = 0;
  for (let i = 0; i < png.data.length; i += 4)
    if (Math.abs(png.data[i] - br) + Math.abs(png.data[i + 1] - bgc) + Math.abs(png.data[i + 2] - bb) > 60) ink++;
  return ink / (png.width * png.height);
}

// Presses a key (or a combination such as "Control+A") and holds it for a couple of frames, as a
// finger does: Dear ImGui 1.86 has no input queue, so a press and release inside one frame (what
// keyboard.press does) can go unseen and make a test flaky.
export async function holdKey(page, combo) {
  const keys = combo.split('+');
  for (const k of keys) await page.keyboard.down(k);
  await waitFrames(page, 2);
  for (const k of keys.reverse()) await page.keyboard.up(k);
  await waitFrames(page, 2);
}
