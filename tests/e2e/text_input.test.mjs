// text_input.test.mjs — Chinese IME composition, paste and copy in ImGui text fields.
// The IME path is driven through Chrome DevTools' Input.imeSetComposition / Input.insertText,
// which fire real compositionstart/update/end events on the focused element, as a pinyin IME does.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, launch, openApp, dispatch, query, waitFrames, clickWidget, shot, holdKey } from './harness.mjs';

let server;
before(async () => { server = await startServer(); });
after(() => server.stop());

async function focusField(page, screen, widget) {
  await dispatch(page, { type: 'ui.navigate', screen });
  await waitFrames(page, 2);
  await clickWidget(page, widget);
  await page.waitForFunction(() => window.callwise.query('ui').want_text_input && document.activeElement.id === 'cw-text');
}

test('pinyin composition enters the composed characters once, and editing keys keep working', async () => {
  const b = await launch();
  try {
    await openApp(b.page, server.url);
    await focusField(b.page, 'settings', 'settings.agent_name');
    const cdp = await b.context.newCDPSession(b.page);
    await cdp.send('Input.imeSetComposition', { text: 'nin', selectionStart: 3, selectionEnd: 3 });
    await cdp.send('Input.imeSetComposition', { text: '您', selectionStart: 1, selectionEnd: 1 });
    await cdp.send('Input.insertText', { text: '您好' });
    await waitFrames(b.page, 2);
    assert.equal((await query(b.page, 'settings')).agent_name, '您好');
    // Plain typing after the composition, then Backspace.
    await b.page.keyboard.type('Li');
    await waitFrames(b.page, 2);
    assert.equal((await query(b.page, 'settings')).agent_name, '您好Li');
    await holdKey(b.page, 'Backspace');
    await waitFrames(b.page, 2);
    assert.equal((await query(b.page, 'settings')).agent_name, '您好L');
    // The textarea sits at the caret, so the IME candidate window opens next to the text.
    const field = (await query(b.page, 'ui')).widgets['settings.agent_name'];
    const pos = await b.page.evaluate(() => { const t = document.getElementById('cw-text'); return [parseFloat(t.style.left), parseFloat(t.style.top)]; });
    assert.ok(pos[0] >= field[0] && pos[0] <= field[0] + field[2], `IME x ${pos[0]} inside field`);
    assert.ok(Math.abs(pos[1] - field[1]) < field[3] * 2, `IME y ${pos[1]} near field`);
    await shot(b.page, 'ime-typed');
  } finally { await b.destroy(); }
});

test('composition events dispatched on the page reach the field once', async () => {
  const b = await launch();
  try {
    await openApp(b.page, server.url);
    await focusField(b.page, 'home', 'home.notes');
    await b.page.evaluate(() => {
      const t = document.getElementById('cw-text');
      t.dispatchEvent(new CompositionEvent('compositionstart', { data: '' }));
      t.dispatchEvent(new CompositionEvent('compositionupdate', { data: 'ke fu' }));
      t.dispatchEvent(new InputEvent('input', { data: 'ke fu', inputType: 'insertCompositionText', isComposing: true }));
      t.dispatchEvent(new CompositionEvent('compositionend', { data: '客服' }));
    });
    await waitFrames(b.page, 2);
    assert.equal((await query(b.page, 'settings')).notes, '客服');
  } finally { await b.destroy(); }
});

test('pasting 10,000+ characters of Chinese and emoji lands in the focused field', async () => {
  const b = await launch();
  try {
    await openApp(b.page, server.url);
    await focusField(b.page, 'home', 'home.notes');
    const text = ('您好，欢迎致电。😀 Flight MU5101\n').repeat(420);
    assert.ok([...text].length > 10000);
    await b.page.evaluate((t) => {
      const dt = new DataTransfer();
      dt.setData('text/plain', t);
      document.activeElement.dispatchEvent(new ClipboardEvent('paste', { clipboardData: dt, bubbles: true, cancelable: true }));
    }, text);
    await waitFrames(b.page, 3);
    assert.equal((await query(b.page, 'settings')).notes, text);
    await shot(b.page, 'pasted');
  } finally { await b.destroy(); }
});

test('Ctrl+V with the system clipboard pastes; Ctrl+C copies the field to the system clipboard', async () => {
  const b = await launch({ permissions: ['clipboard-read', 'clipboard-write'] });
  try {
    await openApp(b.page, server.url);
    await focusField(b.page, 'settings', 'settings.centre_name');
    await b.page.evaluate(() => navigator.clipboard.writeText('东航热线 Hotline'));
    await holdKey(b.page, 'Control+V');
    await waitFrames(b.page, 3);
    const pasted = (await query(b.page, 'settings')).centre_name;
    assert.equal(pasted, '东航热线 Hotline');
    await b.page.evaluate(() => navigator.clipboard.writeText('nothing yet'));
    await holdKey(b.page, 'Control+A');
    await waitFrames(b.page, 2);
    await holdKey(b.page, 'Control+C');
    await waitFrames(b.page, 3);
    await b.page.waitForFunction(async () => (await navigator.clipboard.readText()) === '东航热线 Hotline', null, { timeout: 5000 });
  } finally { await b.destroy(); }
});

test('a Copy button puts the text on the system clipboard', async () => {
  const b = await launch({ permissions: ['clipboard-read', 'clipboard-write'] });
  try {
    await openApp(b.page, server.url);
    await dispatch(b.page, { type: 'set_notes', text: '您好，这里是客服小李。航班 MU5101 已为您改签。' });
    await waitFrames(b.page, 2);
    await clickWidget(b.page, 'home.notes.copy');
    await b.page.waitForFunction(async () => (await navigator.clipboard.readText()) === '您好，这里是客服小李。航班 MU5101 已为您改签。', null, { timeout: 5000 });
  } finally { await b.destroy(); }
});

test('a 3 MB paste does not crash the app: it is cut at 1 MiB and the app keeps running', async () => {
  const b = await launch();
  try {
    await openApp(b.page, server.url);
    await focusField(b.page, 'home', 'home.notes');
    await b.page.evaluate(() => {
      const dt = new DataTransfer();
      dt.setData('text/plain', '长'.repeat(1024 * 1024));   // 3 MB of UTF-8
      document.activeElement.dispatchEvent(new ClipboardEvent('paste', { clipboardData: dt, bubbles: true, cancelable: true }));
    });
    await waitFrames(b.page, 3);
    const notes = (await query(b.page, 'settings')).notes;
    assert.ok(notes.length > 0 && notes.length <= 256 * 1024, `kept within the notes bound (${notes.length} chars)`);
    assert.deepEqual(b.errors, []);
  } finally { await b.destroy(); }
});
