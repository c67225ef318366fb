// A kiosk killed in the middle of writes (power cut, kill -9) must open again, consistent, with
// every transaction it had committed.
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { openStore } from '../../electron/store';
import { repoRoot } from '../support/temp-backend';

test('SIGKILL in the middle of writes leaves a database that opens, whole and consistent', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'fabkiosk-crash-'));
  try {
    const child = spawn(process.execPath, ['--import', 'tsx', join(repoRoot, 'test/support/write-forever.ts'), dir], {
      cwd: repoRoot,
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let lastCommitted = 0;
    await new Promise<void>((resolve) => {
      let buf = '';
      child.stdout!.on('data', (d: Buffer) => {
        buf += d.toString();
        const lines = buf.split('\n');
        buf = lines.pop()!;
        if (lines.length) lastCommitted = Number(lines[lines.length - 1]);
        if (lastCommitted >= 300) resolve();
      });
    });
    child.kill('SIGKILL');
    await new Promise((r) => child.once('exit', r));

    const store = openStore(dir);
    assert.equal(store.db.pragma('integrity_check', { simple: true }), 'ok');
    const members = store.db.prepare("SELECT count(*) FROM members WHERE name_key LIKE 'crash %'").pluck().get() as number;
    const audits = store.db.prepare("SELECT count(*) FROM audit_log WHERE action = 'crash.test'").pluck().get() as number;
    // Every transaction it reported as committed is there, and no transaction is there in part.
    assert.ok(members >= lastCommitted, `${members} rows, ${lastCommitted} reported committed`);
    assert.equal(audits, members);
    const halfUpdated = store.db
      .prepare("SELECT count(*) FROM members WHERE name_key LIKE 'crash %' AND failed_pin_count <> 1")
      .pluck()
      .get();
    assert.equal(halfUpdated, 0);
    const withoutOutbox = store.db
      .prepare(
        `SELECT count(*) FROM members m WHERE NOT EXISTS (SELECT 1 FROM outbox o WHERE o.row_id = m.id AND o.op = 'update')
         AND m.name_key LIKE 'crash %'`,
      )
      .pluck()
      .get();
    assert.equal(withoutOutbox, 0);
    store.close();
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
