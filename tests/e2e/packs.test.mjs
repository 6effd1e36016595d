// packs.test.mjs — content packs in the browser: the demo packs, import by dropping a file,
// a broken pack refused with paths and nothing changed, replace-by-id with confirmation, export,
// and packs surviving a reload.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { startServer, launch, openApp, dispatch, query, waitSaved, waitFrames, clickWidget, shot, repo } from './harness.mjs';

let server;
before(async () => { server = await startServer(); });
after(() => server.stop());

const sample = readFileSync(join(repo, 'assets/packs/sample-mini.json'), 'utf8');

async function drop(page, name, text) {
  await page.evaluate(([n, t]) => {
    const dt = new DataTransfer();
    dt.items.add(new File([t], n, { type: 'application/json' }));
    window.dispatchEvent(new DragEvent('drop', { dataTransfer: dt, bubbles: true, cancelable: true }));
  }, [name, text]);
  await page.waitForFunction(() => window.callwise.query('packs').last_outcome.shown || window.callwise.query('packs').pending_replace);
  await waitFrames(page, 2);
}

test('the demo packs are added with one click and survive a reload', async () => {
  const b = await launch();
  try {
    await openApp(b.page, server.url);
    await dispatch(b.page, { type: 'ui.navigate', screen: 'packs' });
    await waitFrames(b.page, 2);
    await clickWidget(b.page, 'packs.add_demo');
    const q = await query(b.page, 'packs');
    assert.equal(q.last_outcome.ok, true, q.last_outcome.details.join('\n'));
    assert.equal(q.packs.length, q.builtin.length);
    assert.ok(q.packs.length >= 1);
    await dispatch(b.page, { type: 'set_language', language: 'zh-CN' });
    await waitFrames(b.page, 3);
    await shot(b.page, 'packs-zh');
    await waitSaved(b.page);
    await b.page.reload();
    await openApp(b.page, server.url);
    assert.equal((await query(b.page, 'packs')).packs.length, q.packs.length);
  } finally { await b.destroy(); }
});

test('a dropped broken pack is refused with the place of the error, and nothing changes', async () => {
  const b = await launch();
  try {
    await openApp(b.page, server.url);
    await drop(b.page, 'sample-mini.json', sample);
    assert.equal((await query(b.page, 'packs')).packs.length, 1);
    const before = await query(b.page, 'workspace');
    const broken = sample.replace(/"next": "([a-z-]+)"/, '"next": "refund-offer-missing"');
    await drop(b.page, 'broken.json', broken.replace('"id": "sample-mini"', '"id": "sample-broken"'));
    const q = await query(b.page, 'packs');
    assert.equal(q.last_outcome.ok, false);
    assert.ok(q.last_outcome.details.some((d) => /scenarios\[\d+\]\.script\.steps\[\d+\]\.next: .*refund-offer-missing/.test(d)), q.last_outcome.details.join('\n'));
    assert.deepEqual(await query(b.page, 'workspace'), before);
    await drop(b.page, 'garbage.json', '{"schema_version": 1, "meta": {"id": ');
    assert.match((await query(b.page, 'packs')).last_outcome.title, /line 1/);
    await drop(b.page, 'photo.png', 'PNG');
    assert.match((await query(b.page, 'packs')).last_outcome.title, /\.json/);
    await waitFrames(b.page, 2);
    await shot(b.page, 'packs-broken');
    assert.deepEqual(await query(b.page, 'workspace'), before);
  } finally { await b.destroy(); }
});

test('a pack with an id already in the workspace replaces it only after confirmation', async () => {
  const b = await launch();
  try {
    await openApp(b.page, server.url);
    await drop(b.page, 'sample-mini.json', sample);
    const newer = sample.replace(/"version": "[^"]+"/, '"version": "9.9.9"');
    await drop(b.page, 'sample-mini-v9.json', newer);
    assert.equal((await query(b.page, 'packs')).pending_replace, true);
    await shot(b.page, 'packs-replace');
    let r = await dispatch(b.page, { type: 'ui.confirm_replace', yes: false });
    assert.equal((await query(b.page, 'packs')).packs[0].version === '9.9.9', false);
    await drop(b.page, 'sample-mini-v9.json', newer);
    r = await dispatch(b.page, { type: 'ui.confirm_replace', yes: true });
    assert.equal(r.ok, true);
    const q = await query(b.page, 'packs');
    assert.equal(q.packs.length, 1);
    assert.equal(q.packs[0].version, '9.9.9');
  } finally { await b.destroy(); }
});

test('a pack is exported as a JSON download that imports back', async () => {
  const b = await launch();
  try {
    await openApp(b.page, server.url);
    const r = await dispatch(b.page, { type: 'import_pack', json: sample, mode: 'add' });
    assert.equal(r.ok, true, JSON.stringify(r));
    await dispatch(b.page, { type: 'ui.navigate', screen: 'packs' });
    await waitFrames(b.page, 3);
    const [download] = await Promise.all([
      b.page.waitForEvent('download'),
      dispatch(b.page, { type: 'ui.export_pack', pack_id: 'sample-mini' }),
    ]);
    assert.equal(download.suggestedFilename(), 'sample-mini.json');
    const text = readFileSync(await download.path(), 'utf8');
    await dispatch(b.page, { type: 'remove_pack', pack_id: 'sample-mini' });
    const again = await dispatch(b.page, { type: 'import_pack', json: text, mode: 'add' });
    assert.equal(again.ok, true);
  } finally { await b.destroy(); }
});

test('a 30 MB pack sent through the API is refused with a message, and the app keeps running', async () => {
  const b = await launch();
  try {
    await openApp(b.page, server.url);
    const r = await b.page.evaluate(() => window.callwise.dispatch({ type: 'import_pack', json: '{"x":"' + 'a'.repeat(30 * 1024 * 1024) + '"}' }));
    assert.equal(r.ok, false);
    assert.match(r.error, /larger than/);
    assert.equal((await dispatch(b.page, { type: 'set_agent_name', name: 'still alive' })).ok, true);
    assert.deepEqual(b.errors, []);
  } finally { await b.destroy(); }
});
