// Every error and finding code has its French and English sentence, with the same placeholders.
import assert from 'node:assert/strict';
import { it } from 'node:test';
import en from '../../assets/i18n/laser/en.json';
import fr from '../../assets/i18n/laser/fr.json';
import type { LaserErrorCode } from './errors';
import type { LaserFindingCode } from './findings';
import { OPERATION_KINDS } from './presets/schema';

// Records over the unions: the type checker fails when a code is added without being listed here.
const errors: Record<LaserErrorCode, true> = {
  file_too_large: true, unsupported_format: true, svg_invalid_xml: true, svg_not_svg: true, svg_entities: true, svg_script: true,
  svg_external_reference: true, svg_too_deep: true, dxf_invalid: true, dxf_binary: true, too_many_paths: true, too_many_points: true,
  empty_job: true, job_outside_work_area: true, job_larger_than_work_area: true, machine_not_laser: true, no_presets: true,
  param_out_of_limits: true, presets_invalid: true, bad_option: true, image_invalid: true,
};
const findings: Record<LaserFindingCode, true> = {
  svg_text_not_paths: true, svg_image_ignored: true, svg_no_physical_size: true, svg_unsupported_paint: true, svg_invalid_values: true,
  unmapped_color: true, duplicate_paths_removed: true, open_cut_path: true, kerf_too_large_for_hole: true, fill_open_shape: true,
  dxf_unsupported_entity: true, dxf_units_assumed: true, dxf_bad_spline: true,
};

const placeholders = (s: string) => [...s.matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1]).sort();

it('errors, findings (with plural forms where they count), operations: in French and English alike', () => {
  for (const [lang, bundle] of [['fr', fr], ['en', en]] as const) {
    const e = bundle.errors as Record<string, string>;
    const f = bundle.findings as Record<string, string>;
    for (const code of Object.keys(errors)) assert.ok(e[code], `${lang} errors.${code}`);
    for (const code of Object.keys(findings)) assert.ok(f[code] || (f[`${code}_one`] && f[`${code}_other`]), `${lang} findings.${code}`);
    for (const op of [...OPERATION_KINDS, 'raster', 'ignore']) assert.ok((bundle.operations as Record<string, string>)[op], `${lang} operations.${op}`);
  }
  for (const section of ['errors', 'findings', 'operations', 'params', 'paint'] as const) {
    const a = fr[section] as Record<string, string>;
    const b = en[section] as Record<string, string>;
    assert.deepEqual(Object.keys(a).sort(), Object.keys(b).sort(), section);
    for (const k of Object.keys(a)) assert.deepEqual(placeholders(a[k]!), placeholders(b[k]!), `${section}.${k}`);
  }
});
