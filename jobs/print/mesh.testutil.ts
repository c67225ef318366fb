// Assertions shared by the print tests.
import assert from 'node:assert/strict';
import { PrintError } from './errors';
import type { MeshBounds } from './mesh';

export function assertBounds(b: MeshBounds, min: [number, number, number], max: [number, number, number], tol = 0.01): void {
  const got = [b.min.x, b.min.y, b.min.z, b.max.x, b.max.y, b.max.z];
  const want = [...min, ...max];
  got.forEach((v, i) => assert.ok(Math.abs(v - want[i]!) <= tol, `bounds[${i}] ${v} ≠ ${want[i]} (± ${tol}): ${JSON.stringify(b)}`));
}

/** Runs fn, expects a PrintError with this code (and these params). */
export function rejects(fn: () => unknown, code: string, params?: Record<string, unknown>): PrintError {
  try {
    fn();
  } catch (e) {
    assert.ok(e instanceof PrintError, `expected a PrintError, got ${String(e)}`);
    assert.equal(e.code, code, e.message);
    if (params) for (const [k, v] of Object.entries(params)) assert.equal(e.params[k], v, `${k} in ${e.message}`);
    return e;
  }
  assert.fail(`expected ${code}`);
}

/** The same for a promise. */
export async function rejectsAsync(p: Promise<unknown>, code: string, params?: Record<string, unknown>): Promise<PrintError> {
  try {
    await p;
  } catch (e) {
    assert.ok(e instanceof PrintError, `expected a PrintError, got ${String(e)}`);
    assert.equal(e.code, code, e.message);
    if (params) for (const [k, v] of Object.entries(params)) assert.equal(e.params[k], v, `${k} in ${e.message}`);
    return e;
  }
  assert.fail(`expected ${code}`);
}
