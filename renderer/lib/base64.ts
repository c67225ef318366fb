// Bytes to base64 for the upload chunks, without building a string byte by byte: blocks of a few
// tens of KiB go through String.fromCharCode.apply (one call per block, under the engines' argument
// limits) and btoa; a block length that is a multiple of 3 keeps padding out of the middle.

/** 32 766 bytes: just under 32 KiB and a multiple of 3, so the encoded blocks can be joined as they are. */
export const base64BlockBytes = 32_766;

export function bytesToBase64(bytes: Uint8Array): string {
  const parts: string[] = [];
  for (let i = 0; i < bytes.length; i += base64BlockBytes) {
    const block = bytes.subarray(i, Math.min(i + base64BlockBytes, bytes.length));
    // apply() takes an array-like: a typed array is one, and no copy into a plain array is made.
    parts.push(btoa(String.fromCharCode.apply(null, block as unknown as number[])));
  }
  return parts.join('');
}

/** Base64 (a chunk of a stored file read back) to bytes. */
export function base64ToBytes(data: string): Uint8Array<ArrayBuffer> {
  const text = atob(data);
  const out = new Uint8Array(text.length);
  for (let i = 0; i < text.length; i++) out[i] = text.charCodeAt(i);
  return out;
}
