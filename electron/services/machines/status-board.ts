// Live machine status. Until a driver takes a machine over, a serial machine is "connected" when its
// port exists and "offline" when it does not (unplugged cable, board off); hand-logged machines are "manual".
import { existsSync } from 'node:fs';
import type { MachineStatus } from '../../api/models';
import type { EventHub } from '../events';
import type { MachineRow } from './machines';

export class StatusBoard {
  private readonly statuses = new Map<string, MachineStatus>();
  /** Statuses reported by drivers win over the port probe. */
  private readonly reported = new Map<string, MachineStatus>();

  constructor(
    private readonly events: EventHub,
    private readonly machines: () => MachineRow[],
    private readonly portExists: (path: string) => boolean = existsSync,
  ) {}

  status(machineId: string): MachineStatus {
    return this.statuses.get(machineId) ?? 'offline';
  }

  report(machineId: string, status: MachineStatus | null): void {
    if (status === null) this.reported.delete(machineId);
    else this.reported.set(machineId, status);
    this.refresh();
  }

  /** Re-reads every machine's state and pushes the ones that changed. */
  refresh(): void {
    for (const m of this.machines()) {
      const next =
        this.reported.get(m.id) ??
        (m.connection === 'manual' ? 'manual' : m.port_path && this.portExists(m.port_path) ? 'connected' : 'offline');
      if (this.statuses.get(m.id) !== next) {
        const first = !this.statuses.has(m.id);
        this.statuses.set(m.id, next);
        if (!first) this.events.emit({ type: 'machine.status', machineId: m.id, status: next });
      }
    }
  }
}
