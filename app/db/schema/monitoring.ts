import { sql } from "drizzle-orm";
import {
  boolean,
  check,
  doublePrecision,
  index,
  integer,
  pgEnum,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uuid,
} from "drizzle-orm/pg-core";
import { INDICATOR_COMPARISONS, MONITORING_AREAS, POPULATION_GROUPS } from "../enums";
import { fieldsOfAction, goals } from "./goals";

/**
 * The Integrationsmonitoring: indicators in six areas with values per year and population group,
 * the Handlungsfelder they belong to and the agreed goals they measure.
 */
export const monitoringArea = pgEnum("monitoring_area", MONITORING_AREAS);
export const populationGroup = pgEnum("population_group", POPULATION_GROUPS);
export const indicatorComparison = pgEnum("indicator_comparison", INDICATOR_COMPARISONS);

export const indicators = pgTable(
  "indicators",
  {
    id: uuid().primaryKey().defaultRandom(),
    /** The indicator's address below its area: /monitoring/<area>/<slug>; stable once published. */
    slug: text().notNull().unique(),
    area: monitoringArea().notNull(),
    name: text().notNull(),
    definition: text().notNull().default(""),
    /** "%", "Personen", "je 1.000 Einwohnerinnen und Einwohner" … ("%" differences are Prozentpunkte). */
    unit: text().notNull().default(""),
    /** Decimal places shown (values are stored as given). */
    decimals: integer().notNull().default(1),
    source: text().notNull().default(""),
    /** Which two groups are compared (nationality: german/foreign; migration: with/without; none). */
    comparison: indicatorComparison().notNull().default("nationality"),
    /** Example figures (the demo): marked as such on every page and in the report. */
    example: boolean().notNull().default(false),
    published: boolean().notNull().default(true),
    position: integer().notNull().default(0),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index().on(t.area, t.position)],
);

export const indicatorFields = pgTable(
  "indicator_fields",
  {
    indicatorId: uuid()
      .notNull()
      .references(() => indicators.id, { onDelete: "cascade" }),
    fieldId: uuid()
      .notNull()
      .references(() => fieldsOfAction.id, { onDelete: "cascade" }),
  },
  (t) => [primaryKey({ columns: [t.indicatorId, t.fieldId] }), index().on(t.fieldId)],
);

/** One value per indicator, year and population group. */
export const indicatorValues = pgTable(
  "indicator_values",
  {
    indicatorId: uuid()
      .notNull()
      .references(() => indicators.id, { onDelete: "cascade" }),
    year: integer().notNull(),
    group: populationGroup().notNull(),
    value: doublePrecision().notNull(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.indicatorId, t.year, t.group] }),
    check("indicator_values_year", sql`${t.year} between 1950 and 2100`),
  ],
);

/** Which indicators measure an agreed goal. */
export const goalIndicators = pgTable(
  "goal_indicators",
  {
    goalId: integer()
      .notNull()
      .references(() => goals.id, { onDelete: "cascade" }),
    indicatorId: uuid()
      .notNull()
      .references(() => indicators.id, { onDelete: "cascade" }),
  },
  (t) => [primaryKey({ columns: [t.goalId, t.indicatorId] }), index().on(t.indicatorId)],
);
