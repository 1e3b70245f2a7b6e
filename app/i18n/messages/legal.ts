import { defineMessages } from "../define";

export const legal = defineMessages(
  {
    "imprint.title": "Impressum",
    "imprint.body": "Anbieterin dieser Seite ist die Stadt Bottrop, Referat Migration – Kommunales Integrationszentrum. Die vollständigen Angaben nach § 5 DDG trägt die Organisation hier ein.",
    "privacy.title": "Datenschutzerklärung",
    "privacy.body": "Hier steht, welche Daten wir speichern, warum und wie lange. Die Organisation ergänzt die Angaben zur verantwortlichen Stelle und zur Datenschutzbeauftragten.",
    "privacy.noTracking": "Wir setzen keine Analyse- oder Werbe-Cookies ein und laden nichts von fremden Servern.",
    "privacy.cookies": "Wir verwenden nur notwendige Cookies: eines für die Anmeldung der Organisation, eines zum Schutz der Formulare und eines für die gewählte Sprache.",
    "accessibility.title": "Erklärung zur Barrierefreiheit",
    "accessibility.body": "Die Stadt Bottrop möchte diese Website nach der Barrierefreie-Informationstechnik-Verordnung (BITV 2.0) barrierefrei zugänglich machen. Die vollständige Erklärung trägt die Organisation hier ein.",
  },
  {
    "imprint.title": "Legal notice",
    "imprint.body": "This site is provided by the City of Bottrop, Migration Department – Municipal Integration Centre. The organisers enter the full details required by law here.",
    "privacy.title": "Privacy policy",
    "privacy.body": "This page says which data we store, why and for how long. The organisers add the details of the controller and the data protection officer.",
    "privacy.noTracking": "We use no analytics or advertising cookies and load nothing from other servers.",
    "privacy.cookies": "We only use necessary cookies: one for organisers' sign-in, one to protect forms and one for the chosen language.",
    "accessibility.title": "Accessibility statement",
    "accessibility.body": "The City of Bottrop aims to make this website accessible in accordance with the German accessibility regulation (BITV 2.0). The organisers enter the full statement here.",
  },
);
