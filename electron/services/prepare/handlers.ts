// The preparation procedures, wired to their services. Preparing is open to every member (it writes
// nothing but files); what reaches a machine is checked again at jobs.queue and at the machine.
import type { Handlers } from '../../api/dispatcher';
import type { MachineAccess } from '../jobs/access';
import type { PrepareDeps } from './context';
import { frameLaserJob, inspectLaserSource, laserPreset, prepareLaser } from './laser';
import { cancelSlicing, inspectModel, sliceModel } from './print';
import { buildStoredTemplate, templateList } from './templates';

export function prepareHandlers(d: PrepareDeps & { access: MachineAccess }) {
  return {
    'laser.preset': ({ machineId, materialId }) => laserPreset(d, machineId, materialId),
    'laser.inspect': ({ fileId }) => inspectLaserSource(d, fileId),
    'laser.prepare': (input, caller) => prepareLaser(d, caller, input),
    'laser.frame': (input, caller) => frameLaserJob(d, d.access, caller, input),
    'print.inspect': (input) => inspectModel(d, input),
    'print.slice': (input, caller) => sliceModel(d, caller, input),
    'print.cancel': ({ fileId }, caller) => cancelSlicing(caller, fileId),
    'templates.list': () => templateList(),
    'templates.build': ({ id, params }, caller) => buildStoredTemplate(d, caller, id, params),
  } satisfies Partial<Handlers>;
}
