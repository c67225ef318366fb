// The one API contract: every procedure once, with its input schema, output type and role.
// Both transports (Electron IPC and the web host) and the dispatcher read this table.
import { z } from 'zod';
import type { Role } from './roles';
import type * as M from './models';
import type { ProcedureNameList } from './procedure-names';

export interface Procedure<I extends z.ZodType, O> {
  input: I;
  role: Role;
  /** Phantom: carries the output type only. */
  output?: O;
}

function proc<O>() {
  return <I extends z.ZodType>(def: { input: I; role: Role }): Procedure<I, O> => def;
}

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

export const contract = {
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
