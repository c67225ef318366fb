// What the preparation services share: the store, the stored files, the events, and the lookups of a
// machine and a material as the cores want them.
import type { MachineProfile, MaterialProfile } from '../../../jobs/gcode';
import type { Caller } from '../../api/dispatcher';
import { DomainError } from '../../api/errors';
import type { ApiEvent, PreparedJob, Quote, StoredFile } from '../../api/models';
import type { Store } from '../../store';
import type { EventHub } from '../events';
import type { Uploads } from '../files/uploads';
import { quoteJob } from '../ledger/quote';
import type { MachineHub } from '../machines/hub';
import type { MachineRow } from '../machines/machines';
import { findMachine, machineProfile, materialProfile } from '../machines/profile';

export interface PrepareDeps {
  store: Store;
  uploads: Uploads;
  events: EventHub;
  hub: MachineHub;
  now: () => Date;
  log: (message: string, err?: unknown) => void;
  /** Folder of the lab's locked slicer profiles (assets/profiles). */
  profilesDir: string;
}

export type Stage = Extract<ApiEvent, { type: 'prepare.progress' }>['stage'];

export function progress(d: PrepareDeps, caller: Caller, fileId: string): (stage: Stage, fraction: number) => void {
  let last = -1;
  let lastStage: Stage | null = null;
  return (stage, fraction) => {
    // A few events per stage, not one per slicer line.
    if (stage === lastStage && fraction - last < 0.02 && fraction < 1) return;
    last = fraction;
    lastStage = stage;
    d.events.emit({ type: 'prepare.progress', fileId, stage, fraction: Math.min(1, Math.max(0, fraction)) }, caller.sessionId);
  };
}

export function machineOf(d: PrepareDeps, machineId: string, kinds: readonly string[]): { row: MachineRow; profile: MachineProfile } {
  const row = findMachine(d.store, machineId);
  if (!row) throw new DomainError('not_found', { what: 'machine' });
  if (!kinds.includes(row.kind)) throw new DomainError('preparation_failed', { reason: 'wrong_machine_kind', kind: row.kind });
  return { row, profile: machineProfile(row) };
}

export function materialOf(d: PrepareDeps, materialId: string, kinds: readonly string[]): { code: string; profile: MaterialProfile } {
  const row = d.store.db.prepare('SELECT code, kind FROM materials WHERE id = ? OR code = ?').get(materialId, materialId) as
    | { code: string; kind: string }
    | undefined;
  const profile = row ? materialProfile(d.store, row.code) : undefined;
  if (!row || !profile) throw new DomainError('not_found', { what: 'material' });
  if (!kinds.includes(row.kind)) throw new DomainError('preparation_failed', { reason: 'wrong_material_kind', kind: row.kind });
  return { code: row.code, profile };
}

/** A stored file the maker brought, with the kinds this screen takes. */
export function sourceFile(d: PrepareDeps, fileId: string, kinds: readonly StoredFile['kind'][]): { row: StoredFile; path: string } {
  const f = d.uploads.file(fileId);
  if (!kinds.includes(f.row.kind)) throw new DomainError('unsupported_file', { name: f.row.name, extension: f.row.kind });
  return f;
}

/** The price for the signed-in member; a lab without a price for this machine gets none rather than an error. */
export function quoteFor(d: PrepareDeps, caller: Caller, machineId: string, durationS: number, material?: { id: string; quantity?: number }): Quote | null {
  if (!caller.memberId) return null;
  try {
    return quoteJob(d.store, caller.memberId, { machineId, durationS, materialId: material?.id, quantity: material?.quantity }, d.now());
  } catch (err) {
    if (err instanceof DomainError) return null;
    throw err;
  }
}

export function preparedName(source: string, suffix: string): string {
  const base = source.replace(/\.[^.]+$/, '').slice(0, 200) || 'job';
  return `${base}${suffix}.gcode`;
}

export type { PreparedJob };
