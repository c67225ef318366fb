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

/**
 * `manual`: not connected, its use is logged by hand. `connected`: its port is there but no driver
 * talks to it yet. The rest is what the driver reports.
 */
export type MachineStatus =
  | 'offline'
  | 'connected'
  | 'connecting'
  | 'manual'
  | 'idle'
  | 'running'
  | 'paused'
  | 'homing'
  | 'alarm'
  | 'error';

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
  /**
   * False when the charter changed since this member last accepted it: the screen asks again
   * (`kiosk.charter`, then `members.acceptCharter`); signing in is not blocked.
   */
  charterCurrent: boolean;
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

export type JobState = 'queued' | 'running' | 'paused' | 'completed' | 'cancelled' | 'failed' | 'interrupted';

/** What a job actually used, from the lines the firmware acknowledged: what the ledger records. */
export interface JobConsumption {
  /** Share of the file's bytes that ran (0–1). */
  fraction: number;
  linesRun: number;
  /** Wall-clock running time, pauses excluded. */
  machineTimeS: number;
  /** The planner's estimate for the part that ran. */
  estimatedS: number;
  filamentMm: number;
  filamentG: number;
  laserOnS: number;
}

export interface JobView {
  id: string;
  machineId: string;
  machineName: string;
  memberId: string | null;
  memberName: string | null;
  fileId: string;
  fileName: string;
  materialId: string | null;
  state: JobState;
  createdAt: string;
  startedAt: string | null;
  endedAt: string | null;
  linesTotal: number;
  bytesTotal: number;
  /** Last line the firmware acknowledged (durable). */
  ackedLine: number;
  layer: number;
  layers: number;
  /** 0–1, by bytes acknowledged. */
  fraction: number;
  estimateS: number;
  elapsedS: number;
  /** Remaining time: the planner's estimate for what is left, scaled by how this run compares to it so far. */
  etaS: number | null;
  errors: number;
  resends: number;
  /** Why it stopped: `link_lost`, `firmware_reset`, `alarm`, `cancelled`, `kiosk_stopped`... */
  endReason: string | null;
  endParams: Record<string, string | number>;
  consumption: JobConsumption | null;
  /** An interrupted print may go on from the line it stopped at. */
  resumable: boolean;
  /** The interrupted job this one carries on. */
  resumesJobId: string | null;
  fromLine: number;
}

export interface MachineMessage {
  at: string;
  severity: 'info' | 'warning' | 'error';
  /** Translation key under `machines.` (e.g. `grbl.alarm.1`, `marlin.error.thermal_runaway`). */
  code: string;
  raw: string;
  line: number | null;
  params: Record<string, string | number>;
}

export interface TemperatureSample {
  /** ms since the epoch */
  t: number;
  tool: number | null;
  toolTarget: number | null;
  bed: number | null;
  bedTarget: number | null;
}

export interface MachineLive {
  machineId: string;
  status: MachineStatus;
  /** The firmware's own word (Grbl `Hold:0`, `Door:1`). */
  detail: string | null;
  portPath: string | null;
  firmware: { name: string; version: string } | null;
  position: { x: number; y: number; z: number } | null;
  workPosition: { x: number; y: number; z: number } | null;
  feedMmMin: number | null;
  spindle: number | null;
  overrides: { feed: number; rapid: number; spindle: number } | null;
  temperatures: { tool: { actual: number; target: number } | null; bed: { actual: number; target: number } | null } | null;
  /** Last 15 minutes, for the printer's temperature plot. */
  temperatureHistory: TemperatureSample[];
  job: JobView | null;
  queue: JobView[];
  messages: MachineMessage[];
}

/** Pushed from the back end over the same channel as the replies. */
export type ApiEvent =
  | { type: 'machine.status'; machineId: string; status: MachineStatus }
  | { type: 'machine.live'; live: MachineLive }
  | { type: 'session.ended'; reason: 'idle' | 'signed_out' }
  | { type: 'analysis.progress'; fileId: string; fraction: number }
  /** A laser job, a slicing or a template being prepared from this file. */
  | { type: 'prepare.progress'; fileId: string; stage: 'reading' | 'slicing' | 'generating' | 'analysing'; fraction: number }
  /** A trainer session moved to another step, changed its attendees or ended: the big screen follows. */
  | { type: 'training.session'; sessionId: string; step: number; ended: boolean };

export type * from './models-membership';
export type * from './models-training';
export type * from './models-ledger';
export type * from './models-reports';
export type * from './models-prepare';
