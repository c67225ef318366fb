// The procedure names alone, without their schemas, so that the sandboxed preload can allow-list
// them without bundling the validator. contract.ts checks at compile time that both lists agree.
export const procedureNames = [
  'kiosk.info',
  'catalog.get',
  'machines.list',
  'session.current',
  'session.signIn',
  'session.signOut',
  'session.touch',
  'members.list',
  'files.uploadBegin',
  'files.uploadChunk',
  'files.uploadFinish',
  'files.uploadAbort',
  'files.read',
  'gcode.analyze',
  'machines.live',
  'machines.emergencyStop',
  'machines.home',
  'machines.unlock',
  'machines.jog',
  'machines.setPort',
  'jobs.queue',
  'jobs.list',
  'jobs.start',
  'jobs.pause',
  'jobs.resume',
  'jobs.cancel',
  'jobs.retry',
  'audit.list',
] as const;

export type ProcedureNameList = (typeof procedureNames)[number];
