import type { Translate } from "~/i18n/catalog";
import { formatDate, formatTime } from "~/utils/time";

export type Window = { questionsOpenAt: Date | string | null; questionsCloseAt: Date | string | null };

/** Questions and likes are taken only inside the window the organiser set; no window means closed. */
export function isOpen(input: Window, now = new Date()): boolean {
  if (!input.questionsOpenAt || !input.questionsCloseAt) return false;
  return new Date(input.questionsOpenAt) <= now && now < new Date(input.questionsCloseAt);
}

/** "Fragen sind möglich bis 11:15 Uhr" or when they will be: for the question page and lists. */
export function windowText(t: Translate, locale: string, w: Window, open: boolean): string {
  if (open && w.questionsCloseAt) {
    const sameDay = formatDate(w.questionsCloseAt, locale) === formatDate(new Date(), locale);
    const time = formatTime(w.questionsCloseAt, locale);
    return t("discussion.openUntil", { time: sameDay ? time : `${formatDate(w.questionsCloseAt, locale)}, ${time}` });
  }
  if (!open && w.questionsOpenAt && w.questionsCloseAt && new Date(w.questionsCloseAt) > new Date()) {
    return `${t("discussion.closed")} ${t("discussion.closed.window", { date: formatDate(w.questionsOpenAt, locale), start: formatTime(w.questionsOpenAt, locale), end: formatTime(w.questionsCloseAt, locale) })}`;
  }
  return open ? t("discussion.open") : t("discussion.closed");
}

export function likesText(t: Translate, count: number): string {
  return t("discussion.likes", { count });
}

export function speakersText(speakers: { name: string; role: string }[]): string {
  return speakers.map((s) => (s.role ? `${s.name} (${s.role})` : s.name)).join(", ");
}
