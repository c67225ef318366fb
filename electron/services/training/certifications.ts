// Where a member stands for each module, from their sign-offs and quiz attempts. One rule serves the
// profile screens, the trainers and the machine access check, so they can never disagree.
import type { CertificationStatus, CertificationView, ExpiringCertification, Localized } from '../../api/models';
import type { Store } from '../../store';
import type { ModuleLibrary } from './library';

export interface CertificationRow {
  id: string;
  member_id: string;
  module_code: string;
  module_version: string;
  quiz_attempt_id: string | null;
  session_id: string | null;
  signed_off_by: string | null;
  signer: string | null;
  signed_off_at: string;
  expires_at: string;
  quiz_score: number | null;
  quiz_at: string | null;
}

export interface AttemptRow {
  id: string;
  module_version: string;
  score: number;
  created_at: string;
}

export interface Standing {
  status: CertificationStatus;
  /** The sign-off in force or last in force (not revoked). */
  cert: CertificationRow | null;
  /** A passed quiz on the current version since the last sign-off: what a new sign-off needs. */
  pendingQuiz: AttemptRow | null;
}

export function lastCertification(store: Store, memberId: string, code: string): CertificationRow | null {
  return (
    (store.db
      .prepare(
        `SELECT c.*, s.display_name AS signer, q.score AS quiz_score, q.created_at AS quiz_at
         FROM certifications c LEFT JOIN members s ON s.id = c.signed_off_by
         LEFT JOIN quiz_attempts q ON q.id = c.quiz_attempt_id
         WHERE c.member_id = ? AND c.module_code = ? AND c.revoked_at IS NULL
         ORDER BY c.signed_off_at DESC, c.id DESC LIMIT 1`,
      )
      .get(memberId, code) as CertificationRow | undefined) ?? null
  );
}

/** The best passed attempt on `version` taken after `since` (an attempt opens one sign-off only). */
export function passedAttemptSince(store: Store, memberId: string, code: string, version: string, since: string | null): AttemptRow | null {
  return (
    (store.db
      .prepare(
        `SELECT id, module_version, score, created_at FROM quiz_attempts
         WHERE member_id = ? AND module_code = ? AND module_version = ? AND passed = 1 AND created_at > ?
         ORDER BY score DESC, created_at DESC LIMIT 1`,
      )
      .get(memberId, code, version, since ?? '') as AttemptRow | undefined) ?? null
  );
}

export function standing(store: Store, library: ModuleLibrary, memberId: string, code: string, now: Date): Standing {
  const current = library.currentVersion(code);
  const cert = lastCertification(store, memberId, code);
  const at = now.toISOString();
  if (cert && current !== null && cert.module_version === current && cert.expires_at > at) {
    return { status: 'valid', cert, pendingQuiz: null };
  }
  const pendingQuiz = current === null ? null : passedAttemptSince(store, memberId, code, current, cert?.signed_off_at ?? null);
  if (pendingQuiz) return { status: 'quiz_passed', cert, pendingQuiz };
  if (cert) return { status: cert.expires_at <= at ? 'expired' : 'outdated', cert, pendingQuiz: null };
  return { status: 'none', cert: null, pendingQuiz: null };
}

export function certificationView(store: Store, library: ModuleLibrary, memberId: string, code: string, now: Date, machines: string[]): CertificationView {
  const s = standing(store, library, memberId, code, now);
  const def = library.get(code);
  const title: Localized = def?.title ?? moduleTitle(store, code);
  const signed = s.status === 'valid' || s.status === 'expired' || s.status === 'outdated' ? s.cert : null;
  return {
    module: code,
    title,
    currentVersion: def?.version ?? '',
    status: s.status,
    version: s.pendingQuiz?.module_version ?? signed?.module_version ?? null,
    quizScore: s.pendingQuiz?.score ?? signed?.quiz_score ?? null,
    quizPassedAt: s.pendingQuiz?.created_at ?? signed?.quiz_at ?? null,
    signedOffAt: signed?.signed_off_at ?? null,
    signedOffBy: signed?.signer ?? null,
    expiresAt: signed?.expires_at ?? null,
    sessionId: signed?.session_id ?? null,
    machines,
  };
}

/** Every current module, plus any other the member was ever certified for. */
export function certificationViews(store: Store, library: ModuleLibrary, memberId: string, now: Date): CertificationView[] {
  const others = store.db
    .prepare('SELECT DISTINCT module_code FROM certifications WHERE member_id = ? AND revoked_at IS NULL')
    .pluck()
    .all(memberId) as string[];
  const codes = [...new Set([...library.codes(), ...others])];
  const machines = library.machinesByModule();
  return codes.map((c) => certificationView(store, library, memberId, c, now, machines.get(c) ?? []));
}

function moduleTitle(store: Store, code: string): Localized {
  const r = store.db.prepare('SELECT title_fr, title_en FROM modules WHERE code = ? ORDER BY published_at DESC LIMIT 1').get(code) as
    | { title_fr: string; title_en: string }
    | undefined;
  return r ? { fr: r.title_fr, en: r.title_en } : { fr: code, en: code };
}

/** Latest sign-offs expiring before `now + withinDays`, already expired, or on an old version; soonest first. */
export function expiring(store: Store, library: ModuleLibrary, withinDays: number, now: Date): ExpiringCertification[] {
  const until = new Date(now.getTime() + withinDays * 86_400_000).toISOString();
  const rows = store.db
    .prepare(
      `SELECT c.member_id, m.display_name, c.module_code, c.module_version, c.expires_at
       FROM certifications c JOIN members m ON m.id = c.member_id
       WHERE c.revoked_at IS NULL AND m.erased_at IS NULL
         AND c.id = (SELECT c2.id FROM certifications c2 WHERE c2.member_id = c.member_id AND c2.module_code = c.module_code
                     AND c2.revoked_at IS NULL ORDER BY c2.signed_off_at DESC, c2.id DESC LIMIT 1)
       ORDER BY c.expires_at`,
    )
    .all() as { member_id: string; display_name: string; module_code: string; module_version: string; expires_at: string }[];
  const at = now.toISOString();
  return rows.flatMap((r): ExpiringCertification[] => {
    const current = library.currentVersion(r.module_code);
    const outdated = current !== null && current !== r.module_version;
    const status = r.expires_at <= at ? 'expired' : outdated ? 'outdated' : 'valid';
    if (status === 'valid' && r.expires_at > until) return [];
    return [{ memberId: r.member_id, memberName: r.display_name, module: r.module_code, version: r.module_version, expiresAt: r.expires_at, status }];
  });
}
