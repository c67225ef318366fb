// What a file brought to the kiosk becomes: a drawing or an image goes to the laser, a 3D model to a
// printer, a G-code to the check. Decided by the extension, as the back end stores it.

export type Route = 'laser' | 'print' | 'gcode';

export interface FormatGroup {
  route: Route;
  extensions: readonly string[];
}

/** In the order the screen shows them. Kept in step with electron/services/files (what it stores). */
export const formatGroups: readonly FormatGroup[] = [
  { route: 'laser', extensions: ['svg', 'dxf', 'png', 'jpg', 'jpeg'] },
  { route: 'print', extensions: ['stl', '3mf', 'obj'] },
  { route: 'gcode', extensions: ['gcode', 'gco', 'g', 'nc', 'ngc'] },
];

/** The extensions a pictogram stands for (JPG and JPEG are one picture). */
export const shownFormats: Record<Exclude<Route, 'gcode'>, readonly string[]> = {
  laser: ['svg', 'dxf', 'png', 'jpg'],
  print: ['stl', '3mf', 'obj'],
};

export function extensionOf(name: string): string {
  const m = /\.([a-z0-9]+)$/i.exec(name.trim());
  return m ? m[1]!.toLowerCase() : '';
}

export function routeOf(name: string): Route | null {
  const ext = extensionOf(name);
  return formatGroups.find((g) => g.extensions.includes(ext))?.route ?? null;
}

/** The file input's `accept`, for some routes. */
export function acceptFor(routes: readonly Route[]): string {
  return formatGroups
    .filter((g) => routes.includes(g.route))
    .flatMap((g) => g.extensions.map((e) => `.${e}`))
    .join(',');
}

/** Raster images go to the laser's engraving, drawings to its cutting. */
export function isImageName(name: string): boolean {
  return ['png', 'jpg', 'jpeg'].includes(extensionOf(name));
}
