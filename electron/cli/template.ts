// `fabkiosk template [NAME [key=value ...] -o OUT] [--json]`: builds a beginner project (jobs/templates)
// and writes its SVG (laser) or STL (print). Without a name, lists the templates and their parameters.
// A bad name or value: one translated line on stderr and exit code 2.
import { writeFileSync } from 'node:fs';
import { extname, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import i18next, { type TFunction } from 'i18next';
import { buildTemplate, findTemplate, listTemplates, TemplateError, type ParamInfo, type TemplateInfo } from '../../jobs/templates';
import templatesEn from '../../assets/i18n/templates/en.json';
import templatesFr from '../../assets/i18n/templates/fr.json';
import { CliError } from './serve';

type Lang = 'fr' | 'en';

function templatesTranslator(lng: Lang): TFunction {
  const instance = i18next.createInstance();
  void instance.init({
    lng,
    fallbackLng: 'fr',
    initAsync: false,
    resources: { fr: { translation: templatesFr }, en: { translation: templatesEn } },
    interpolation: { escapeValue: false },
  });
  return instance.t;
}

const formatter = (lang: Lang) => new Intl.NumberFormat(lang === 'fr' ? 'fr-FR' : 'en-GB', { maximumFractionDigits: 2, useGrouping: false });

function paramLine(p: ParamInfo, t: TFunction, tt: TFunction, num: (v: number) => string): string {
  const label = tt(p.labelKey);
  const unit = p.unit ? tt(`units.${p.unit}`) : '';
  let detail: string;
  switch (p.type) {
    case 'number':
    case 'integer':
      detail = t('template.list.range', { min: num(p.min), max: num(p.max), unit });
      break;
    case 'string':
      detail = t('template.list.text', { min: p.min, max: p.max });
      break;
    case 'boolean':
      detail = t('template.list.boolean');
      break;
    case 'choice':
      detail = p.choices.map((c) => `${c} = ${tt(p.choiceKeys?.[c] ?? c)}`).join(', ');
      break;
  }
  // As one would type it in a shell: a dot for decimals, quotes only around text with spaces.
  const value = typeof p.default === 'string' && (p.default === '' || /\s/.test(p.default)) ? JSON.stringify(p.default) : String(p.default);
  return `    ${`${p.key}=${value}`.padEnd(26)} ${label} (${detail})`;
}

function listing(templates: TemplateInfo[], t: TFunction, tt: TFunction, lang: Lang): string {
  const num = (v: number) => formatter(lang).format(v);
  const lines = [t('template.list.title'), ''];
  for (const tpl of templates) {
    lines.push(`  ${tpl.id} — ${tt(tpl.nameKey)} · ${tpl.outputs.map((o) => tt(`outputs.${o}`)).join(' / ')}`);
    for (const p of tpl.params) lines.push(paramLine(p, t, tt, num));
    lines.push('');
  }
  return lines.join('\n').trimEnd();
}

/** The translated sentence of a template error, numbers written the local way. */
export function templateErrorMessage(err: TemplateError, lang: Lang): string {
  const tt = templatesTranslator(lang);
  const num = formatter(lang);
  const params: Record<string, string> = {};
  for (const [k, v] of Object.entries(err.params)) params[k] = typeof v === 'number' ? num.format(v) : v;
  if (err.params.unit) params.unit = tt(`units.${err.params.unit}`);
  if (err.params.edge) params.edge = tt(`edges.${err.params.edge}`);
  return tt(`errors.${err.code}`, params);
}

export async function templateCommand(args: string[], t: TFunction, lang: Lang): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    strict: true,
    options: { output: { type: 'string', short: 'o' }, json: { type: 'boolean', default: false } },
  });
  const tt = templatesTranslator(lang);
  const [name, ...assignments] = positionals;
  if (!name) {
    const templates = listTemplates();
    if (values.json) {
      const named = templates.map((tpl) => ({
        ...tpl,
        name: tt(tpl.nameKey),
        description: tt(tpl.descriptionKey),
        params: tpl.params.map((p) => ({ ...p, label: tt(p.labelKey), help: tt(p.helpKey) })),
      }));
      process.stdout.write(JSON.stringify({ templates: named }) + '\n');
    } else {
      process.stdout.write(listing(templates, t, tt, lang) + '\n');
    }
    return 0;
  }
  const template = findTemplate(name);
  if (!template) throw new CliError('template.unknown', { name, known: listTemplates().map((x) => x.id).join(', ') });

  const params: Record<string, string> = {};
  for (const a of assignments) {
    const m = /^([A-Za-z][\w-]*)=([\s\S]*)$/.exec(a);
    if (!m) throw new CliError('template.badArgument', { arg: a });
    if (m[1]! in params) throw new CliError('template.duplicate', { key: m[1]! });
    params[m[1]!] = m[2]!;
  }
  if (!values.output) throw new CliError('template.noOutput');

  let result;
  try {
    result = buildTemplate(template.id, params);
  } catch (err) {
    if (err instanceof TemplateError) throw new CliError('template.refused', { name: template.id, message: templateErrorMessage(err, lang) });
    throw err;
  }
  const ext = result.kind === 'laser' ? '.svg' : '.stl';
  if (extname(values.output).toLowerCase() !== ext) throw new CliError('template.wrongExtension', { path: values.output, ext });
  const output = resolve(values.output);
  try {
    writeFileSync(output, result.kind === 'laser' ? result.svg : result.stl);
  } catch (err) {
    throw new CliError('template.cannotWrite', { path: output, message: err instanceof Error ? err.message : String(err) });
  }
  if (values.json) {
    const extra = result.kind === 'laser' ? { parts: result.parts.map((p) => p.id) } : { triangles: result.triangles };
    process.stdout.write(
      JSON.stringify({ output, kind: result.kind, template: template.id, bounds: result.bounds, dimensions: result.dimensions, params: result.params, ...extra }) + '\n',
    );
  } else {
    const num = formatter(lang);
    const { min, max } = result.bounds;
    const size = [max.x - min.x, max.y - min.y, ...(result.kind === 'print' ? [max.z - min.z] : [])].map((v) => num.format(v)).join(' × ');
    process.stdout.write(t('template.written', { name: tt(template.nameKey), format: ext.slice(1).toUpperCase(), path: output, size }) + '\n');
  }
  return 0;
}
