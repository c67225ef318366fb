// What the safety training and trainer session procedures return. Re-exported by models.ts.
import type { Localized, MachineKind } from './models';

export const stepKinds = ['risks', 'gear', 'before', 'during', 'after', 'emergency', 'fire', 'fumes', 'other'] as const;
export type StepKind = (typeof stepKinds)[number];

export interface ModuleSummary {
  code: string;
  /** The current version: certifications of an older one no longer open the machines. */
  version: string;
  title: Localized;
  summary: Localized;
  machineKinds: MachineKind[];
  /** Codes of the machines that require this module. */
  machines: string[];
  validityMonths: number;
  /** Share of right answers needed, 0–1. */
  passMark: number;
  durationMin: number;
  steps: number;
  questions: number;
  /** The first step's illustration, if any (fetch it with `training.image`). */
  cover: string | null;
}

export interface ModuleStep {
  id: string;
  kind: StepKind;
  title: Localized;
  /** Paragraphs separated by a blank line. */
  body: Localized;
  points: Localized[];
  /** An SVG file name of the module's folder, for `training.image`. */
  image: string | null;
}

/** A quiz question as shown: never with its answers. */
export interface QuizQuestion {
  id: string;
  question: Localized;
  choices: Localized[];
  /** More than one right choice: "select all that apply". */
  multiple: boolean;
}

/** A module to follow or present: its steps and its quiz (without the answers). */
export interface ModuleContent extends ModuleSummary {
  content: { steps: ModuleStep[]; quiz: QuizQuestion[] };
}

export interface QuizResult {
  attemptId: string;
  module: string;
  version: string;
  memberId: string;
  at: string;
  /** Share of questions answered exactly right, 0–1. */
  score: number;
  correctCount: number;
  total: number;
  passMark: number;
  passed: boolean;
  /** Per question: right or not; the explanation is given for every question, right or wrong. */
  questions: { id: string; correct: boolean; explanation: Localized }[];
}

/**
 * Where a member stands for one module. `none`: nothing yet. `quiz_passed`: quiz passed on the current
 * version, waiting for a trainer's practical sign-off. `valid`: signed off, current version, not expired.
 * `expired`: the last sign-off is past its expiry. `outdated`: signed off on an older version of the module.
 */
export type CertificationStatus = 'none' | 'quiz_passed' | 'valid' | 'expired' | 'outdated';

export interface CertificationView {
  module: string;
  title: Localized;
  currentVersion: string;
  status: CertificationStatus;
  /** The version of the sign-off (or of the passed quiz when only that exists). */
  version: string | null;
  quizScore: number | null;
  quizPassedAt: string | null;
  signedOffAt: string | null;
  signedOffBy: string | null;
  expiresAt: string | null;
  /** The trainer session that certified it, for its attestation (`sessions.document`). */
  sessionId: string | null;
  /** Codes of the machines this module opens. */
  machines: string[];
}

export interface ExpiringCertification {
  memberId: string;
  memberName: string;
  module: string;
  version: string;
  expiresAt: string;
  /** `expired` when already past. */
  status: 'valid' | 'expired' | 'outdated';
}

export interface ModuleVersionInfo {
  code: string;
  version: string;
  contentSha256: string;
  publishedAt: string;
  current: boolean;
  /** Valid certifications on this version. */
  certified: number;
}

export interface SessionAttendee {
  memberId: string;
  name: string;
  addedAt: string;
  /** Best quiz attempt on this session's module version (in or before the session); null before any. */
  quiz: { score: number; passed: boolean; at: string } | null;
  /** The practical sign-off in this session: true passed, false not yet able, null not judged yet. */
  signedOff: boolean | null;
  note: string | null;
  /** The certification's expiry when signed off. */
  expiresAt: string | null;
}

export interface TrainingSessionView {
  id: string;
  module: { code: string; version: string; title: Localized; steps: number };
  trainer: { id: string; name: string };
  /** The step shown on the big screen (0-based; `steps` means the quiz). */
  step: number;
  startedAt: string;
  endedAt: string | null;
  attendees: SessionAttendee[];
  /** Stored PDFs, once ended: the report, then one attestation per certified attendee. */
  documents: { kind: 'report' | 'attestation'; memberId: string | null; fileName: string }[];
}

export interface TrainingSessionSummary {
  id: string;
  module: string;
  version: string;
  trainerName: string;
  startedAt: string;
  endedAt: string | null;
  attendees: number;
  certified: number;
}

/** The big screen follows a session without signing in: no names on it. */
export interface PresenterView {
  id: string;
  module: string;
  version: string;
  step: number;
  steps: number;
  attendees: number;
  endedAt: string | null;
}

export interface StoredDocument {
  fileName: string;
  /** application/pdf */
  pdfBase64: string;
}
