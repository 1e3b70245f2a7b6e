import { defineMessages } from "../define";

// Document titles and meta descriptions that no page heading already says (app/i18n/i18n.tsx pageTitle).
export const titles = defineMessages(
  {
    "title.home.description":
      "Die jährliche Integrationskonferenz des Kommunalen Integrationszentrums Bottrop: Anmeldung, Programm, Ergebnisse der Arbeitskreise und Ziele.",
    "title.presentation": "Präsentation: {group}",
    "title.questions": "Fragen: {title}",
    "title.roomView": "Saalansicht: {title}",
    "title.moderation": "Moderation: {title}",
    "title.searchFor": "Suche: {q}",
    "title.participantEdit": "Anmeldung ändern {year}",
    "title.participantCancel": "Anmeldung abmelden {year}",
  },
  {
    "title.home.description":
      "The yearly integration conference of the Municipal Integration Centre Bottrop: registration, programme, results of the working groups and goals.",
    "title.presentation": "Presentation: {group}",
    "title.questions": "Questions: {title}",
    "title.roomView": "Room view: {title}",
    "title.moderation": "Moderation: {title}",
    "title.searchFor": "Search: {q}",
    "title.participantEdit": "Edit registration {year}",
    "title.participantCancel": "Cancel registration {year}",
  },
);
