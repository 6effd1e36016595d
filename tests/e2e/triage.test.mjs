// triage.test.mjs — the triage desk in the browser: a request typed in Chinese gets an
// explained Q1 suggestion, logging it starts its contingency plan, the board shows it,
// overrides need a reason, the checklist and approvals record who did what, a Q1 case closes
// only with a review that can grow the plan library, and odd input loses no case.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, launch, openApp, dispatch, query, waitSaved, waitFrames, clickWidget, shot } from './harness.mjs';

let server;
before(async () => { server = await startServer(); });
after(() => server.stop());

async function desk(page) {
  await openApp(page, server.url);
  const r = await dispatch(page, { type: 'ui.add_demo_packs' });
  assert.equal(r.ok, true, JSON.stringify(r));
  await dispatch(page, { type: 'set_agent_name', name: 'Li Na' });
  await dispatch(page, { type: 'ui.navigate', screen: 'triage' });
  await waitFrames(page, 3);
}

test('a calmly worded emergency typed in Chinese is suggested Q1 with reasons, and logging it starts the plan', async () => {
  const b = await launch({ viewport: { width: 1440, height: 900 } });
  try {
    await desk(b.page);
    await clickWidget(b.page, 'triage.text');
    const cdp = await b.context.newCDPSession(b.page);
    await cdp.send('Input.insertText', { text: '不好意思打扰一下，司机一直不让我下车，车门锁着' });
    await waitFrames(b.page, 3);
    const intake = await query(b.page, 'intake');
    assert.equal(intake.quadrant, 'q1');
    assert.ok(intake.fired.length > 0, 'signals explain the suggestion');
    await shot(b.page, 'triage-intake-zh');
    await clickWidget(b.page, 'triage.log');
    const logged = (await query(b.page, 'intake')).last_logged;
    assert.match(logged, /^C-\d{6}$/);
    const board = await query(b.page, 'board');
    assert.deepEqual(board.q1.ids, [logged]);
    assert.equal(board.open_case, logged);
    const c = await query(b.page, 'case:' + logged);
    assert.equal(c.quadrant, 'q1');
    assert.notEqual(c.plan, '', 'the contingency plan started at once');
    assert.deepEqual(c.timeline.map((e) => e.kind).slice(0, 2), ['created', 'plan_started']);
    assert.equal(c.timeline[0].by, 'Li Na');
    await waitFrames(b.page, 3);
    // The checklist records who did an item.
    await clickWidget(b.page, 'case.plan.item0');
    assert.equal((await query(b.page, 'case:' + logged)).ticks, 1);
    await dispatch(b.page, { type: 'set_language', language: 'zh-CN' });
    await waitFrames(b.page, 3);
    await shot(b.page, 'triage-case-zh');
    await waitSaved(b.page);
    await b.page.reload();
    await openApp(b.page, server.url);
    assert.equal((await query(b.page, 'case:' + logged)).ticks, 1, 'the case survives a reload');
    assert.deepEqual(b.errors, []);
  } finally { await b.destroy(); }
});

test('choosing another quadrant needs a reason, which is kept with the case', async () => {
  const b = await launch({ viewport: { width: 1440, height: 900 } });
  try {
    await desk(b.page);
    let r = await dispatch(b.page, { type: 'create_case', text: 'Could you send me an invoice for last month?', quadrant: 'q2' });
    assert.equal(r.ok, false);
    assert.match(r.error, /needs a reason/);
    r = await dispatch(b.page, { type: 'create_case', text: 'Could you send me an invoice for last month?', quadrant: 'q2', override_reason: 'company audit depends on it' });
    assert.equal(r.ok, true);
    const c = await query(b.page, 'case:' + r.id);
    assert.equal(c.quadrant, 'q2');
    assert.equal(c.override_reason, 'company audit depends on it');
    const moved = await dispatch(b.page, { type: 'move_case', case_id: r.id, quadrant: 'q4', reason: 'audit postponed' });
    assert.equal(moved.ok, true);
    assert.equal((await query(b.page, 'board')).q4.ids.includes(r.id), true);
  } finally { await b.destroy(); }
});

test('approvals beyond the grade are requested, decided by a lead and recorded; Q1 closes with a review that grows the plans', async () => {
  const b = await launch({ viewport: { width: 1440, height: 900 } });
  try {
    await desk(b.page);
    const { id } = await dispatch(b.page, { type: 'create_case', text: '我的信用卡刚刚被盗刷了两笔，还在继续扣钱', channel: 'phone' });
    await dispatch(b.page, { type: 'set_grade', grade_id: 'trainee' });
    await dispatch(b.page, { type: 'ui.open_case', case_id: id });
    let c = await query(b.page, 'case:' + id);
    assert.equal(c.quadrant, 'q1');
    const traineeLimit = c.authority.compensation_limit;
    assert.equal((await dispatch(b.page, { type: 'request_approval', case_id: id, what: 'waive the annual fee', amount: traineeLimit + 500 })).ok, true);
    await dispatch(b.page, { type: 'set_grade', grade_id: 'lead' });
    assert.equal((await dispatch(b.page, { type: 'decide_approval', case_id: id, index: 0, approved: true })).ok, true);
    c = await query(b.page, 'case:' + id);
    assert.equal(c.approvals[0].approved, true);
    assert.equal(c.approvals[0].decided_by, 'Li Na');
    let r = await dispatch(b.page, { type: 'close_case', case_id: id, first_contact_resolved: true });
    assert.equal(r.ok, false);
    assert.match(r.error, /review/);
    r = await dispatch(b.page, { type: 'close_case', case_id: id, first_contact_resolved: true, satisfaction: 5,
      what_happened: 'Two card-not-present charges abroad.', what_was_done: 'Froze the card, disputed both.', what_should_change: 'Send the freeze link by SMS during the call.' });
    assert.equal(r.ok, true, JSON.stringify(r));
    const plansBefore = (await query(b.page, 'packs')).packs.reduce((n, p) => n + p.plans, 0);
    r = await dispatch(b.page, { type: 'plan_from_review', case_id: id, title: 'Card-not-present fraud abroad', checklist: ['Freeze first', 'Send the freeze link by SMS'] });
    assert.equal(r.ok, true, JSON.stringify(r));
    const plansAfter = (await query(b.page, 'packs')).packs.reduce((n, p) => n + p.plans, 0);
    assert.equal(plansAfter, plansBefore + 1);
    await waitFrames(b.page, 3);
    await shot(b.page, 'triage-closed');
  } finally { await b.destroy(); }
});

test('odd input: empty text refused, 100 KB and emoji kept, a removed pack loses no case', async () => {
  const b = await launch({ viewport: { width: 1440, height: 900 } });
  try {
    await desk(b.page);
    assert.equal((await dispatch(b.page, { type: 'create_case', text: '   ' })).ok, false);
    const huge = '司机绕路 detour 😀 '.repeat(7000);
    const big = await dispatch(b.page, { type: 'create_case', text: huge });
    assert.equal(big.ok, true);
    const emoji = await dispatch(b.page, { type: 'create_case', text: '🚗💨😱 ＳＯＳ help!!' });
    assert.equal(emoji.ok, true);
    const before = Object.values(await query(b.page, 'board')).filter((v) => v && v.open !== undefined).reduce((n, q) => n + q.open, 0);
    assert.equal((await dispatch(b.page, { type: 'remove_pack', pack_id: 'ride-hailing' })).ok, true);
    await waitFrames(b.page, 3);
    const after = Object.values(await query(b.page, 'board')).filter((v) => v && v.open !== undefined).reduce((n, q) => n + q.open, 0);
    assert.equal(after, before);
    await dispatch(b.page, { type: 'ui.open_case', case_id: emoji.id });
    await waitFrames(b.page, 3);
    await shot(b.page, 'triage-odd-input');
    assert.deepEqual(b.errors, []);
  } finally { await b.destroy(); }
});
