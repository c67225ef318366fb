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
  'gcode.analyze',
  'audit.list',
] as const;

export type ProcedureNameList = (typeof procedureNames)[number];
