// Numbered migrations, applied in order and never edited once released: a change is a new file.
import m0001 from './0001_foundation';
import m0002 from './0002_files';
import m0003 from './0003_jobs';
import m0004 from './0004_membership';
import m0005 from './0005_ledger';
import m0006 from './0006_statements';

export interface Migration {
  version: number;
  name: string;
  sql: string;
}

export const migrations: Migration[] = [m0001, m0002, m0003, m0004, m0005, m0006].sort((a, b) => a.version - b.version);
