// `fabkiosk analyze FILE [--machine ID] [--material ID] [--json]`: the G-code engine on a file, checked
// against a machine of the lab's store. JSON on stdout, progress on stderr.
import { createReadStream, existsSync, statSync } from 'node:fs';
import { basename } from 'node:path';
import { parseArgs } from 'node:util';
import type { TFunction } from 'i18next';
import { analyzeGcode, type Analysis, type AnalyzeOptions } from '../../jobs/gcode';
import { READ_CHUNK_BYTES, withPlannerThread } from '../../jobs/gcode/file';
import { labMachine, labMaterial, withLabStore } from './lab-profiles';
import { duration, findingLines } from './report-lines';
import { CliError } from './serve';

export async function analyzeCommand(args: string[], env: NodeJS.ProcessEnv, t: TFunction, lang: 'fr' | 'en'): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: { machine: { type: 'string' }, material: { type: 'string' }, json: { type: 'boolean', default: false } },
  });
  const file = positionals[0];
  if (!file || positionals.length > 1) throw new CliError('analyzeUsage');
  if (!existsSync(file) || !statSync(file).isFile()) throw new CliError('fileNotFound', { path: file });

  const opts: AnalyzeOptions = {};
  let machineName: string | null = null;
  if (values.machine || values.material) {
    await withLabStore(env, (store) => {
      if (values.machine) {
        const machine = labMachine(store, values.machine);
        opts.machine = machine.profile;
        machineName = machine.name;
      }
      if (values.material) opts.material = labMaterial(store, values.material);
    });
  }

  const size = statSync(file).size;
  const analysis = await analyzeGcode(readWithProgress(file, size, t), await withPlannerThread(opts, size));
  if (values.json) {
    process.stdout.write(JSON.stringify(analysis) + '\n');
  } else {
    process.stdout.write(report(analysis, basename(file), machineName, t, lang) + '\n');
  }
  return 0;
}

/** Reads the file in 1 MiB chunks; a big one reports its progress on stderr every 10 %. */
async function* readWithProgress(file: string, size: number, t: TFunction): AsyncGenerator<Uint8Array> {
  const report = size >= 20 * 1024 * 1024;
  let read = 0;
  let lastStep = 0;
  for await (const chunk of createReadStream(file, { highWaterMark: READ_CHUNK_BYTES })) {
    read += (chunk as Buffer).length;
    const step = Math.floor((read / size) * 10);
    if (report && step > lastStep) {
      lastStep = step;
      process.stderr.write(t('progress', { percent: step * 10 }) + '\n');
    }
    yield chunk as Buffer;
  }
}

function report(a: Analysis, file: string, machine: string | null, t: TFunction, lang: 'fr' | 'en'): string {
  const locale = lang === 'fr' ? 'fr-FR' : 'en-GB';
  const num = (v: number, digits = 1) => new Intl.NumberFormat(locale, { maximumFractionDigits: digits }).format(v);
  const lines = [t('report.title', { file })];
  if (machine) lines.push(t('report.machine', { name: machine }));
  lines.push(t('report.lines', { lines: num(a.lines, 0), size: `${num(a.bytes / 1048576, 1)} Mo`.replace('Mo', lang === 'fr' ? 'Mo' : 'MB') }));
  if (a.layers > 0) lines.push(t('report.layers', { layers: num(a.layers, 0) }));
  lines.push(t('report.duration', { duration: duration(a.durationS) }));
  if (a.slicer.estimatedS !== null && !a.slicer.placeholders) {
    lines.push(t('report.slicer', { name: a.slicer.name ?? '?', duration: duration(a.slicer.estimatedS) }));
  }
  if (a.filamentMm > 0) lines.push(t('report.filament', { mm: num(a.filamentMm / 1000, 2), g: num(a.filamentG, 1) }));
  if (a.laserOnS > 0) lines.push(t('report.laser', { duration: duration(a.laserOnS), mm: num(a.laserOnMm / 1000, 2) }));
  if (!a.bounds.empty) {
    const { min, max } = a.bounds;
    lines.push(t('report.bounds', { x0: num(min.x), x1: num(max.x), y0: num(min.y), y1: num(max.y), z0: num(min.z), z1: num(max.z) }));
  }
  lines.push(...findingLines(a.findings, t));
  const errors = a.findings.filter((f) => f.severity === 'error').length;
  lines.push(errors > 0 ? t('report.refused', { count: errors }) : a.findings.length === 0 ? t('report.noFindings') : '');
  return lines.filter(Boolean).join('\n');
}
