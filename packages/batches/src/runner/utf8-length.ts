/** UTF-8 byte length of a string (Buffer in Node, TextEncoder elsewhere). */
export function utf8Length(text: string): number {
  const buffer = (globalThis as { Buffer?: { byteLength(s: string): number } }).Buffer;
  return buffer ? buffer.byteLength(text) : new TextEncoder().encode(text).byteLength;
}
