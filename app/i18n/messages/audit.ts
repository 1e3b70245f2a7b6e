import { defineMessages } from "../define";

export const audit = defineMessages(
  {
    "audit.title": "Protokoll",
    "audit.lead": "Wer hat wann was mit personenbezogenen Daten oder Veröffentlichungen gemacht. Einträge werden nach {days} Tagen gelöscht.",
    "audit.empty": "Noch keine Einträge.",
    "audit.when": "Wann",
    "audit.who": "Wer",
    "audit.what": "Was",
    "audit.object": "Betrifft",
    "audit.more": "Ältere Einträge",
  },
  {
    "audit.title": "Audit log",
    "audit.lead": "Who did what and when with personal data or publications. Entries are deleted after {days} days.",
    "audit.empty": "No entries yet.",
    "audit.when": "When",
    "audit.who": "Who",
    "audit.what": "What",
    "audit.object": "Concerns",
    "audit.more": "Older entries",
  },
);
