// Right of access and portability: everything the kiosk holds about one member, in one JSON document.
import type { MemberExport } from '../../api/models';
import type { Store } from '../../store';
import type { ModuleLibrary } from '../training/library';
import type { Visits } from '../visits/visits';
import { memberProfile } from './profile';

export function exportMember(store: Store, library: ModuleLibrary, visits: Visits, memberId: string, now: Date): MemberExport {
  const all = <T>(sql: string): T[] => store.db.prepare(sql).all(memberId) as T[];
  const { certifications: _c, recentVisits: _r, currentVisit: _v, coworking: _w, ...profile } = memberProfile(store, library, visits, memberId, now);
  const data: MemberExport['data'] = {
    profile,
    consents: all<{ purpose_code: string; given: number; created_at: string }>(
      'SELECT purpose_code, given, created_at FROM consents WHERE member_id = ? ORDER BY created_at, id',
    ).map((r) => ({ purpose: r.purpose_code, given: r.given === 1, at: r.created_at })),
    charterAcceptances: all<{ version: string; created_at: string }>(
      'SELECT version, created_at FROM charter_acceptances WHERE member_id = ? ORDER BY created_at, id',
    ).map((r) => ({ version: r.version, at: r.created_at })),
    visits: visits.all(memberId),
    quizAttempts: all<{ module_code: string; module_version: string; created_at: string; score: number; passed: number }>(
      'SELECT module_code, module_version, created_at, score, passed FROM quiz_attempts WHERE member_id = ? ORDER BY created_at, id',
    ).map((r) => ({ module: r.module_code, version: r.module_version, at: r.created_at, score: r.score, passed: r.passed === 1 })),
    certifications: all<{ module_code: string; module_version: string; signed_off_at: string; signer: string | null; expires_at: string; revoked_at: string | null }>(
      `SELECT c.module_code, c.module_version, c.signed_off_at, s.display_name AS signer, c.expires_at, c.revoked_at
       FROM certifications c LEFT JOIN members s ON s.id = c.signed_off_by WHERE c.member_id = ? ORDER BY c.signed_off_at, c.id`,
    ).map((r) => ({ module: r.module_code, version: r.module_version, signedOffAt: r.signed_off_at, signedOffBy: r.signer, expiresAt: r.expires_at, revokedAt: r.revoked_at })),
    trainingSessions: all<{ id: string; module_code: string; started_at: string; signed_off: number | null }>(
      `SELECT s.id, s.module_code, s.started_at, a.signed_off FROM session_attendees a JOIN training_sessions s ON s.id = a.session_id
       WHERE a.member_id = ? AND a.removed_at IS NULL ORDER BY s.started_at`,
    ).map((r) => ({ id: r.id, module: r.module_code, startedAt: r.started_at, signedOff: r.signed_off === null ? null : r.signed_off === 1 })),
    jobs: all<{ id: string; machine: string; file: string; state: string; created_at: string; ended_at: string | null }>(
      `SELECT j.id, m.code AS machine, f.name AS file, j.state, j.created_at, j.ended_at
       FROM jobs j JOIN machines m ON m.id = j.machine_id JOIN files f ON f.id = j.file_id WHERE j.member_id = ? ORDER BY j.created_at`,
    ).map((r) => ({ id: r.id, machine: r.machine, file: r.file, state: r.state, createdAt: r.created_at, endedAt: r.ended_at })),
    auditTrail: (
      store.db
        .prepare('SELECT created_at, action FROM audit_log WHERE actor_member_id = ? OR target = ? ORDER BY id')
        .all(memberId, memberId) as { created_at: string; action: string }[]
    ).map((r) => ({ at: r.created_at, action: r.action })),
  };
  const exportedAt = now.toISOString();
  return {
    fileName: `fabkiosk-mes-donnees-${exportedAt.slice(0, 10)}.json`,
    exportedAt,
    json: JSON.stringify({ exportedAt, ...data }, null, 2),
    data,
  };
}
