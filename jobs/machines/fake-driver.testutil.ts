// A driver without firmware for the runner's tests: acknowledges lines after a tick, holds them while
// paused, and can lose its link or reset at a chosen line.
import { DriverError, type Driver, type DriverEvents, type DriverStats, type MachineReport } from './driver';
import { Emitter } from './events';

export class FakeDriver implements Driver {
  readonly firmware = 'marlin' as const;
  readonly stats: DriverStats = { linesSent: 0, linesAcked: 0, resends: 0, errors: 0, bytesSent: 0 };
  readonly info = null;
  lastReport: MachineReport = { state: 'idle' };
  readonly received: string[] = [];
  readonly calls: string[] = [];
  readonly ackedTags: number[] = [];
  readonly sentTags: number[] = [];
  private readonly emitter = new Emitter<DriverEvents>();
  private pending: Array<{ tag: number }> = [];
  private waiters: Array<{ resolve: () => void; reject: (e: Error) => void }> = [];
  private paused = false;
  private failure: DriverError | null = null;
  /** Break the link when the line with this tag is sent. */
  failAtTag: { tag: number; code: DriverError['code'] } | null = null;
  /** Lines that get an error instead of an ok. */
  errorTags = new Set<number>();
  /** Lines the driver refuses before writing them. */
  invalidTags = new Set<number>();
  window = 4;
  /** Time each ack takes; 0 acks on the next turn of the event loop. */
  ackDelayMs = 0;

  async connect() {
    return { firmware: this.firmware, version: 'fake', capabilities: {}, greeting: [] };
  }

  async send(line: string, tag: number): Promise<void> {
    if (this.failure) throw this.failure;
    this.sentTags.push(tag);
    if (this.invalidTags.has(tag)) throw new DriverError('invalid_line', 'too long', { code: 'grbl.line_too_long' });
    if (this.failAtTag?.tag === tag) {
      this.fail(new DriverError(this.failAtTag.code, 'fake failure'));
      throw this.failure;
    }
    while (this.pending.length >= this.window || this.paused) await this.wait();
    this.received.push(line);
    this.stats.linesSent++;
    this.pending.push({ tag });
    this.schedule();
  }

  async drain(): Promise<void> {
    while (this.pending.length > 0) await this.wait();
  }

  async command(line: string): Promise<string[]> {
    this.calls.push(line);
    return [];
  }

  async pause() {
    this.calls.push('pause');
    this.paused = true;
  }
  async resume() {
    this.calls.push('resume');
    this.paused = false;
    this.schedule();
  }
  async cancel() {
    this.calls.push('cancel');
    this.fail(new DriverError('cancelled', 'cancelled'));
    // Like a firmware after a cancel: buffers empty, ready for the next job.
    this.pending = [];
    this.paused = false;
    setImmediate(() => (this.failure = null));
  }
  async emergencyStop() {
    this.calls.push('estop');
    this.fail(new DriverError('emergency_stop', 'estop'));
  }
  async home() {}
  async unlock() {}
  async jog() {}
  async jogCancel() {}
  async close() {}

  on<K extends keyof DriverEvents>(event: K, listener: DriverEvents[K]): () => void {
    return this.emitter.on(event, listener);
  }

  private tick(): void {
    if (this.paused || this.failure) return;
    const p = this.pending.shift();
    if (!p) return;
    this.stats.linesAcked++;
    this.ackedTags.push(p.tag);
    if (this.errorTags.has(p.tag)) {
      this.stats.errors++;
      this.emitter.emit('message', { severity: 'error', code: 'grbl.error.20', raw: 'error:20', line: p.tag });
    }
    this.emitter.emit('acked', p.tag);
    this.wake();
    if (this.pending.length) this.schedule();
  }

  private scheduled = false;
  private schedule(): void {
    if (this.scheduled) return;
    this.scheduled = true;
    const go = () => {
      this.scheduled = false;
      this.tick();
    };
    if (this.ackDelayMs > 0) setTimeout(go, this.ackDelayMs);
    else setImmediate(go);
  }

  /** The cable is pulled: everything pending fails and the driver says it is closed. */
  unplug(): void {
    this.fail(new DriverError('link_lost', 'unplugged'));
    this.emitter.emit('closed', new Error('unplugged'));
  }

  private fail(e: DriverError): void {
    this.failure = e;
    for (const w of this.waiters.splice(0)) w.reject(e);
  }

  private wait(): Promise<void> {
    return new Promise((resolve, reject) => {
      if (this.failure) return reject(this.failure);
      this.waiters.push({ resolve, reject });
    });
  }

  private wake(): void {
    for (const w of this.waiters.splice(0)) w.resolve();
  }
}
