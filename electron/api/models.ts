// What the procedures return. Plain JSON only: ISO strings for dates, integer cents for money.
import type { Analysis } from '../../jobs/gcode';
import type { Role } from './roles';

/** Content authored in both languages (place texts, machine names); UI strings go through i18n instead. */
export interface Localized {
  fr: string;
  en: string;
}

export interface Offer {
  id: string;
  icon: string;
  title: Localized;
  text: Localized;
}

export interface OpeningSlot {
  days: Localized;
  hours: string;
}

export interface PlaceEvent {
  id: string;
  title: Localized;
  when: Localized;
  text: Localized;
}

export interface KioskInfo {
  kioskId: string;
  place: {
    name: string;
    town: string;
    tagline: Localized;
    description: Localized;
    offers: Offer[];
    openingHours: OpeningSlot[];
    events: PlaceEvent[];
  };
  idleTimeoutS: number;
  currency: string;
}

export const machineKinds = [
  'fdm',
  'laser',
  'cnc',
  'vinyl',
  'thermoformer',
  'embroidery',
  'sewing',
  'scanner',
] as const;
export type MachineKind = (typeof machineKinds)[number];

/** `manual`: not connected, its use is logged by hand. Drivers add idle/running/paused/alarm. */
export type MachineStatus = 'offline' | 'connected' | 'manual' | 'idle' | 'running' | 'paused' | 'alarm';

export interface MachineSummary {
  id: string;
  /** Stable short name used by the command line and the config, e.g. `laser-co2`. */
  code: string;
  name: string;
  kind: MachineKind;
  model: string;
  connection: 'serial' | 'manual';
  firmware: 'marlin' | 'grbl' | 'hpgl' | null;
  workArea: { x: number; y: number; z: number } | null;
  /** Machine coordinates of the work area's minimum corner (a printer's purge line sits at Y = -4). */
  workOrigin: { x: number; y: number; z: number };
  /** The S value of full laser power or spindle speed (Grbl `$30`); null where it means nothing. */
  maxSpindleS: number | null;
  requiredModule: string | null;
  ratePerHourCents: number;
  description: Localized;
  status: MachineStatus;
}

export interface ProfileCategory {
  id: string;
  name: Localized;
}

export interface Plan {
  id: string;
  name: Localized;
  priceCents: number;
  period: 'month' | 'quarter' | 'year' | 'once';
  includedDays: number | null;
  description: Localized;
}

export interface Material {
  id: string;
  name: Localized;
  kind: 'filament' | 'sheet' | 'vinyl' | 'thermoforming';
  unit: 'kg' | 'sheet' | 'm';
  priceCents: number;
  stock: number;
}

export interface Catalog {
  profiles: ProfileCategory[];
  plans: Plan[];
  materials: Material[];
  firstMonthFree: boolean;
}

export interface SessionMember {
  id: string;
  displayName: string;
  role: Role;
  profileCategory: string;
}

export interface SessionInfo {
  role: Role;
  member: SessionMember | null;
}

export interface MemberSummary extends SessionMember {
  planId: string | null;
  lockedUntil: string | null;
  createdAt: string;
}

export interface AuditEntry {
  id: string;
  at: string;
  actor: string | null;
  action: string;
  target: string | null;
  details: Record<string, unknown>;
}

export type FileKind = 'gcode' | 'mesh' | 'vector' | 'image';

export interface StoredFile {
  id: string;
  sha256: string;
  name: string;
  kind: FileKind;
  sizeBytes: number;
  createdAt: string;
}

/** The G-code engine's analysis (without the toolpath, which the renderer builds from the file itself). */
export type GcodeAnalysis = Omit<Analysis, 'toolpath'> & { file: StoredFile; machineId: string };

/** Pushed from the back end over the same channel as the replies. */
export type ApiEvent =
  | { type: 'machine.status'; machineId: string; status: MachineStatus }
  | { type: 'session.ended'; reason: 'idle' | 'signed_out' }
  | { type: 'analysis.progress'; fileId: string; fraction: number };
