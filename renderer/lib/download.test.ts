import assert from 'node:assert/strict';
import { test } from 'node:test';
import { safeFileName } from './download';

test('file names a USB stick accepts', () => {
  assert.equal(safeFileName('Attestation — Léa Dubois.pdf'), 'Attestation-Lea-Dubois.pdf');
  assert.equal(safeFileName('mes-données_2026.json'), 'mes-donnees_2026.json');
  assert.equal(safeFileName('../../etc/passwd'), 'etc-passwd');
  assert.equal(safeFileName('///'), 'fabkiosk');
  assert.equal(safeFileName('a'.repeat(300)).length, 120);
});
