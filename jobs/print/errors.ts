// Everything that can go wrong while preparing a print, as a stable code with the values its translated
// sentence needs (assets/i18n/print/{fr,en}.json). The message is an English fallback for logs.

export const PRINT_ERROR_CODES = [
  'file_too_large',
  'unsupported_format',
  'stl_truncated',
  'stl_malformed',
  'obj_malformed',
  'too_many_triangles',
  'bad_coordinate',
  'empty_mesh',
  'degenerate_mesh',
  'zip_malformed',
  'zip_unsupported',
  'zip_too_large',
  'zip_too_many_entries',
  'model_missing',
  'model_malformed',
  'model_unit_unknown',
  'model_bad_reference',
  'bad_transform',
  'model_too_large',
  'bad_option',
  'machine_not_printer',
  'profile_missing',
  'slicer_missing',
  'slicer_timeout',
  'slicer_cancelled',
  'slicer_crashed',
  'slicer_failed',
  'outside_print_volume',
  'empty_slice',
  'slicer_no_output',
  'output_unwritable',
] as const;

export type PrintErrorCode = (typeof PRINT_ERROR_CODES)[number];

export type PrintErrorParams = Record<string, string | number>;

export class PrintError extends Error {
  constructor(
    readonly code: PrintErrorCode,
    readonly params: PrintErrorParams = {},
    message?: string,
  ) {
    super(message ?? `${code}${Object.keys(params).length ? ' ' + JSON.stringify(params) : ''}`);
    this.name = 'PrintError';
  }
}

export function isPrintError(e: unknown): e is PrintError {
  return e instanceof PrintError;
}

/** Bytes as MB with one decimal, for the sentences (the exact figures stay in the other params). */
export function mb(bytes: number): number {
  return Math.round((bytes / (1024 * 1024)) * 10) / 10;
}

export function fileTooLarge(size: number, limit: number): PrintError {
  return new PrintError('file_too_large', { size, limit, sizeMb: mb(size), limitMb: mb(limit) });
}
