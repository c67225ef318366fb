// A simulated Grbl 1.1h on a serial device path (one end of a socat pty pair), for trying the kiosk or the
// `fabkiosk send` command by hand:
//
//   socat -d -d pty,raw,echo=0,link=/tmp/grbl pty,raw,echo=0,link=/tmp/ttyLASER &
//   node --import tsx test/peers/grbl/main.ts --port /tmp/grbl --baud-delay --fault alarm@120:1
//
// Options: --port PATH (required)  --baud N (default 115200)  --baud-delay (wire-rate emulation)
//   --time-scale N  --setting ID=VALUE (repeatable)  --silent-start (no greeting until a reset)
//   --fault alarm@LINE[:CODE]  --fault reset@LINE  --fault drop-ok@LINE  --fault corrupt=RATE[:SEED]
//   --fault homing-alarm=CODE
// Prints its statistics as JSON on stdout when stopped (Ctrl-C) or when the port goes away.
import { attachGrbl } from './attach';
import type { GrblFaults, GrblSimulatorOptions } from './simulator';

function fail(message: string): never {
  process.stderr.write(`grbl simulator: ${message}\n`);
  process.exit(2);
}

function num(text: string | undefined, what: string): number {
  const n = Number(text);
  if (text === undefined || text === '' || !Number.isFinite(n)) fail(`${what}: "${text ?? ''}" is not a number`);
  return n;
}

export function parseArgs(argv: string[]): { port: string; options: GrblSimulatorOptions & { baudRate: number } } {
  let port = '';
  let baudRate = 115200;
  let wire = false;
  const faults: GrblFaults = {};
  const settings: Record<number, number> = {};
  const options: GrblSimulatorOptions & { baudRate: number } = { baudRate };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    const value = (): string => {
      const v = argv[++i];
      if (v === undefined) fail(`${arg} needs a value`);
      return v;
    };
    switch (arg) {
      case '--port':
        port = value();
        break;
      case '--baud':
        baudRate = num(value(), '--baud');
        break;
      case '--baud-delay':
        wire = true;
        break;
      case '--time-scale':
        options.timeScale = num(value(), '--time-scale');
        break;
      case '--silent-start':
        options.greetOnStart = false;
        break;
      case '--setting': {
        const [id, v] = value().split('=');
        settings[num(id, '--setting id')] = num(v, '--setting value');
        break;
      }
      case '--fault': {
        const f = value();
        let m: RegExpExecArray | null;
        if ((m = /^alarm@(\d+)(?::(\d+))?$/.exec(f))) {
          faults.alarmAtLine = Number(m[1]);
          if (m[2]) faults.alarmCode = Number(m[2]);
        } else if ((m = /^reset@(\d+)$/.exec(f))) faults.resetAtLine = Number(m[1]);
        else if ((m = /^drop-ok@(\d+)$/.exec(f))) (faults.dropOkAtLines ??= []).push(Number(m[1]));
        else if ((m = /^corrupt=([\d.]+)(?::(\d+))?$/.exec(f))) {
          faults.corruptRate = Number(m[1]);
          if (m[2]) faults.seed = Number(m[2]);
        } else if ((m = /^homing-alarm=(\d+)$/.exec(f))) faults.homingAlarm = Number(m[1]);
        else fail(`unknown fault "${f}"`);
        break;
      }
      default:
        fail(`unknown option ${arg}`);
    }
  }
  if (!port) fail('--port PATH is required');
  options.baudRate = baudRate;
  if (wire) options.baud = baudRate;
  options.faults = faults;
  options.settings = settings;
  return { port, options };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const { port, options } = parseArgs(process.argv.slice(2));
  const peer = await attachGrbl(port, options);
  process.stderr.write(`grbl simulator: Grbl 1.1h on ${port}${options.baud ? ` (wire rate ${options.baud} baud)` : ''}\n`);
  const done = async (): Promise<void> => {
    const { sim } = peer;
    await peer.close();
    process.stdout.write(JSON.stringify({ ...sim.stats, realtime: sim.stats.realtime.length, lines: sim.log.length, errors: sim.errors.length }) + '\n');
    process.exit(0);
  };
  process.once('SIGINT', () => void done());
  process.once('SIGTERM', () => void done());
  peer.port.once('close', () => void done());
}
