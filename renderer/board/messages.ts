// A machine's message in plain words: its code is its key under `machines.` (the firmware's files
// for `grbl.*` and `marlin.*`, the kiosk's own texts for `link.*`). A code nobody translated yet
// gets a general sentence by severity; the board shows the firmware's raw text under it anyway.
import type { i18n as I18n } from 'i18next';
import type { MachineMessage } from '../../electron/api/types';
import { formatNumber, type Lang } from '../lib/format';

type Loose = (key: string, options?: Record<string, unknown>) => string;

export function messageKey(code: string): string {
  return `machines.${code}`;
}

export function hasMessageText(code: string, i18n: I18n, lang: Lang): boolean {
  // A key that only holds more keys (`machines.grbl`) is not a sentence.
  if (!i18n.exists(messageKey(code), { lng: lang })) return false;
  const t = i18n.getFixedT(lang) as unknown as (key: string, o: object) => unknown;
  return typeof t(messageKey(code), { returnObjects: true }) === 'string';
}

export function messageParams(params: MachineMessage['params'], lang: Lang): Record<string, string | number> {
  const out: Record<string, string | number> = {};
  for (const [k, v] of Object.entries(params)) out[k] = typeof v === 'number' && k !== 'count' ? formatNumber(v, lang, 2) : v;
  return out;
}

export function messageText(m: Pick<MachineMessage, 'code' | 'params' | 'severity'>, i18n: I18n, lang: Lang): { text: string; known: boolean } {
  const t = i18n.getFixedT(lang) as unknown as Loose;
  if (hasMessageText(m.code, i18n, lang)) return { text: t(messageKey(m.code), messageParams(m.params, lang)), known: true };
  return { text: t(`board.messageUnknown.${m.severity}`), known: false };
}

/**
 * The last `n` messages, newest first. A run of messages with the same code (a slicer's command the
 * printer does not know, once per layer; the driver's and the job's copy of one event) shows once,
 * as its latest, with how many times it came.
 */
export function recentMessages(messages: readonly MachineMessage[], n: number): { message: MachineMessage; count: number }[] {
  const out: { message: MachineMessage; count: number }[] = [];
  for (const m of messages) {
    const last = out.at(-1);
    if (last && last.message.code === m.code && last.message.severity === m.severity) {
      last.message = m;
      last.count++;
    } else out.push({ message: m, count: 1 });
  }
  return out.slice(-n).reverse();
}
