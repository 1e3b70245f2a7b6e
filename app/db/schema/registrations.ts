import {
  boolean,
  index,
  integer,
  jsonb,
  pgEnum,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";
import { ORGANISATION_TYPES, REGISTRATION_STATUSES } from "../enums";
import { conferences, forums } from "./conferences";

/**
 * held: a seat is kept while the person confirms the e-mailed link (double opt-in);
 * confirmed: the registration counts; waitlisted: no seat yet, in order of `waitlistPosition`;
 * cancelled / expired: the seat is free again.
 */
export const registrationStatus = pgEnum("registration_status", REGISTRATION_STATUSES);

export const organisationType = pgEnum("organisation_type", ORGANISATION_TYPES);

export const registrations = pgTable(
  "registrations",
  {
    id: uuid().primaryKey().defaultRandom(),
    conferenceId: uuid()
      .notNull()
      .references(() => conferences.id, { onDelete: "cascade" }),
    /** Stored trimmed and lower-case: one registration per address and conference. */
    email: text().notNull(),
    firstName: text().notNull(),
    lastName: text().notNull(),
    /** Optional: the name in Latin letters when it is written in another script (found at the check-in desk). */
    latinName: text().notNull().default(""),
    organisation: text().notNull(),
    organisationType: organisationType().notNull(),
    jobTitle: text().notNull().default(""),
    forumId: uuid().references(() => forums.id, { onDelete: "set null" }),
    status: registrationStatus().notNull(),
    /** Ever increasing per conference while waitlisted; the order of promotion. */
    waitlistPosition: integer(),
    /** Art. 9 data: only stored together with `specialConsentAt`. */
    accessibilityNeeds: jsonb().$type<string[]>().notNull().default([]),
    accessibilityOther: text().notNull().default(""),
    dietaryNeeds: text().notNull().default(""),
    specialConsentAt: timestamp({ withTimezone: true }),
    photoConsent: boolean().notNull().default(false),
    /** Consent to one mail when the conference documentation is published (null: not given or withdrawn). */
    documentationNewsAt: timestamp({ withTimezone: true }),
    privacyVersion: text().notNull(),
    privacyConsentAt: timestamp({ withTimezone: true }).notNull(),
    /** SHA-256 of the manage link's token; the token itself is derived from `manageSalt` (see tokens). */
    manageTokenHash: text().notNull().unique(),
    manageSalt: text().notNull(),
    confirmTokenHash: text().unique(),
    holdExpiresAt: timestamp({ withTimezone: true }),
    locale: text().notNull().default("de"),
    confirmedAt: timestamp({ withTimezone: true }),
    cancelledAt: timestamp({ withTimezone: true }),
    reminderSentAt: timestamp({ withTimezone: true }),
    checkedInAt: timestamp({ withTimezone: true }),
    /** Increases on every change the calendar file reflects (SEQUENCE of the .ics). */
    calendarSequence: integer().notNull().default(0),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex().on(t.conferenceId, t.email),
    index().on(t.conferenceId, t.status),
    index().on(t.status, t.holdExpiresAt),
  ],
);

export const consentPurpose = pgEnum("consent_purpose", [
  "privacy",
  "special_categories",
  "photo",
  "documentation_news",
]);

/** Every grant and withdrawal, with the text version and time (Art. 7 DSGVO). */
export const registrationConsents = pgTable(
  "registration_consents",
  {
    id: uuid().primaryKey().defaultRandom(),
    registrationId: uuid()
      .notNull()
      .references(() => registrations.id, { onDelete: "cascade" }),
    purpose: consentPurpose().notNull(),
    granted: boolean().notNull(),
    textVersion: text().notNull(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index().on(t.registrationId)],
);
