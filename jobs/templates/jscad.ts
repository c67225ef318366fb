// @jscad/modeling is CommonJS: under Node's ESM loader only its default export carries the modules,
// so every file of the templates takes them from here.
import modeling from '@jscad/modeling';

export const jscad = modeling;
export type Geom2 = modeling.geometries.geom2.Geom2;
export type Path2 = modeling.geometries.path2.Path2;
