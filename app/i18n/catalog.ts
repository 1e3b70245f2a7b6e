import { accessibility } from "./messages/accessibility";
import { attendance } from "./messages/attendance";
import { audit } from "./messages/audit";
import { auth } from "./messages/auth";
import { common } from "./messages/common";
import { conferences } from "./messages/conferences";
import { discussion } from "./messages/discussion";
import { goals } from "./messages/goals";
import { groups } from "./messages/groups";
import { legal } from "./messages/legal";
import { publishing } from "./messages/publishing";
import { mail } from "./messages/mail";
import { monitoring } from "./messages/monitoring";
import { monitoringPublic } from "./messages/monitoring-public";
import { monitoringAdmin } from "./messages/monitoring-admin";
import { monitoringGoals } from "./messages/monitoring-goals";
import { overview } from "./messages/overview";
import { registrations } from "./messages/registrations";
import { registrationsAdmin } from "./messages/registrations-admin";
import { titles } from "./messages/titles";
import { uploads } from "./messages/uploads";

import { arabicModules } from "./messages/ar";
import { interpolate, type Locale, type Vars } from "./locales";

// The one message catalogue. Each domain adds its module here.
const modules = [
  common,
  auth,
  audit,
  attendance,
  legal,
  accessibility,
  mail,
  conferences,
  registrations,
  registrationsAdmin,
  goals,
  uploads,
  groups,
  discussion,
  publishing,
  overview,
  monitoring,
  monitoringPublic,
  monitoringAdmin,
  monitoringGoals,
  titles,
] as const;

type Merge<M extends readonly { de: Record<string, string> }[]> = M extends readonly [infer H, ...infer R]
  ? H extends { de: infer D }
    ? D & (R extends readonly { de: Record<string, string> }[] ? Merge<R> : unknown)
    : never
  : unknown;

export type MessageKey = keyof Merge<typeof modules> & string;
export { defaultLocale, hasArabic, isLocale, localeDir, locales, pageLocale, type Locale, type Vars } from "./locales";

export const catalog: Record<Locale, Record<string, string>> = {
  de: Object.assign({}, ...modules.map((m) => m.de)),
  en: Object.assign({}, ...modules.map((m) => m.en)),
  // Arabic: the participant-facing keys over German (tsc forces de/en completeness only; the unit
  // test i18n/arabic.test.ts checks that the Arabic pages use no key without Arabic).
  ar: Object.assign({}, ...modules.map((m) => m.de), ...arabicModules),
};

export type Translate = (key: MessageKey, vars?: Vars) => string;

export function translator(locale: Locale): Translate {
  const messages = catalog[locale];
  return (key, vars) => {
    return interpolate(messages[key] ?? catalog.de[key] ?? key, vars, locale);
  };
}

/** A message key stored in a zod schema, or free text from elsewhere. */
export function isMessageKey(value: string): value is MessageKey {
  return value in catalog.de;
}
