import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { TemplateParam } from '../../electron/api/types';
import { buildPayload, clampNumber, clippedText, initialValues, parseNumber, problemsOf, stepped, valuesKey } from './params';

const diameter: TemplateParam = { key: 'diameter', type: 'number', labelKey: 'x', unit: 'mm', min: 60, max: 120, step: 0.5, default: 90 };
const sides: TemplateParam = { key: 'sides', type: 'integer', labelKey: 'x', min: 3, max: 12, step: 1, default: 6 };
const name: TemplateParam = { key: 'name', type: 'text', labelKey: 'x', maxLength: 12, min: 1, default: 'Léa' };
const lid: TemplateParam = { key: 'lid', type: 'boolean', labelKey: 'x', default: true };
const shape: TemplateParam = { key: 'shape', type: 'choice', labelKey: 'x', choices: [{ value: 'round', labelKey: 'r' }, { value: 'square', labelKey: 's' }], default: 'round' };
const all = [diameter, sides, name, lid, shape];

test('the form starts from the defaults', () => {
  assert.deepEqual(initialValues(all), { diameter: 90, sides: 6, name: 'Léa', lid: true, shape: 'round' });
});

test('numbers typed the French way or the English way', () => {
  assert.equal(parseNumber('3,5'), 3.5);
  assert.equal(parseNumber(' 12 '), 12);
  assert.equal(parseNumber('1 200'), 1200);
  assert.equal(parseNumber('.5'), 0.5);
  assert.equal(parseNumber('12mm'), null);
  assert.equal(parseNumber(''), null);
  assert.equal(parseNumber('1,2,3'), null);
});

test('numbers are held to their range and their steps; integers stay whole', () => {
  assert.equal(clampNumber(diameter, 200), 120);
  assert.equal(clampNumber(diameter, 10), 60);
  assert.equal(clampNumber(diameter, 90.3), 90.5);
  assert.equal(clampNumber(sides, 4.6), 5);
  assert.equal(clampNumber(diameter, Number.NaN), 90);
});

test('steppers move by one step and stop at the limits', () => {
  assert.equal(stepped(diameter, 90, 1), 90.5);
  assert.equal(stepped(diameter, 120, 1), 120);
  assert.equal(stepped(sides, 3, -1), 3);
  assert.equal(stepped(sides, 'x', 1), 7, 'a broken value restarts from the default');
});

test('text is cut at its length, characters counted as people count them', () => {
  assert.equal(clippedText(name, 'Anne-Sophie Martin'), 'Anne-Sophie ');
  assert.equal(clippedText({ ...name, maxLength: 3 }, 'éèà€'), 'éèà');
});

test('problems name the parameter and the rule', () => {
  assert.deepEqual(problemsOf(all, initialValues(all)), []);
  assert.deepEqual(problemsOf(all, { ...initialValues(all), name: '  ' }), [{ key: 'name', rule: 'empty' }]);
  assert.deepEqual(problemsOf(all, { ...initialValues(all), diameter: 500 }), [{ key: 'diameter', rule: 'out_of_range', min: 60, max: 120 }]);
  assert.deepEqual(problemsOf(all, { ...initialValues(all), sides: Number.NaN }), [{ key: 'sides', rule: 'not_number' }]);
});

test('the payload has every parameter, text trimmed; equal values give the same key', () => {
  assert.deepEqual(buildPayload(all, { name: ' Léo ' }), { diameter: 90, sides: 6, name: 'Léo', lid: true, shape: 'round' });
  assert.equal(valuesKey({ a: 1, b: 'x' }), valuesKey({ b: 'x', a: 1 }));
  assert.notEqual(valuesKey({ a: 1 }), valuesKey({ a: 2 }));
});
