// Trainer sessions: a trainer presents a module step by step on the big screen, adds attendees (picked
// or signed up on the spot), runs the quiz for each, signs each off in practice, and ends the session,
// which writes the report and the attestations. The session's trainer (or a manager) drives it.
import { DomainError } from '../../api/errors';
import type { Caller } from '../../api/dispatcher';
import type { PresenterView, QuizResult, StoredDocument, TrainingSessionSummary, TrainingSessionView } from '../../api/models';
import { roleAtLeast } from '../../api/roles';
import type { Store } from '../../store';
import type { AuditLog } from '../audit';
import { addMonths } from '../dates';
import { attestationPdf } from '../documents/attestation';
import { readDocument, replaceDocument, saveDocument, sessionDocuments } from '../documents/documents';
import { sessionReportPdf, type SessionReportData } from '../documents/session-report';
import type { EventHub } from '../events';
import { readSite } from '../kiosk';
import { createMember, type NewMember } from '../members/sign-up';
import { lastCertification, passedAttemptSince, type AttemptRow } from './certifications';
import type { ModuleLibrary } from './library';
import type { ModuleDefinition } from './module-schema';
import { recordAttempt } from './quiz';

interface SessionRow {
  id: string;
  module_code: string;
  module_version: string;
  trainer_id: string;
  trainer_name: string;
  step: number;
  started_at: string;
  ended_at: string | null;
}

interface AttendeeRow {
  id: string;
  member_id: string;
  name: string;
  profile_fr: string;
  added_at: string;
  signed_off: number | null;
  signed_off_at: string | null;
  note: string | null;
  certification_id: string | null;
  expires_at: string | null;
}

interface AttemptSummary {
  id: string;
  score: number;
  correct_count: number;
  total: number;
  passed: number;
  created_at: string;
}

export interface TrainingSessionsDeps {
  store: Store;
  library: ModuleLibrary;
  audit: AuditLog;
  events: EventHub;
  now: () => Date;
}

export class TrainingSessions {
  constructor(private readonly d: TrainingSessionsDeps) {}

  start(caller: Caller, moduleCode: string): TrainingSessionView {
    const trainer = this.member(caller);
    const def = this.d.library.require(moduleCode);
    const id = this.d.store.writer.transaction(() => {
      const sid = this.d.store.writer.insert('training_sessions', {
        module_code: def.code,
        module_version: def.version,
        trainer_id: trainer,
        step: 0,
        started_at: this.d.now().toISOString(),
        ended_at: null,
      });
      this.d.audit.record(trainer, 'training_session.start', sid, { module: def.code, version: def.version });
      return sid;
    });
    return this.view(this.row(id));
  }

  get(id: string): TrainingSessionView {
    return this.view(this.row(id));
  }

  list(open: boolean, limit: number): TrainingSessionSummary[] {
    const rows = this.d.store.db
      .prepare(
        `SELECT s.id, s.module_code, s.module_version, t.display_name AS trainer_name, s.started_at, s.ended_at,
           (SELECT COUNT(*) FROM session_attendees a WHERE a.session_id = s.id AND a.removed_at IS NULL) AS attendees,
           (SELECT COUNT(*) FROM session_attendees a WHERE a.session_id = s.id AND a.removed_at IS NULL AND a.signed_off = 1) AS certified
         FROM training_sessions s JOIN members t ON t.id = s.trainer_id
         WHERE (? = 0 OR s.ended_at IS NULL) ORDER BY s.started_at DESC, s.id DESC LIMIT ?`,
      )
      .all(open ? 1 : 0, limit) as { id: string; module_code: string; module_version: string; trainer_name: string; started_at: string; ended_at: string | null; attendees: number; certified: number }[];
    return rows.map((r) => ({
      id: r.id,
      module: r.module_code,
      version: r.module_version,
      trainerName: r.trainer_name,
      startedAt: r.started_at,
      endedAt: r.ended_at,
      attendees: r.attendees,
      certified: r.certified,
    }));
  }

  presenter(id: string): PresenterView {
    const s = this.row(id);
    return {
      id: s.id,
      module: s.module_code,
      version: s.module_version,
      step: s.step,
      steps: this.definition(s).steps.length,
      attendees: this.attendees(s).length,
      endedAt: s.ended_at,
    };
  }

  setStep(caller: Caller, id: string, step: number): TrainingSessionView {
    const s = this.openSession(caller, id);
    const steps = this.definition(s).steps.length;
    if (step > steps) throw new DomainError('invalid_input', { field: 'step', max: steps });
    this.d.store.writer.update('training_sessions', s.id, { step });
    return this.changed(s.id);
  }

  addAttendee(caller: Caller, id: string, memberId: string): TrainingSessionView {
    const s = this.openSession(caller, id);
    const member = this.d.store.db.prepare('SELECT id FROM members WHERE id = ? AND erased_at IS NULL').get(memberId);
    if (!member) throw new DomainError('not_found', { what: 'member' });
    this.d.store.writer.transaction(() => this.attend(caller, s, memberId));
    return this.changed(s.id);
  }

  removeAttendee(caller: Caller, id: string, memberId: string): TrainingSessionView {
    const s = this.openSession(caller, id);
    const a = this.attendeeRow(s.id, memberId);
    if (!a || a.removed_at) throw new DomainError('not_found', { what: 'attendee' });
    if (a.signed_off === 1) throw new DomainError('conflict', { reason: 'signed_off' });
    this.d.store.writer.transaction(() => {
      this.d.store.writer.update('session_attendees', a.id, { removed_at: this.d.now().toISOString() });
      this.d.audit.record(caller.memberId, 'training_session.remove_attendee', s.id, { member: memberId });
    });
    return this.changed(s.id);
  }

  /** The newcomer accepts the charter and consents on the kiosk in front of them: same rules as a sign-up. */
  async quickSignUp(caller: Caller, id: string, input: Omit<NewMember, 'planId'>): Promise<TrainingSessionView> {
    this.openSession(caller, id);
    const memberId = await createMember(this.d.store, this.d.audit, { ...input, planId: null }, { actor: caller.memberId, sessionId: id }, this.d.now);
    const s = this.openSession(caller, id);
    this.d.store.writer.transaction(() => this.attend(caller, s, memberId));
    return this.changed(s.id);
  }

  submitQuiz(caller: Caller, id: string, memberId: string, answers: Record<string, number[]>): QuizResult {
    const s = this.openSession(caller, id);
    this.requireAttendee(s, memberId);
    const def = this.currentDefinition(s);
    return this.d.store.writer.transaction(() => {
      const result = recordAttempt(this.d.store, def, answers, { memberId, submittedBy: caller.memberId!, sessionId: s.id }, this.d.now());
      this.d.audit.record(caller.memberId, 'quiz.submit', result.attemptId, {
        member: memberId,
        module: def.code,
        version: def.version,
        score: result.score,
        passed: result.passed,
        trainingSession: s.id,
      });
      return result;
    });
  }

  signOff(caller: Caller, id: string, memberId: string, passed: boolean, note: string | undefined): TrainingSessionView {
    const s = this.openSession(caller, id);
    if (memberId === caller.memberId) throw new DomainError('forbidden', { reason: 'self_sign_off' });
    const a = this.requireAttendee(s, memberId);
    const def = this.currentDefinition(s);
    const at = this.d.now();
    const w = this.d.store.writer;
    w.transaction(() => {
      if (passed && a.signed_off === 1 && a.certification_id) {
        w.update('session_attendees', a.id, { note: note ?? a.note });
      } else if (passed) {
        const attempt = this.attemptForSignOff(s, memberId);
        if (!attempt) throw new DomainError('quiz_not_passed', { module: def.code, version: def.version });
        const certId = w.insert('certifications', {
          member_id: memberId,
          module_code: def.code,
          module_version: def.version,
          quiz_attempt_id: attempt.id,
          session_id: s.id,
          signed_off_by: caller.memberId,
          signed_off_at: at.toISOString(),
          expires_at: addMonths(at, def.validityMonths).toISOString(),
          revoked_at: null,
          note: note ?? null,
        });
        w.update('session_attendees', a.id, { signed_off: 1, signed_off_at: at.toISOString(), note: note ?? null, certification_id: certId });
        this.d.audit.record(caller.memberId, 'certification.sign_off', certId, { member: memberId, module: def.code, version: def.version, trainingSession: s.id });
      } else {
        if (a.signed_off === 1 && a.certification_id) {
          // A pass changed to a fail on the touch screen: the certification it gave is withdrawn.
          w.update('certifications', a.certification_id, { revoked_at: at.toISOString() });
          this.d.audit.record(caller.memberId, 'certification.revoke', a.certification_id, { member: memberId, trainingSession: s.id });
        }
        w.update('session_attendees', a.id, { signed_off: 0, signed_off_at: at.toISOString(), note: note ?? null, certification_id: null });
        this.d.audit.record(caller.memberId, 'certification.not_passed', s.id, { member: memberId, module: def.code });
      }
    });
    return this.changed(s.id);
  }

  async end(caller: Caller, id: string): Promise<TrainingSessionView> {
    const s = this.openSession(caller, id);
    const endedAt = this.d.now().toISOString();
    const report = await sessionReportPdf(this.reportData(s, endedAt));
    const attestations: { memberId: string; pdf: Buffer }[] = [];
    for (const a of this.attendees(s)) {
      if (a.signed_off !== 1 || !a.certification_id) continue;
      attestations.push({ memberId: a.member_id, pdf: await attestationPdf(this.attestationData(s, a, endedAt)) });
    }
    const w = this.d.store.writer;
    w.transaction(() => {
      if (this.row(id).ended_at) throw new DomainError('conflict', { reason: 'session_ended' });
      w.update('training_sessions', s.id, { ended_at: endedAt });
      const day = endedAt.slice(0, 10);
      saveDocument(this.d.store, { kind: 'session_report', sessionId: s.id, memberId: null, fileName: `compte-rendu-${s.module_code}-${day}.pdf`, pdf: report });
      for (const [i, a] of attestations.entries()) {
        saveDocument(this.d.store, {
          kind: 'attestation',
          sessionId: s.id,
          memberId: a.memberId,
          fileName: `attestation-${s.module_code}-${day}-${i + 1}.pdf`,
          pdf: a.pdf,
        });
      }
      this.d.audit.record(caller.memberId, 'training_session.end', s.id, { attendees: this.attendees(s).length, certified: attestations.length });
    });
    return this.changed(s.id);
  }

  /** The report (trainers) or one member's attestation (that member, or a trainer). */
  document(caller: Caller, id: string, memberId: string | undefined): StoredDocument {
    const trainer = roleAtLeast(caller.role, 'trainer');
    if (memberId === undefined ? !trainer : memberId !== caller.memberId && !trainer) throw new DomainError('forbidden');
    const doc = readDocument(this.d.store, id, memberId === undefined ? 'session_report' : 'attestation', memberId ?? null);
    if (!doc) throw new DomainError('not_found', { what: 'document' });
    return doc;
  }

  /** After an account is closed: the reports that named the member are written again without the name. */
  async rewriteReportsOf(memberId: string): Promise<void> {
    const rows = this.d.store.db
      .prepare(
        `SELECT d.id, d.session_id FROM documents d JOIN session_attendees a ON a.session_id = d.session_id
         WHERE a.member_id = ? AND d.kind = 'session_report' AND d.erased_at IS NULL`,
      )
      .all(memberId) as { id: string; session_id: string }[];
    for (const r of rows) {
      const s = this.row(r.session_id);
      const pdf = await sessionReportPdf(this.reportData(s, s.ended_at!));
      replaceDocument(this.d.store, r.id, pdf);
    }
  }

  private attend(caller: Caller, s: SessionRow, memberId: string): void {
    const existing = this.attendeeRow(s.id, memberId);
    const at = this.d.now().toISOString();
    if (existing && !existing.removed_at) return;
    if (existing) this.d.store.writer.update('session_attendees', existing.id, { removed_at: null, added_at: at });
    else this.d.store.writer.insert('session_attendees', { session_id: s.id, member_id: memberId, added_at: at });
    this.d.audit.record(caller.memberId, 'training_session.add_attendee', s.id, { member: memberId });
  }

  /** In this session first; else a quiz passed alone since the member's last sign-off. */
  private attemptForSignOff(s: SessionRow, memberId: string): AttemptRow | null {
    const inSession = this.d.store.db
      .prepare(
        `SELECT id, module_version, score, created_at FROM quiz_attempts
         WHERE session_id = ? AND member_id = ? AND passed = 1 ORDER BY score DESC, created_at DESC LIMIT 1`,
      )
      .get(s.id, memberId) as AttemptRow | undefined;
    if (inSession) return inSession;
    const last = lastCertification(this.d.store, memberId, s.module_code);
    return passedAttemptSince(this.d.store, memberId, s.module_code, s.module_version, last?.signed_off_at ?? null);
  }

  /** The attempt that counts for an attendee: their best in this session, else the one their sign-off used, else a quiz passed alone before. */
  private quizOf(s: SessionRow, a: AttendeeRow): AttemptSummary | null {
    const one = (where: string, ...args: unknown[]) =>
      this.d.store.db
        .prepare(`SELECT id, score, correct_count, total, passed, created_at FROM quiz_attempts WHERE ${where} ORDER BY score DESC, created_at DESC LIMIT 1`)
        .get(...args) as AttemptSummary | undefined;
    const inSession = one('session_id = ? AND member_id = ?', s.id, a.member_id);
    if (inSession) return inSession;
    if (a.certification_id) {
      const used = one('id = (SELECT quiz_attempt_id FROM certifications WHERE id = ?)', a.certification_id);
      if (used) return used;
    }
    const pending = this.attemptForSignOff(s, a.member_id);
    return (pending && one('id = ?', pending.id)) ?? null;
  }

  private view(s: SessionRow): TrainingSessionView {
    const def = this.definition(s);
    return {
      id: s.id,
      module: { code: s.module_code, version: s.module_version, title: def.title, steps: def.steps.length },
      trainer: { id: s.trainer_id, name: s.trainer_name },
      step: s.step,
      startedAt: s.started_at,
      endedAt: s.ended_at,
      attendees: this.attendees(s).map((a) => {
        const q = this.quizOf(s, a);
        return {
          memberId: a.member_id,
          name: a.name,
          addedAt: a.added_at,
          quiz: q ? { score: q.score, passed: q.passed === 1, at: q.created_at } : null,
          signedOff: a.signed_off === null ? null : a.signed_off === 1,
          note: a.note,
          expiresAt: a.signed_off === 1 ? a.expires_at : null,
        };
      }),
      documents: sessionDocuments(this.d.store, s.id).map((d) => ({
        kind: d.kind === 'session_report' ? ('report' as const) : ('attestation' as const),
        memberId: d.member_id,
        fileName: d.file_name,
      })),
    };
  }

  private reportData(s: SessionRow, endedAt: string): SessionReportData {
    const def = this.definition(s);
    return {
      lab: this.lab(),
      module: { title: def.title.fr, version: s.module_version },
      trainer: s.trainer_name,
      startedAt: s.started_at,
      endedAt,
      attendees: this.attendees(s).map((a) => {
        const q = this.quizOf(s, a);
        return {
          name: a.name,
          profile: a.profile_fr,
          quiz: q ? { correct: q.correct_count, total: q.total, passed: q.passed === 1 } : null,
          signedOff: a.signed_off === null ? null : a.signed_off === 1,
          expiresAt: a.signed_off === 1 ? a.expires_at : null,
          note: a.note,
        };
      }),
      reference: s.id,
    };
  }

  private attestationData(s: SessionRow, a: AttendeeRow, issuedAt: string) {
    const def = this.definition(s);
    const cert = this.d.store.db
      .prepare(
        `SELECT c.id, c.signed_off_at, c.expires_at, t.display_name AS trainer, q.created_at AS quiz_at, q.correct_count, q.total
         FROM certifications c LEFT JOIN members t ON t.id = c.signed_off_by LEFT JOIN quiz_attempts q ON q.id = c.quiz_attempt_id
         WHERE c.id = ?`,
      )
      .get(a.certification_id) as { id: string; signed_off_at: string; expires_at: string; trainer: string | null; quiz_at: string | null; correct_count: number | null; total: number | null };
    const machines = this.d.store.db
      .prepare('SELECT name FROM machines WHERE required_module = ? AND active = 1 ORDER BY name')
      .pluck()
      .all(s.module_code) as string[];
    return {
      lab: this.lab(),
      member: a.name,
      module: { title: def.title.fr, version: s.module_version, durationMin: def.durationMin },
      machines,
      quiz: cert.quiz_at !== null ? { at: cert.quiz_at, correct: cert.correct_count ?? 0, total: cert.total ?? 1 } : null,
      signedOffAt: cert.signed_off_at,
      trainer: cert.trainer ?? s.trainer_name,
      expiresAt: cert.expires_at,
      sessionStartedAt: s.started_at,
      reference: cert.id,
      issuedAt,
    };
  }

  private lab(): { name: string; town: string } {
    const site = readSite(this.d.store);
    return { name: site.name, town: site.town };
  }

  private changed(id: string): TrainingSessionView {
    const view = this.view(this.row(id));
    this.d.events.emit({ type: 'training.session', sessionId: id, step: view.step, ended: view.endedAt !== null });
    return view;
  }

  private member(caller: Caller): string {
    if (!caller.memberId) throw new DomainError('unauthenticated');
    return caller.memberId;
  }

  private row(id: string): SessionRow {
    const r = this.d.store.db
      .prepare(
        `SELECT s.id, s.module_code, s.module_version, s.trainer_id, t.display_name AS trainer_name, s.step, s.started_at, s.ended_at
         FROM training_sessions s JOIN members t ON t.id = s.trainer_id WHERE s.id = ?`,
      )
      .get(id) as SessionRow | undefined;
    if (!r) throw new DomainError('not_found', { what: 'training_session' });
    return r;
  }

  /** The session, if still open and the caller runs it (its trainer, or a manager). */
  private openSession(caller: Caller, id: string): SessionRow {
    const s = this.row(id);
    if (s.trainer_id !== caller.memberId && !roleAtLeast(caller.role, 'manager')) throw new DomainError('forbidden', { reason: 'not_your_session' });
    if (s.ended_at) throw new DomainError('conflict', { reason: 'session_ended' });
    return s;
  }

  private attendees(s: SessionRow): AttendeeRow[] {
    return this.d.store.db
      .prepare(
        `SELECT a.id, a.member_id, m.display_name AS name, p.name_fr AS profile_fr, a.added_at, a.signed_off, a.signed_off_at,
           a.note, a.certification_id, c.expires_at
         FROM session_attendees a JOIN members m ON m.id = a.member_id
         JOIN profile_categories p ON p.id = m.profile_category_id
         LEFT JOIN certifications c ON c.id = a.certification_id
         WHERE a.session_id = ? AND a.removed_at IS NULL ORDER BY a.added_at, a.id`,
      )
      .all(s.id) as AttendeeRow[];
  }

  private attendeeRow(sessionId: string, memberId: string) {
    return this.d.store.db
      .prepare('SELECT id, signed_off, certification_id, note, removed_at FROM session_attendees WHERE session_id = ? AND member_id = ?')
      .get(sessionId, memberId) as { id: string; signed_off: number | null; certification_id: string | null; note: string | null; removed_at: string | null } | undefined;
  }

  private requireAttendee(s: SessionRow, memberId: string) {
    const a = this.attendeeRow(s.id, memberId);
    if (!a || a.removed_at) throw new DomainError('not_found', { what: 'attendee' });
    return a;
  }

  /** The module as it was when the session started (a kiosk update may have brought a newer version). */
  private definition(s: SessionRow): ModuleDefinition {
    const current = this.d.library.get(s.module_code);
    if (current?.version === s.module_version) return current;
    const json = this.d.store.db
      .prepare('SELECT content_json FROM modules WHERE code = ? AND version = ?')
      .pluck()
      .get(s.module_code, s.module_version) as string | undefined;
    if (!json) throw new DomainError('not_found', { what: 'module', code: s.module_code });
    return JSON.parse(json) as ModuleDefinition;
  }

  /** Quizzes and sign-offs only on the version in force: an older one would certify nobody. */
  private currentDefinition(s: SessionRow): ModuleDefinition {
    const current = this.d.library.currentVersion(s.module_code);
    if (current !== s.module_version) throw new DomainError('conflict', { reason: 'module_version', current: current ?? '' });
    return this.definition(s);
  }
}
