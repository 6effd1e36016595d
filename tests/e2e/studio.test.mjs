// studio.test.mjs — the script studio in the browser: open a pack as a draft, edit a scenario
// title by typing into the field, undo and redo it (buttons and Ctrl+Z), see a broken script
// flagged live and refused at publish, survive a reload with the draft and its history, then
// publish; the persona editor and the "who is calling?" suggestion.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, launch, openApp, dispatch, query, waitFrames, waitSaved, clickWidget, shot, holdKey } from './harness.mjs';

let server;
before(async () => { server = await startServer(); });
after(() => server.stop());


async function workspace(page) {
  const ws = await query(page, 'workspace');
  return typeof ws === 'string' ? JSON.parse(ws) : ws;
}
function draft(ws, id) { return (ws.drafts || []).find((d) => d.pack.meta.id === id); }

// Types at the end of a field and leaves it, the way a person finishes an edit.
async function typeInto(page, widget, text) {
  await clickWidget(page, widget);
  await page.waitForFunction(() => window.callwise.query('ui').want_text_input && document.activeElement.id === 'cw-text');
  // Key presses reach ImGui through SDL, typed text through the IME textarea: let each land
  // before the next, as a person's pauses would.
  await holdKey(page, 'End');
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Input.insertText', { text });
  await waitFrames(page, 3);
  await holdKey(page, 'Tab');
  await waitFrames(page, 3);
}

test('studio: type an edit, undo and redo it, keep it across a reload, refuse a broken script, publish', async () => {
  const b = await launch({ viewport: { width: 1440, height: 900 } });
  try {
    await openApp(b.page, server.url);
    await dispatch(b.page, { type: 'ui.add_demo_packs' });
    await dispatch(b.page, { type: 'ui.navigate', screen: 'studio' });
    await waitFrames(b.page, 3);
    await clickWidget(b.page, 'studio.edit.airline-hotline');
    await waitFrames(b.page, 3);
    let ws = await workspace(b.page);
    const original = draft(ws, 'airline-hotline').pack.scenarios[0].title.en;
    assert.ok(original);

    // Type into the English title and leave the field: one edit, one undo step.
    await typeInto(b.page, 'studio.scenario_title', ' (edited)');
    ws = await workspace(b.page);
    assert.equal(draft(ws, 'airline-hotline').pack.scenarios[0].title.en, original + ' (edited)');
    assert.equal(draft(ws, 'airline-hotline').undo.length, 1);
    // The library is untouched until publish.
    assert.equal(ws.packs.find((p) => p.meta.id === 'airline-hotline').scenarios[0].title.en, original);
    await shot(b.page, 'studio-edit');

    await clickWidget(b.page, 'studio.undo');
    await waitFrames(b.page, 3);
    assert.equal(draft(await workspace(b.page), 'airline-hotline').pack.scenarios[0].title.en, original);
    await clickWidget(b.page, 'studio.redo');
    await waitFrames(b.page, 3);
    assert.equal(draft(await workspace(b.page), 'airline-hotline').pack.scenarios[0].title.en, original + ' (edited)');
    // Ctrl+Z outside a text field undoes too.
    await b.page.mouse.click(5, 860);   // off any field: the text field gives up the keyboard
    await waitFrames(b.page, 3);
    assert.equal((await query(b.page, 'ui')).want_text_input, false);
    await holdKey(b.page, 'Control+z');
    await waitFrames(b.page, 3);
    assert.equal(draft(await workspace(b.page), 'airline-hotline').pack.scenarios[0].title.en, original);
    await dispatch(b.page, { type: 'studio_redo', pack_id: 'airline-hotline' });

    // A 1 MB paste into one field: refused with a reason, the draft as it was, the app running.
    const big = structuredClone(draft(await workspace(b.page), 'airline-hotline').pack.scenarios[0]);
    big.situation.en = 'x'.repeat(1024 * 1024);
    const refused = await dispatch(b.page, { type: 'studio_put_scenario', pack_id: 'airline-hotline', original_id: big.id, scenario: big });
    assert.equal(refused.ok, false);
    assert.match(refused.error, /512 KiB/);
    assert.equal(draft(await workspace(b.page), 'airline-hotline').undo.length, 1);
    await waitFrames(b.page, 2);

    // A dangling link: flagged live, refused at publish with the place named, draft kept.
    ws = await workspace(b.page);
    const sc = structuredClone(draft(ws, 'airline-hotline').pack.scenarios[0]);
    sc.script.start = 'no-such-step';
    const put = await dispatch(b.page, { type: 'studio_put_scenario', pack_id: 'airline-hotline', original_id: sc.id, scenario: sc });
    assert.equal(put.ok, true, JSON.stringify(put));
    await waitFrames(b.page, 3);
    const pub = await dispatch(b.page, { type: 'studio_publish', pack_id: 'airline-hotline' });
    assert.equal(pub.ok, false);
    assert.match(pub.error, /not published/);
    assert.ok(pub.details.some((d) => d.includes('scenarios[0].script.start')), JSON.stringify(pub.details));
    await clickWidget(b.page, 'studio-tab-problems');
    await waitFrames(b.page, 3);
    await shot(b.page, 'studio-problems');

    // Reload: the draft and its whole history are still there.
    await waitSaved(b.page);
    await b.page.reload();
    await openApp(b.page, server.url);
    ws = await workspace(b.page);
    const d = draft(ws, 'airline-hotline');
    assert.ok(d, 'the draft survived the reload');
    assert.equal(d.pack.scenarios[0].script.start, 'no-such-step');
    assert.equal(d.undo.length, 2);
    // Undo the broken edit, publish, and the library has the typed title.
    assert.equal((await dispatch(b.page, { type: 'studio_undo', pack_id: 'airline-hotline' })).ok, true);
    const ok = await dispatch(b.page, { type: 'studio_publish', pack_id: 'airline-hotline' });
    assert.equal(ok.ok, true, JSON.stringify(ok));
    ws = await workspace(b.page);
    assert.equal(ws.packs.find((p) => p.meta.id === 'airline-hotline').scenarios[0].title.en, original + ' (edited)');
    assert.equal(draft(ws, 'airline-hotline'), undefined);
    assert.deepEqual(b.errors, []);
  } finally { await b.destroy(); }
});

test('studio in Chinese: the persona editor and the persona suggested from an age', async () => {
  const b = await launch({ viewport: { width: 1440, height: 900 } });
  try {
    await openApp(b.page, server.url);
    await dispatch(b.page, { type: 'ui.add_demo_packs' });
    await dispatch(b.page, { type: 'set_language', language: 'zh-CN' });
    await dispatch(b.page, { type: 'studio_open_pack', pack_id: 'online-travel' });
    const open = await dispatch(b.page, { type: 'ui.studio_open', pack_id: 'online-travel' });
    assert.equal(open.ok, true, JSON.stringify(open));
    await waitFrames(b.page, 3);
    await clickWidget(b.page, 'studio-tab-personas');
    await waitFrames(b.page, 3);
    await typeInto(b.page, 'studio.persona_name', 'X');
    const ws = await workspace(b.page);
    const d = draft(ws, 'online-travel');
    assert.ok(d.pack.personas[0].name.en.endsWith('X'), d.pack.personas[0].name.en);
    await clickWidget(b.page, 'studio.caller_said');
    await b.page.waitForFunction(() => document.activeElement.id === 'cw-text');
    const cdp = await b.context.newCDPSession(b.page);
    await cdp.send('Input.insertText', { text: '我在群里问了好几次都没人理' });
    await waitFrames(b.page, 4);
    await shot(b.page, 'studio-personas-zh');
    assert.deepEqual(b.errors, []);
  } finally { await b.destroy(); }
});
