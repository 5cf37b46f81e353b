/** Replaces every occurrence of each secret in `text` with `****`. */
export function scrub(text: string, secrets: readonly string[]): string {
  let out = text;
  for (const secret of secrets) if (secret.length >= 4) out = out.split(secret).join('****');
  return out;
}
