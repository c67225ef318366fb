// The kiosk's store: one SQLite file in the data folder, this kiosk's id, and the row writer.
import { join } from 'node:path';
import { openDatabase, type Db } from './db';
import { newId } from './ids';
import { RowWriter } from './rows';

export interface Store {
  db: Db;
  kioskId: string;
  writer: RowWriter;
  close(): void;
}

export const databaseFileName = 'fabkiosk.sqlite';

export function openStore(dataDir: string, now?: () => Date): Store {
  const db = openDatabase(dataDir === ':memory:' ? ':memory:' : join(dataDir, databaseFileName));
  db.prepare("INSERT OR IGNORE INTO local_settings (key, value) VALUES ('kiosk_id', ?)").run(newId());
  const kioskId = db.prepare("SELECT value FROM local_settings WHERE key = 'kiosk_id'").pluck().get() as string;
  return { db, kioskId, writer: new RowWriter(db, kioskId, now), close: () => db.close() };
}
