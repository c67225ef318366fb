// A kiosk in a child process (run-job-child.ts) printing on the Marlin simulator behind a pty, killed
// with SIGKILL once its durable position has passed a line: what a crash or a pulled plug leaves.
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { attachMarlinSimulator } from '../peers/marlin/attach';
import { scaledClock } from '../peers/marlin/clock';
import { openPtyPair } from './pty';
import { repoRoot } from './temp-backend';
import { waitFor } from './wait';

type Cleanup = Array<() => Promise<void> | void>;

export interface KilledKiosk {
  /** The child's data directory: a new back end opened on it is the restarted kiosk. */
  dataDir: string;
  jobId: string;
  /** The last acknowledged line the child had made durable when it was killed. */
  lastSeen: number;
  /** Lines the simulated board had accepted when the child was killed. */
  acceptedAtKill: number;
  /** Rows of ledger_entries for the job when it was killed. */
  chargedAtKill: number;
  board: Awaited<ReturnType<typeof attachMarlinSimulator>>;
}

export async function printThenKill(gcodePath: string, pastLine: number, cleanup: Cleanup): Promise<KilledKiosk> {
  const dir = mkdtempSync(join(tmpdir(), 'fabkiosk-kill-'));
  cleanup.push(() => rmSync(dir, { recursive: true, force: true }));
  const pty = await openPtyPair(join(dir, 'kiosk'), join(dir, 'board'));
  cleanup.push(() => pty.close());
  const board = await attachMarlinSimulator(pty.b, { clock: scaledClock(150) });
  cleanup.push(() => board.close());
  const dataDir = join(dir, 'data');
  const child = spawn(process.execPath, ['--import', 'tsx', join(repoRoot, 'test/support/run-job-child.ts'), dataDir, pty.a, gcodePath], {
    cwd: repoRoot,
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const jobId = await new Promise<string>((resolve, reject) => {
    let out = '';
    child.stdout!.on('data', (d: Buffer) => {
      out += d.toString();
      const m = /started (\S+)/.exec(out);
      if (m) resolve(m[1]!);
    });
    child.once('exit', (code) => reject(new Error(`child exited ${code}`)));
  });
  // The durable position, watched from outside, as the restarted kiosk will read it.
  const peek = new Database(join(dataDir, 'fabkiosk.sqlite'), { readonly: true, fileMustExist: true });
  try {
    const durable = () => peek.prepare('SELECT acked_line FROM jobs WHERE id = ?').pluck().get(jobId) as number;
    await waitFor(() => durable() > pastLine, 60_000);
    child.kill('SIGKILL');
    await new Promise((r) => child.once('exit', r));
    const chargedAtKill = peek.prepare('SELECT COUNT(*) FROM ledger_entries WHERE job_id = ?').pluck().get(jobId) as number;
    return { dataDir, jobId, lastSeen: durable(), acceptedAtKill: board.sim.accepted.length, chargedAtKill, board };
  } finally {
    peek.close();
  }
}
