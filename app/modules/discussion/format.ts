import type { Translate } from "~/i18n/catalog";
import { formatDate, formatTime } from "~/utils/time";

export type Window = { questionsOpenAt: Date | string | null; questionsCloseAt: Date | string | null };

/** "Fragen sind möglich bis 11:15 Uhr" or when they will be: for the question page and lists. */
export function windowText(t: Translate, locale: string, w: Window, open: boolean): string {
  if (open && w.questionsCloseAt) return t("discussion.openUntil", { time: formatTime(w.questionsCloseAt, locale) });
  if (!open && w.questionsOpenAt && w.questionsCloseAt && new Date(w.questionsCloseAt) > new Date()) {
    return `${t("discussion.closed")} ${t("discussion.closed.window", { date: formatDate(w.questionsOpenAt, locale), start: formatTime(w.questionsOpenAt, locale), end: formatTime(w.questionsCloseAt, locale) })}`;
  }
  return open ? t("discussion.open") : t("discussion.closed");
}

export function likesText(t: Translate, count: number): string {
  return count === 1 ? t("discussion.likes.one") : t("discussion.likes", { count });
}

export function speakersText(speakers: { name: string; role: string }[]): string {
  return speakers.map((s) => (s.role ? `${s.name} (${s.role})` : s.name)).join(", ");
}
