// The paint of each element: presentation attributes, <style> sheets (simple selectors: tag, .class,
// #id and their combinations, which is what Illustrator and Inkscape write), then the style
// attribute, with inheritance from the groups around it.
import { NONE, type Paint, parsePaint } from '../geometry/color';
import type { FillRule } from '../geometry/types';
import type { XmlElement } from './xml';

export interface Style {
  stroke: Paint;
  fill: Paint;
  fillRule: FillRule;
  /** The `color` property, which `currentColor` refers to. */
  color: Paint;
  visible: boolean;
  strokeOpacity: number;
  fillOpacity: number;
}

export const ROOT_STYLE: Style = {
  stroke: NONE,
  fill: { kind: 'color', hex: '#000000' },
  fillRule: 'nonzero',
  color: { kind: 'color', hex: '#000000' },
  visible: true,
  strokeOpacity: 1,
  fillOpacity: 1,
};

const PROPS = ['stroke', 'fill', 'fill-rule', 'color', 'visibility', 'display', 'opacity', 'stroke-opacity', 'fill-opacity'] as const;
type Prop = (typeof PROPS)[number];
const PROP_SET = new Set<string>(PROPS);

interface Rule {
  tag: string | null;
  id: string | null;
  classes: string[];
  specificity: number;
  order: number;
  decls: Map<Prop, string>;
}

export class StyleSheet {
  private readonly rules: Rule[] = [];

  add(css: string): void {
    const text = css.replace(/\/\*[\s\S]*?\*\//g, '');
    let i = 0;
    while (i < text.length) {
      const open = text.indexOf('{', i);
      if (open < 0) break;
      const selector = text.slice(i, open).trim();
      const close = matchingBrace(text, open);
      const body = text.slice(open + 1, close < 0 ? text.length : close);
      i = close < 0 ? text.length : close + 1;
      if (selector.startsWith('@')) continue; // @media, @font-face…: not for a laser
      const decls = declarations(body);
      if (decls.size === 0) continue;
      for (const sel of selector.split(',')) {
        const m = /^(\*|[a-zA-Z][\w-]*)?((?:[.#][\w-]+)*)$/.exec(sel.trim());
        if (!m || (!m[1] && !m[2])) continue; // descendant, child, attribute selectors: not supported
        const parts = m[2]!.match(/[.#][\w-]+/g) ?? [];
        const id = parts.find((p) => p.startsWith('#'))?.slice(1) ?? null;
        const classes = parts.filter((p) => p.startsWith('.')).map((p) => p.slice(1));
        const tag = m[1] && m[1] !== '*' ? m[1] : null;
        this.rules.push({ tag, id, classes, specificity: (id ? 100 : 0) + classes.length * 10 + (tag ? 1 : 0), order: this.rules.length, decls });
      }
    }
  }

  get empty(): boolean {
    return this.rules.length === 0;
  }

  /** Declarations of the rules matching `el`, in cascade order (later wins). */
  matching(el: XmlElement): Map<Prop, string>[] {
    if (this.rules.length === 0) return [];
    const id = el.attrs.id;
    const cls = (el.attrs.class ?? '').split(/\s+/).filter(Boolean);
    const hits = this.rules.filter(
      (r) => (r.tag === null || r.tag === el.name) && (r.id === null || r.id === id) && r.classes.every((c) => cls.includes(c)),
    );
    hits.sort((a, b) => a.specificity - b.specificity || a.order - b.order);
    return hits.map((r) => r.decls);
  }
}

function matchingBrace(text: string, open: number): number {
  let depth = 0;
  for (let i = open; i < text.length; i++) {
    if (text[i] === '{') depth++;
    else if (text[i] === '}' && --depth === 0) return i;
  }
  return -1;
}

function declarations(body: string): Map<Prop, string> {
  const out = new Map<Prop, string>();
  for (const d of body.split(';')) {
    const colon = d.indexOf(':');
    if (colon < 0) continue;
    const name = d.slice(0, colon).trim().toLowerCase();
    const value = d.slice(colon + 1).replace(/!important/i, '').trim();
    if (PROP_SET.has(name) && value !== '') out.set(name as Prop, value);
  }
  return out;
}

export interface StyleContext {
  sheet: StyleSheet;
  /** Counts of paint the importer could not use (gradients, unreadable colours). */
  onServerPaint: () => void;
  onInvalid: () => void;
}

/** The element's style from its parent's. */
export function computeStyle(el: XmlElement, parent: Style, ctx: StyleContext): { style: Style; displayed: boolean } {
  const decl = new Map<Prop, string>();
  for (const p of PROPS) {
    const v = el.attrs[p];
    if (v !== undefined && v.trim() !== '') decl.set(p, v.trim());
  }
  for (const m of ctx.sheet.matching(el)) for (const [k, v] of m) decl.set(k, v);
  const inline = el.attrs.style;
  if (inline) for (const [k, v] of declarations(inline)) decl.set(k, v);

  const style: Style = { ...parent };
  const inherit = (v: string | undefined) => v === undefined || v === 'inherit';
  const color = decl.get('color');
  if (!inherit(color)) {
    const c = parsePaint(color!);
    if (c.kind === 'color' || c.kind === 'none') style.color = c;
  }
  for (const which of ['stroke', 'fill'] as const) {
    const v = decl.get(which);
    if (inherit(v)) continue;
    let p = parsePaint(v!);
    if (p.kind === 'current') p = style.color;
    if (p.kind === 'server') {
      ctx.onServerPaint();
      p = NONE;
    } else if (p.kind === 'invalid') {
      ctx.onInvalid();
      continue; // an invalid value is ignored: the inherited one stays
    }
    style[which] = p;
  }
  const rule = decl.get('fill-rule');
  if (rule === 'evenodd' || rule === 'nonzero') style.fillRule = rule;
  const vis = decl.get('visibility');
  if (vis === 'hidden' || vis === 'collapse') style.visible = false;
  else if (vis === 'visible') style.visible = true;
  const so = decl.get('stroke-opacity');
  if (!inherit(so)) style.strokeOpacity = opacity(so!, parent.strokeOpacity);
  const fo = decl.get('fill-opacity');
  if (!inherit(fo)) style.fillOpacity = opacity(fo!, parent.fillOpacity);
  // Group opacity is not inherited but multiplies down: what is invisible here stays invisible below.
  const op = decl.get('opacity');
  const o = op === undefined ? 1 : opacity(op, 1);
  if (o <= 0) {
    style.strokeOpacity = 0;
    style.fillOpacity = 0;
  }
  return { style, displayed: decl.get('display') !== 'none' };
}

function opacity(v: string, fallback: number): number {
  const pct = v.endsWith('%');
  const n = Number(pct ? v.slice(0, -1) : v);
  return Number.isFinite(n) ? (pct ? n / 100 : n) : fallback;
}
