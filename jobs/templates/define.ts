// A template is its schema and a builder of checked values; this adds the translation keys and the check.
import { describeParams, resolveParams } from './params';
import type { OutputKind, ParamSpec, ParamValues, Template, TemplateId, TemplateResult } from './types';

export function defineTemplate<const S extends readonly ParamSpec[]>(def: {
  id: TemplateId;
  outputs: readonly OutputKind[];
  params: S;
  build: (values: ParamValues<S>) => TemplateResult;
}): Template {
  return {
    id: def.id,
    outputs: def.outputs,
    nameKey: `${def.id}.name`,
    descriptionKey: `${def.id}.description`,
    params: describeParams(def.id, def.params),
    build: (raw) => def.build(resolveParams(def.params, raw)),
  };
}
