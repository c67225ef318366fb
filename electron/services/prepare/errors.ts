// The cores' own errors (jobs/laser, jobs/print, jobs/templates) reach the maker as one API error,
// `preparation_failed`, carrying the core's code as `reason`: the screens translate it under prepare.*.
import { isLaserError } from '../../../jobs/laser';
import { RasterError } from '../../../jobs/laser/raster';
import { isPrintError } from '../../../jobs/print';
import { TemplateError } from '../../../jobs/templates';
import { DomainError } from '../../api/errors';

export function asDomainError(err: unknown): unknown {
  if (isLaserError(err) || isPrintError(err) || err instanceof RasterError || err instanceof TemplateError) {
    const e = err as { code: string; params?: Record<string, unknown> };
    const params: Record<string, string | number> = { reason: e.code };
    for (const [k, v] of Object.entries(e.params ?? {})) {
      if (k !== 'reason' && (typeof v === 'string' || typeof v === 'number')) params[k] = v;
    }
    return new DomainError('preparation_failed', params);
  }
  return err;
}

/** Runs a preparation step, turning a core's error into the API's. */
export async function preparing<T>(work: () => T | Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (err) {
    throw asDomainError(err);
  }
}
