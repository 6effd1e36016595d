// storage.test.mjs — saves that go wrong: a corrupt or truncated save, no IndexedDB at all
// (private mode), and two tabs on one workspace. The app must start, say what happened, keep
// the unreadable copy aside and lose nothing it could keep.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, launch, openApp, dispatch, query, waitSaved, waitFrames, shot } from './harness.mjs';

let server;
before(async () => { server = await startServer(); });
after(() => server.stop());

// Reads or writes the app's IndexedDB store directly, as a damaged disk or a torn write would.
const idb = (page, fn, arg) => page.evaluate(([src, a]) => new Promise((resolve, reject) => {
  const req = indexedDB.open('callwise', 1);
  req.onsuccess = () => {
    const db = req.result;
    const tx = db.transaction('kv', 'readwrite');
    const st = tx.objectStore('kv');
    const out = {};
    new Function('st', 'out', 'a', src)(st, out, a);
    tx.oncomplete = () => { db.close(); resolve(out); };
    tx.onerror = () => reject(tx.error);
  };
  req.onerror = () => reject(req.error);
}), [fn, arg]);

test('a truncated newest save: the app starts from the previous good one, says so, keeps the copy aside', async () => {
  const b = await launch();
  try {
    await openApp(b.page, server.url);
    await dispatch(b.page, { type: 'set_agent_name', name: 'first' });
    await waitSaved(b.page);
    await dispatch(b.page, { type: 'set_agent_name', name: 'second' });
    await waitSaved(b.page);
    const gen = (await query(b.page, 'storage')).saved_generation;
    const newest = 'slot' + (gen % 2);
    // Cut the newest save in half, as a tab killed mid-write by a non-atomic store would.
    await idb(b.page, `const r = st.get(a); r.onsuccess = () => { const v = r.result; st.put(v.slice(0, Math.floor(v.length / 2)), a); };`, newest);
    await b.page.reload();
    await openApp(b.page, server.url);
    const s = await query(b.page, 'storage');
    assert.equal((await query(b.page, 'settings')).agent_name, 'first');
    assert.equal(s.recovered_from_save, true);
    assert.equal(s.problems.length, 1);
    assert.match(s.problems[0].reason, /truncated/);
    const aside = await idb(b.page, `const r = st.getAllKeys(); r.onsuccess = () => { out.keys = r.result; };`);
    assert.ok(aside.keys.some((k) => String(k).startsWith('aside-')), 'unreadable copy kept: ' + aside.keys);
    await shot(b.page, 'recovery-banner');
    // The app keeps working and saving after recovery.
    await dispatch(b.page, { type: 'set_agent_name', name: 'third' });
    await waitSaved(b.page);
    assert.deepEqual(b.errors, []);
  } finally { await b.destroy(); }
});

test('every slot unreadable: the app starts empty, tells the user and does not crash', async () => {
  const b = await launch();
  try {
    await openApp(b.page, server.url);
    await dispatch(b.page, { type: 'set_agent_name', name: 'x' });
    await waitSaved(b.page);
    await idb(b.page, `st.put(new Uint8Array([0,1,2,3,255]), 'slot0'); st.put(new TextEncoder().encode('CALLWISE-SAVE 1\\ngen=9 len=4 crc=00000000\\n{{{{'), 'slot1');`);
    await b.page.reload();
    await openApp(b.page, server.url);
    const s = await query(b.page, 'storage');
    assert.equal(s.recovered_from_save, false);
    assert.equal(s.problems.length, 2);
    assert.equal((await query(b.page, 'settings')).agent_name, '');
    await shot(b.page, 'recovery-empty');
  } finally { await b.destroy(); }
});

test('without IndexedDB (private mode) the app says work is not saved and keeps working in memory', async () => {
  const b = await launch();
  try {
    await b.page.addInitScript(() => { Object.defineProperty(window, 'indexedDB', { get: () => undefined }); });
    await openApp(b.page, server.url);
    const s = await query(b.page, 'storage');
    assert.equal(s.kind, 'memory');
    assert.equal(s.state, 'memory_only');
    const r = await dispatch(b.page, { type: 'set_agent_name', name: 'still works' });
    assert.equal(r.ok, true);
    assert.equal((await query(b.page, 'settings')).agent_name, 'still works');
    await waitFrames(b.page, 2);
    await shot(b.page, 'memory-mode');
  } finally { await b.destroy(); }
});

test('a second tab on the same workspace is read-only and never overwrites the first', async () => {
  const b = await launch();
  try {
    await openApp(b.page, server.url);
    const second = await b.context.newPage();
    await openApp(second, server.url);
    assert.equal((await query(second, 'storage')).kind, 'read_only');
    await dispatch(second, { type: 'set_agent_name', name: 'from tab 2' });
    await waitFrames(second, 2);
    assert.equal((await query(second, 'storage')).state, 'read_only');
    await shot(second, 'second-tab');
    await second.close();
    assert.equal((await query(b.page, 'storage')).kind, 'indexeddb');
  } finally { await b.destroy(); }
});
