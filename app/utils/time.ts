/** Every date ikon shows or reads is in the city's zone, whatever the server's zone is. */
export const TIME_ZONE = "Europe/Berlin";

function zoneOffsetMs(utc: Date): number {
  const parts = new Intl.DateTimeFormat("en-US", {
    timeZone: TIME_ZONE,
    hourCycle: "h23",
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
    hour: "2-digit",
    minute: "2-digit",
    second: "2-digit",
  }).formatToParts(utc);
  const get = (type: string) => Number(parts.find((p) => p.type === type)?.value);
  const asUtc = Date.UTC(get("year"), get("month") - 1, get("day"), get("hour"), get("minute"), get("second"));
  return asUtc - Math.floor(utc.getTime() / 1000) * 1000;
}

/** The instant of a wall-clock time in Berlin (handles the DST changes). */
export function berlinTime(year: number, month: number, day: number, hour = 0, minute = 0): Date {
  const guess = Date.UTC(year, month - 1, day, hour, minute);
  const first = guess - zoneOffsetMs(new Date(guess));
  return new Date(guess - zoneOffsetMs(new Date(first)));
}

/** Parses the value of <input type="datetime-local"> (Berlin wall-clock) into an instant. */
export function parseBerlinLocal(value: string): Date | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/.exec(value);
  if (!m) return null;
  const [, y, mo, d, h, mi] = m.map(Number) as [number, number, number, number, number, number];
  const date = berlinTime(y, mo, d, h, mi);
  return Number.isNaN(date.getTime()) ? null : date;
}

/** The value for <input type="datetime-local"> showing an instant as Berlin wall-clock time. */
export function toBerlinLocalInput(date: Date): string {
  const p = new Intl.DateTimeFormat("sv-SE", {
    timeZone: TIME_ZONE,
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
    hour: "2-digit",
    minute: "2-digit",
    hourCycle: "h23",
  }).format(date);
  return p.replace(" ", "T");
}

// Building an Intl.DateTimeFormat costs far more than using one: keep one per locale and style.
const formatters = new Map<string, Intl.DateTimeFormat>();
function formatter(locale: string, style: "date" | "time" | "dateTime" | "dayMonth" | "day"): Intl.DateTimeFormat {
  const key = `${locale}|${style}`;
  let f = formatters.get(key);
  if (!f) {
    const options: Intl.DateTimeFormatOptions =
      style === "date"
        ? { weekday: "long", day: "numeric", month: "long", year: "numeric" }
        : style === "time"
          ? { hour: "2-digit", minute: "2-digit", hourCycle: "h23" }
          : style === "dayMonth"
            ? { day: "numeric", month: "short" }
            : style === "day"
              ? { weekday: "short", day: "2-digit", month: "2-digit", year: "numeric" }
              : { dateStyle: "medium", timeStyle: "short", hourCycle: "h23" };
    // Times on the 24-hour clock in every language (a German city's programme: "16:00", not "04:00 PM").
    f = new Intl.DateTimeFormat(locale, { timeZone: TIME_ZONE, ...options });
    formatters.set(key, f);
  }
  return f;
}

export function formatDate(date: Date | string, locale: string): string {
  return formatter(locale, "date").format(new Date(date));
}

export function formatTime(date: Date | string, locale: string): string {
  return formatter(locale, "time").format(new Date(date));
}

/** A time or a span of time as the programme prints it: "09:30–16:00 Uhr" in German, "09:30–16:00" otherwise. */
export function formatTimeRange(start: Date | string, end: Date | string | null | undefined, locale: string): string {
  const span = end ? `${formatTime(start, locale)}–${formatTime(end, locale)}` : formatTime(start, locale);
  return locale === "de" ? `${span} Uhr` : span;
}

export function formatDateTime(date: Date | string, locale: string): string {
  return formatter(locale, "dateTime").format(new Date(date));
}

/** A short day for chart axes: "12. Jan.". */
export function formatDayMonth(date: Date | string, locale: string): string {
  return formatter(locale, "dayMonth").format(new Date(date));
}

/** A compact day for tables: "Mi., 04.11.2026". */
export function formatDayDate(date: Date | string, locale: string): string {
  return formatter(locale, "day").format(new Date(date));
}

/** Noon in Berlin of a calendar day written "YYYY-MM-DD" (for formatting days from SQL). */
export function berlinDay(day: string): Date {
  const [y, m, d] = day.split("-").map(Number);
  return berlinTime(y!, m!, d!, 12);
}

/** Year, month, day of an instant in Berlin. */
export function berlinParts(date: Date): { year: number; month: number; day: number } {
  const [y, m, d] = new Intl.DateTimeFormat("sv-SE", {
    timeZone: TIME_ZONE,
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
  })
    .format(date)
    .split("-")
    .map(Number);
  return { year: y!, month: m!, day: d! };
}
