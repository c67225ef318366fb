// The preparation cores' translation files, picked up by Vite at build time: a folder that is still
// empty (or a file added later) simply joins or is absent, the app never fails to build for it.
import { prepareTexts, type PrepareTexts } from './prepare-texts';

export function bundledPrepareTexts(): PrepareTexts {
  return prepareTexts(import.meta.glob('../../assets/i18n/{laser,laser-raster,print,templates}/*.json', { eager: true, import: 'default' }));
}
