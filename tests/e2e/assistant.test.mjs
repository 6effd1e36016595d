// assistant.test.mjs — the live call assistant in the browser: find a scenario by the
// customer's words (typed through the IME path), step through the script, the wait step that
// holds the offer until the customer has answered, guardrails flagged as you type with what to
// say instead, copy only when clean, key points only for senior grades, and the call's outcome
// written into the case.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, launch, openApp, dispatch, query, waitFrames, clickWidget, shot, holdKey } from './harness.mjs';

let server;
before(async () => { server = await startServer(); });
after(() => server.stop());

async function assistantScreen(page) {
  await openApp(page, server.url);
  assert.equal((await dispatch(page, { type: 'ui.add_demo_packs' })).ok, true);
  await dispatch(page, { type: 'ui.navigate', screen: 'assistant' });
  await waitFrames(page, 3);
}

test('a scenario is found from the customer\'s words, and the wait step holds the script until they answer', async () => {
  const b = await launch({ viewport: { width: 1440, height: 900 } });
  try {
    await assistantScreen(b.page);
    await clickWidget(b.page, 'assist.search');
    const cdp = await b.context.newCDPSession(b.page);
    await cdp.send('Input.insertText', { text: '赶不上飞机' });
    await waitFrames(b.page, 3);
    const found = await query(b.page, 'assistant');
    assert.ok(found.results.includes('missing-flight'), JSON.stringify(found.results));
    await dispatch(b.page, { type: 'ui.assistant_start', pack_id: 'airline-hotline', scenario_id: 'missing-flight' });
    await waitFrames(b.page, 3);
    let a = await query(b.page, 'assistant');
    assert.equal(a.started, true);
    assert.equal(a.step, 'ask-basics');
    assert.equal(a.full_text, true, 'an agent sees the whole line');
    await clickWidget(b.page, 'assist.next');
    a = await query(b.page, 'assistant');
    assert.equal(a.kind, 'wait');
    assert.equal(a.awaiting_reply, true);
    await clickWidget(b.page, 'assist.next');   // disabled while waiting
    assert.equal((await query(b.page, 'assistant')).step, a.step, 'the script does not move on before the customer answers');
    await shot(b.page, 'assistant-wait');
    await clickWidget(b.page, 'assist.customer_said');
    await cdp.send('Input.insertText', { text: '我在T3安检排队，航班还有40分钟起飞' });
    await clickWidget(b.page, 'assist.record_reply');
    a = await query(b.page, 'assistant');
    assert.notEqual(a.awaiting_reply, true);
    assert.ok(a.lines >= 2, 'agent and customer lines are in the call record');
  } finally { await b.destroy(); }
});

test('the reply box flags prohibited phrases and card numbers as you type, and copies only a clean reply', async () => {
  const b = await launch({ viewport: { width: 1440, height: 900 }, permissions: ['clipboard-read', 'clipboard-write'] });
  try {
    await assistantScreen(b.page);
    await dispatch(b.page, { type: 'ui.assistant_start', pack_id: 'credit-card-bank', scenario_id: (await b.page.evaluate(() => {
      const ws = window.callwise.query('workspace');
      return ws.packs.find((p) => p.meta.id === 'credit-card-bank').scenarios[0].id;
    })) });
    await waitFrames(b.page, 2);
    await clickWidget(b.page, 'assist.reply');
    const cdp = await b.context.newCDPSession(b.page);
    await cdp.send('Input.insertText', { text: '这不归我们管。您的卡号是 4111 1111 1111 1111 对吧' });
    await waitFrames(b.page, 3);
    let a = await query(b.page, 'assistant');
    assert.equal(a.reply_clean, false);
    assert.ok(a.hits.some((h) => h.kind === 'prohibited' && h.instead), JSON.stringify(a.hits));
    assert.ok(a.hits.some((h) => h.kind.startsWith('never_disclose') && /4111/.test(h.matched)), JSON.stringify(a.hits));
    await b.page.evaluate(() => navigator.clipboard.writeText('before'));
    await clickWidget(b.page, 'assist.copy');
    assert.equal(await b.page.evaluate(() => navigator.clipboard.readText()), 'before', 'a flagged reply is not copied');
    await shot(b.page, 'assistant-guardrails');
    await dispatch(b.page, { type: 'set_language', language: 'zh-CN' });
    await waitFrames(b.page, 3);
    await shot(b.page, 'assistant-guardrails-zh');
    // Replace the text with a clean one and copy it.
    await clickWidget(b.page, 'assist.reply');
    await holdKey(b.page, 'Control+A');
    await holdKey(b.page, 'Delete');
    await cdp.send('Input.insertText', { text: '我来帮您联系负责的部门。' });
    await waitFrames(b.page, 3);
    a = await query(b.page, 'assistant');
    assert.equal(a.reply_clean, true, JSON.stringify(a.hits));
    await clickWidget(b.page, 'assist.copy');
    await b.page.waitForFunction(async () => (await navigator.clipboard.readText()) === '我来帮您联系负责的部门。', null, { timeout: 5000 });
  } finally { await b.destroy(); }
});

test('a senior agent sees key points only; the call outcome is written into its case', async () => {
  const b = await launch({ viewport: { width: 1440, height: 900 } });
  try {
    await assistantScreen(b.page);
    const { id } = await dispatch(b.page, { type: 'create_case', text: '航班还有40分钟起飞，我还在安检排队', pack_id: 'airline-hotline', scenario_id: 'missing-flight', customer_name: '王先生' });
    await dispatch(b.page, { type: 'set_grade', grade_id: 'senior' });
    await dispatch(b.page, { type: 'ui.assistant_start', pack_id: 'airline-hotline', scenario_id: 'missing-flight', case_id: id });
    await waitFrames(b.page, 3);
    const a = await query(b.page, 'assistant');
    assert.equal(a.full_text, false);
    assert.notEqual(a.key_point, '');
    await shot(b.page, 'assistant-senior');
    await clickWidget(b.page, 'end-escalated');
    const c = await query(b.page, 'case:' + id);
    assert.ok(c.timeline.some((e) => e.kind === 'note' && /call ended: escalated/.test(e.text)), JSON.stringify(c.timeline));
    assert.equal(c.status, 'escalated');
    const after = await query(b.page, 'assistant');
    assert.ok(after.qa_percent >= 0 && after.qa_percent <= 100, 'the real call is scored with the same scorecard');
  } finally { await b.destroy(); }
});
