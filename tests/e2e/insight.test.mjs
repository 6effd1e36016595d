// insight.test.mjs — the consultant's demo and the manager's views in the browser: the demo loads
// into its own workspace (the user's data untouched, back on leaving), the dashboard draws its
// charts from 90 days of history, a finding goes to the PDCA board, the QA reviewer decides a
// dispute, and the three deliverables download as self-contained HTML.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { startServer, launch, openApp, dispatch, query, waitFrames, waitSaved, clickWidget, shot, inkRatio, artefacts } from './harness.mjs';

let server;
before(async () => { server = await startServer(); });
after(() => server.stop());

async function workspace(page) {
  const ws = await query(page, 'workspace');
  return typeof ws === 'string' ? JSON.parse(ws) : ws;
}

async function download(page, cmd) {
  const [d] = await Promise.all([page.waitForEvent('download'), dispatch(page, cmd)]);
  return { name: d.suggestedFilename(), text: readFileSync(await d.path(), 'utf8') };
}

test('demo mode: a separate workspace with 90 days of history; the dashboard, report and deliverables', async () => {
  const b = await launch({ viewport: { width: 1440, height: 900 } });
  try {
    await openApp(b.page, server.url);
    await dispatch(b.page, { type: 'set_agent_name', name: 'Own Agent' });
    await dispatch(b.page, { type: 'create_case', text: 'my own real case: refund please' });
    await waitSaved(b.page);
    const own = await workspace(b.page);
    assert.equal(own.cases.length, 1);

    const enter = await dispatch(b.page, { type: 'ui.demo_enter' });
    assert.equal(enter.ok, true, JSON.stringify(enter));
    const demo = await query(b.page, 'demo');
    assert.equal(demo.active, true);
    const dws = await workspace(b.page);
    assert.ok(dws.cases.length > 1000, `demo cases: ${dws.cases.length}`);
    assert.equal(dws.packs.length, 4);
    assert.ok(dws.qa_records.length > 50);
    assert.ok(!dws.cases.some((c) => c.text.includes('my own real case')));

    // The guided tour walks the screens.
    await dispatch(b.page, { type: 'ui.tour_start' });
    await waitFrames(b.page, 3);
    assert.equal((await query(b.page, 'demo')).tour_step, 0);
    await clickWidget(b.page, 'tour.next');
    await waitFrames(b.page, 3);
    assert.equal((await query(b.page, 'demo')).tour_step, 1);
    assert.equal((await query(b.page, 'ui')).screen, 'triage');
    await shot(b.page, 'tour-triage');
    await clickWidget(b.page, 'tour.end');
    await waitFrames(b.page, 2);
    assert.equal((await query(b.page, 'demo')).tour_step, -1);

    // Presenter-friendly large text.
    await dispatch(b.page, { type: 'set_large_text', on: true });
    await dispatch(b.page, { type: 'ui.navigate', screen: 'dashboard' });
    await waitFrames(b.page, 4);
    await shot(b.page, 'dashboard-large-text');
    await dispatch(b.page, { type: 'set_large_text', on: false });
    await waitFrames(b.page, 4);
    const fig = await query(b.page, 'dashboard');
    assert.ok(fig.cases > 100 && fig.buckets >= 4 && fig.hits > 0 && fig.trends > 0, JSON.stringify(fig));
    const ui = await query(b.page, 'ui');
    const mix = ui.widgets['dash.mix'];
    assert.ok(mix, 'the stacked bar chart is drawn');
    assert.ok(await inkRatio(b.page, mix) > 0.05, 'the chart has bars');
    assert.ok(await inkRatio(b.page, ui.widgets['dash.heat']) > 0.2, 'the heat map is drawn');
    await shot(b.page, 'dashboard-demo');

    // A finding becomes an improvement item.
    const before = (await workspace(b.page)).pdca.length;
    await dispatch(b.page, { type: 'add_pdca_item', title: 'Agents keep saying 这不归我们管', source: 'dashboard' });
    const items = (await workspace(b.page)).pdca;
    assert.equal(items.length, before + 1);
    const item = items[items.length - 1];
    assert.equal((await dispatch(b.page, { type: 'move_pdca_item', id: item.id, stage: 'do' })).ok, true);
    await dispatch(b.page, { type: 'ui.navigate', screen: 'improve' });
    await waitFrames(b.page, 3);
    await shot(b.page, 'pdca-board');

    // The summary report, and the scripts and processes of a pack.
    const report = await download(b.page, { type: 'ui.export_report' });
    assert.match(report.name, /^callwise-report-.*\.html$/);
    assert.match(report.text, /<svg/);
    assert.ok(!/https?:\/\//.test(report.text.replace(/xmlns="http:\/\/www\.w3\.org\/2000\/svg"/g, '')), 'no network references');
    const scripts = await download(b.page, { type: 'ui.export_scripts', pack_id: 'airline-hotline' });
    assert.match(scripts.text, /<html/);
    const processes = await download(b.page, { type: 'ui.export_processes', pack_id: 'airline-hotline' });
    assert.match(processes.text, /<html/);
    // The report opens offline in the browser and shows its charts.
    const viewer = await b.context.newPage();
    await viewer.setContent(report.text);
    assert.ok(await viewer.locator('svg').count() >= 3);
    mkdirSync(artefacts, { recursive: true });
    await viewer.setViewportSize({ width: 1100, height: 1400 });
    await viewer.screenshot({ path: join(artefacts, 'report.png'), fullPage: false });
    const doc = await b.context.newPage();
    await doc.setContent(scripts.text);
    await doc.setViewportSize({ width: 1100, height: 1400 });
    await doc.screenshot({ path: join(artefacts, 'scripts-doc.png') });
    await doc.close();
    await viewer.close();

    // Chinese dashboard.
    await dispatch(b.page, { type: 'set_language', language: 'zh-CN' });
    await dispatch(b.page, { type: 'ui.navigate', screen: 'dashboard' });
    await waitFrames(b.page, 4);
    await shot(b.page, 'dashboard-demo-zh');

    // Leaving returns the user's own workspace exactly; nothing of the demo was saved.
    assert.equal((await dispatch(b.page, { type: 'ui.demo_leave' })).ok, true);
    const back = await workspace(b.page);
    assert.equal(back.cases.length, 1);
    assert.equal(back.settings.agent_name, 'Own Agent');
    await waitSaved(b.page);
    await b.page.reload();
    await openApp(b.page, server.url);
    const reloaded = await workspace(b.page);
    assert.equal(reloaded.cases.length, 1);
    assert.equal((await query(b.page, 'demo')).active, false);
    assert.deepEqual(b.errors, []);
  } finally { await b.destroy(); }
});

test('QA review: a practice call is filed, disputed, and the reviewer accepts the dispute', async () => {
  const b = await launch({ viewport: { width: 1440, height: 900 } });
  try {
    await openApp(b.page, server.url);
    await dispatch(b.page, { type: 'ui.add_demo_packs' });
    await dispatch(b.page, { type: 'set_agent_name', name: 'Trainee Zhou' });
    await dispatch(b.page, { type: 'ui.practice_start', pack_id: 'online-travel', seed: 7 });
    for (let i = 0; i < 40; i++) {
      const p = await query(b.page, 'practice');
      if (!p.running) break;
      const bad = p.candidates.findIndex((c) => c.kind === 'prohibited');
      await dispatch(b.page, { type: 'ui.practice_choose', index: bad >= 0 ? bad : 0 });
    }
    let ws = await workspace(b.page);
    assert.equal(ws.qa_records.length, 1);
    const rec = ws.qa_records[0];
    // A deduction that is its item's only one: waiving it must raise the score.
    const item = rec.result.items.find((it) => (it.deductions || []).length === 1 && it.deductions[0].points > 0);
    const ded = item ? item.deductions[0] : rec.result.items.flatMap((it) => it.deductions || [])[0];
    assert.ok(ded, 'the call lost points somewhere');
    const before = rec.result.percent;
    const dis = await dispatch(b.page, { type: 'dispute_deduction', record_id: rec.id, deduction_id: ded.id, comment: 'the customer asked for it' });
    assert.equal(dis.ok, true, JSON.stringify(dis));
    await dispatch(b.page, { type: 'ui.navigate', screen: 'review' });
    await waitFrames(b.page, 3);
    await clickWidget(b.page, 'review.first');
    await waitFrames(b.page, 3);
    await shot(b.page, 'review-dispute');
    await clickWidget(b.page, 'qa.accept');
    await waitFrames(b.page, 3);
    ws = await workspace(b.page);
    const after = ws.qa_records[0];
    assert.equal(after.result.disputes[0].status, 'accepted');
    if (item) assert.ok(after.result.percent > before, `${after.result.percent} > ${before}`);
    assert.ok(after.result.items.some((it) => (it.deductions || []).some((d) => d.id === ded.id && d.waived)));
    assert.deepEqual(b.errors, []);
  } finally { await b.destroy(); }
});
