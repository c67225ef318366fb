// Bad input: binary data, a 1 MB line, NaN and huge numbers, truncated files, and a stream that never
// ends (the "2 GB file", exercised with the byte limit on a generated stream). A clear finding, bounded
// time and memory, never a crash.

import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { analyzeGcode, analyzeText, createAnalyzer } from './index';
import { GENERIC_FDM } from './profile';
import { fixture } from '../../test/support/fixtures';

const enc = new TextEncoder();
const PRUSA = fixture('generated/prusaslicer-2.5.0-openscad-example012.gcode');

function pseudoRandomBytes(n: number, seed = 42): Uint8Array {
  const out = new Uint8Array(n);
  let s = seed >>> 0;
  for (let i = 0; i < n; i++) {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    out[i] = s >>> 24;
  }
  return out;
}

describe('bad input', () => {
  it('a 1 MB line is skipped with line_too_long, in one chunk or split, and the rest is analysed', () => {
    const big = 'G1 X' + '9'.repeat(1 << 20);
    const text = enc.encode(`G1 X1\n${big}\nG1 X2\n`);
    const whole = analyzeText(text);
    const f = whole.findings.find((x) => x.code === 'line_too_long');
    assert.equal(f?.severity, 'error');
    assert.equal(f?.line, 2);
    assert.equal(f?.params.length, big.length);
    assert.equal(whole.lines, 3);
    assert.equal(whole.travelBounds.max.x, 2);
    const a = createAnalyzer();
    for (let i = 0; i < text.length; i += 65536) a.push(text.subarray(i, i + 65536));
    assert.deepEqual(a.finish(), whole);
  });

  it('a 1 MB comment line is skipped too (the limit is on bytes, not on commands)', () => {
    const a = analyzeText(`;${'x'.repeat(1 << 20)}\nG1 X1\n`, { maxLineBytes: 2 << 20 });
    assert.equal(a.findings.some((f) => f.code === 'line_too_long'), false);
    assert.equal(a.travelBounds.max.x, 1);
  });

  it('binary garbage: one binary_data error, bounded time, nothing thrown', () => {
    const bytes = pseudoRandomBytes(4 << 20);
    const t = performance.now();
    const a = analyzeText(bytes, { machine: GENERIC_FDM, toolpath: true });
    const ms = performance.now() - t;
    assert.ok(ms < 5000, `${ms} ms`);
    const f = a.findings.find((x) => x.code === 'binary_data');
    assert.equal(f?.severity, 'error');
    assert.ok(Number(f?.params.count) > 1000);
    assert.equal(a.findings.length <= 101, true);
  });

  it('recognises PrusaSlicer binary G-code', () => {
    const bytes = new Uint8Array([...enc.encode('GCDE'), 1, 0, 0, 0, 0, 0, 2, 0, 0x10, 0x00, 0xff, 10]);
    const a = analyzeText(bytes);
    assert.equal(a.findings.find((f) => f.code === 'binary_data')?.params.format, 'bgcode');
  });

  it('NaN, huge numbers, lone signs and unresolved placeholders are bad numbers, not NaN', () => {
    const a = analyzeText('G1 XNaN Y5\nG1 X99999999999999999999\nG1 X-\nG1 Y.\nG1 X{machine_width} F600\nG1 X1e400\n');
    const words = a.findings.filter((f) => f.code === 'bad_number').map((f) => f.params.word);
    assert.deepEqual(words.sort(), ['X', 'Y']);
    assert.equal(a.findings.find((f) => f.params.word === 'X')?.line, 1);
    assert.equal(a.findings.find((f) => f.params.word === 'X')?.params.count, 4);
    // "X1e400" is X1 and E400: G-code has no exponents.
    assert.deepEqual(a.travelBounds.max, { x: 1, y: 5, z: 0 });
    for (const v of [a.durationS, a.filamentMm, a.travelBounds.max.x]) assert.ok(Number.isFinite(v));
  });

  it('a truncated slicer file is reported; its last, unterminated line still counts', { skip: !existsSync(PRUSA) && 'fixture not found' }, () => {
    const full = readFileSync(PRUSA);
    const cut = full.subarray(0, full.indexOf('G1 X', full.length >> 1) + 7);
    const a = analyzeText(cut, { machine: GENERIC_FDM });
    assert.equal(a.findings.find((f) => f.code === 'truncated')?.params.reason, 'missing_footer');
    assert.equal(a.lines, cut.toString().split('\n').length); // the unterminated last line counts
    assert.equal(analyzeText(full, { machine: GENERIC_FDM }).findings.some((f) => f.code === 'truncated'), false);
  });

  it('a stream that never ends stops at the byte limit, closes the stream, and says so', async () => {
    const block = enc.encode('G1 X10 Y10 E0.5\nG1 X20 Y10 E0.5\n;TYPE:Perimeter\n'.repeat(20000));
    let yielded = 0;
    let closed = false;
    async function* endless(): AsyncGenerator<Uint8Array> {
      try {
        for (;;) {
          yielded += block.length;
          yield block;
        }
      } finally {
        closed = true;
      }
    }
    const limit = 64 << 20;
    const a = await analyzeGcode(endless(), { maxBytes: limit });
    assert.equal(closed, true);
    assert.ok(yielded < limit + 2 * block.length);
    assert.equal(a.bytes, limit);
    const f = a.findings.find((x) => x.code === 'file_too_large');
    assert.equal(f?.severity, 'error');
    assert.equal(f?.params.limit, limit);
    assert.ok(a.lines > 1_000_000);
  });

  it('analysis memory does not grow with the input (no per-line or per-move state kept)', () => {
    const block = enc.encode(';LAYER_CHANGE\n;Z:0.2\nG1 X10 Y10 E0.5 F1800\nG1 X20 Y15 E0.5\n;TYPE:Perimeter\nG1 X30 Y5 E0.5\n'.repeat(10000));
    const a = createAnalyzer({ machine: GENERIC_FDM });
    for (let i = 0; i < 20; i++) a.push(block);
    const before = process.memoryUsage().heapUsed;
    for (let i = 0; i < 200; i++) a.push(block);
    const grown = process.memoryUsage().heapUsed - before;
    const r = a.finish();
    assert.ok(r.layers >= 2_200_000);
    assert.ok(grown < 16 << 20, `heap grew by ${grown} bytes over ${200 * block.length} bytes of input`);
  });

  it('odd chunk types are accepted: strings and Buffers', async () => {
    const a = await analyzeGcode(['G1 X1\n', Buffer.from('G1 X2\n')] as unknown as Uint8Array[]);
    assert.equal(a.travelBounds.max.x, 2);
  });
});
