// Every serial machine the lab has, kept connected: ports are looked for (USB ids first, then the
// configured path), a machine that vanishes goes offline and is found again when it comes back, and
// its live state is pushed to every screen, at most a few times a second.
import { existsSync } from 'node:fs';
import { listPorts, matchPort, openSerial, settingsFindings, type DriverOptions, type Link, type PortInfo } from '../../../jobs/machines';
import type { MachineLive } from '../../api/models';
import type { Store } from '../../store';
import type { EventHub } from '../events';
import { activeStates, listJobViews } from '../jobs/rows';
import { MachineConnection, type ConnectionDeps } from './connection';
import { machineRows, type MachineRow } from './machines';
import { machineProfile } from './profile';
import type { StatusBoard } from './status-board';

export interface HubOptions {
  store: Store;
  events: EventHub;
  statusBoard: StatusBoard;
  now: () => number;
  log: (message: string, err?: unknown) => void;
  openLink?: (path: string, baud: number) => Promise<Link>;
  listPorts?: () => Promise<{ ports: PortInfo[]; error: string | null }>;
  portExists?: (path: string) => boolean;
  driverOptions?: DriverOptions;
  driverFactory?: ConnectionDeps['driverFactory'];
  /** Pushes of one machine's live state are at least this far apart. */
  liveEveryMs?: number;
}

const drivenFirmware = (r: MachineRow): r is MachineRow & { firmware: 'grbl' | 'marlin' } =>
  r.connection === 'serial' && (r.firmware === 'grbl' || r.firmware === 'marlin');

export class MachineHub {
  private readonly connections = new Map<string, MachineConnection>();
  private readonly pushTimers = new Map<string, NodeJS.Timeout>();
  private readonly lastPush = new Map<string, number>();
  private refreshing: Promise<void> | null = null;
  private closed = false;

  constructor(private readonly o: HubOptions) {}

  connection(machineId: string): MachineConnection | undefined {
    return this.connections.get(machineId);
  }

  /** Looks for every driven machine that is not connected, and connects the ones found. */
  refresh(): Promise<void> {
    this.refreshing ??= this.doRefresh().finally(() => (this.refreshing = null));
    return this.refreshing;
  }

  private async doRefresh(): Promise<void> {
    const rows = machineRows(this.o.store).filter(drivenFirmware);
    const waiting = rows.filter((r) => !this.connections.get(r.id)?.driver);
    if (waiting.length === 0 || this.closed) return;
    const { ports } = await (this.o.listPorts ?? listPorts)();
    const exists = this.o.portExists ?? existsSync;
    await Promise.all(
      waiting.map(async (r) => {
        const path = matchPort(
          { portPath: r.port_path, usb: { vendorId: r.usb_vendor_id, productId: r.usb_product_id, serialNumber: r.usb_serial_number } },
          ports,
          exists,
        );
        const conn = this.ensure(r);
        if (!path || this.closed) return;
        await conn.connect(path, r.baud ?? 115200);
        // What the trainer should know about the board's settings, on the board from the start.
        if (conn.driver) for (const m of settingsFindings(conn.driver, machineProfile(r))) conn.addMessage(m);
      }),
    );
  }

  private ensure(r: MachineRow & { firmware: 'grbl' | 'marlin' }): MachineConnection {
    let c = this.connections.get(r.id);
    if (!c) {
      c = new MachineConnection(r.id, r.firmware, {
        openLink: this.o.openLink ?? openSerial,
        ...(this.o.driverOptions ? { driverOptions: this.o.driverOptions } : {}),
        ...(this.o.driverFactory ? { driverFactory: this.o.driverFactory } : {}),
        now: this.o.now,
        log: this.o.log,
        onChange: () => this.changed(r.id),
      });
      this.connections.set(r.id, c);
    }
    return c;
  }

  /** A machine's port changed in the configuration: drop the old link so the next refresh uses the new one. */
  async forget(machineId: string): Promise<void> {
    const c = this.connections.get(machineId);
    if (c && !c.busy) {
      await c.close();
      this.connections.delete(machineId);
    }
  }

  live(machineId?: string): MachineLive[] {
    return machineRows(this.o.store)
      .filter((r) => drivenFirmware(r) && (!machineId || r.id === machineId))
      .map((r) => this.liveOf(r.id));
  }

  liveOf(machineId: string): MachineLive {
    const c = this.connections.get(machineId);
    const jobs = listJobViews(this.o.store, { machineId, states: [...activeStates, 'queued'], limit: 50 });
    const job = jobs.find((j) => activeStates.includes(j.state)) ?? null;
    const base = c?.live() ?? {
      machineId,
      status: 'offline' as const,
      detail: null,
      portPath: null,
      firmware: null,
      position: null,
      workPosition: null,
      feedMmMin: null,
      spindle: null,
      overrides: null,
      temperatures: null,
      temperatureHistory: [],
      messages: [],
    };
    return { ...base, job, queue: jobs.filter((j) => j.state === 'queued') };
  }

  /** Something about this machine changed: push its live state now, or as soon as the rate allows. */
  changed(machineId: string): void {
    if (this.closed) return;
    const c = this.connections.get(machineId);
    if (c) this.o.statusBoard.report(machineId, c.status === 'offline' ? null : c.status);
    if (this.pushTimers.has(machineId)) return;
    const every = this.o.liveEveryMs ?? 250;
    const wait = Math.max(0, (this.lastPush.get(machineId) ?? 0) + every - this.o.now());
    const push = () => {
      this.pushTimers.delete(machineId);
      this.lastPush.set(machineId, this.o.now());
      this.o.events.emit({ type: 'machine.live', live: this.liveOf(machineId) });
    };
    if (wait === 0) push();
    else {
      const t = setTimeout(push, wait);
      t.unref();
      this.pushTimers.set(machineId, t);
    }
  }

  async close(): Promise<void> {
    this.closed = true;
    for (const t of this.pushTimers.values()) clearTimeout(t);
    this.pushTimers.clear();
    await Promise.all([...this.connections.values()].map((c) => c.close()));
  }
}
