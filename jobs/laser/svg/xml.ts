// The SVG file as data: decoded, checked for what a hostile file could hide (entity declarations,
// scripts, links outside the file), then parsed by fast-xml-parser into a plain element tree.
// Nothing is fetched and no entity is ever expanded.
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { LaserError } from '../errors';

export interface XmlElement {
  /** Local name, without the `svg:` prefix; other prefixes are kept (`sodipodi:namedview`). */
  name: string;
  attrs: Record<string, string>;
  children: XmlElement[];
  /** Concatenated character data directly inside the element (for <style>). */
  text: string;
}

export function decodeText(bytes: Uint8Array): string {
  if (bytes.length >= 2 && ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff))) {
    return new TextDecoder(bytes[0] === 0xff ? 'utf-16le' : 'utf-16be').decode(bytes);
  }
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw new LaserError('svg_invalid_xml', { reason: 'encoding', line: 0 });
  }
}

/** Refuse entity declarations before any parser sees them. A DOCTYPE naming only the public SVG DTD is harmless (never fetched). */
function refuseDeclarations(text: string): void {
  if (/<!ENTITY/i.test(text)) throw new LaserError('svg_entities');
  const m = /<!DOCTYPE/i.exec(text);
  if (m) {
    // An internal subset ("[ … ]") is where entities live; refuse it whatever it holds.
    let i = m.index + m[0].length;
    let quote = '';
    for (; i < text.length; i++) {
      const c = text[i]!;
      if (quote) {
        if (c === quote) quote = '';
      } else if (c === '"' || c === "'") quote = c;
      else if (c === '[') throw new LaserError('svg_entities');
      else if (c === '>') break;
    }
  }
}

const ENTITY_RE = /&(#x[0-9a-fA-F]+|#[0-9]+|amp|lt|gt|quot|apos);/g;

/** The five predefined XML entities and character references; anything else stays as written. */
function decodeEntities(v: string): string {
  if (!v.includes('&')) return v;
  return v.replace(ENTITY_RE, (all, e: string) => {
    switch (e) {
      case 'amp':
        return '&';
      case 'lt':
        return '<';
      case 'gt':
        return '>';
      case 'quot':
        return '"';
      case 'apos':
        return "'";
    }
    const code = e[1] === 'x' ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10);
    return Number.isFinite(code) && code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : all;
  });
}

type OrderedNode = Record<string, unknown> & { ':@'?: Record<string, string> };

export function parseXml(text: string, maxDepth: number): XmlElement {
  refuseDeclarations(text);
  const valid = XMLValidator.validate(text, { allowBooleanAttributes: true });
  if (valid !== true) throw new LaserError('svg_invalid_xml', { reason: valid.err.msg, line: valid.err.line });
  const parser = new XMLParser({
    preserveOrder: true,
    ignoreAttributes: false,
    attributeNamePrefix: '',
    allowBooleanAttributes: true,
    processEntities: false,
    htmlEntities: false,
    parseAttributeValue: false,
    parseTagValue: false,
    trimValues: false,
    ignoreDeclaration: true,
    ignorePiTags: true,
    maxNestedTags: maxDepth + 4,
  });
  let doc: OrderedNode[];
  try {
    doc = parser.parse(text) as OrderedNode[];
  } catch (e) {
    const msg = e instanceof Error ? e.message : String(e);
    if (/nest/i.test(msg)) throw new LaserError('svg_too_deep', { limit: maxDepth });
    throw new LaserError('svg_invalid_xml', { reason: msg.slice(0, 200), line: 0 });
  }
  const roots = doc.map((n) => convert(n, 0, maxDepth)).filter((e): e is XmlElement => e !== null);
  const root = roots[0];
  if (!root) throw new LaserError('svg_not_svg', { root: '' });
  if (root.name !== 'svg') throw new LaserError('svg_not_svg', { root: root.name.slice(0, 40) });
  return root;
}

function convert(node: OrderedNode, depth: number, maxDepth: number): XmlElement | null {
  let name: string | null = null;
  for (const k of Object.keys(node)) {
    if (k !== ':@' && k !== '#text') name = k;
  }
  if (name === null || name.startsWith('?') || name.startsWith('!')) return null;
  if (depth > maxDepth) throw new LaserError('svg_too_deep', { limit: maxDepth });
  const attrs: Record<string, string> = {};
  const raw = node[':@'];
  if (raw) for (const [k, v] of Object.entries(raw)) attrs[k] = decodeEntities(typeof v === 'string' ? v : String(v));
  const kids = (node[name] as OrderedNode[] | undefined) ?? [];
  const children: XmlElement[] = [];
  let text = '';
  for (const kid of kids) {
    if ('#text' in kid) {
      text += decodeEntities(String(kid['#text']));
      continue;
    }
    const c = convert(kid, depth + 1, maxDepth);
    if (c) children.push(c);
  }
  return { name: name.startsWith('svg:') ? name.slice(4) : name, attrs, children, text };
}

/** Scripts and links outside the file are refused wherever they are (even in <defs>). */
export function refuseActiveContent(root: XmlElement): void {
  const stack: XmlElement[] = [root];
  while (stack.length > 0) {
    const el = stack.pop()!;
    if (el.name === 'script' || el.name.endsWith(':script')) throw new LaserError('svg_script', { what: '<script>' });
    for (const [k, v] of Object.entries(el.attrs)) {
      const local = k.includes(':') ? k.slice(k.indexOf(':') + 1) : k;
      if (/^on/i.test(local)) throw new LaserError('svg_script', { what: k });
      if (local === 'href' || local === 'src') checkHref(v);
      if (k === 'style') checkCss(v);
    }
    if (el.name === 'style') checkCss(el.text);
    for (const c of el.children) stack.push(c);
  }
}

function checkHref(v: string): void {
  const href = v.trim();
  if (href === '' || href.startsWith('#')) return;
  if (/^data:/i.test(href)) return;
  throw new LaserError('svg_external_reference', { href: href.slice(0, 120) });
}

function checkCss(css: string): void {
  if (/@import/i.test(css)) throw new LaserError('svg_external_reference', { href: '@import' });
  const re = /url\(\s*(['"]?)([^'")]*)\1\s*\)/gi;
  for (let m = re.exec(css); m !== null; m = re.exec(css)) checkHref(m[2]!);
  if (/javascript:|expression\(/i.test(css)) throw new LaserError('svg_script', { what: 'style' });
}
