// Reads every assets/modules/<code>/module.json and its illustrations once, at startup, and checks them:
// the format, the folder name, the images it names. SVGs are kept as text and served from memory, so no
// request ever reaches the file system with a name it chose.
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { imageFileName, moduleSchema, type ModuleDefinition } from './module-schema';

export interface LoadedModule {
  def: ModuleDefinition;
  /** sha256 of module.json as authored: a changed content is a new version. */
  sha256: string;
  images: Map<string, string>;
}

export class ModuleError extends Error {
  constructor(
    readonly file: string,
    detail: string,
  ) {
    super(`safety module ${file}: ${detail}`);
  }
}

export const maxSvgBytes = 512 * 1024;

// An SVG shown as an <img> runs no script, but it is stored, synced and may be opened elsewhere: refuse
// anything active or external at load time rather than trust every viewer.
const unsafeSvg: [RegExp, string][] = [
  [/<script/i, 'a <script> element'],
  [/\son[a-z]+\s*=/i, 'an on* event attribute'],
  [/<!ENTITY/i, 'an XML entity declaration'],
  [/<foreignObject/i, 'a <foreignObject> element'],
  [/javascript:/i, 'a javascript: link'],
];

export function checkSvg(svg: string): string | null {
  if (!/<svg[\s>/]/i.test(svg)) return 'not an SVG document';
  for (const [re, what] of unsafeSvg) if (re.test(svg)) return `contains ${what}`;
  return null;
}

export function loadModule(dir: string, folderName: string): LoadedModule {
  const file = join(dir, 'module.json');
  const label = `${folderName}/module.json`;
  let bytes: Buffer;
  try {
    bytes = readFileSync(file);
  } catch (err) {
    throw new ModuleError(label, `cannot be read (${(err as Error).message})`);
  }
  let raw: unknown;
  try {
    raw = JSON.parse(bytes.toString('utf8'));
  } catch (err) {
    throw new ModuleError(label, `is not valid JSON (${(err as Error).message})`);
  }
  const parsed = moduleSchema.safeParse(raw);
  if (!parsed.success) {
    const issues = parsed.error.issues.slice(0, 5).map((i) => `${i.path.map(String).join('.') || '(root)'}: ${i.message}`);
    throw new ModuleError(label, issues.join('; '));
  }
  const def = parsed.data;
  if (def.code !== folderName) throw new ModuleError(label, `code "${def.code}" differs from its folder name "${folderName}"`);
  const images = new Map<string, string>();
  for (const step of def.steps) {
    if (!step.image || images.has(step.image)) continue;
    const path = join(dir, step.image);
    if (!existsSync(path)) throw new ModuleError(label, `step ${step.id}: image ${step.image} is missing`);
    if (statSync(path).size > maxSvgBytes) throw new ModuleError(`${folderName}/${step.image}`, `larger than ${maxSvgBytes} bytes`);
    const svg = readFileSync(path, 'utf8');
    const problem = checkSvg(svg);
    if (problem) throw new ModuleError(`${folderName}/${step.image}`, problem);
    images.set(step.image, svg);
  }
  // Illustrations not named by a step are still checked: they ship with the kiosk.
  for (const name of readdirSync(dir)) {
    if (!name.endsWith('.svg') || images.has(name)) continue;
    if (!imageFileName.test(name)) continue;
    const svg = readFileSync(join(dir, name), 'utf8');
    const problem = checkSvg(svg);
    if (problem) throw new ModuleError(`${folderName}/${name}`, problem);
  }
  return { def, sha256: createHash('sha256').update(bytes).digest('hex'), images };
}

/** Every module folder under `modulesDir` (none if the folder does not exist). Throws `ModuleError` on the first bad one. */
export function loadModules(modulesDir: string): LoadedModule[] {
  if (!existsSync(modulesDir)) return [];
  return readdirSync(modulesDir, { withFileTypes: true })
    .filter((e) => e.isDirectory() && existsSync(join(modulesDir, e.name, 'module.json')))
    .map((e) => e.name)
    .sort()
    .map((name) => loadModule(join(modulesDir, name), name));
}
