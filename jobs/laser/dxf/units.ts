// $INSUNITS codes (AutoCAD DXF reference, HEADER section) to millimetres per drawing unit.
const MM: Readonly<Record<number, number>> = {
  1: 25.4, // inches
  2: 304.8, // feet
  4: 1, // millimetres
  5: 10, // centimetres
  6: 1000, // metres
  7: 1_000_000, // kilometres
  8: 25.4e-6, // microinches
  9: 0.0254, // mils
  10: 914.4, // yards
  11: 1e-7, // ångströms
  12: 1e-6, // nanometres
  13: 1e-3, // microns
  14: 100, // decimetres
  15: 10_000, // decametres
  16: 100_000, // hectometres
  21: 1200_000 / 3937, // US survey feet
};

/** Millimetres per unit, or null when the file does not say (0, absent or a code we do not know). */
export function mmPerDxfUnit(insunits: unknown): number | null {
  return typeof insunits === 'number' ? (MM[insunits] ?? null) : null;
}
