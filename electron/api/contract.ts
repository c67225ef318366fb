// The one API contract: every procedure once, with its input schema, output type and role.
// Both transports (Electron IPC and the web host) and the dispatcher read this table.
import { z } from 'zod';
import type * as M from './models';
import type { ProcedureNameList } from './procedure-names';
import { proc } from './procedure';
import { prepareContract } from './contract-prepare';
import { ledgerContract } from './contract-ledger';
import { reportsContract } from './contract-reports';

export type { Procedure } from './procedure';

const none = z.object({}).strict();
// Names are typed on a touch keyboard: trim, forbid control characters, keep them short.
const personName = z
  .string()
  .trim()
  .min(1)
  .max(80)
  .regex(/^[^\p{Cc}]+$/u);
const pin = z.string().regex(/^\d{4,8}$/);
const id = z.string().min(1).max(64);
// A file's name as the maker's stick gives it: no path, no control characters.
const fileName = z
  .string()
  .min(1)
  .max(255)
  .regex(/^[^\p{Cc}/\\]+$/u);
// Codes of seeded things (profile categories, plans, modules, consent purposes).
const code = z.string().regex(/^[a-z0-9][a-z0-9_-]{0,47}$/);
const version = z.string().regex(/^[0-9A-Za-z][0-9A-Za-z.-]{0,15}$/);
// Touch-keyboard contact fields: an empty field means none.
const email = z.union([z.literal(''), z.email().max(120)]);
const phone = z.string().trim().regex(/^(|\+?[0-9][0-9 ().-]{5,23})$/);
// Free text a trainer or manager types: newlines allowed, other control characters not.
const note = z.string().trim().max(500).regex(/^[^\x00-\x09\x0b-\x1f\x7f]*$/);
const longText = z.string().trim().min(1).max(20_000).regex(/^[^\x00-\x09\x0b-\x1f\x7f]*$/);
const purposes = z.array(code).max(20);
/** Quiz answers: question id → indices of the chosen answers. */
const answers = z
  .record(z.string().regex(/^[A-Za-z0-9_-]{1,32}$/), z.array(z.number().int().min(0).max(9)).max(10))
  .refine((a) => Object.keys(a).length <= 100, { message: 'too many answers' });
const role = z.enum(['member', 'trainer', 'manager']);

export const contract = {
  ...prepareContract,
  ...ledgerContract,
  ...reportsContract,
  'kiosk.info': proc<M.KioskInfo>()({ input: none, role: 'visitor' }),
  'catalog.get': proc<M.Catalog>()({ input: none, role: 'visitor' }),
  'machines.list': proc<M.MachineSummary[]>()({ input: none, role: 'visitor' }),
  'session.current': proc<M.SessionInfo>()({ input: none, role: 'visitor' }),
  'session.signIn': proc<M.SessionInfo>()({
    input: z.object({ name: personName, pin }).strict(),
    role: 'visitor',
  }),
  'session.signOut': proc<M.SessionInfo>()({ input: none, role: 'visitor' }),
  /** Keeps a signed-in session alive while the person is using the screen. */
  'session.touch': proc<null>()({ input: none, role: 'visitor' }),
  'members.list': proc<M.MemberSummary[]>()({
    input: z.object({ query: z.string().trim().max(80).optional() }).strict(),
    role: 'manager',
  }),
  /** Files arrive in chunks: begin (name, size), then each chunk in order (base64), then finish. */
  'files.uploadBegin': proc<{ uploadId: string; chunkBytes: number }>()({
    input: z.object({ name: fileName, size: z.number().int().min(0) }).strict(),
    role: 'member',
  }),
  'files.uploadChunk': proc<{ received: number }>()({
    input: z.object({ uploadId: id, offset: z.number().int().min(0), data: z.base64().max(800_000) }).strict(),
    role: 'member',
  }),
  'files.uploadFinish': proc<M.StoredFile>()({ input: z.object({ uploadId: id }).strict(), role: 'member' }),
  /** A stored file's bytes, a chunk at a time (base64), for previews built in the page. */
  'files.read': proc<{ data: string; size: number }>()({
    input: z.object({ fileId: id, offset: z.number().int().min(0), length: z.number().int().min(1).max(524_288) }).strict(),
    role: 'member',
  }),
  'files.uploadAbort': proc<null>()({ input: z.object({ uploadId: id }).strict(), role: 'member' }),
  /** Checks a stored G-code file against a machine (and material): duration, material, findings. */
  'gcode.analyze': proc<M.GcodeAnalysis>()({
    input: z.object({ fileId: id, machineId: z.string().min(1).max(64), materialId: z.string().min(1).max(64).optional() }).strict(),
    role: 'member',
  }),
  /** Every connected machine's live state, its running job and its queue (the machine board). */
  'machines.live': proc<M.MachineLive[]>()({ input: none, role: 'visitor' }),
  /** Anyone standing at the kiosk may stop a machine: smoke does not wait for a sign-in. */
  'machines.emergencyStop': proc<null>()({ input: z.object({ machineId: id }).strict(), role: 'visitor' }),
  'machines.home': proc<null>()({ input: z.object({ machineId: id }).strict(), role: 'trainer' }),
  'machines.unlock': proc<null>()({ input: z.object({ machineId: id }).strict(), role: 'trainer' }),
  'machines.jog': proc<null>()({
    input: z
      .object({
        machineId: id,
        x: z.number().min(-1000).max(1000).optional(),
        y: z.number().min(-1000).max(1000).optional(),
        z: z.number().min(-200).max(200).optional(),
        feedMmMin: z.number().min(1).max(20_000),
      })
      .strict(),
    role: 'trainer',
  }),
  /** Where the machine is plugged (a fixed path, or found again by its USB ids). */
  'machines.setPort': proc<M.MachineSummary>()({
    input: z
      .object({
        machineId: id,
        portPath: z.string().min(1).max(255).regex(/^\/[^\p{Cc}]*$/u).nullable(),
        baud: z.number().int().min(1200).max(1_000_000).optional(),
      })
      .strict(),
    role: 'manager',
  }),
  /** Queues a checked G-code file on a machine for the signed-in member. */
  'jobs.queue': proc<M.JobView>()({
    input: z.object({ fileId: id, machineId: id, materialId: id.optional() }).strict(),
    role: 'member',
  }),
  'jobs.list': proc<M.JobView[]>()({
    input: z
      .object({ machineId: id.optional(), mine: z.boolean().default(false), limit: z.number().int().min(1).max(500).default(50) })
      .strict(),
    role: 'member',
  }),
  /** Starts a queued job: the maker confirms at the machine that the bed is clear and the material in place. */
  'jobs.start': proc<M.JobView>()({ input: z.object({ jobId: id }).strict(), role: 'member' }),
  'jobs.pause': proc<M.JobView>()({ input: z.object({ jobId: id }).strict(), role: 'member' }),
  'jobs.resume': proc<M.JobView>()({ input: z.object({ jobId: id }).strict(), role: 'member' }),
  'jobs.cancel': proc<M.JobView>()({ input: z.object({ jobId: id }).strict(), role: 'member' }),
  /** An interrupted job again: from the line it stopped at (prints only) or from the beginning. */
  'jobs.retry': proc<M.JobView>()({
    input: z.object({ jobId: id, from: z.enum(['interruption', 'beginning']) }).strict(),
    role: 'member',
  }),
  // ── Welcome and check-in ────────────────────────────────────────────────────────────────────────
  /** The charter in force (FR/EN) and the consent purposes the sign-up shows beside it. */
  'kiosk.charter': proc<M.CharterInfo>()({ input: none, role: 'visitor' }),
  /** How many people are in now, by purpose (no names): for the welcome screen. */
  'visits.current': proc<M.Presence>()({ input: none, role: 'visitor' }),
  /**
   * Checks the signed-in member in. One open visit per member: a second check-in the same day with the
   * same purpose returns the open one; another purpose closes it and opens a new one. A coworking
   * check-in counts one day of the member's plan per Paris calendar day and says how many are left.
   */
  'visits.checkIn': proc<M.VisitView>()({
    input: z.object({ purpose: z.enum(['fablab', 'coworking', 'event']), eventId: code.optional() }).strict(),
    role: 'member',
  }),
  /** Closes the member's open visit; `not_found` {what: 'visit'} if none. */
  'visits.checkOut': proc<M.VisitView>()({ input: none, role: 'member' }),

  // ── Membership ──────────────────────────────────────────────────────────────────────────────────
  /**
   * A visitor becomes a member and is signed in on this screen. `consentPurposes` must hold every
   * `required` purpose of `kiosk.charter` (else `consent_required`, nothing written), `charterVersion`
   * the version in force (else `charter_outdated`). A name already taken: `name_taken`; an easy PIN:
   * `weak_pin`. `planId` is a plan code from `catalog.get`, `profileCategory` a profile code.
   */
  'members.signUp': proc<M.SessionInfo>()({
    input: z
      .object({
        displayName: personName,
        email: email.optional(),
        phone: phone.optional(),
        profileCategory: code,
        planId: code.nullable(),
        pin,
        consentPurposes: purposes,
        charterVersion: version,
      })
      .strict(),
    role: 'visitor',
  }),
  /** The signed-in member's profile, consents, charter status, certifications, visits and balance. */
  'members.me': proc<M.MemberProfile>()({ input: none, role: 'member' }),
  /** Accepts the charter in force (the version shown, else `charter_outdated`); returns the updated session. */
  'members.acceptCharter': proc<M.SessionInfo>()({ input: z.object({ version }).strict(), role: 'member' }),
  /** Sets the member's consents: the full list of purposes given. Withdrawing a required one is refused (`consent_required`): close the account instead. */
  'members.setConsents': proc<M.MemberProfile>()({ input: z.object({ purposes }).strict(), role: 'member' }),
  /** Everything the kiosk holds about the signed-in member, as data and as an indented JSON file. */
  'members.exportData': proc<M.MemberExport>()({ input: none, role: 'member' }),
  /**
   * Closes the signed-in member's account after checking the PIN again (`bad_credentials`): name becomes
   * "Membre supprimé", contact, PIN and consents are erased; jobs, visits and certifications stay,
   * anonymised, for the ledger and the funders' statistics. Signs out.
   */
  'members.closeAccount': proc<M.SessionInfo>()({ input: z.object({ pin }).strict(), role: 'member' }),
  /** A member's full profile, for a manager. */
  'members.get': proc<M.MemberProfile>()({ input: z.object({ memberId: id }).strict(), role: 'manager' }),
  /**
   * A manager edits a profile: name, contact ('' clears), category, plan (null: none), role, a new PIN
   * for someone who forgot theirs, or lifting a lock. The last manager cannot lose the role
   * (`conflict` {reason: 'last_manager'}).
   */
  'members.update': proc<M.MemberProfile>()({
    input: z
      .object({
        memberId: id,
        displayName: personName.optional(),
        email: email.optional(),
        phone: phone.optional(),
        profileCategory: code.optional(),
        planId: code.nullable().optional(),
        role: role.optional(),
        pin: pin.optional(),
        unlock: z.literal(true).optional(),
      })
      .strict(),
    role: 'manager',
  }),
  /** A manager closes someone's account on their request (same erasure as `members.closeAccount`). */
  'members.erase': proc<null>()({ input: z.object({ memberId: id }).strict(), role: 'manager' }),

  // ── Charter ─────────────────────────────────────────────────────────────────────────────────────
  /** Every charter version, newest first, with how many members accepted each. */
  'charters.list': proc<M.CharterVersion[]>()({ input: none, role: 'manager' }),
  /** Publishes a new version, in force at once: members are asked to accept it at their next sign-in. A used version: `conflict` {reason: 'version_exists'}. */
  'charters.publish': proc<M.CharterVersion>()({
    input: z.object({ version, text: z.object({ fr: longText, en: longText }).strict() }).strict(),
    role: 'manager',
  }),

  // ── Safety training ─────────────────────────────────────────────────────────────────────────────
  /** The safety modules (current versions): what the welcome screen and the training menu list. */
  'training.modules': proc<M.ModuleSummary[]>()({ input: none, role: 'visitor' }),
  /** One module's steps and quiz questions, never the answers. Visitors may read it (and the big screen shows it). */
  'training.module': proc<M.ModuleContent>()({ input: z.object({ code }).strict(), role: 'visitor' }),
  /** An illustration of a module, as SVG text (show it as an `<img>` data URL). */
  'training.image': proc<{ svg: string }>()({
    input: z.object({ code, file: z.string().max(64).regex(/^[a-z0-9-]+\.svg$/) }).strict(),
    role: 'visitor',
  }),
  /**
   * The member takes a module's quiz alone: graded here, the attempt stored. `version` is the one the
   * questions came from: an older one is refused (`conflict` {reason: 'module_version', current}).
   * Unanswered questions count as wrong; a question id or choice that does not exist is `invalid_input`.
   */
  'training.submitQuiz': proc<M.QuizResult>()({
    input: z.object({ code, version, answers }).strict(),
    role: 'member',
  }),
  /** Status per module for the signed-in member, or for `memberId` (trainers and managers only). */
  'training.certifications': proc<M.CertificationView[]>()({
    input: z.object({ memberId: id.optional() }).strict(),
    role: 'member',
  }),
  /** Certifications expiring within the given days (and those already expired or outdated), soonest first. */
  'training.expiring': proc<M.ExpiringCertification[]>()({
    input: z.object({ withinDays: z.number().int().min(0).max(730).default(30) }).strict(),
    role: 'manager',
  }),
  /** Every version of every module the kiosk has loaded. */
  'training.moduleVersions': proc<M.ModuleVersionInfo[]>()({ input: none, role: 'manager' }),

  // ── Trainer sessions ────────────────────────────────────────────────────────────────────────────
  /** A trainer starts a guided session for a module's current version. */
  'sessions.start': proc<M.TrainingSessionView>()({ input: z.object({ moduleCode: code }).strict(), role: 'trainer' }),
  'sessions.get': proc<M.TrainingSessionView>()({ input: z.object({ sessionId: id }).strict(), role: 'trainer' }),
  /** Recent sessions, newest first; `open` only those not ended. */
  'sessions.list': proc<M.TrainingSessionSummary[]>()({
    input: z.object({ open: z.boolean().default(false), limit: z.number().int().min(1).max(200).default(50) }).strict(),
    role: 'trainer',
  }),
  /** What the big screen shows, without signing in and without names; it follows `training.session` events. */
  'sessions.presenter': proc<M.PresenterView>()({ input: z.object({ sessionId: id }).strict(), role: 'visitor' }),
  /** Moves the big screen to a step (0-based; the number of steps means the quiz). */
  'sessions.setStep': proc<M.TrainingSessionView>()({
    input: z.object({ sessionId: id, step: z.number().int().min(0).max(200) }).strict(),
    role: 'trainer',
  }),
  /** Adds an existing member (picked from `members.search`) to the session; adding twice changes nothing. */
  'sessions.addAttendee': proc<M.TrainingSessionView>()({
    input: z.object({ sessionId: id, memberId: id }).strict(),
    role: 'trainer',
  }),
  /** Removes an attendee who has not been signed off. */
  'sessions.removeAttendee': proc<M.TrainingSessionView>()({
    input: z.object({ sessionId: id, memberId: id }).strict(),
    role: 'trainer',
  }),
  /**
   * Signs up a newcomer during a session and adds them. The person is in front of the kiosk: they read
   * and accept the charter and the consents on the spot, with the same rules as `members.signUp`.
   */
  'sessions.quickSignUp': proc<M.TrainingSessionView>()({
    input: z
      .object({
        sessionId: id,
        displayName: personName,
        email: email.optional(),
        phone: phone.optional(),
        profileCategory: code,
        pin,
        consentPurposes: purposes,
        charterVersion: version,
      })
      .strict(),
    role: 'trainer',
  }),
  /** The trainer runs the quiz for one attendee on the kiosk; graded and stored as that attendee's attempt. */
  'sessions.submitQuiz': proc<M.QuizResult>()({
    input: z.object({ sessionId: id, memberId: id, answers }).strict(),
    role: 'trainer',
  }),
  /**
   * Practical sign-off of one attendee. `passed: true` needs a passed quiz on this version
   * (`quiz_not_passed`) and certifies them for the module's validity from now; `false` records that the
   * practice must be redone. May be changed until the session ends (a pass changed to a fail revokes it).
   */
  'sessions.signOff': proc<M.TrainingSessionView>()({
    input: z.object({ sessionId: id, memberId: id, passed: z.boolean(), note: note.optional() }).strict(),
    role: 'trainer',
  }),
  /** Ends the session: writes the report and one attestation per certified attendee (PDF, in French), kept in the store. */
  'sessions.end': proc<M.TrainingSessionView>()({ input: z.object({ sessionId: id }).strict(), role: 'trainer' }),
  /**
   * A stored PDF: the session report (no `memberId`; trainers) or a member's attestation (the member
   * themself, or a trainer). `not_found` {what: 'document'} before the session ends.
   */
  'sessions.document': proc<M.StoredDocument>()({
    input: z.object({ sessionId: id, memberId: id.optional() }).strict(),
    role: 'member',
  }),
  /** Members by name, for a trainer adding attendees (names and categories only). */
  'members.search': proc<M.MemberSummary[]>()({
    input: z.object({ query: z.string().trim().min(1).max(80) }).strict(),
    role: 'trainer',
  }),

  'audit.list': proc<M.AuditEntry[]>()({
    input: z.object({ limit: z.number().int().min(1).max(500).default(100) }).strict(),
    role: 'manager',
  }),
} as const;

export type Contract = typeof contract;

// Compile-time check that procedure-names.ts lists exactly the contract's procedures.
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const namesMatch: Same<keyof Contract, ProcedureNameList> = true;
void namesMatch;
