// The page's own CSP (which Electron's file also carries) must say what the served header says.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { contentSecurityPolicy } from '../../electron/security/csp';
import { repoRoot } from '../support/temp-backend';

test('the CSP in index.html is the served CSP, less what a meta tag cannot carry', () => {
  const html = readFileSync(join(repoRoot, 'renderer', 'index.html'), 'utf8');
  const meta = /http-equiv="Content-Security-Policy"\s+content="([^"]+)"/.exec(html)?.[1];
  assert.ok(meta, 'index.html has a CSP meta tag');
  const served = contentSecurityPolicy.split('; ').filter((d) => !d.startsWith('frame-ancestors'));
  assert.deepEqual(meta.split('; ').sort(), served.sort());
});
