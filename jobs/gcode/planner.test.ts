// The motion planner on its own: trapezoids, junctions, look-ahead.

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ACCEL_PRINT, ACCEL_TRAVEL, Planner, trapezoidTime, type PlannerSettings } from './planner';

const near = (a: number, b: number, eps = 1e-6): void => assert.ok(Math.abs(a - b) <= eps, `${a} ≉ ${b}`);

const settings = (over: Partial<PlannerSettings> = {}): PlannerSettings => ({
  maxFeed: [500, 500, 20, 100],
  maxAccel: [1000, 1000, 1000, 10000],
  printAccel: 1000,
  travelAccel: 1000,
  retractAccel: 1000,
  junctionDeviation: 0.01,
  useJerk: false,
  jerk: [10, 10, 1, 5],
  minFeed: 0,
  minTravelFeed: 0,
  blocks: 16,
  smallSegments: false,
  ...over,
});

function move(p: Planner, dx: number, dy: number, feed: number, de = 0): void {
  p.in[0] = dx;
  p.in[1] = dy;
  p.in[2] = 0;
  p.in[3] = de;
  p.in[4] = feed;
  p.add(de ? ACCEL_PRINT : ACCEL_TRAVEL, 1);
}

describe('planner', () => {
  it('trapezoid and triangle profiles', () => {
    near(trapezoidTime(100, 1000, 100 * 100, 0, 0), 1.1);
    near(trapezoidTime(5, 1000, 100 * 100, 0, 0), (2 * Math.sqrt(5000)) / 1000);
    near(trapezoidTime(100, Infinity, 100 * 100, 0, 0), 1);
    near(trapezoidTime(10, 1000, 10 * 10, 10 * 10, 10 * 10), 1); // cruising through
  });

  it('a full reversal stops the machine (junction speed 0)', () => {
    const p = new Planner(settings());
    move(p, 50, 0, 100);
    move(p, -50, 0, 100);
    p.flush();
    near(p.timeS, 2 * (0.1 + 0.1 + 0.4), 1e-9);
  });

  it('time is attributed to work and features, dwell and flush add up', () => {
    const p = new Planner(settings());
    move(p, 100, 0, 100, 1);
    p.dwell(2);
    near(p.timeS, 3.1, 1e-9);
    near(p.workTimeS, 1.1, 1e-9);
  });

  it('more look-ahead never makes a job slower', () => {
    const run = (blocks: number): number => {
      const p = new Planner(settings({ blocks }));
      for (let i = 0; i < 2000; i++) move(p, 0.2 * Math.cos(i / 50), 0.2 * Math.sin(i / 50), 120);
      p.flush();
      return p.timeS;
    };
    const t4 = run(4);
    const t16 = run(16);
    const t64 = run(64);
    assert.ok(t4 >= t16 && t16 >= t64, `${t4} ${t16} ${t64}`);
    assert.ok(t64 < t4);
  });

  it('classic jerk: a straight line split in two costs nothing at the junction', () => {
    const p = new Planner(settings({ useJerk: true }));
    move(p, 50, 0, 100);
    move(p, 50, 0, 100);
    p.flush();
    // starts and stops at the 10 mm/s jerk speed
    near(p.timeS, (2 * (100 - 10)) / 1000 + (100 - (2 * (10000 - 100)) / 2000) / 100, 1e-9);
  });
});
