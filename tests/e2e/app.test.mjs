// app.test.mjs — the app in headless Chromium: loads cleanly, draws, keeps what the user set
// (through the UI and through the API) across reloads and browser restarts, runs offline,
// renders Chinese, stays sharp on HiDPI screens.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, launch, openApp, dispatch, query, waitSaved, waitFrames, clickWidget, shot, inkRatio, holdKey } from './harness.mjs';

let server;
before(async () => { server = await startServer(); });
after(() => server.stop());

test('the page loads with no console errors, draws frames and hides the loading screen', async () => {
  const b = await launch();
  try {
    await openApp(b.page, server.url);
    const ui = await query(b.page, 'ui');
    assert.ok(ui.drawn_frames >= 3, 'frames drawn');
    assert.equal(ui.screen, 'home');
    assert.equal(await b.page.locator('#loading').isVisible(), false);
    assert.ok(ui.font.cjk, 'the CJK UI font loaded: ' + ui.font.error);
    assert.ok(ui.font.atlas_w <= 2048 && ui.font.atlas_h <= 2048, `atlas ${ui.font.atlas_w}x${ui.font.atlas_h}`);
    await shot(b.page, 'home-en');
    assert.deepEqual(b.errors, []);
  } finally { await b.destroy(); }
});

test('switching to Chinese renders Chinese glyphs, not boxes, and is remembered', async () => {
  const b = await launch();
  try {
    await openApp(b.page, server.url);
    // Through the UI: click the language switch in the menu bar.
    await clickWidget(b.page, 'lang.zh');
    assert.equal((await query(b.page, 'settings')).language, 'zh-CN');
    await waitFrames(b.page, 3);
    const title = (await query(b.page, 'ui')).widgets['app.title'];
    assert.ok(title, 'title drawn');
    assert.equal((await query(b.page, 'glyphs:Callwise 客服工作台')).missing, 0);
    assert.equal((await query(b.page, 'glyphs:四象限需求分级：从客户的角度判断')).missing, 0);
    const ui = await query(b.page, 'glyphs:ui');
    assert.ok(ui.chars > 3000, 'the whole UI table was checked');
    assert.equal(ui.missing, 0, 'every UI string, in both languages, has its glyphs');
    const ink = await inkRatio(b.page, title);
    assert.ok(ink > 0.04, `title area has text pixels (ink ${ink.toFixed(3)})`);
    await shot(b.page, 'home-zh');
    await waitSaved(b.page);
    await b.page.reload();
    await openApp(b.page, server.url);
    assert.equal((await query(b.page, 'settings')).language, 'zh-CN');
    assert.deepEqual(b.errors, []);
  } finally { await b.destroy(); }
});

test('a value typed in the UI and one set through the API survive a reload and a browser restart', async () => {
  let b = await launch();
  const profile = b.profile;
  try {
    await openApp(b.page, server.url);
    await dispatch(b.page, { type: 'ui.navigate', screen: 'settings' });
    await waitFrames(b.page, 2);
    await clickWidget(b.page, 'settings.agent_name');
    await b.page.keyboard.type('Li Na');
    await holdKey(b.page, 'Enter');
    assert.equal((await query(b.page, 'settings')).agent_name, 'Li Na', 'typed once, no doubled characters');
    const r = await dispatch(b.page, { type: 'set_centre_name', name: '东方航空热线' });
    assert.equal(r.ok, true);
    await waitSaved(b.page);
    await shot(b.page, 'settings-typed');
    await b.page.reload();
    await openApp(b.page, server.url);
    let s = await query(b.page, 'settings');
    assert.equal(s.agent_name, 'Li Na');
    assert.equal(s.centre_name, '东方航空热线');
    await b.close();
    b = await launch({ profile });   // a browser restart on the same profile
    await openApp(b.page, server.url);
    s = await query(b.page, 'settings');
    assert.equal(s.agent_name, 'Li Na');
    assert.equal(s.centre_name, '东方航空热线');
    assert.equal((await query(b.page, 'storage')).recovered_from_save, true);
  } finally { await b.destroy(); }
});

test('the API refuses bad commands with a message', async () => {
  const b = await launch();
  try {
    await openApp(b.page, server.url);
    const r = await dispatch(b.page, { type: 'set_grade', grade_id: 'boss' });
    assert.equal(r.ok, false);
    assert.match(r.error, /not one of trainee, agent, senior, lead/);
    const bad = await b.page.evaluate(() => window.callwise.dispatch('{"type":'));
    assert.equal(bad.ok, false);
    assert.match(bad.error, /not valid JSON/);
    assert.match((await query(b.page, 'nonsense')).error, /unknown/);
  } finally { await b.destroy(); }
});

test('after a first visit the app starts with the network off', async () => {
  const b = await launch();
  try {
    await openApp(b.page, server.url);
    await b.page.evaluate(async () => {
      const reg = await navigator.serviceWorker.ready;
      return reg.active.state;
    });
    // The shell is cached once the worker is active; wait until it controls the page.
    await b.page.waitForFunction(async () => {
      const keys = await caches.keys();
      if (!keys.some((k) => k.startsWith('callwise-'))) return false;
      const c = await caches.open(keys.find((k) => k.startsWith('callwise-')));
      return !!(await c.match('index.wasm')) && !!(await c.match('index.data'));
    }, null, { timeout: 30000 });
    await b.context.setOffline(true);
    await b.page.reload();
    await openApp(b.page, server.url);
    const ui = await query(b.page, 'ui');
    assert.ok(ui.drawn_frames >= 3);
    assert.ok(ui.font.cjk);
    await shot(b.page, 'offline-reload');
    await b.context.setOffline(false);
  } finally { await b.destroy(); }
});

test('on a HiDPI screen the canvas and the font atlas use device pixels, within 2048x2048', async () => {
  const b = await launch({ deviceScaleFactor: 2 });
  try {
    await openApp(b.page, server.url);
    await dispatch(b.page, { type: 'set_language', language: 'zh-CN' });
    await waitFrames(b.page, 3);
    const ui = await query(b.page, 'ui');
    assert.equal(ui.framebuffer_scale, 2);
    assert.equal(ui.font.dpr, 2);
    assert.ok(ui.font.raster_px > ui.font.base_px * 1.5, `raster ${ui.font.raster_px}px for ${ui.font.base_px}px text`);
    assert.ok(ui.font.atlas_w <= 2048 && ui.font.atlas_h <= 2048);
    const size = await b.page.evaluate(() => [document.getElementById('canvas').width, window.innerWidth]);
    assert.equal(size[0], size[1] * 2);
    await shot(b.page, 'hidpi-zh');
    // The canvas follows the window.
    await b.page.setViewportSize({ width: 900, height: 640 });
    await waitFrames(b.page, 3);
    const after = await query(b.page, 'ui');
    assert.deepEqual(after.display, [900, 640]);
    assert.deepEqual(b.errors, []);
  } finally { await b.destroy(); }
});

test('without WebAssembly or WebGL2 the page says so in words, in both languages', async () => {
  const b = await launch();
  try {
    await b.page.addInitScript(() => {
      const orig = HTMLCanvasElement.prototype.getContext;
      HTMLCanvasElement.prototype.getContext = function (kind, ...rest) { return kind === 'webgl2' ? null : orig.call(this, kind, ...rest); };
    });
    await b.page.goto(server.url);
    await b.page.waitForFunction(() => document.getElementById('loading').classList.contains('error'));
    const text = await b.page.locator('#loading').innerText();
    assert.match(text, /WebGL2/);
    assert.match(text, /浏览器/);
    await shot(b.page, 'no-webgl2');
  } finally { await b.destroy(); }
});
