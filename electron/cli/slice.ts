// `fabkiosk slice FILE --machine ID --material ID [--quality draft|normal|fine] [--supports] [--infill N]
// [--brim] [--lay-flat] [-o OUT] [--json]`: a 3D model (STL, 3MF, OBJ) sliced by PrusaSlicer on the lab's
// locked profiles for a printer and a material of the store, the G-code then checked by the engine.
// Progress on stderr; the report (or one JSON object) on stdout; a bad file or choice exits 2 with one
// translated line. Ctrl-C stops the slicer.
import { existsSync, statSync } from 'node:fs';
import { basename, dirname, extname, join } from 'node:path';
import { parseArgs } from 'node:util';
import type { TFunction } from 'i18next';
import { cliTranslator } from './i18n';
import printEn from '../../assets/i18n/print/en.json';
import printFr from '../../assets/i18n/print/fr.json';
import type { MaterialProfile } from '../../jobs/gcode';
import { PrintError, sliceChoices, sliceFile, type SliceResult, type SliceStage } from '../../jobs/print';
import { labMachine, labMaterial, withLabStore } from './lab-profiles';
import { duration, findingLines } from './report-lines';
import { CliError } from './serve';


/** One line for a PrintError (its `context` param picks the more specific sentence). */
export function printErrorLine(e: PrintError, t: TFunction): string {
  return t(e.code, { ns: 'print', ...e.params, defaultValue: e.message });
}

export async function sliceCommand(args: string[], env: NodeJS.ProcessEnv, lang: 'fr' | 'en', appRoot: string): Promise<number> {
  const t = cliTranslator(lang, { ns: 'print', fr: printFr, en: printEn });
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    strict: true,
    options: {
      machine: { type: 'string' },
      material: { type: 'string' },
      quality: { type: 'string' },
      supports: { type: 'boolean', default: false },
      infill: { type: 'string' },
      brim: { type: 'boolean', default: false },
      'lay-flat': { type: 'boolean', default: false },
      output: { type: 'string', short: 'o' },
      json: { type: 'boolean', default: false },
    },
  });
  const file = positionals[0];
  if (!file || positionals.length > 1 || !values.machine || !values.material) throw new CliError('slice.usage');
  if (!existsSync(file) || !statSync(file).isFile()) throw new CliError('fileNotFound', { path: file });

  const lab = await withLabStore(env, (store) => ({ machine: labMachine(store, values.machine!), material: labMaterial(store, values.material!) }));
  const machine = lab.machine.profile;
  const machineName = lab.machine.name;
  const material = lab.material;

  const output = values.output ?? join(dirname(file), `${basename(file, extname(file))}.gcode`);
  const abort = new AbortController();
  const onSigint = (): void => abort.abort();
  process.once('SIGINT', onSigint);
  let lastPercent = -1;
  let lastStage: SliceStage | null = null;
  let result: SliceResult & { triangles: number };
  try {
    result = await sliceFile(file, {
      machine,
      material,
      choices: sliceChoices({ quality: values.quality, supports: values.supports, infillPercent: values.infill, brim: values.brim }),
      layFlat: values['lay-flat'],
      profilesDir: join(appRoot, 'assets', 'profiles'),
      slicerPath: env.FABKIOSK_SLICER || undefined,
      output,
      signal: abort.signal,
      onProgress: (fraction, stage) => {
        const percent = Math.floor(fraction * 100);
        // A line per stage and per 10 %: enough to see it move, not a flood.
        if (stage === lastStage && Math.floor(percent / 10) === Math.floor(lastPercent / 10)) return;
        lastPercent = percent;
        lastStage = stage;
        process.stderr.write(t('slice.progress', { percent, stage: t(`slice.stage.${stage}`) }) + '\n');
      },
    });
  } catch (err) {
    if (err instanceof PrintError) {
      process.stderr.write(printErrorLine(err, t) + '\n');
      return 2;
    }
    throw err;
  } finally {
    process.removeListener('SIGINT', onSigint);
  }

  if (values.json) {
    process.stdout.write(
      JSON.stringify({
        output: result.output,
        durationS: result.durationS,
        bounds: { min: result.bounds.min, max: result.bounds.max },
        filamentMm: result.filamentMm,
        filamentG: result.filamentG,
        findings: result.findings.map((f) => ({ severity: f.severity, code: f.code, message: f.message, line: f.line, params: f.params })),
        slicerEstimateS: result.slicerEstimateS,
        slicerFilamentMm: result.slicerFilamentMm,
        slicerFilamentG: result.slicerFilamentG,
        accepted: result.accepted,
        layers: result.layers,
        bytes: result.bytes,
        triangles: result.triangles,
        modelBounds: result.modelBounds,
        choices: result.choices,
        machine: machine.id,
        material: material.id,
      }) + '\n',
    );
  } else {
    process.stdout.write(report(result, basename(file), machineName, material, t, lang) + '\n');
  }
  return 0;
}

function report(r: SliceResult & { triangles: number }, file: string, machine: string, material: MaterialProfile, t: TFunction, lang: 'fr' | 'en'): string {
  const locale = lang === 'fr' ? 'fr-FR' : 'en-GB';
  const num = (v: number, digits = 1) => new Intl.NumberFormat(locale, { maximumFractionDigits: digits }).format(v);
  const m = r.modelBounds;
  const lines = [
    t('slice.title', { file }),
    t('report.machine', { name: machine }),
    t('slice.material', { name: material.name ?? material.id ?? '?' }),
    t('slice.choices', {
      quality: t(`slice.quality.${r.choices.quality}`),
      infill: r.choices.infillPercent,
      supports: t(r.choices.supports ? 'slice.on' : 'slice.off'),
      brim: t(r.choices.brim ? 'slice.on' : 'slice.off'),
    }),
    t('slice.model', { x: num(m.max.x - m.min.x), y: num(m.max.y - m.min.y), z: num(m.max.z - m.min.z), triangles: num(r.triangles, 0) }),
    t('report.layers', { layers: num(r.layers, 0) }),
    t('report.duration', { duration: duration(r.durationS) }),
  ];
  if (r.slicerEstimateS !== null) lines.push(t('report.slicer', { name: 'PrusaSlicer', duration: duration(r.slicerEstimateS) }));
  lines.push(t('report.filament', { mm: num(r.filamentMm / 1000, 2), g: num(r.filamentG, 1) }));
  lines.push(...findingLines(r.findings, t));
  lines.push(t('slice.written', { output: r.output }));
  lines.push(r.accepted ? t('slice.accepted') : t('report.refused', { count: r.errors.length }));
  return lines.join('\n');
}
