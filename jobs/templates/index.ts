// Public API of the templates: beginner projects with typed parameters, built with @jscad/modeling and
// exported as SVG (laser: jobs/laser's colour contract) or binary STL (print: jobs/print). Node-free.
import { box } from './box';
import { coaster } from './coaster';
import { drawerTag } from './drawer-tag';
import { TemplateError } from './errors';
import { gear } from './gear';
import { keychain } from './keychain';
import { phoneStand } from './phone-stand';
import type { RawParams, Template, TemplateId, TemplateInfo, TemplateResult } from './types';

export { TemplateError, TEMPLATE_ERROR_CODES, type TemplateErrorCode, type TemplateErrorParams } from './errors';
export type * from './types';

const TEMPLATES: readonly Template[] = [box, keychain, phoneStand, coaster, gear, drawerTag];

/** The templates in the order the kiosk shows them, with their schemas (no builder). */
export function listTemplates(): TemplateInfo[] {
  return TEMPLATES.map(({ id, outputs, nameKey, descriptionKey, params }) => ({ id, outputs, nameKey, descriptionKey, params }));
}

export function findTemplate(id: string): Template | undefined {
  return TEMPLATES.find((t) => t.id === id);
}

export function isTemplateId(id: string): id is TemplateId {
  return findTemplate(id) !== undefined;
}

/** Validates the parameters and builds; a TemplateError (code + params) on anything wrong. */
export function buildTemplate(id: string, params: RawParams = {}): TemplateResult {
  const template = findTemplate(id);
  if (!template) throw new TemplateError('unknown_template', { id, known: TEMPLATES.map((t) => t.id).join(', ') });
  return template.build(params);
}
