import { getTableColumns, type Table } from "drizzle-orm";

/**
 * A table's columns without its search vector: `db.select(withoutSearch(goals))` instead of
 * `db.select()`, so no page, JSON or export carries the tsvector (only the search reads it).
 */
export function withoutSearch<T extends Table>(table: T): Omit<T["_"]["columns"], "search"> {
  const { search: _search, ...columns } = getTableColumns(table) as T["_"]["columns"] & { search?: unknown };
  return columns;
}
