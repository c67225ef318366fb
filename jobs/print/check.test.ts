// Pre-sliced G-code checked against a printer of the lab and the material loaded: real slicer output
// passes, anything the engine calls an error refuses it, and so do temperatures beyond the material.
import assert from 'node:assert/strict';
import { createReadStream, existsSync, readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { fixture, fixturesDir } from '../../test/support/fixtures';
import { checkPresliced, checkPreslicedFile } from './check';
import { labMachine, labMaterial } from '../../test/support/lab-profiles';
import { rejectsAsync } from './mesh.testutil';

const skip = existsSync(fixturesDir) ? false : `fixtures not found at ${fixturesDir}`;
const enc = new TextEncoder();
const mk4 = labMachine('prusa-mk4');
const ender = labMachine('ender-3');
const pla = labMaterial('pla-175');

/** A tiny print: homing, heating, one extruded square at the given size. */
function square(size: number, nozzle = 210, bed = 60): Uint8Array {
  return enc.encode(
    [
      'G90',
      'M83',
      `M140 S${bed}`,
      `M104 S${nozzle}`,
      'G28',
      `M190 S${bed}`,
      `M109 S${nozzle}`,
      'G1 Z0.2 F600',
      'G1 X10 Y10 F6000',
      `G1 X${10 + size} Y10 E${size / 20} F1200`,
      `G1 X${10 + size} Y${10 + size} E${size / 20}`,
      `G1 X10 Y${10 + size} E${size / 20}`,
      'G1 X10 Y10 E1',
      'M104 S0',
      'M140 S0',
      '',
    ].join('\n'),
  );
}

describe('pre-sliced G-code', () => {
  it("real slicers' output for these printers is accepted as it is", { skip }, async () => {
    const prusa = await checkPreslicedFile(fixture('gcode/fdm/prusaslicer-2.6.1-changing_angle.gcode'), { machine: mk4, material: pla });
    assert.equal(prusa.accepted, true, JSON.stringify(prusa.findings));
    assert.equal(prusa.analysis.layers, 75);
    const cura = await checkPresliced(createReadStream(fixture('gcode/fdm/cura-2.3.1-puzzle_all.gcode')), { machine: ender, material: pla });
    assert.equal(cura.accepted, true, JSON.stringify(cura.findings));
    assert.ok(cura.analysis.filamentMm > 0);
  });

  it('a print larger than the bed is refused (outside_work_area), the same print smaller is not', async () => {
    const small = await checkPresliced([square(100)], { machine: ender, material: pla });
    assert.equal(small.accepted, true, JSON.stringify(small.findings));
    const big = await checkPresliced([square(230)], { machine: ender, material: pla });
    assert.equal(big.accepted, false);
    assert.deepEqual(big.errors.map((f) => [f.code, f.params.axis]), [['outside_work_area', 'x'], ['outside_work_area', 'y']]);
    // The MK4 is 250 wide: the same file fits along X there, not along Y (210).
    const onMk4 = await checkPresliced([square(230)], { machine: mk4, material: pla });
    assert.deepEqual(onMk4.errors.map((f) => f.params.axis), ['y']);
  });

  it("temperatures beyond the loaded material's limits refuse the job (a PETG file on the PLA spool)", async () => {
    const petgFile = square(50, 240, 85);
    const r = await checkPresliced([petgFile], { machine: mk4, material: pla });
    assert.equal(r.accepted, false);
    assert.deepEqual(r.errors.map((f) => [f.code, f.params.value, f.params.limit, f.params.source]).sort(), [
      ['bed_temp_above_limit', 85, 65, 'material'],
      ['nozzle_temp_above_limit', 240, 230, 'material'],
    ]);
    assert.equal((await checkPresliced([petgFile], { machine: mk4, material: labMaterial('petg-175') })).accepted, true);
    const lenient = await checkPresliced([petgFile], { machine: mk4, material: pla, materialLimits: 'warn' });
    assert.equal(lenient.accepted, true);
    assert.equal(lenient.findings.length, 2);
    // Beyond the printer's own limit it is an error whatever the material.
    const hot = await checkPresliced([square(50, 300)], { machine: mk4, material: labMaterial('petg-175'), materialLimits: 'warn' });
    assert.deepEqual(hot.errors.map((f) => [f.code, f.params.source]), [['nozzle_temp_above_limit', 'machine']]);
  });

  it('a laser job, a file without homing, an oversized file: refused', { skip }, async () => {
    const laser = await checkPreslicedFile(fixture('gcode/laser/t2laser-raster-snippet.nc'), { machine: mk4, material: pla });
    assert.equal(laser.accepted, false);
    assert.ok(laser.errors.some((f) => f.code === 'laser_on_printer'));
    const noHome = await checkPresliced([enc.encode('M104 S210\nM109 S210\nG1 X10 Y10 Z0.2 E1 F600\n')], { machine: mk4, material: pla });
    assert.ok(noHome.errors.some((f) => f.code === 'no_homing'));
    const big = readFileSync(fixture('gcode/fdm/prusaslicer-2.6.1-changing_angle.gcode'));
    const cut = await checkPresliced([big], { machine: mk4, material: pla, maxBytes: 10_000 });
    assert.ok(cut.errors.some((f) => f.code === 'file_too_large'));
  });

  it('only printers take print jobs', async () => {
    await rejectsAsync(checkPresliced([square(10)], { machine: labMachine('laser-co2') }), 'machine_not_printer');
  });
});
