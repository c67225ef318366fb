// Parameter values as people type them: numbers from the UI, strings from the command line, French decimals.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { TemplateError } from './errors';
import { bool, choice, describeParams, int, num, resolveParams, text } from './params';

const SPEC = [
  num('width', { unit: 'mm', min: 10, max: 100, step: 0.5, default: 50 }),
  int('teeth', { min: 8, max: 80, default: 20 }),
  bool('lid', true),
  choice('shape', ['round', 'square'], 'round'),
  text('label', { min: 1, max: 8, default: 'Léa' }),
] as const;

const codeOf = (raw: Record<string, unknown>) => {
  try {
    resolveParams(SPEC, raw);
    return 'ok';
  } catch (e) {
    assert.ok(e instanceof TemplateError);
    return e.code;
  }
};

describe('parameters', () => {
  it('fills defaults and keeps the types', () => {
    const v = resolveParams(SPEC, {});
    assert.deepEqual(v, { width: 50, teeth: 20, lid: true, shape: 'round', label: 'Léa' });
    const typed: { width: number; teeth: number; lid: boolean; shape: 'round' | 'square'; label: string } = v;
    assert.ok(typed);
  });

  it('reads command-line strings, with a dot or a French comma', () => {
    assert.deepEqual(resolveParams(SPEC, { width: '12,5', teeth: '9', lid: 'non', shape: ' square ', label: '  Zoé ' }), {
      width: 12.5,
      teeth: 9,
      lid: false,
      shape: 'square',
      label: 'Zoé',
    });
    assert.equal(resolveParams(SPEC, { width: '+99.5' }).width, 99.5);
    for (const yes of ['true', '1', 'yes', 'oui', 'ON']) assert.equal(resolveParams(SPEC, { lid: yes }).lid, true);
    for (const no of ['false', '0', 'no', 'non', 'off']) assert.equal(resolveParams(SPEC, { lid: no }).lid, false);
  });

  it('refuses what is not a value of the right kind, naming the parameter and the limits', () => {
    assert.equal(codeOf({ width: '12 mm' }), 'not_a_number');
    assert.equal(codeOf({ width: '1e2' }), 'not_a_number');
    assert.equal(codeOf({ width: '' }), 'not_a_number');
    assert.equal(codeOf({ width: Infinity }), 'not_a_number');
    assert.equal(codeOf({ width: true }), 'not_a_number');
    assert.equal(codeOf({ teeth: 9.5 }), 'not_an_integer');
    assert.equal(codeOf({ lid: 'perhaps' }), 'not_a_boolean');
    assert.equal(codeOf({ shape: 'Round' }), 'bad_choice');
    assert.equal(codeOf({ label: 42 }), 'text_bad_characters');
    assert.equal(codeOf({ height: 3 }), 'unknown_parameter');
    try {
      resolveParams(SPEC, { width: '100,5' });
      assert.fail('accepted');
    } catch (e) {
      assert.ok(e instanceof TemplateError);
      assert.deepEqual([e.code, e.params], ['out_of_range', { param: 'width', value: 100.5, min: 10, max: 100, unit: 'mm' }]);
      assert.match(e.message, /width.*100\.5mm.*10 to 100mm/);
    }
    assert.equal(codeOf({ width: 10 }), 'ok', 'limits are inclusive');
    assert.equal(codeOf({ width: 100 }), 'ok');
  });

  it('describes each parameter with the keys of its translated texts', () => {
    const info = describeParams('coaster', SPEC);
    assert.equal(info[0]!.labelKey, 'coaster.params.width.label');
    assert.equal(info[0]!.helpKey, 'coaster.params.width.help');
    assert.deepEqual(info[3]!.choiceKeys, { round: 'coaster.params.shape.choices.round', square: 'coaster.params.shape.choices.square' });
    assert.deepEqual(
      info.map((p) => [p.key, p.type, p.unit]),
      [
        ['width', 'number', 'mm'],
        ['teeth', 'integer', null],
        ['lid', 'boolean', null],
        ['shape', 'choice', null],
        ['label', 'string', null],
      ],
    );
  });
});
