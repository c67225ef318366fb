// Beginner templates: the cores' schemas as the screens read them, and a build stored as a file that
// then goes to the laser (SVG) or print (STL) screen like any file the maker brought.
import { buildTemplate, listTemplates, type ParamInfo, type TemplateInfo as CoreInfo } from '../../../jobs/templates';
import type { Caller } from '../../api/dispatcher';
import type { BuiltTemplate, TemplateInfo, TemplateParam } from '../../api/models';
import type { PrepareDeps } from './context';
import { preparing } from './errors';

const operationColour = { cut: '#ff0000', score: '#0000ff', engrave: '#000000' } as const;

function toParam(p: ParamInfo): TemplateParam {
  const base = { key: p.key, labelKey: p.labelKey };
  switch (p.type) {
    case 'number':
    case 'integer':
      return { ...base, type: p.type, ...(p.unit ? { unit: p.unit } : {}), min: p.min, max: p.max, step: p.step, default: p.default };
    case 'string':
      return { ...base, type: 'text', min: p.min, maxLength: p.max, default: p.default };
    case 'boolean':
      return { ...base, type: 'boolean', default: p.default };
    case 'choice':
      return { ...base, type: 'choice', choices: p.choices.map((value) => ({ value, labelKey: p.choiceKeys?.[value] ?? value })), default: p.default };
  }
}

function toInfo(t: CoreInfo): TemplateInfo {
  return {
    id: t.id,
    kind: t.outputs.length > 1 ? 'either' : (t.outputs[0] ?? 'laser'),
    nameKey: t.nameKey,
    descriptionKey: t.descriptionKey,
    params: t.params.map(toParam),
  };
}

export function templateList(): TemplateInfo[] {
  return listTemplates().map(toInfo);
}

export function buildStoredTemplate(d: PrepareDeps, caller: Caller, id: string, params: Record<string, number | string | boolean>): Promise<BuiltTemplate> {
  return preparing(() => {
    const r = buildTemplate(id, params);
    const label = Object.values(r.params).find((v) => typeof v === 'string' && v.trim() !== '' && !['laser', 'print'].includes(v));
    const name = `${id}${label ? `-${String(label).replace(/[^\p{L}\p{N}]+/gu, '_').slice(0, 24)}` : ''}`;
    if (r.kind === 'laser') {
      const file = d.uploads.storeGenerated(`${name}.svg`, new TextEncoder().encode(r.svg), caller.memberId);
      const outline = r.preview.polylines.map((p) => ({ colour: operationColour[p.operation], closed: p.closed, points: Array.from(p.points, round2) }));
      return { id, kind: 'laser', file, bounds: r.bounds, preview: { outline } };
    }
    const file = d.uploads.storeGenerated(`${name}.stl`, r.stl, caller.memberId);
    const positions = Buffer.from(r.preview.positions.buffer, r.preview.positions.byteOffset, r.preview.positions.byteLength).toString('base64');
    return { id, kind: 'print', file, bounds: r.bounds, preview: { positions } };
  });
}

const round2 = (v: number): number => Math.round(v * 100) / 100;
