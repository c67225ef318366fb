// `fabkiosk ports` and `fabkiosk send FILE --port PATH --firmware grbl|marlin [--baud N] [--json]`:
// the drivers and the runner on their own, without the store (a bench, a test, a lab's admin at a
// terminal). Progress on stderr, the summary (or JSON) on stdout; Ctrl-C cancels the job cleanly.
import { existsSync, statSync } from 'node:fs';
import { parseArgs } from 'node:util';
import type { TFunction } from 'i18next';
import { createDriver, JobRun, listPorts, openSerial, syncLine, type Firmware, type Link } from '../../jobs/machines';
import { CliError } from './serve';

export async function portsCommand(args: string[], t: TFunction): Promise<number> {
  const { values } = parseArgs({ args, options: { json: { type: 'boolean', default: false } }, strict: true });
  const { ports, error } = await listPorts();
  if (values.json) {
    process.stdout.write(JSON.stringify({ ports, error }) + '\n');
    return 0;
  }
  if (error) process.stderr.write(t('ports.listError', { message: error }) + '\n');
  if (ports.length === 0) process.stdout.write(t('ports.none') + '\n');
  for (const p of ports) {
    const ids = p.vendorId ? `${p.vendorId}:${p.productId ?? '????'}` : '';
    process.stdout.write([p.path, ids, p.manufacturer ?? '', p.serialNumber ? `S/N ${p.serialNumber}` : ''].filter(Boolean).join('  ') + '\n');
  }
  return 0;
}

export async function sendCommand(args: string[], t: TFunction): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    strict: true,
    options: {
      port: { type: 'string' },
      firmware: { type: 'string' },
      baud: { type: 'string' },
      json: { type: 'boolean', default: false },
      timeout: { type: 'string' },
    },
  });
  const file = positionals[0];
  if (!file || positionals.length > 1 || !values.port || !values.firmware) throw new CliError('send.usage');
  if (values.firmware !== 'grbl' && values.firmware !== 'marlin') throw new CliError('send.badFirmware', { value: values.firmware });
  const firmware: Firmware = values.firmware;
  const baud = values.baud === undefined ? 115200 : Number(values.baud);
  if (!Number.isInteger(baud) || baud < 1200 || baud > 4_000_000) throw new CliError('send.badBaud', { value: values.baud ?? '' });
  if (!existsSync(file) || !statSync(file).isFile()) throw new CliError('fileNotFound', { path: file });
  const size = statSync(file).size;

  let link: Link;
  try {
    link = await openSerial(values.port, baud);
  } catch (err) {
    throw new CliError('send.cannotOpen', { port: values.port, message: err instanceof Error ? err.message : String(err) });
  }
  const driver = createDriver(firmware, link);
  const started = Date.now();
  try {
    const info = await driver.connect({ timeoutMs: values.timeout ? Number(values.timeout) * 1000 : 10_000 });
    process.stderr.write(t('send.connected', { firmware: info.firmware, version: info.version }) + '\n');
  } catch (err) {
    await driver.close().catch(() => {});
    throw new CliError('send.noFirmware', { port: values.port, message: err instanceof Error ? err.message : String(err) });
  }

  const run = new JobRun(driver, { path: file, syncLine: syncLine[firmware] }, { checkpoint: () => {} });
  let lastShown = 0;
  run.events.on('progress', (c) => {
    const now = Date.now();
    if (now - lastShown < 1000) return;
    lastShown = now;
    process.stderr.write(t('send.progress', { percent: Math.floor((c.acked.byte / Math.max(1, size)) * 100), line: c.acked.line }) + '\n');
  });
  const show = (m: { severity: string; raw: string; line?: number }) => {
    if (m.severity !== 'info') process.stderr.write(`${m.severity}: ${m.raw}${m.line ? ` (line ${m.line})` : ''}\n`);
  };
  run.events.on('message', show);
  driver.on('message', show);
  const onSigint = () => void run.cancel();
  process.once('SIGINT', onSigint);
  const result = await run.run();
  process.off('SIGINT', onSigint);
  await driver.close().catch(() => {});

  const summary = {
    outcome: result.outcome,
    reason: result.reason,
    linesSent: driver.stats.linesSent,
    linesAcked: driver.stats.linesAcked,
    resends: driver.stats.resends,
    errors: driver.stats.errors + result.checkpoint.errors,
    durationS: Math.round((Date.now() - started) / 100) / 10,
    lastAckedLine: result.checkpoint.acked.line,
    bytesSent: driver.stats.bytesSent,
  };
  if (values.json) process.stdout.write(JSON.stringify(summary) + '\n');
  else process.stdout.write(t('send.summary', { ...summary, outcome: t(`send.outcome.${result.outcome}`) }) + '\n');
  return result.outcome === 'completed' ? 0 : 1;
}

