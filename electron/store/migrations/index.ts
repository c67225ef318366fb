// Numbered migrations, applied in order and never edited once released: a change is a new file.
import m0001 from './0001_foundation';

export interface Migration {
  version: number;
  name: string;
  sql: string;
}

export const migrations: Migration[] = [m0001].sort((a, b) => a.version - b.version);
