import { customType } from "drizzle-orm/pg-core";

/** PostgreSQL's text-search vector (generated columns; read only, never selected for pages: see withoutSearch). */
export const tsvector = customType<{ data: string }>({
  dataType() {
    return "tsvector";
  },
});
