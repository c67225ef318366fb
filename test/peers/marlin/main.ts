// A simulated Marlin printer on a serial device, for trying the kiosk or the CLI by hand:
//   socat -d -d pty,raw,echo=0,link=/tmp/printer pty,raw,echo=0,link=/tmp/kiosk &
//   node --import tsx test/peers/marlin/main.ts --port /tmp/printer --advanced-ok --fault corrupt=0.01,drop-ok=0.005
// then point the kiosk (or `fabkiosk send FILE --port /tmp/kiosk --firmware marlin`) at the other end.
// Options: --port PATH  --baud N  --advanced-ok  --no-ok-after-resend  --no-flush  --wire-rate
//          --speed X (simulated time runs X times faster)  --fault k=v,...  with k among
//          seed, corrupt, drop-ok, reset-at, runaway-at-line, runaway-at-ms, resend-forever
import { scaledClock, realClock } from './clock';
import { attachMarlinSimulator } from './attach';
import type { MarlinFaults } from './simulator';

const args = process.argv.slice(2);
const value = (name: string): string | undefined => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? args[i + 1] : undefined;
};
const flag = (name: string): boolean => args.includes(`--${name}`);

const port = value('port');
if (!port) {
  process.stderr.write('usage: main.ts --port PATH [--advanced-ok] [--fault corrupt=0.01,drop-ok=0.005,seed=1]\n');
  process.exit(2);
}

const faults: MarlinFaults = {};
for (const pair of (value('fault') ?? '').split(',').filter(Boolean)) {
  const [k, v] = pair.split('=');
  const n = Number(v);
  if (!Number.isFinite(n)) {
    process.stderr.write(`bad fault value: ${pair}\n`);
    process.exit(2);
  }
  if (k === 'seed') faults.seed = n;
  else if (k === 'corrupt') faults.corruptRate = n;
  else if (k === 'drop-ok') faults.dropOkRate = n;
  else if (k === 'reset-at') faults.resetAtLine = n;
  else if (k === 'runaway-at-line') faults.thermalRunawayAtLine = n;
  else if (k === 'runaway-at-ms') faults.thermalRunawayAtMs = n;
  else if (k === 'resend-forever') faults.resendForeverLine = n;
  else {
    process.stderr.write(`unknown fault: ${k}\n`);
    process.exit(2);
  }
}

const speed = Number(value('speed') ?? 1);
const baud = Number(value('baud') ?? 115200);
const attached = await attachMarlinSimulator(port, {
  baudRate: baud,
  clock: speed === 1 ? realClock : scaledClock(speed),
  advancedOk: flag('advanced-ok'),
  okAfterResend: !flag('no-ok-after-resend'),
  flushOnError: !flag('no-flush'),
  ...(flag('wire-rate') ? { wireBaud: baud } : {}),
  faults,
});
process.stderr.write(`Marlin simulator on ${port}${flag('advanced-ok') ? ' (ADVANCED_OK)' : ''}\n`);

const stop = (): void => {
  const s = attached.sim.stats;
  process.stderr.write(
    `accepted ${s.accepted}, resend requests ${s.resendRequests}, corrupted ${s.corrupted}, oks dropped ${s.oksDropped}\n`,
  );
  void attached.close().then(() => process.exit(0));
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
