import { fileTypeFromBuffer } from 'file-type/core';

/**
 * The type a file's content shows (its magic bytes, read by `file-type`), or null when it shows none. Server only:
 * the answer route calls it before any check, so the name and the browser's claim never decide the type.
 */
export async function detectedType(bytes: Uint8Array): Promise<string | null> {
  if (bytes.byteLength === 0) return null;
  try {
    return (await fileTypeFromBuffer(bytes))?.mime ?? null;
  } catch {
    return null;
  }
}
