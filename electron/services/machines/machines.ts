// Machines as the store knows them, with the live status the status board keeps.
import type { Localized, MachineKind, MachineStatus, MachineSummary } from '../../api/models';
import type { Store } from '../../store';

export interface MachineRow {
  id: string;
  code: string;
  name: string;
  kind: MachineKind;
  model: string;
  connection: 'serial' | 'manual';
  firmware: 'marlin' | 'grbl' | 'hpgl' | null;
  port_path: string | null;
  baud: number | null;
  usb_vendor_id: string | null;
  usb_product_id: string | null;
  usb_serial_number: string | null;
  work_x_mm: number | null;
  work_y_mm: number | null;
  work_z_mm: number | null;
  limits_json: string;
  required_module: string | null;
  rate_per_hour_cents: number;
  description_json: string;
}

export function machineRows(store: Store): MachineRow[] {
  return store.db
    .prepare('SELECT * FROM machines WHERE active = 1 ORDER BY connection DESC, kind, name')
    .all() as MachineRow[];
}

export function toSummary(r: MachineRow, status: MachineStatus): MachineSummary {
  const limits = JSON.parse(r.limits_json) as { workOriginMm?: MachineSummary['workOrigin']; maxSpindleS?: number };
  return {
    id: r.id,
    code: r.code,
    name: r.name,
    kind: r.kind,
    model: r.model,
    connection: r.connection,
    firmware: r.firmware,
    workArea:
      r.work_x_mm === null || r.work_y_mm === null
        ? null
        : { x: r.work_x_mm, y: r.work_y_mm, z: r.work_z_mm ?? 0 },
    workOrigin: limits.workOriginMm ?? { x: 0, y: 0, z: 0 },
    maxSpindleS: limits.maxSpindleS ?? null,
    requiredModule: r.required_module,
    ratePerHourCents: r.rate_per_hour_cents,
    description: JSON.parse(r.description_json) as Localized,
    status,
  };
}
