import { createHash } from "node:crypto";
import { catalog } from "./catalog";
import { isLocale, type Locale } from "./locales";

// The catalogue stays on the server: server rendering reads it from here (see messagesFor in
// i18n.tsx), browsers load their language's messages once as a cached script (messagesAsset).
globalThis.__ikonCatalog = catalog;

export type MessagesAsset = { src: string; hash: string; body: string };
const assets = new Map<Locale, MessagesAsset>();

/**
 * One language's messages as a small script (`window.__ikonMessages = …`), under an address with
 * its content hash: browsers keep it for a year and pages carry no catalogue (it used to be
 * ~100 KB of every page's HTML, and most of its render time and memory under load).
 */
export function messagesAsset(locale: Locale): MessagesAsset {
  let asset = assets.get(locale);
  if (!asset) {
    const body = `window.__ikonMessages=${JSON.stringify({ locale, messages: catalog[locale] })};\n`;
    const hash = createHash("sha256").update(body).digest("hex").slice(0, 12);
    asset = { src: `/i18n/${locale}.${hash}.js`, hash, body };
    assets.set(locale, asset);
  }
  return asset;
}

/** `de.<hash>.js` (cached for a year) or `de.js` (the fallback address, revalidated). */
export function findMessagesAsset(file: string): { asset: MessagesAsset; immutable: boolean } | null {
  const match = /^([a-z]{2})(?:\.([a-f0-9]{12}))?\.js$/.exec(file);
  if (!match || !isLocale(match[1])) return null;
  const asset = messagesAsset(match[1]);
  if (match[2] && match[2] !== asset.hash) return null;
  return { asset, immutable: Boolean(match[2]) };
}
