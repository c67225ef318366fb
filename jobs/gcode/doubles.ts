// Fields that hold fractions are double fields from the first object on.
//
// V8 gives each field of a class a representation from the first value stored in it: a small integer
// makes it an integer (Smi) field, and the first fraction later moves the object to a new hidden
// class with a double field, deprecating the old one. Code optimised while the engine's objects had
// the old classes then deoptimises ("wrong map") when the next analysis starts, which then runs in
// the interpreter until V8 optimises it again: the second and third analyses of a process ran up to
// twice as slow as the later ones. So a field that will hold a coordinate, a speed, a time or a value
// read from a Float64Array (even an integral one: such a read is a heap number) starts with `dbl(v)`:
// the same number, as a heap number.

/** +0 as a heap number (a product of doubles): `0` or `0.0` in the source would be a small integer. */
const HEAP_ZERO = Number.MIN_VALUE * 0;

/** `v` as a heap number, for the initial value of a double field. */
export function dbl(v: number): number {
  return v + HEAP_ZERO;
}
