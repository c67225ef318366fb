import assert from 'node:assert/strict';
import { test } from 'node:test';
import { acceptFor, extensionOf, isImageName, routeOf } from './formats';

test('drawings and images go to the laser, models to a printer, G-code to the check', () => {
  assert.equal(routeOf('logo.SVG'), 'laser');
  assert.equal(routeOf('plan.dxf'), 'laser');
  assert.equal(routeOf('photo.jpeg'), 'laser');
  assert.equal(routeOf('piece.stl'), 'print');
  assert.equal(routeOf('piece.3MF'), 'print');
  assert.equal(routeOf('piece.obj'), 'print');
  assert.equal(routeOf('print.gcode'), 'gcode');
  assert.equal(routeOf('job.nc'), 'gcode');
});

test('anything else has no route, and the extension is read from the end only', () => {
  assert.equal(routeOf('photo.heic'), null);
  assert.equal(routeOf('README'), null);
  assert.equal(routeOf('archive.stl.zip'), null);
  assert.equal(extensionOf('a.b.STL '), 'stl');
});

test('the picker offers the formats of the routes asked for', () => {
  assert.equal(acceptFor(['print']), '.stl,.3mf,.obj');
  assert.ok(acceptFor(['laser', 'print']).includes('.jpeg'));
  assert.ok(!acceptFor(['laser', 'print']).includes('.gcode'));
  assert.ok(isImageName('x.PNG'));
  assert.ok(!isImageName('x.svg'));
});
