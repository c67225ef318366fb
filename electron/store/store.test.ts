import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import fablab from '../../assets/fablab.json';
import { migrate } from './db';
import { openStore } from './index';
import { seedIfEmpty } from './seed';

function tempDir() {
  return mkdtempSync(join(tmpdir(), 'fabkiosk-store-'));
}

test('first start creates the file in WAL mode, migrates and seeds the demo fablab', async () => {
  const dir = tempDir();
  try {
    const store = openStore(dir);
    assert.equal(store.db.pragma('journal_mode', { simple: true }), 'wal');
    assert.equal(await seedIfEmpty(store.writer, fablab), true);
    const count = (t: string) => store.db.prepare(`SELECT count(*) FROM ${t}`).pluck().get();
    assert.equal(count('machines'), 9);
    assert.equal(count('profile_categories'), 6);
    assert.equal(count('members'), 4);
    const kinds = store.db.prepare("SELECT kind, firmware FROM machines WHERE connection = 'serial' ORDER BY code").all();
    assert.deepEqual(kinds, [
      { kind: 'cnc', firmware: 'grbl' },
      { kind: 'fdm', firmware: 'marlin' },
      { kind: 'laser', firmware: 'grbl' },
      { kind: 'fdm', firmware: 'marlin' },
      { kind: 'vinyl', firmware: 'hpgl' },
    ]);
    const plans = store.db.prepare('SELECT code, price_cents FROM plans ORDER BY code').all();
    assert.deepEqual(plans.slice(0, 2), [
      { code: 'coworking-20-days', price_cents: 10000 },
      { code: 'coworking-permanent', price_cents: 25000 },
    ]);
    // A second start changes nothing.
    assert.equal(await seedIfEmpty(store.writer, fablab), false);
    assert.deepEqual(migrate(store.db), []);
    const kioskId = store.kioskId;
    store.close();
    const again = openStore(dir);
    assert.equal(again.kioskId, kioskId);
    assert.equal(again.db.prepare('SELECT count(*) FROM machines').pluck().get(), 9);
    again.close();
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('every row carries a time-ordered UUIDv7, timestamps and the kiosk id, and has its outbox entry', async () => {
  const store = openStore(':memory:');
  await seedIfEmpty(store.writer, fablab);
  const rows = store.db.prepare('SELECT id, created_at, updated_at, kiosk_id FROM members ORDER BY rowid').all() as {
    id: string;
    created_at: string;
    kiosk_id: string;
  }[];
  for (const r of rows) {
    assert.match(r.id, /^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    assert.equal(r.kiosk_id, store.kioskId);
    assert.ok(!Number.isNaN(Date.parse(r.created_at)));
  }
  assert.deepEqual(rows.map((r) => r.id), [...rows.map((r) => r.id)].sort(), 'ids sort in creation order');
  const orphans = store.db
    .prepare(
      `SELECT count(*) FROM members m WHERE NOT EXISTS
         (SELECT 1 FROM outbox o WHERE o.table_name = 'members' AND o.row_id = m.id AND o.op = 'insert')`,
    )
    .pluck()
    .get();
  assert.equal(orphans, 0);
  store.close();
});

test('an update writes a new outbox entry with the whole row, and a failed write leaves nothing behind', async () => {
  const store = openStore(':memory:');
  await seedIfEmpty(store.writer, fablab);
  const id = store.db.prepare("SELECT id FROM materials WHERE code = 'pla-175'").pluck().get() as string;
  store.writer.update('materials', id, { stock_qty: 7.5 });
  const last = store.db
    .prepare("SELECT op, payload_json FROM outbox WHERE row_id = ? ORDER BY id DESC LIMIT 1")
    .get(id) as { op: string; payload_json: string };
  assert.equal(last.op, 'update');
  assert.equal(JSON.parse(last.payload_json).stock_qty, 7.5);
  const before = store.db.prepare('SELECT count(*) FROM outbox').pluck().get();
  assert.throws(() => store.writer.insert('materials', { code: 'pla-175', kind: 'filament', name_fr: 'x', name_en: 'x', unit: 'kg', price_cents: 1 }));
  assert.throws(() => store.writer.update('materials', 'no-such-id', { stock_qty: 1 }));
  assert.equal(store.db.prepare('SELECT count(*) FROM outbox').pluck().get(), before);
  store.close();
});

test('a broken seed is refused whole: nothing is written', async () => {
  const store = openStore(':memory:');
  const bad = structuredClone(fablab) as typeof fablab;
  (bad.machines[0] as { firmware: string | null }).firmware = null;
  await assert.rejects(seedIfEmpty(store.writer, bad));
  assert.equal(store.db.prepare('SELECT count(*) FROM sites').pluck().get(), 0);
  assert.equal(store.db.prepare('SELECT count(*) FROM outbox').pluck().get(), 0);
  store.close();
});
