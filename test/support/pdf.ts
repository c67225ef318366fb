// A PDF the kiosk made, read back as text with pdftotext (Debian's poppler-utils), as a reader would see it.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** The text of a base64 PDF; `layout` keeps the columns of tables. French no-break spaces become plain ones. */
export function pdfText(base64: string, opts: { layout?: boolean } = {}): string {
  const dir = mkdtempSync(join(tmpdir(), 'fabkiosk-pdf-'));
  try {
    const file = join(dir, 'doc.pdf');
    writeFileSync(file, Buffer.from(base64, 'base64'));
    const r = spawnSync('pdftotext', ['-enc', 'UTF-8', ...(opts.layout === false ? [] : ['-layout']), file, '-'], { encoding: 'utf8' });
    assert.equal(r.status, 0, `pdftotext (Debian package poppler-utils) must be installed: ${r.stderr ?? r.error}`);
    return r.stdout.replace(/[\u00a0\u202f]/g, ' ');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
