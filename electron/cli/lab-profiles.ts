// The lab's machines and materials as the commands see them: the kiosk's store (seeded on first use),
// and --machine / --material resolved by id or code, or refused with the codes the lab does have.
import fablab from '../../assets/fablab.json';
import type { MachineProfile, MaterialProfile } from '../../jobs/gcode';
import { defaultDataDir } from '../paths';
import { machineRows } from '../services/machines/machines';
import { findMachine, machineProfile, materialProfile } from '../services/machines/profile';
import { openStore, type Store } from '../store';
import { seedIfEmpty } from '../store/seed';
import { CliError } from './serve';

/** Runs `use` on the kiosk's store, seeded if it is new, and closes the store whatever happens. */
export async function withLabStore<T>(env: NodeJS.ProcessEnv, use: (store: Store) => T | Promise<T>): Promise<T> {
  const store = openStore(defaultDataDir(env));
  try {
    await seedIfEmpty(store.writer, fablab);
    return await use(store);
  } finally {
    store.close();
  }
}

export function labMachine(store: Store, idOrCode: string): { profile: MachineProfile; name: string } {
  const row = findMachine(store, idOrCode);
  if (!row) throw new CliError('unknownMachine', { id: idOrCode, known: machineRows(store).map((m) => m.code).join(', ') });
  return { profile: machineProfile(row), name: row.name };
}

export function labMaterial(store: Store, idOrCode: string): MaterialProfile {
  const material = materialProfile(store, idOrCode);
  if (!material) {
    const known = (store.db.prepare('SELECT code FROM materials ORDER BY code').pluck().all() as string[]).join(', ');
    throw new CliError('unknownMaterial', { id: idOrCode, known });
  }
  return material;
}
