// The firmware's own messages (Grbl errors and alarms, Marlin errors) are translated in their own
// files, one per firmware and language: assets/i18n/machines/<firmware>.<lang>.json, whose keys are
// the message code without the firmware (`error.20` for `grbl.error.20`). They join the app's texts
// under `machines.<firmware>`, so a message's code is its key: `machines.grbl.error.20`.
import type { Lang } from '../lib/format';

export type Tree = { [key: string]: string | Tree };
export type FirmwareTexts = Record<Lang, Record<string, Tree>>;

/** `{"error.20": "…"}` and `{"error": {"20": "…"}}` read the same. */
export function unflatten(tree: Record<string, unknown>): Tree {
  const out: Tree = {};
  for (const [key, value] of Object.entries(tree)) {
    const parts = key.split('.').filter(Boolean);
    if (parts.length === 0) continue;
    let node = out;
    for (const part of parts.slice(0, -1)) {
      const next = node[part];
      if (typeof next === 'object') node = next;
      else node = node[part] = {};
    }
    const last = parts.at(-1)!;
    if (typeof value === 'string') node[last] = value;
    else if (value !== null && typeof value === 'object' && !Array.isArray(value)) {
      const inner = unflatten(value as Record<string, unknown>);
      const prev = node[last];
      node[last] = typeof prev === 'object' ? merge(prev, inner) : inner;
    }
  }
  return out;
}

function merge(a: Tree, b: Tree): Tree {
  const out: Tree = { ...a };
  for (const [k, v] of Object.entries(b)) {
    const prev = out[k];
    out[k] = typeof prev === 'object' && typeof v === 'object' ? merge(prev, v) : v;
  }
  return out;
}

/** Files by path (as a bundler's glob gives them) to texts by language and firmware. */
export function firmwareTexts(files: Record<string, unknown>): FirmwareTexts {
  const out: FirmwareTexts = { fr: {}, en: {} };
  for (const [path, content] of Object.entries(files)) {
    const m = /([a-z0-9_-]+)\.(fr|en)\.json$/i.exec(path);
    if (!m || content === null || typeof content !== 'object') continue;
    const firmware = m[1]!.toLowerCase();
    const lang = m[2] as Lang;
    // A JSON module may come wrapped as { default: … }.
    const body = 'default' in content && typeof (content as { default: unknown }).default === 'object' ? (content as { default: object }).default : content;
    out[lang][firmware] = unflatten(body as Record<string, unknown>);
  }
  return out;
}

/** The app's texts with the firmware's messages under `machines`. */
export function withFirmware<T extends { machines: object }>(texts: T, firmware: Record<string, Tree>): T {
  return { ...texts, machines: { ...firmware, ...texts.machines } };
}
