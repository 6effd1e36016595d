// practice.test.mjs — a practice call in the browser: a seeded simulated customer whose mood
// explains each change, replies chosen from candidates, the same seed replaying the same call,
// the QA scorecard with explained deductions at the end, and the run kept in the history.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, launch, openApp, dispatch, query, waitFrames, clickWidget, shot } from './harness.mjs';

let server;
before(async () => { server = await startServer(); });
after(() => server.stop());

async function play(page, prefer) {
  for (let i = 0; i < 40; i++) {
    const p = await query(page, 'practice');
    if (!p.running) return p;
    let idx = p.candidates.findIndex((c) => prefer.includes(c.kind));
    if (idx < 0) idx = 0;
    await dispatch(page, { type: 'ui.practice_choose', index: idx });
  }
  return query(page, 'practice');
}

test('a seeded practice call reacts, explains, replays identically and ends with an explained QA score', async () => {
  const b = await launch({ viewport: { width: 1440, height: 900 } });
  try {
    await openApp(b.page, server.url);
    await dispatch(b.page, { type: 'ui.add_demo_packs' });
    await dispatch(b.page, { type: 'set_agent_name', name: 'Trainee Zhou' });
    await dispatch(b.page, { type: 'set_grade', grade_id: 'trainee' });
    await dispatch(b.page, { type: 'ui.navigate', screen: 'practice' });
    await waitFrames(b.page, 3);
    await clickWidget(b.page, 'practice.start');   // "surprise me" through the UI
    assert.equal((await query(b.page, 'practice')).running, true);

    const start = await dispatch(b.page, { type: 'ui.practice_start', pack_id: 'online-travel', seed: 42 });
    assert.equal(start.ok, true);
    const first = await query(b.page, 'practice');
    assert.ok(first.candidates.length >= 2);
    assert.ok(first.candidates.some((c) => c.kind === 'prohibited' || c.kind === 'early_compensation' || c.kind === 'ignores_question'),
      'plausible wrong replies are offered too');
    // A prohibited reply hurts, and says why.
    const bad = first.candidates.findIndex((c) => c.kind === 'prohibited');
    if (bad >= 0) {
      await dispatch(b.page, { type: 'ui.practice_choose', index: bad });
      const after = await query(b.page, 'practice');
      const last = after.mood_log[after.mood_log.length - 1];
      assert.ok(last.delta < 0, JSON.stringify(last));
      assert.ok(last.reason.length > 10);
    }
    const done = await play(b.page, ['script_with_empathy', 'script']);
    assert.equal(done.ended, true);
    assert.ok(done.qa && done.qa.percent >= 0 && done.qa.percent <= 100);
    for (const d of done.qa.deductions) assert.ok(d.explanation.length > 10, 'every deduction explains itself');
    await waitFrames(b.page, 3);
    await shot(b.page, 'practice-qa');

    // Same seed, same choices: the same call.
    await dispatch(b.page, { type: 'ui.practice_start', pack_id: 'online-travel', seed: 42 });
    const again = await query(b.page, 'practice');
    assert.deepEqual(again.candidates, first.candidates);
    assert.equal(again.customer_line, first.customer_line);
    assert.ok((await query(b.page, 'practice')).runs >= 1, 'the finished run is kept for progress');
    assert.deepEqual(b.errors, []);
  } finally { await b.destroy(); }
});
