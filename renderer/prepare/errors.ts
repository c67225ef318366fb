// An API error on a preparation screen: a preparation that failed is said by the core that screen
// talks to first (the laser and the print core both have a `file_too_large`, in their own words);
// every other error as everywhere else.
import type { TFunction } from 'i18next';
import type { ApiError } from '../../electron/api/types';
import { errorMessage } from '../i18n/errors';
import { codeText } from '../i18n/prepare-codes';
import type { PrepareNamespace } from '../i18n/prepare-texts';
import type { Lang } from '../lib/format';

export function prepError(error: ApiError, t: TFunction, lang: Lang, prefer: readonly PrepareNamespace[]): string {
  const reason = error.params?.reason;
  if (error.code !== 'preparation_failed' || typeof reason !== 'string' || !reason) return errorMessage(error, t, lang);
  const { reason: _r, ...rest } = error.params ?? {};
  return codeText(t, lang, reason, rest, 'error', 'prepare.failedCode', prefer);
}
