/** A module of the catalogue: German first; English must have every German key (checked by tsc). */
export function defineMessages<const T extends Record<string, string>>(de: T, en: { [K in keyof T]: string }) {
  return { de, en };
}

/**
 * Arabic for a module: a partial dictionary (only the participant-facing keys). tsc refuses keys the
 * German module does not have; missing keys fall back to German (pages without Arabic are rendered
 * in German as a whole, see `hasArabic` in locales.ts).
 */
export function defineArabic<const T extends Record<string, string>>(
  module: { de: T },
  ar: { [K in keyof T]?: string },
) {
  return ar as Partial<Record<keyof T & string, string>>;
}
