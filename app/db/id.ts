/**
 * The one id check: every primary key is a uuid (gen_random_uuid()). An id from a URL or a form
 * that is not one never reaches SQL (PostgreSQL would refuse it with an error, i.e. a 500).
 */
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export const isUuid = (value: unknown): value is string => typeof value === "string" && UUID.test(value);
