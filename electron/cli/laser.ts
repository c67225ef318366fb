// `fabkiosk laser FILE --machine ID --material ID [-o OUT] [--x MM --y MM] [--frame OUT] [--json]`:
// a drawing (SVG, DXF) or an image (PNG, JPEG) to a Grbl laser program for a machine and a material of
// the lab's store, with the lab's presets. Progress on stderr; the report (or one JSON object) on
// stdout; a bad file or setting exits 2 with one translated line.
import { existsSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { basename, dirname, extname, join } from 'node:path';
import { parseArgs } from 'node:util';
import type { TFunction } from 'i18next';
import { cliTranslator } from './i18n';
import laserEn from '../../assets/i18n/laser/en.json';
import laserFr from '../../assets/i18n/laser/fr.json';
import type { MaterialProfile } from '../../jobs/gcode';
import { DEFAULT_LIMITS, LaserError, prepareLaserJob, type LaserFinding, type LaserJob } from '../../jobs/laser';
import { labMachine, labMaterial, withLabStore } from './lab-profiles';
import { duration, findingLines } from './report-lines';
import { CliError } from './serve';

/** Progress lines for files that take a while (or at a terminal); a bad small file gets its one error line only. */
const PROGRESS_MIN_BYTES = 512 * 1024;


/** One line for a LaserError, with its operation and setting names translated. */
export function laserErrorLine(e: LaserError, t: TFunction): string {
  const p: Record<string, string | number> = { ...e.params };
  if (typeof p.operation === 'string') p.operation = t(`operations.${p.operation}`, { ns: 'laser', defaultValue: p.operation });
  if (typeof p.param === 'string') p.param = t(`params.${p.param}`, { ns: 'laser', defaultValue: p.param });
  const context = e.code === 'image_invalid' && typeof e.params.reason === 'string' ? e.params.reason : undefined;
  return t(`errors.${e.code}`, { ns: 'laser', ...p, context, defaultValue: e.message });
}

function findingLine(f: LaserFinding, t: TFunction): string {
  const p: Record<string, string | number> = { ...f.params };
  if (typeof p.paint === 'string') p.paint = t(`paint.${p.paint}`, { ns: 'laser', defaultValue: p.paint });
  return t(`findings.${f.code}`, { ns: 'laser', ...p, defaultValue: f.message });
}

function number(option: string, value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value.replace(',', '.'));
  if (value.trim() === '' || !Number.isFinite(n)) throw new CliError('laser.badNumber', { option, value });
  return n;
}

export async function laserCommand(args: string[], env: NodeJS.ProcessEnv, lang: 'fr' | 'en'): Promise<number> {
  const t = cliTranslator(lang, { ns: 'laser', fr: laserFr, en: laserEn });
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    strict: true,
    options: {
      machine: { type: 'string' },
      material: { type: 'string' },
      output: { type: 'string', short: 'o' },
      x: { type: 'string' },
      y: { type: 'string' },
      frame: { type: 'string' },
      json: { type: 'boolean', default: false },
    },
  });
  const file = positionals[0];
  if (!file || positionals.length > 1 || !values.machine || !values.material) throw new CliError('laser.usage');
  if (!existsSync(file) || !statSync(file).isFile()) throw new CliError('fileNotFound', { path: file });
  const x = number('x', values.x);
  const y = number('y', values.y);
  if ((x === undefined) !== (y === undefined)) throw new CliError('laser.usage');

  const lab = await withLabStore(env, (store) => ({ machine: labMachine(store, values.machine!), material: labMaterial(store, values.material!) }));
  const machine = lab.machine.profile;
  const machineName = lab.machine.name;
  const material = lab.material;

  const output = values.output ?? join(dirname(file), `${basename(file, extname(file))}.gcode`);
  let job: LaserJob;
  try {
    const size = statSync(file).size;
    if (size > DEFAULT_LIMITS.maxFileBytes) throw new LaserError('file_too_large', { size, limit: DEFAULT_LIMITS.maxFileBytes });
    const progress = size >= PROGRESS_MIN_BYTES || process.stderr.isTTY === true;
    job = await prepareLaserJob({
      source: { name: basename(file), bytes: readFileSync(file) },
      machine,
      materialId: material.id ?? values.material,
      material,
      placement: x !== undefined && y !== undefined ? { xMm: x, yMm: y } : undefined,
      onProgress: progress ? (stage) => process.stderr.write(t(`laser.progress.${stage}`) + '\n') : undefined,
    });
  } catch (err) {
    if (err instanceof LaserError) {
      process.stderr.write(laserErrorLine(err, t) + '\n');
      return 2;
    }
    throw err;
  }
  writeAtomically(output, job.gcode);
  if (values.frame) writeAtomically(values.frame, [job.frame]);

  const findings = [
    ...job.findings.map((f) => ({ severity: f.severity, code: f.code, message: f.message, line: 0, params: f.params, source: 'laser' })),
    ...job.analysis.findings.map((f) => ({ ...f, source: 'gcode' })),
  ];
  if (values.json) {
    const a = job.analysis;
    process.stdout.write(
      JSON.stringify({
        output,
        durationS: a.durationS,
        bounds: a.bounds,
        findings,
        laserOnS: a.laserOnS,
        laserOnMm: a.laserOnMm,
        travelMm: a.travelMm,
        lines: job.lines,
        bytes: job.bytes,
        placement: job.placement,
        operations: job.operations,
        travel: job.travel,
        colors: job.colors,
        frame: values.frame ?? null,
      }) + '\n',
    );
  } else {
    process.stdout.write(report(job, basename(file), machineName, material, output, values.frame, t, lang) + '\n');
  }
  return 0;
}

/** Never leave half a program where a machine could pick it up. */
function writeAtomically(path: string, chunks: readonly string[]): void {
  const tmp = `${path}.${process.pid}.tmp`;
  writeFileSync(tmp, chunks.join(''));
  renameSync(tmp, path);
}

function report(job: LaserJob, file: string, machine: string, material: MaterialProfile, output: string, frame: string | undefined, t: TFunction, lang: 'fr' | 'en'): string {
  const locale = lang === 'fr' ? 'fr-FR' : 'en-GB';
  const num = (v: number, digits = 1) => new Intl.NumberFormat(locale, { maximumFractionDigits: digits }).format(v);
  const a = job.analysis;
  const lines = [t('laser.title', { file }), t('report.machine', { name: machine }), t('laser.material', { name: material.name ?? material.id ?? '?' })];
  for (const o of job.operations) {
    lines.push(
      t('laser.operation', {
        name: t(`operations.${o.operation}`, { ns: 'laser' }),
        paths: num(o.paths, 0),
        length: num(o.lengthMm / 1000, 2),
        power: num(o.powerPct, 0),
        speed: num(o.speedMmMin, 0),
        passes: o.passes,
      }),
    );
  }
  lines.push(t('report.duration', { duration: duration(a.durationS) }));
  lines.push(t('report.laser', { duration: duration(a.laserOnS), mm: num(a.laserOnMm / 1000, 2) }));
  const b = job.bounds;
  lines.push(t('laser.bounds', { x0: num(b.minX), x1: num(b.maxX), y0: num(b.minY), y1: num(b.maxY) }));
  if (job.travel.listedMm >= 10) lines.push(t('laser.travel', { listed: num(job.travel.listedMm / 1000, 2), optimised: num(job.travel.optimisedMm / 1000, 2) }));
  for (const f of job.findings) {
    lines.push(t('laser.finding', { severity: f.severity === 'info' ? t('laser.info') : t('severity.warning', { ns: 'findings' }), text: findingLine(f, t) }));
  }
  lines.push(...findingLines(a.findings, t));
  lines.push(t('laser.written', { output }));
  if (frame) lines.push(t('laser.frame', { output: frame }));
  return lines.join('\n');
}
