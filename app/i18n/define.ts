/** A module of the catalogue: German first; English must have every German key (checked by tsc). */
export function defineMessages<const T extends Record<string, string>>(de: T, en: { [K in keyof T]: string }) {
  return { de, en };
}
