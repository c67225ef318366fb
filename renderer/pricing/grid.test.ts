import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { PlanTermsView, PriceRuleView } from '../../electron/api/types';
import { discountPct, discountVersions, planVersions, ruleVersions, rulesOfKind } from './grid';

const rule = (p: Partial<PriceRuleView> & Pick<PriceRuleView, 'id' | 'key' | 'effectiveFrom'>): PriceRuleView => ({
  kind: 'machine_time',
  active: true,
  inForce: false,
  machine: null,
  material: null,
  shopItem: null,
  profileCategory: null,
  scope: null,
  priceCents: 400,
  perQuantity: 3600,
  unit: 's',
  discountPct: null,
  months: null,
  changedBy: null,
  reason: null,
  ...p,
});
const thermo = { id: 'm1', code: 'thermoformer', name: { fr: 'Thermoformeuse', en: 'Thermoformer' } };
const laser = { id: 'm2', code: 'laser', name: { fr: 'Laser', en: 'Laser' } };

test('each rule shows the version in force, the next one scheduled, and its history newest first', () => {
  const seed = rule({ id: 'a', key: 'machine_time:m1', effectiveFrom: '2000-01-01T00:00:00.000Z', machine: thermo });
  const now = rule({ id: 'b', key: 'machine_time:m1', effectiveFrom: '2026-12-07T10:00:00.000Z', inForce: true, priceCents: 450, machine: thermo });
  const later = rule({ id: 'c', key: 'machine_time:m1', effectiveFrom: '2027-03-01T00:00:00.000Z', priceCents: 600, machine: thermo });
  const first = rule({ id: 'd', key: 'machine_time:m1', effectiveFrom: '2027-01-01T00:00:00.000Z', priceCents: 500, machine: thermo });
  const other = rule({ id: 'e', key: 'machine_time:m2', effectiveFrom: '2000-01-01T00:00:00.000Z', inForce: true, machine: laser });
  const v = ruleVersions({ rules: [now, seed, other], scheduled: [later, first] });
  const t = v.get('machine_time:m1')!;
  assert.equal(t.current?.id, 'b');
  assert.equal(t.next?.id, 'd');
  assert.deepEqual(
    t.all.map((r) => r.id),
    ['c', 'd', 'b', 'a'],
  );
  assert.deepEqual(
    rulesOfKind(v, 'machine_time').map(([k]) => k),
    ['machine_time:m2', 'machine_time:m1'],
  );
});

test('plans are grouped by plan, scheduled terms included', () => {
  const terms = (id: string, effectiveFrom: string, inForce: boolean, priceCents: number): PlanTermsView => ({
    id,
    planId: 'coworking-20-days',
    name: { fr: '20 jours', en: '20 days' },
    effectiveFrom,
    active: true,
    inForce,
    priceCents,
    period: 'quarter',
    includedDays: 20,
    coversCoworking: true,
    machineMinutesPerMonth: 0,
    changedBy: null,
    reason: null,
  });
  const v = planVersions({ plans: [terms('p1', '2000-01-01T00:00:00Z', true, 10000)], scheduled: [terms('p2', '2027-01-01T00:00:00+01:00', false, 12000)] });
  assert.equal(v.get('coworking-20-days')?.current?.priceCents, 10000);
  assert.equal(v.get('coworking-20-days')?.next?.priceCents, 12000);
});

test("a category's discount in force, and none when it is switched off", () => {
  const job = rule({ id: 'x', key: 'category_discount:c1:machine_time', effectiveFrom: '2000-01-01T00:00:00Z', kind: 'category_discount', inForce: true, profileCategory: 'job_seeker', scope: 'machine_time', discountPct: 50 });
  const off = rule({ id: 'y', key: 'category_discount:c1:material', effectiveFrom: '2000-01-01T00:00:00Z', kind: 'category_discount', inForce: true, active: false, profileCategory: 'job_seeker', scope: 'material', discountPct: 20 });
  assert.equal(discountPct({ rules: [job, off] }, 'job_seeker', 'machine_time'), 50);
  assert.equal(discountPct({ rules: [job, off] }, 'job_seeker', 'material'), 0);
  assert.equal(discountPct({ rules: [job, off] }, 'artist', 'machine_time'), 0);
  assert.equal(discountPct({ rules: [job] }, null, 'machine_time'), 0);
  assert.equal(discountVersions(ruleVersions({ rules: [job, off], scheduled: [] }), 'job_seeker', 'material')?.current?.id, 'y');
});
