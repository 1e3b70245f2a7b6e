import { auth } from "./messages/auth";
import { common } from "./messages/common";
import { conferences } from "./messages/conferences";
import { discussion } from "./messages/discussion";
import { goals } from "./messages/goals";
import { groups } from "./messages/groups";
import { legal } from "./messages/legal";
import { mail } from "./messages/mail";
import { registrations } from "./messages/registrations";
import { uploads } from "./messages/uploads";

// The one message catalogue. Each domain adds its module here.
const modules = [common, auth, legal, mail, conferences, registrations, goals, uploads, groups, discussion] as const;

type Merge<M extends readonly { de: Record<string, string> }[]> = M extends readonly [infer H, ...infer R]
  ? H extends { de: infer D }
    ? D & (R extends readonly { de: Record<string, string> }[] ? Merge<R> : unknown)
    : never
  : unknown;

export type MessageKey = keyof Merge<typeof modules> & string;
export const locales = ["de", "en"] as const;
export type Locale = (typeof locales)[number];
export const defaultLocale: Locale = "de";

export const catalog: Record<Locale, Record<string, string>> = {
  de: Object.assign({}, ...modules.map((m) => m.de)),
  en: Object.assign({}, ...modules.map((m) => m.en)),
};

export type Vars = Record<string, string | number>;
export type Translate = (key: MessageKey, vars?: Vars) => string;

export function isLocale(value: unknown): value is Locale {
  return typeof value === "string" && (locales as readonly string[]).includes(value);
}

export function translator(locale: Locale): Translate {
  const messages = catalog[locale];
  return (key, vars) => {
    const template = messages[key] ?? catalog.de[key] ?? key;
    return vars ? template.replace(/\{(\w+)\}/g, (_, name: string) => String(vars[name] ?? `{${name}}`)) : template;
  };
}

/** A message key stored in a zod schema, or free text from elsewhere. */
export function isMessageKey(value: string): value is MessageKey {
  return value in catalog.de;
}
