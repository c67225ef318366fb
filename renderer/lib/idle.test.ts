import assert from 'node:assert/strict';
import { test } from 'node:test';
import { createThrottle, idlePhase, samePhase, touchIntervalMs, warningWindowMs, type Clock } from './idle';

test('the warning covers the last 10 s, or the last third of a short timeout', () => {
  assert.equal(warningWindowMs(120), 10_000);
  assert.equal(warningWindowMs(30), 10_000);
  assert.equal(warningWindowMs(6), 2_000);
  assert.equal(warningWindowMs(3), 1_000);
});

test('phases of a 120 s timeout', () => {
  assert.deepEqual(idlePhase(0, 120), { kind: 'active' });
  assert.deepEqual(idlePhase(109_999, 120), { kind: 'active' });
  assert.deepEqual(idlePhase(110_000, 120), { kind: 'warning', remainingS: 10 });
  assert.deepEqual(idlePhase(115_500, 120), { kind: 'warning', remainingS: 5 });
  assert.deepEqual(idlePhase(119_999, 120), { kind: 'warning', remainingS: 1 });
  assert.deepEqual(idlePhase(120_000, 120), { kind: 'expired' });
});

test('phases of a 6 s timeout', () => {
  assert.deepEqual(idlePhase(3_900, 6), { kind: 'active' });
  assert.deepEqual(idlePhase(4_000, 6), { kind: 'warning', remainingS: 2 });
  assert.deepEqual(idlePhase(6_000, 6), { kind: 'expired' });
});

test('samePhase compares the countdown too', () => {
  assert.ok(samePhase({ kind: 'active' }, { kind: 'active' }));
  assert.ok(!samePhase({ kind: 'warning', remainingS: 3 }, { kind: 'warning', remainingS: 2 }));
  assert.ok(!samePhase({ kind: 'active' }, { kind: 'expired' }));
});

class FakeClock implements Clock {
  t = 0;
  timers: { at: number; fn: () => void; id: number }[] = [];
  private id = 0;
  now() {
    return this.t;
  }
  setTimeout(fn: () => void, ms: number) {
    const id = ++this.id;
    this.timers.push({ at: this.t + ms, fn, id });
    return id;
  }
  clearTimeout(h: unknown) {
    this.timers = this.timers.filter((x) => x.id !== h);
  }
  advance(ms: number) {
    const end = this.t + ms;
    for (;;) {
      this.timers.sort((a, b) => a.at - b.at);
      const next = this.timers[0];
      if (!next || next.at > end) break;
      this.timers.shift();
      this.t = next.at;
      next.fn();
    }
    this.t = end;
  }
}

test('the throttle runs at once, then at most once per interval, with a trailing call', () => {
  const clock = new FakeClock();
  const runs: number[] = [];
  const th = createThrottle(() => runs.push(clock.t), 10_000, clock);
  th.trigger();
  assert.deepEqual(runs, [0]);
  clock.advance(2_000);
  th.trigger();
  clock.advance(1_000);
  th.trigger();
  assert.deepEqual(runs, [0]);
  clock.advance(7_000);
  assert.deepEqual(runs, [0, 10_000]);
  // Quiet for a long time: the next activity goes out at once.
  clock.advance(30_000);
  assert.deepEqual(runs, [0, 10_000]);
  th.trigger();
  assert.deepEqual(runs, [0, 10_000, 40_000]);
  th.trigger();
  th.cancel();
  clock.advance(20_000);
  assert.deepEqual(runs, [0, 10_000, 40_000]);
});

test('flush runs at once and restarts the interval', () => {
  const clock = new FakeClock();
  const runs: number[] = [];
  const th = createThrottle(() => runs.push(clock.t), 10_000, clock);
  th.trigger();
  clock.advance(3_000);
  th.trigger();
  th.flush();
  assert.deepEqual(runs, [0, 3_000]);
  clock.advance(20_000);
  assert.deepEqual(runs, [0, 3_000], 'the pending trailing call was dropped');
});

test('touch interval: 10 s, shorter only for very short timeouts', () => {
  assert.equal(touchIntervalMs(120), 10_000);
  assert.equal(touchIntervalMs(20), 10_000);
  assert.equal(touchIntervalMs(6), 3_000);
  assert.equal(touchIntervalMs(0), 10_000);
});
