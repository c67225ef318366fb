// One serial machine as the kiosk holds it: the link, the driver talking over it, what the firmware
// last reported, its recent messages and temperatures, and the job running on it. When the link drops,
// the connection goes offline and the hub will find the machine again.
import {
  createDriver,
  type Driver,
  type DriverMessage,
  type DriverOptions,
  type Firmware,
  type JobRun,
  type Link,
  type MachineReport,
} from '../../../jobs/machines';
import type { MachineLive, MachineMessage, MachineStatus, TemperatureSample } from '../../api/models';

const historyMs = 15 * 60_000;
const historyStepMs = 2000;
const maxMessages = 30;

export interface ConnectionDeps {
  openLink: (path: string, baud: number) => Promise<Link>;
  /** The firmware's driver (tests may put a driver without firmware here). */
  driverFactory?: (firmware: Firmware, link: Link, options?: DriverOptions) => Driver;
  driverOptions?: DriverOptions;
  now: () => number;
  onChange: () => void;
  log: (message: string, err?: unknown) => void;
}

export class MachineConnection {
  status: MachineStatus = 'offline';
  portPath: string | null = null;
  driver: Driver | null = null;
  report: MachineReport | null = null;
  run: { jobId: string; run: JobRun } | null = null;
  readonly messages: MachineMessage[] = [];
  private readonly history: TemperatureSample[] = [];
  private connecting: Promise<void> | null = null;
  /** A port that opens but where no firmware answers is tried again later and later (up to a minute): each opening resets many boards. */
  private failures = 0;
  private retryAt = 0;

  constructor(
    readonly machineId: string,
    readonly firmware: Firmware,
    private readonly deps: ConnectionDeps,
  ) {}

  get busy(): boolean {
    return this.run !== null;
  }

  /** Opens the port and greets the firmware; resolves once it answered (or failed, leaving it offline). */
  connect(path: string, baud: number): Promise<void> {
    if (this.deps.now() < this.retryAt && path === this.portPath) return Promise.resolve();
    this.connecting ??= this.doConnect(path, baud).finally(() => (this.connecting = null));
    return this.connecting;
  }

  private async doConnect(path: string, baud: number): Promise<void> {
    if (this.driver) return;
    this.setStatus('connecting');
    this.portPath = path;
    let link: Link;
    try {
      link = await this.deps.openLink(path, baud);
    } catch (err) {
      this.deps.log(`machine ${this.machineId}: cannot open ${path}`, err);
      this.setStatus('offline');
      return;
    }
    const driver = (this.deps.driverFactory ?? createDriver)(this.firmware, link, this.deps.driverOptions);
    driver.on('report', (r) => this.onReport(r));
    driver.on('message', (m) => this.addMessage(m));
    driver.on('reset', () => this.addMessage({ severity: 'warning', code: 'link.firmware_reset', raw: '' }));
    driver.on('closed', () => {
      if (this.driver !== driver) return;
      this.driver = null;
      this.report = null;
      this.addMessage({ severity: 'warning', code: 'link.lost', raw: '' });
      this.setStatus('offline');
    });
    try {
      await driver.connect();
      this.driver = driver;
      this.failures = 0;
      this.retryAt = 0;
      this.onReport(driver.lastReport);
    } catch (err) {
      this.deps.log(`machine ${this.machineId}: no firmware answered on ${path}`, err);
      this.addMessage({ severity: 'error', code: 'link.no_answer', raw: err instanceof Error ? err.message : String(err) });
      await driver.close().catch(() => {});
      this.failures++;
      this.retryAt = this.deps.now() + Math.min(60_000, 2000 * 2 ** this.failures);
      this.setStatus('offline');
    }
  }

  async close(): Promise<void> {
    const d = this.driver;
    this.driver = null;
    await d?.close().catch(() => {});
    this.setStatus('offline');
  }

  addMessage(m: DriverMessage): void {
    this.messages.push({
      at: new Date(this.deps.now()).toISOString(),
      severity: m.severity,
      code: m.code,
      raw: m.raw,
      line: m.line ?? null,
      params: m.params ?? {},
    });
    if (this.messages.length > maxMessages) this.messages.shift();
    this.deps.onChange();
  }

  live(): Omit<MachineLive, 'job' | 'queue'> {
    const r = this.report;
    const t = r?.temperatures;
    return {
      machineId: this.machineId,
      status: this.status,
      detail: r?.detail ?? null,
      portPath: this.portPath,
      firmware: this.driver?.info ? { name: this.driver.info.firmware, version: this.driver.info.version } : null,
      position: r?.position ?? null,
      workPosition: r?.workPosition ?? null,
      feedMmMin: r?.feedMmMin ?? null,
      spindle: r?.spindle ?? null,
      overrides: r?.overrides ?? null,
      temperatures: t ? { tool: t.tool ?? null, bed: t.bed ?? null } : null,
      temperatureHistory: [...this.history],
      messages: [...this.messages],
    };
  }

  private onReport(r: MachineReport): void {
    this.report = r;
    if (r.temperatures) this.sample(r);
    const next = this.effectiveStatus(r.state);
    if (this.status !== next) this.setStatus(next);
    else this.deps.onChange();
  }

  /**
   * A printer streaming a job says nothing of it (Marlin has no state word): while a job runs on this
   * connection it is running or paused, unless the firmware itself says worse.
   */
  private effectiveStatus(reported: MachineStatus): MachineStatus {
    if (!this.run || reported === 'alarm' || reported === 'error' || reported === 'offline') return reported;
    const s = this.run.run.state;
    return s === 'paused' || s === 'pausing' ? 'paused' : 'running';
  }

  /** The job on this connection started, paused, resumed or ended: the status follows. */
  refreshStatus(): void {
    if (!this.driver) return;
    this.setStatus(this.effectiveStatus(this.report?.state ?? 'idle'));
  }

  private sample(r: MachineReport): void {
    const t = this.deps.now();
    const last = this.history.at(-1);
    if (last && t - last.t < historyStepMs) return;
    const temps = r.temperatures!;
    this.history.push({
      t,
      tool: temps.tool?.actual ?? null,
      toolTarget: temps.tool?.target ?? null,
      bed: temps.bed?.actual ?? null,
      bedTarget: temps.bed?.target ?? null,
    });
    while (this.history.length && this.history[0]!.t < t - historyMs) this.history.shift();
  }

  setStatus(s: MachineStatus): void {
    if (this.status === s) return;
    this.status = s;
    this.deps.onChange();
  }
}
