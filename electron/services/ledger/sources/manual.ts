// Machines the kiosk does not drive (thermoformer, embroidery, sewing, 3D scanner, the vinyl cutter
// until it has a driver) are logged by hand: minutes and material, by the maker themself or by a
// trainer or manager for them. A trainer may also log a driven machine (a print run from an SD card).
import type { Caller } from '../../../api/dispatcher';
import { DomainError } from '../../../api/errors';
import type { LedgerEntryView } from '../../../api/models';
import { roleAtLeast } from '../../../api/roles';
import type { Store } from '../../../store';
import type { AuditLog } from '../../audit';
import { entryView, insertCharge, memberBalance } from '../entries';
import { machineTimeLine, materialLine } from '../lines';
import { memberPayer, requireMachine, requireMaterial } from '../refs';
import { refused } from '../refused';
import { moveStock } from '../stock';
import { stockUnitOf } from '../units';

export interface ManualLog {
  machineId: string;
  minutes: number;
  materialId?: string | undefined;
  /** In the material's stock unit (g, sheet, m); one sheet by default for a sheet material. */
  quantity?: number | undefined;
  memberId?: string | undefined;
  note?: string | undefined;
  /** When it was used (trainers and managers, up to 62 days back); now by default. */
  occurredAt?: string | undefined;
}

const maxBackMs = 62 * 86_400_000;

export function isDriven(machine: { connection: string; firmware: string | null }): boolean {
  return machine.connection === 'serial' && (machine.firmware === 'marlin' || machine.firmware === 'grbl');
}

export function logManual(store: Store, audit: AuditLog, input: ManualLog, caller: Caller, now: Date): { entries: LedgerEntryView[]; balanceCents: number } {
  if (!caller.memberId) throw new DomainError('unauthenticated');
  const memberId = input.memberId ?? caller.memberId;
  const staff = roleAtLeast(caller.role, 'trainer');
  if (memberId !== caller.memberId && !staff) throw new DomainError('forbidden');
  const machine = requireMachine(store.db, input.machineId);
  if (isDriven(machine) && !staff) throw refused('driven_machine', { machine: machine.code });
  const material = input.materialId ? requireMaterial(store.db, input.materialId) : undefined;
  if (!material && input.quantity !== undefined) throw new DomainError('invalid_input', { field: 'materialId' });
  const quantity = material ? (input.quantity ?? (stockUnitOf(material.unit).unit === 'sheet' ? 1 : 0)) : 0;
  if (material && stockUnitOf(material.unit).unit === 'sheet' && !Number.isInteger(quantity)) throw new DomainError('invalid_input', { field: 'quantity' });
  if (input.minutes <= 0 && quantity <= 0) throw refused('nothing_to_log');
  let at = now.toISOString();
  if (input.occurredAt !== undefined) {
    if (!staff) throw new DomainError('forbidden');
    const t = new Date(input.occurredAt);
    if (t.getTime() > now.getTime()) throw refused('future_date');
    if (now.getTime() - t.getTime() > maxBackMs) throw refused('too_old');
    at = t.toISOString();
  }
  const payer = memberPayer(store.db, memberId);
  const c = { db: store.db, payer, at };
  const common = { occurredAt: at, source: 'manual' as const, payer, reason: input.note || null, recordedBy: caller.memberId };
  const ids = store.writer.transaction(() => {
    const written: string[] = [];
    if (input.minutes > 0) {
      written.push(insertCharge(store, { ...common, refs: { machineId: machine.id }, line: machineTimeLine(c, machine, input.minutes * 60) }));
    }
    if (material && quantity > 0) {
      const line = materialLine(c, material, quantity);
      const entryId = insertCharge(store, { ...common, refs: { machineId: machine.id, materialId: material.id }, line });
      written.push(entryId);
      moveStock(store, { type: 'material', material }, { kind: 'manual_use', quantity: -line.quantity, entryId, recordedBy: caller.memberId });
    }
    audit.record(caller.memberId, 'ledger.log_manual', memberId, { machine: machine.code, minutes: input.minutes, material: material?.code ?? null, quantity, entries: written });
    return written;
  });
  return { entries: ids.map((id) => entryView(store.db, id)!), balanceCents: memberBalance(store.db, memberId) };
}
