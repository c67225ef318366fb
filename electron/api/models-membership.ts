// What the welcome, membership, charter and visit procedures return. Re-exported by models.ts.
import type { Localized } from './models';
import type { CertificationView } from './models-training';
import type { Role } from './roles';

/**
 * Why the kiosk keeps a piece of personal data. `required`: membership cannot exist without it (the
 * sign-up must tick it). `optional`: asked, may be refused or withdrawn at any time. `information`:
 * not a consent (legitimate interest, e.g. anonymous statistics for the funders): shown, never asked.
 */
export interface ConsentPurpose {
  code: string;
  kind: 'required' | 'optional' | 'information';
  title: Localized;
  text: Localized;
}

/** The charter in force and the purposes the sign-up screen shows beside it. */
export interface CharterInfo {
  version: string;
  publishedAt: string;
  text: Localized;
  purposes: ConsentPurpose[];
}

export interface CharterVersion {
  version: string;
  publishedAt: string;
  publishedBy: string | null;
  text: Localized;
  current: boolean;
  /** Members (not closed) whose accepted version is this one. */
  acceptedBy: number;
}

export interface ConsentState {
  purpose: string;
  kind: ConsentPurpose['kind'];
  /** `information` purposes always apply (true, with `at` null): they are stated, not asked. */
  given: boolean;
  /** When it was given or withdrawn last; null if never asked. */
  at: string | null;
}

export type VisitPurpose = 'fablab' | 'coworking' | 'event';

export interface CoworkingDay {
  /** Plan code, or null without a plan. */
  plan: string | null;
  /** A day of the plan was used by this check-in (false on a second check-in the same day, or with an unlimited plan). */
  counted: boolean;
  /** The day is beyond what the plan includes (or there is no coworking plan): the ledger will charge it. */
  extra: boolean;
  /** Days included per period; null = unlimited (or no plan). */
  daysIncluded: number | null;
  daysUsed: number;
  /** null when unlimited. Never negative. */
  daysLeft: number | null;
  /** The plan's current period, as Paris calendar days (YYYY-MM-DD, end inclusive). */
  periodStart: string;
  periodEnd: string;
}

export interface VisitView {
  id: string;
  purpose: VisitPurpose;
  eventId: string | null;
  checkedInAt: string;
  checkedOutAt: string | null;
  /** This was the member's first visit ever, and the site offers the first visit free. */
  firstVisitFree: boolean;
  /** Set for coworking visits only. */
  coworking: CoworkingDay | null;
}

/** Who is in, without names: the welcome screen's "x people in the fablab". */
export interface Presence {
  total: number;
  byPurpose: Record<VisitPurpose, number>;
}

export interface CharterStatus {
  /** The version this member accepted last; null if never. */
  accepted: string | null;
  acceptedAt: string | null;
  current: string;
  upToDate: boolean;
}

/** A member's whole profile: what `members.me` shows them and `members.get` shows a manager. */
export interface MemberProfile {
  id: string;
  displayName: string;
  role: Role;
  profileCategory: string;
  email: string | null;
  phone: string | null;
  planId: string | null;
  createdAt: string;
  lockedUntil: string | null;
  consents: ConsentState[];
  charter: CharterStatus;
  certifications: CertificationView[];
  recentVisits: VisitView[];
  /** Open visit, if checked in now. */
  currentVisit: VisitView | null;
  /** Coworking days of the current period (null without a plan that includes days). */
  coworking: CoworkingDay | null;
  /** True until the member's first check-in, if the site offers the first visit free. */
  firstVisitFree: boolean;
  jobsCount: number;
  /** Integer cents: the sum of the member's ledger entries (negative: they owe the lab). */
  balanceCents: number;
}

/** Everything the kiosk holds about one member (right of access, GDPR art. 15/20). */
export interface MemberExport {
  fileName: string;
  exportedAt: string;
  /** The same data as `data`, serialised and indented, for saving as a file. */
  json: string;
  data: {
    profile: Omit<MemberProfile, 'certifications' | 'recentVisits' | 'currentVisit' | 'coworking'>;
    consents: { purpose: string; given: boolean; at: string }[];
    charterAcceptances: { version: string; at: string }[];
    visits: VisitView[];
    quizAttempts: { module: string; version: string; at: string; score: number; passed: boolean }[];
    certifications: {
      module: string;
      version: string;
      signedOffAt: string;
      signedOffBy: string | null;
      expiresAt: string;
      revokedAt: string | null;
    }[];
    trainingSessions: { id: string; module: string; startedAt: string; signedOff: boolean | null }[];
    jobs: { id: string; machine: string; file: string; state: string; createdAt: string; endedAt: string | null }[];
    auditTrail: { at: string; action: string }[];
  };
}
