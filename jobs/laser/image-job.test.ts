// A bitmap through prepareLaserJob: the raster engraver (jobs/laser/raster) makes the body, the job
// wraps, places and analyses it like a vector job.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { PNG } from 'pngjs';
import { LaserError } from './errors';
import { gcodeText, job } from './testing.testutil';

function png(w: number, h: number, dark: (x: number, y: number) => boolean): Uint8Array {
  const img = new PNG({ width: w, height: h });
  for (let y = 0; y < h; y++) {
    for (let x = 0; x < w; x++) {
      const i = (y * w + x) * 4;
      const v = dark(x, y) ? 0 : 255;
      img.data[i] = img.data[i + 1] = img.data[i + 2] = v;
      img.data[i + 3] = 255;
    }
  }
  return new Uint8Array(PNG.sync.write(img));
}

describe('image engraving', () => {
  it('a PNG is engraved at its size and place with the material\'s raster preset', async () => {
    // Left half black: 20 × 10 mm, burnt over 10 mm of each line.
    const bytes = png(200, 100, (x) => x < 100);
    const j = await job('photo.png', bytes, { image: { widthMm: 20, dither: 'threshold' }, placement: { xMm: 100, yMm: 50 } });
    assert.equal(j.source.format, 'image');
    assert.deepEqual(j.bounds, { minX: 100, minY: 50, maxX: 120, maxY: 60 });
    const op = j.operations[0]!;
    assert.equal(op.operation, 'raster');
    assert.equal(op.s, 350); // plywood raster preset: 35 % of $30 = 1000
    assert.equal(op.paths, 100); // 10 mm at 0.1 mm
    assert.ok(Math.abs(j.analysis.laserOnMm - 1000) < 5, `${j.analysis.laserOnMm}`);
    assert.ok(j.analysis.bounds.min.x >= 100 && j.analysis.bounds.max.x <= 110.01);
    const text = gcodeText(j);
    assert.match(text, /^; FabKiosk laser job\n; File: photo\.png\n/);
    assert.match(text, /\nM4 S0\n/);
    assert.match(text, /\nM5\nG0 X0 Y0\nM2\n$/);
    assert.deepEqual(j.analysis.findings.map((f) => f.code), ['no_homing']);
  });

  it('an image that is not one, or does not fit, is refused with a LaserError', async () => {
    await assert.rejects(job('x.png', new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 1, 2, 3])), (e: unknown) => e instanceof LaserError && e.code === 'image_invalid' && e.params.reason === 'image_corrupt');
    await assert.rejects(job('x.png', png(10, 10, () => true), { image: { widthMm: 700 } }), (e: unknown) => e instanceof LaserError && e.code === 'job_larger_than_work_area');
  });
});
