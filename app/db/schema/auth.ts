import { boolean, index, pgEnum, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { groups } from "./groups";

export const userRole = pgEnum("user_role", ["organiser", "coordinator"]);

export const users = pgTable("users", {
  id: uuid().primaryKey().defaultRandom(),
  /** Always stored lower-cased: one address, one account. */
  email: text().notNull().unique(),
  name: text().notNull(),
  role: userRole().notNull(),
  /** A coordinator speaks for exactly one working group. */
  groupId: uuid().references(() => groups.id, { onDelete: "set null" }),
  passwordHash: text(),
  /** The OpenID provider's stable "sub" of this person, set at the first sign-in through the city's account. */
  oidcSubject: text().unique(),
  active: boolean().notNull().default(true),
  createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
});

export const sessions = pgTable(
  "sessions",
  {
    /** SHA-256 of the cookie token (hex): a database leak gives no usable session. */
    id: text().primaryKey(),
    userId: uuid()
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    lastSeenAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    expiresAt: timestamp({ withTimezone: true }).notNull(),
  },
  (t) => [index().on(t.userId)],
);

export const loginTokenPurpose = pgEnum("login_token_purpose", ["login", "invite"]);

/** One-time e-mail links (sign-in, invitations), stored as SHA-256 hashes. */
export const loginTokens = pgTable(
  "login_tokens",
  {
    id: text().primaryKey(),
    userId: uuid()
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    purpose: loginTokenPurpose().notNull().default("login"),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    expiresAt: timestamp({ withTimezone: true }).notNull(),
    usedAt: timestamp({ withTimezone: true }),
    /** An invitation the organisers took back before it was used (the link no longer signs in). */
    withdrawnAt: timestamp({ withTimezone: true }),
  },
  (t) => [index().on(t.userId)],
);
