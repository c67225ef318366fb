// Public API of the machines core: one driver per firmware behind one interface, the runner, discovery.
import type { MachineProfile } from '../gcode';
import type { Driver, DriverMessage, DriverOptions, Firmware } from './driver';
import type { Link } from './link';
import { createGrblDriver, GrblDriver } from './grbl/driver';
import { compareSettings, expectedFromProfile, mismatchMessages } from './grbl/settings';
import { createMarlinDriver } from './marlin/driver';

export * from './driver';
export type { Link } from './link';
export { duplexLink } from './link';
export { JobRun, type RunCheckpoint, type RunJournal, type RunOptions, type RunOutcome, type RunResult, type RunState } from './runner';
export { readJobLines, type JobLine, type LineCursor } from './file-lines';
export { listPorts, matchPort, type PortInfo, type PortMatcher } from './discovery';
export { openSerial } from './serial';
export { printResumePreamble, printStateAt, type PrintState } from './resume';

export function createDriver(firmware: Firmware, link: Link, options?: DriverOptions): Driver {
  return firmware === 'grbl' ? createGrblDriver(link, options) : createMarlinDriver(link, options);
}

/**
 * A line each firmware acknowledges only once every move before it has finished: the runner sends it
 * last, so "completed" means the machine has stopped, not that its buffer is full.
 */
export const syncLine: Record<Firmware, string> = { grbl: 'G4 P0', marlin: 'M400' };

/**
 * How the board's own settings differ from the machine's profile (Grbl `$$`: laser mode, rates,
 * accelerations, travel). Errors mean the job would not run as checked (a laser job without `$32=1`
 * burns at every corner); warnings are for the trainer.
 */
export function settingsFindings(driver: Driver, profile: MachineProfile, job: { laser?: boolean } = {}): DriverMessage[] {
  if (!(driver instanceof GrblDriver)) return [];
  return mismatchMessages(compareSettings(driver.settings, expectedFromProfile(profile, job)));
}
