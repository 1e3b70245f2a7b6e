/** File names as users send them: checked, then cleaned for display. Never used on disk. */

// Bidi overrides/isolates and marks: "‮fdp.exe" would display as "exe.pdf".
const BIDI = /[\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069]/u;
const CONTROL = /\p{Cc}/u;

/** True when a name carries a path or invisible control characters (refused, not silently fixed). */
export function isHostileFileName(name: string): boolean {
  return (
    /[/\\]/.test(name) ||
    /(^|[/\\])\.\.([/\\]|$)/.test(name) ||
    /%2e%2e|%2f|%5c/i.test(name) ||
    BIDI.test(name) ||
    CONTROL.test(name)
  );
}

/** The lower-case extension without the dot ("" when none). */
export function extensionOf(name: string): string {
  const base = name.split(/[/\\]/).pop() ?? "";
  const dot = base.lastIndexOf(".");
  return dot > 0 ? base.slice(dot + 1).toLowerCase() : "";
}

const MAX_NAME = 120;

/** A name safe to show: no path, no control or format characters, at most 120 characters. */
export function displayFileName(name: string, fallbackExt: string): string {
  let base = (name.split(/[/\\]/).pop() ?? "")
    .normalize("NFC")
    .replace(/[\p{Cc}\p{Cf}]/gu, "")
    .replace(/\s+/g, " ")
    .trim();
  base = base.replace(/^\.+/, "");
  const ext = extensionOf(base);
  if (!base || !ext) base = `${base || "datei"}.${fallbackExt}`;
  if (base.length > MAX_NAME) {
    const e = extensionOf(base);
    base = `${base.slice(0, MAX_NAME - e.length - 2).trimEnd()}….${e}`;
  }
  return base;
}

/** Content-Disposition with an ASCII fallback and the exact UTF-8 name (RFC 6266 / 8187). */
export function contentDisposition(kind: "inline" | "attachment", name: string): string {
  const ascii = name.replace(/[^\x20-\x7e]/g, "_").replace(/["\\;]/g, "_");
  const encoded = encodeURIComponent(name).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  return `${kind}; filename="${ascii}"; filename*=UTF-8''${encoded}`;
}
