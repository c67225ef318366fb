// The back end, once: store, services and the dispatcher. The Electron shell, the web host and the
// command line each create one and differ only in how calls reach it.
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { appRootFrom } from './paths';
import fablab from '../assets/fablab.json';
import { createDispatcher, type Dispatch, type Handlers } from './api/dispatcher';
import { AuditLog } from './services/audit';
import { checkCredentials, defaultLockout, type LockoutPolicy } from './services/auth/sign-in';
import { SessionStore } from './services/auth/sessions';
import { readCatalog } from './services/catalog';
import { EventHub } from './services/events';
import { kioskInfo, readSite } from './services/kiosk';
import { machineRows, toSummary } from './services/machines/machines';
import { StatusBoard } from './services/machines/status-board';
import { listMembers } from './services/members/list';
import { membershipHandlers } from './services/members/handlers';
import { prepareHandlers } from './services/prepare/handlers';
import { sessionMember } from './services/members/session-member';
import { trainingHandlers } from './services/training/handlers';
import { ModuleLibrary } from './services/training/library';
import { loadModules } from './services/training/module-loader';
import { TrainingSessions } from './services/training/sessions';
import { Visits } from './services/visits/visits';
import { seedMembership } from './store/seed-membership';
import { Uploads } from './services/files/uploads';
import { analyzeStoredGcode } from './services/gcode/analyze';
import { openStore, type Store } from './store';
import type { Driver, DriverOptions, Firmware, Link, PortInfo } from '../jobs/machines';
import { MachineHub } from './services/machines/hub';
import { JobControl } from './services/jobs/control';
import { certificationAccess, type MachineAccess } from './services/jobs/access';
import { findMachine } from './services/machines/profile';
import { DomainError } from './api/errors';
import { seedIfEmpty } from './store/seed';
import { Ledger } from './services/ledger/ledger';
import { ledgerHandlers } from './services/ledger/handlers';
import { seedLedger } from './services/ledger/seed';
import { reportHandlers } from './services/reports/handlers';

export interface BackendOptions {
  /** Folder of the SQLite file, or ':memory:'. */
  dataDir: string;
  /** Overrides the site's idle timeout (tests use a few seconds). */
  idleTimeoutS?: number;
  now?: () => Date;
  lockout?: LockoutPolicy;
  /** How often machine ports are probed; 0 turns the timers off (tests call refresh themselves). */
  pollMs?: number;
  /** The seed for an empty store; assets/fablab.json by default. */
  seed?: unknown;
  /** Where the safety modules are (one folder per module); assets/modules of the installed app by default. */
  modulesDir?: string;
  /** Largest file a maker may bring (default 1 GiB). */
  maxUploadBytes?: number;
  log?: (message: string, err?: unknown) => void;
  /** How machines are reached; tests put simulators behind pseudo-terminals and shorten the timeouts. */
  machines?: {
    openLink?: (path: string, baud: number) => Promise<Link>;
    listPorts?: () => Promise<{ ports: PortInfo[]; error: string | null }>;
    portExists?: (path: string) => boolean;
    driverOptions?: DriverOptions;
    driverFactory?: (firmware: Firmware, link: Link, options?: DriverOptions) => Driver;
    access?: MachineAccess;
    checkpointMs?: number;
    liveEveryMs?: number;
  };
}

export interface Backend {
  dispatch: Dispatch;
  openSession(): string;
  closeSession(id: string): void;
  events: EventHub;
  statusBoard: StatusBoard;
  hub: MachineHub;
  jobs: JobControl;
  store: Store;
  /** Ends running jobs as interrupted (their position is durable), closes the ports, then the store. */
  close(): Promise<void>;
}

/** assets/modules beside the installed package.json, found from this file whether bundled or not. */
export function defaultModulesDir(): string {
  return join(appRootFrom(dirname(fileURLToPath(import.meta.url))), 'assets', 'modules');
}

/** The lab's locked slicer profiles (assets/profiles), found the same way. */
export function defaultProfilesDir(): string {
  return join(appRootFrom(dirname(fileURLToPath(import.meta.url))), 'assets', 'profiles');
}

export async function createBackend(opts: BackendOptions): Promise<Backend> {
  const now = opts.now ?? (() => new Date());
  const log = opts.log ?? ((m, e) => console.error(m, e ?? ''));
  const store = openStore(opts.dataDir, now);
  const seed = opts.seed ?? fablab;
  let library: ModuleLibrary;
  try {
    // A broken module stops the start here, with the file and the field named.
    library = new ModuleLibrary(store, loadModules(opts.modulesDir ?? defaultModulesDir()));
    await seedIfEmpty(store.writer, seed);
    library.sync(new AuditLog(store), (message) => log(message), now());
    seedMembership(
      store.writer,
      seed,
      { currentVersion: (c) => library.currentVersion(c), validityMonths: (c) => library.get(c)?.validityMonths ?? null },
      now(),
    );
    seedLedger(store, seed);
  } catch (err) {
    store.close();
    throw err;
  }
  const idleTimeoutS = opts.idleTimeoutS ?? readSite(store).idle_timeout_s;
  const events = new EventHub();
  const sessions = new SessionStore(events, () => idleTimeoutS * 1000, () => now().getTime());
  const audit = new AuditLog(store);
  const ledger = new Ledger({ store, audit, now, log });
  const statusBoard = new StatusBoard(events, () => machineRows(store));
  const filesDir = opts.dataDir === ':memory:' ? join(tmpdir(), `fabkiosk-files-${store.kioskId}`) : join(opts.dataDir, 'files');
  const uploads = new Uploads(store, filesDir, opts.maxUploadBytes);
  statusBoard.refresh();
  const m = opts.machines ?? {};
  const hub = new MachineHub({
    store,
    events,
    statusBoard,
    now: () => now().getTime(),
    log,
    ...(m.openLink ? { openLink: m.openLink } : {}),
    ...(m.listPorts ? { listPorts: m.listPorts } : {}),
    ...(m.portExists ? { portExists: m.portExists } : {}),
    ...(m.driverOptions ? { driverOptions: m.driverOptions } : {}),
    ...(m.driverFactory ? { driverFactory: m.driverFactory } : {}),
    ...(m.liveEveryMs !== undefined ? { liveEveryMs: m.liveEveryMs } : {}),
  });
  const access = m.access ?? certificationAccess(store, library, now);
  const jobs = new JobControl({ store, uploads, hub, audit, access, now, log, onJobEnded: (id) => ledger.jobs.onJobEnded(id), ...(m.checkpointMs !== undefined ? { checkpointMs: m.checkpointMs } : {}) });
  await jobs.recover();
  ledger.start();

  const coreHandlers = {
    'kiosk.info': () => kioskInfo(store, idleTimeoutS),
    'catalog.get': () => readCatalog(store),
    'machines.list': () => machineRows(store).map((r) => toSummary(r, statusBoard.status(r.id))),
    'session.current': (_, caller) => {
      // Read again: a manager may have changed the role, or a new charter been published, since the sign-in.
      if (caller.memberId) sessions.refreshMember(caller.memberId, sessionMember(store, caller.memberId));
      const member = sessions.member(caller.sessionId);
      return { role: member?.role ?? 'visitor', member };
    },
    'session.signIn': async ({ name, pin }, caller) => {
      const member = await checkCredentials(store, audit, name, pin, now, opts.lockout ?? defaultLockout);
      sessions.signIn(caller.sessionId, member);
      return { role: member.role, member };
    },
    'session.signOut': (_, caller) => {
      if (caller.memberId) audit.record(caller.memberId, 'session.sign_out', caller.memberId);
      sessions.signOut(caller.sessionId);
      return { role: 'visitor', member: null };
    },
    'session.touch': () => null,
    'members.list': ({ query }) => listMembers(store, query),
    'audit.list': ({ limit }) => audit.list(limit),
    'files.uploadBegin': ({ name, size }, caller) => uploads.begin(caller.sessionId, caller.memberId, name, size),
    'files.uploadChunk': ({ uploadId, offset, data }, caller) =>
      uploads.chunk(caller.sessionId, uploadId, offset, Buffer.from(data, 'base64')),
    'files.uploadFinish': ({ uploadId }, caller) => uploads.finish(caller.sessionId, uploadId),
    'files.read': ({ fileId, offset, length }) => uploads.read(fileId, offset, length),
    'files.uploadAbort': ({ uploadId }, caller) => {
      uploads.abort(caller.sessionId, uploadId);
      return null;
    },
    'gcode.analyze': (input, caller) =>
      analyzeStoredGcode(store, uploads, input, (fraction) =>
        events.emit({ type: 'analysis.progress', fileId: input.fileId, fraction }, caller.sessionId),
      ),
  } satisfies Partial<Handlers>;

  const machineHandlers = {
    'machines.live': () => hub.live(),
    'machines.emergencyStop': async ({ machineId }, caller) => {
      await jobs.emergencyStop(machineId, caller);
      return null;
    },
    'machines.home': async ({ machineId }, caller) => {
      await jobs.machineAction(machineId, 'home', caller);
      return null;
    },
    'machines.unlock': async ({ machineId }, caller) => {
      await jobs.machineAction(machineId, 'unlock', caller);
      return null;
    },
    'machines.jog': async ({ machineId, ...move }, caller) => {
      await jobs.machineAction(machineId, 'jog', caller, move);
      return null;
    },
    'machines.setPort': async ({ machineId, portPath, baud }, caller) => {
      const row = findMachine(store, machineId);
      if (!row || row.connection !== 'serial') throw new DomainError('not_found', { what: 'machine' });
      store.writer.update('machines', row.id, { port_path: portPath, ...(baud ? { baud } : {}) });
      audit.record(caller.memberId, 'machine.set_port', row.id, { portPath, baud: baud ?? row.baud });
      await hub.forget(row.id);
      void hub.refresh();
      statusBoard.refresh();
      const updated = findMachine(store, row.id)!;
      return toSummary(updated, statusBoard.status(updated.id));
    },
    'jobs.queue': (input, caller) => jobs.queue(input, caller),
    'jobs.list': (input, caller) => jobs.list(input, caller),
    'jobs.start': ({ jobId }, caller) => jobs.start(jobId, caller),
    'jobs.pause': ({ jobId }, caller) => jobs.pause(jobId, caller),
    'jobs.resume': ({ jobId }, caller) => jobs.resume(jobId, caller),
    'jobs.cancel': ({ jobId }, caller) => jobs.cancel(jobId, caller),
    'jobs.retry': (input, caller) => jobs.retry(input, caller),
  } satisfies Partial<Handlers>;
  const visits = new Visits(store, audit, now, (id) => ledger.coworking.onCheckIn(id));
  const trainingSessions = new TrainingSessions({ store, library, audit, events, now });
  const handlers: Handlers = {
    ...coreHandlers,
    ...machineHandlers,
    ...membershipHandlers({ store, audit, sessions, visits, library, trainingSessions, now }),
    ...trainingHandlers({ store, audit, library, trainingSessions, now }),
    ...prepareHandlers({ store, uploads, events, hub, now, log, access, profilesDir: defaultProfilesDir() }),
    ...ledgerHandlers({ store, audit, ledger, now }),
    ...reportHandlers({ store, audit, now }),
  };

  const dispatch = createDispatcher(handlers, sessions, (name, err) => log(`procedure ${name} failed`, err));
  const pollMs = opts.pollMs ?? 2000;
  const timers =
    pollMs > 0
      ? [
          setInterval(() => sessions.sweep(), 1000),
          setInterval(() => {
            statusBoard.refresh();
            void hub.refresh().catch((err: unknown) => log('machine discovery failed', err));
          }, pollMs),
        ]
      : [];
  for (const t of timers) t.unref();

  return {
    dispatch,
    openSession: () => sessions.open(),
    closeSession: (id) => {
      sessions.close(id);
      uploads.dropSession(id);
    },
    events,
    statusBoard,
    hub,
    jobs,
    store,
    async close() {
      for (const t of timers) clearInterval(t);
      await hub.close();
      await jobs.settle();
      store.close();
    },
  };
}
