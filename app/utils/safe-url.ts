/**
 * An address of another site that a page may link to: http or https (only https when asked), a
 * host, no whitespace, and no user name or password (`https://www.bottrop.de@evil.example/` goes to
 * evil.example). Never javascript:, data:, vbscript:, file: …: they would run or read on click.
 */
export function isSafeExternalUrl(value: string, opts: { httpsOnly?: boolean } = {}): boolean {
  if (/\s/.test(value)) return false;
  try {
    const url = new URL(value);
    const scheme = opts.httpsOnly ? url.protocol === "https:" : url.protocol === "https:" || url.protocol === "http:";
    return scheme && !!url.hostname && !url.username && !url.password;
  } catch {
    return false;
  }
}
