import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { createAnalyzer } from '../../../jobs/gcode';
import { GENERIC_FDM } from '../../../jobs/gcode/profile';
import { fixture } from '../../../test/support/fixtures';
import { secondsAt, TimelineRecorder, type Timeline } from './timeline';

function record(bytes: Uint8Array): { timeline: Timeline; durationS: number } {
  const analyzer = createAnalyzer({ machine: GENERIC_FDM });
  const recorder = new TimelineRecorder(bytes.length);
  // Pushed in 64 KB pieces like a file stream: the recorder slices them finer.
  for (let at = 0; at < bytes.length; at += 65536) recorder.push(analyzer, bytes.subarray(at, at + 65536));
  const a = analyzer.finish();
  return { timeline: recorder.finish(a.bytes, a.durationS), durationS: a.durationS };
}

describe('job timeline: progress by planned time', () => {
  const file = readFileSync(fixture('gcode/fdm/prusaslicer-2.6.1-changing_angle.gcode'));
  const text = file.toString('latin1');
  const { timeline, durationS } = record(file);
  const nthLayer = (n: number): number => {
    let at = -1;
    for (let i = 0; i < n; i++) at = text.indexOf(';LAYER_CHANGE', at + 1);
    return at;
  };

  it('at layer 3 of 75 a PrusaSlicer print is a few percent done, not the 45 % its bytes say', () => {
    const byte = nthLayer(3);
    assert.ok(byte / file.length > 0.4, 'the byte fraction is the misleading one');
    const fraction = secondsAt(timeline, byte) / durationS;
    assert.ok(fraction > 0.005 && fraction < 0.08, `time fraction ${fraction}`);
  });

  it('the slicer settings block at the end takes no time: its start is the end of the print', () => {
    const byte = text.indexOf('; prusaslicer_config = begin');
    assert.ok(byte / file.length < 0.95);
    assert.ok(secondsAt(timeline, byte) / durationS > 0.99);
    assert.equal(secondsAt(timeline, file.length), durationS === 0 ? 0 : Math.round(durationS * 100) / 100);
  });

  it('grows with the file and keeps about 200 points', () => {
    assert.ok(timeline.bytes.length > 100 && timeline.bytes.length <= 205, String(timeline.bytes.length));
    for (let i = 1; i < timeline.bytes.length; i++) {
      assert.ok(timeline.bytes[i]! > timeline.bytes[i - 1]!);
      assert.ok(timeline.seconds[i]! >= timeline.seconds[i - 1]!);
    }
    let last = -1;
    for (let layer = 1; layer <= 75; layer += 7) {
      const s = secondsAt(timeline, nthLayer(layer));
      assert.ok(s >= last);
      last = s;
    }
  });

  it('interpolates between points and clamps outside them', () => {
    const t: Timeline = { bytes: [0, 100, 300], seconds: [0, 10, 30] };
    assert.equal(secondsAt(t, 50), 5);
    assert.equal(secondsAt(t, 200), 20);
    assert.equal(secondsAt(t, -5), 0);
    assert.equal(secondsAt(t, 1000), 30);
  });
});
