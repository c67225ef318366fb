// Errors of the templates: a code and values the UI and the command line translate
// (assets/i18n/templates/*.json, `errors.<code>`); `message` is an English fallback for logs.

export type TemplateErrorCode =
  /** params: id, known (comma-separated ids) */
  | 'unknown_template'
  /** params: param, known */
  | 'unknown_parameter'
  /** params: param, value */
  | 'not_a_number'
  /** params: param, value */
  | 'not_an_integer'
  /** params: param, value, min, max, unit */
  | 'out_of_range'
  /** params: param, value, choices */
  | 'bad_choice'
  /** params: param, value */
  | 'not_a_boolean'
  /** params: param */
  | 'text_empty'
  /** params: param, length, max */
  | 'text_too_long'
  /** params: param, characters (the refused ones, each once) */
  | 'text_bad_characters'
  /** The text is wider than the room for it. params: param, widthMm, availableMm */
  | 'text_does_not_fit'
  /** The letters are taller than the room for them. params: param, heightMm, availableMm */
  | 'text_too_tall'
  /** An edge of the box is too short for three fingers at least as wide as the material is thick. params: edge, minMm */
  | 'fingers_do_not_fit'
  /** params: minMm (the material thickness) */
  | 'finger_too_narrow'
  /** params: maxMm */
  | 'corner_radius_too_large'
  /** The bore would cut into the teeth. params: maxMm */
  | 'bore_too_large';

export type TemplateErrorParams = Record<string, string | number>;

const str = (v: unknown): string => (v === undefined ? '?' : String(v));

const MESSAGES: Record<TemplateErrorCode, (p: TemplateErrorParams) => string> = {
  unknown_template: (p) => `Unknown template "${str(p.id)}" (known: ${str(p.known)}).`,
  unknown_parameter: (p) => `Unknown parameter "${str(p.param)}" (known: ${str(p.known)}).`,
  not_a_number: (p) => `Parameter "${str(p.param)}" must be a number, got "${str(p.value)}".`,
  not_an_integer: (p) => `Parameter "${str(p.param)}" must be a whole number, got "${str(p.value)}".`,
  out_of_range: (p) => `Parameter "${str(p.param)}" is ${str(p.value)}${str(p.unit)}: allowed from ${str(p.min)} to ${str(p.max)}${str(p.unit)}.`,
  bad_choice: (p) => `Parameter "${str(p.param)}" is "${str(p.value)}": choose one of ${str(p.choices)}.`,
  not_a_boolean: (p) => `Parameter "${str(p.param)}" must be yes or no, got "${str(p.value)}".`,
  text_empty: (p) => `Parameter "${str(p.param)}" needs some text.`,
  text_too_long: (p) => `Text "${str(p.param)}" has ${str(p.length)} characters: ${str(p.max)} at most.`,
  text_bad_characters: (p) => `Text "${str(p.param)}" has characters that cannot be drawn: ${str(p.characters)}.`,
  text_does_not_fit: (p) => `Text "${str(p.param)}" is ${str(p.widthMm)} mm wide, there is room for ${str(p.availableMm)} mm.`,
  text_too_tall: (p) => `Text "${str(p.param)}" is ${str(p.heightMm)} mm tall, there is room for ${str(p.availableMm)} mm.`,
  fingers_do_not_fit: (p) => `The ${str(p.edge)} of the box is too small for its fingers: at least ${str(p.minMm)} mm.`,
  finger_too_narrow: (p) => `Fingers must be at least as wide as the material is thick (${str(p.minMm)} mm).`,
  corner_radius_too_large: (p) => `Corner radius too large: ${str(p.maxMm)} mm at most.`,
  bore_too_large: (p) => `Bore too large: ${str(p.maxMm)} mm at most.`,
};

export class TemplateError extends Error {
  constructor(
    readonly code: TemplateErrorCode,
    readonly params: TemplateErrorParams = {},
  ) {
    super(MESSAGES[code](params));
    this.name = 'TemplateError';
  }
}

export const TEMPLATE_ERROR_CODES = Object.keys(MESSAGES) as TemplateErrorCode[];
