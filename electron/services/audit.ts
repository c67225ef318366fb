// The audit log: who did what, when. Append-only, synced like every other table.
import type { AuditEntry } from '../api/models';
import type { Store } from '../store';

export class AuditLog {
  constructor(private readonly store: Store) {}

  record(actorMemberId: string | null, action: string, target: string | null, details: Record<string, unknown> = {}): void {
    this.store.writer.insert('audit_log', {
      actor_member_id: actorMemberId,
      action,
      target,
      details_json: JSON.stringify(details),
    });
  }

  list(limit: number): AuditEntry[] {
    const rows = this.store.db
      .prepare(
        `SELECT a.id, a.created_at, m.display_name AS actor, a.action, a.target, a.details_json
         FROM audit_log a LEFT JOIN members m ON m.id = a.actor_member_id
         ORDER BY a.id DESC LIMIT ?`,
      )
      .all(limit) as { id: string; created_at: string; actor: string | null; action: string; target: string | null; details_json: string }[];
    return rows.map((r) => ({
      id: r.id,
      at: r.created_at,
      actor: r.actor,
      action: r.action,
      target: r.target,
      details: JSON.parse(r.details_json) as Record<string, unknown>,
    }));
  }
}
