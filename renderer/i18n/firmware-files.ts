// The firmware message files, picked up by Vite at build time: a firmware whose file is added later
// (or is missing on a branch) simply joins or is absent, the app never fails to build for it.
import { firmwareTexts, type FirmwareTexts } from './firmware';

export function bundledFirmwareTexts(): FirmwareTexts {
  return firmwareTexts(import.meta.glob('../../assets/i18n/machines/*.json', { eager: true, import: 'default' }));
}
