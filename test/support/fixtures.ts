// The shared sample files (STL, 3MF, SVG, DXF, G-code) sit beside the repository, in ../shared/fixtures.
import { join } from 'node:path';

export const fixturesDir = process.env.FABKIOSK_FIXTURES ?? join(import.meta.dirname, '..', '..', '..', 'shared', 'fixtures');

export function fixture(relativePath: string): string {
  return join(fixturesDir, relativePath);
}
