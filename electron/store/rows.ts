// Writes a row and its outbox entry in one transaction, stamping the columns every synced table shares.
import type { Statement } from 'better-sqlite3';
import type { Db } from './db';
import { newId } from './ids';

export type SyncedTable =
  | 'sites'
  | 'profile_categories'
  | 'plans'
  | 'materials'
  | 'machines'
  | 'members'
  | 'audit_log'
  | 'files'
  | 'jobs'
  | 'consent_purposes'
  | 'consents'
  | 'charters'
  | 'charter_acceptances'
  | 'visits'
  | 'modules'
  | 'training_sessions'
  | 'session_attendees'
  | 'quiz_attempts'
  | 'certifications'
  | 'documents'
  | 'shop_items'
  | 'price_rules'
  | 'plan_terms'
  | 'subscriptions'
  | 'shop_sales'
  | 'job_material_declarations'
  | 'ledger_entries'
  | 'stock_movements'
  | 'billing_settings'
  | 'invoices'
  | 'invoice_lines'
  | 'invoice_documents';

type Value = string | number | null;
export type RowValues = Record<string, Value>;

const columnName = /^[a-z][a-z0-9_]*$/;

export class RowWriter {
  private readonly statements = new Map<string, Statement<unknown[]>>();

  constructor(
    readonly db: Db,
    readonly kioskId: string,
    private readonly now: () => Date = () => new Date(),
  ) {}

  insert(table: SyncedTable, values: RowValues): string {
    const id = typeof values.id === 'string' ? values.id : newId();
    const at = this.now().toISOString();
    const row: RowValues = { ...values, id, created_at: at, updated_at: at, kiosk_id: this.kioskId };
    const cols = checkedColumns(row);
    this.db.transaction(() => {
      this.statement(
        `INSERT INTO ${table} (${cols.join(', ')}) VALUES (${cols.map((c) => '@' + c).join(', ')})`,
      ).run(row);
      this.outbox(table, id, 'insert', row, at);
    })();
    return id;
  }

  update(table: SyncedTable, id: string, patch: RowValues): void {
    const at = this.now().toISOString();
    const row: RowValues = { ...patch, updated_at: at, kiosk_id: this.kioskId };
    const cols = checkedColumns(row).filter((c) => c !== 'id');
    this.db.transaction(() => {
      const info = this.statement(
        `UPDATE ${table} SET ${cols.map((c) => `${c} = @${c}`).join(', ')} WHERE id = @id`,
      ).run({ ...row, id });
      if (info.changes !== 1) throw new Error(`update ${table}: no row ${id}`);
      const full = this.statement(`SELECT * FROM ${table} WHERE id = ?`).get(id) as RowValues;
      this.outbox(table, id, 'update', full, at);
    })();
  }

  /** Runs `fn` in one transaction (nested writes join it). */
  transaction<T>(fn: () => T): T {
    return this.db.transaction(fn)();
  }

  private outbox(table: string, rowId: string, op: 'insert' | 'update', row: RowValues, at: string) {
    this.statement(
      `INSERT INTO outbox (id, created_at, kiosk_id, table_name, row_id, op, payload_json)
       VALUES (?, ?, ?, ?, ?, ?, ?)`,
    ).run(newId(), at, this.kioskId, table, rowId, op, JSON.stringify(row));
  }

  private statement(sql: string): Statement<unknown[]> {
    let s = this.statements.get(sql);
    if (!s) {
      s = this.db.prepare(sql);
      this.statements.set(sql, s);
    }
    return s;
  }
}

function checkedColumns(row: RowValues): string[] {
  const cols = Object.keys(row);
  for (const c of cols) if (!columnName.test(c)) throw new Error(`bad column name ${c}`);
  return cols;
}
