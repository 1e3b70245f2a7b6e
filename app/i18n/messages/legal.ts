import { defineMessages } from "../define";

export const legal = defineMessages(
  {
    "imprint.title": "Impressum",
    "imprint.body":
      "Anbieterin dieser Seite ist die Stadt Bottrop, Referat Migration – Kommunales Integrationszentrum. Die vollständigen Angaben nach § 5 DDG trägt die Organisation hier ein.",
    "privacy.title": "Datenschutzerklärung",
    "privacy.body":
      "Hier steht, welche Daten wir speichern, warum und wie lange. Die Organisation ergänzt die Angaben zur verantwortlichen Stelle und zur Datenschutzbeauftragten.",
    "privacy.noTracking": "Wir setzen keine Analyse- oder Werbe-Cookies ein und laden nichts von fremden Servern.",
    "privacy.cookies":
      "Wir verwenden nur notwendige Cookies: eines für die Anmeldung der Organisation, eines zum Schutz der Formulare und eines für die gewählte Sprache.",
    "privacy.tableCaption": "Welche Daten wir speichern, warum und wie lange",
    "privacy.col.data": "Daten",
    "privacy.col.purpose": "Zweck",
    "privacy.col.basis": "Rechtsgrundlage",
    "privacy.col.retention": "Speicherdauer",
    "privacy.row.registration.data":
      "Anmeldung: Name, E-Mail-Adresse, Organisation, Art der Organisation, Funktion, Forum",
    "privacy.row.registration.purpose": "Planung und Durchführung der Konferenz, Teilnahmebescheinigung",
    "privacy.row.registration.basis": "Art. 6 Abs. 1 lit. e DSGVO (Aufgabe der Kommune)",
    "privacy.row.registration.retention":
      "{days} Tage nach der Konferenz anonymisiert; übrig bleiben nur Zahlen für die Statistik",
    "privacy.row.special.data": "Angaben zur Barrierefreiheit und zur Verpflegung (besondere Kategorien)",
    "privacy.row.special.purpose": "Damit Sie gut teilnehmen können: Dolmetschung, Zugang, Essen",
    "privacy.row.special.basis": "Ihre ausdrückliche Einwilligung, Art. 9 Abs. 2 lit. a DSGVO; jederzeit widerrufbar",
    "privacy.row.special.retention":
      "{days} Tage nach der Konferenz gelöscht; der Caterer erhält nur Anzahlen, keine Namen",
    "privacy.row.photo.data": "Ihre Entscheidung zu Fotos",
    "privacy.row.photo.purpose": "Fotodokumentation der Konferenz",
    "privacy.row.photo.basis": "Ihre Einwilligung, Art. 6 Abs. 1 lit. a DSGVO; jederzeit widerrufbar",
    "privacy.row.photo.retention": "wie die Anmeldung",
    "privacy.row.documentationNews.data": "Ihr Wunsch, eine E-Mail zur Dokumentation zu bekommen (freiwillig)",
    "privacy.row.documentationNews.purpose":
      "Eine einzige E-Mail mit dem Link, sobald die Dokumentation der Konferenz veröffentlicht ist; nur wenn Ihre Anmeldung bestätigt ist",
    "privacy.row.documentationNews.basis":
      "Ihre Einwilligung, Art. 6 Abs. 1 lit. a DSGVO; jederzeit über Ihren persönlichen Link widerrufbar",
    "privacy.row.documentationNews.retention":
      "wie die Anmeldung; nach der Anonymisierung ({days} Tage nach der Konferenz) schicken wir keine E-Mail mehr",
    "privacy.row.unconfirmed.data": "Nicht bestätigte Anmeldungen",
    "privacy.row.unconfirmed.purpose": "Platz freihalten, bis Sie bestätigen",
    "privacy.row.unconfirmed.basis": "Art. 6 Abs. 1 lit. e DSGVO",
    "privacy.row.unconfirmed.retention": "gelöscht, sobald die Reservierung abgelaufen ist",
    "privacy.row.mail.data": "Inhalt der E-Mails, die wir Ihnen schicken",
    "privacy.row.mail.purpose": "Versand von Bestätigung, Erinnerung und Informationen",
    "privacy.row.mail.basis": "Art. 6 Abs. 1 lit. e DSGVO",
    "privacy.row.mail.retention": "{days} Tage nach dem Versand gelöscht",
    "privacy.row.accounts.data": "Konten des Organisationsteams und der Koordinationen, Anmeldesitzungen",
    "privacy.row.accounts.purpose": "Zugang zur Verwaltung",
    "privacy.row.accounts.basis": "Art. 6 Abs. 1 lit. e DSGVO",
    "privacy.row.accounts.retention":
      "Sitzung endet nach {idle} Minuten ohne Aktivität, spätestens nach {hours} Stunden",
    "privacy.row.audit.data": "Protokoll der Handlungen des Organisationsteams",
    "privacy.row.audit.purpose": "Nachweis, wer wann personenbezogene Daten bearbeitet hat",
    "privacy.row.audit.basis": "Art. 6 Abs. 1 lit. c und e, Art. 32 DSGVO",
    "privacy.row.audit.retention": "{days} Tage",
    "privacy.rights.title": "Ihre Rechte",
    "privacy.rights.body":
      "Sie können Auskunft verlangen, Ihre Daten berichtigen, löschen oder herunterladen und Einwilligungen widerrufen. Am einfachsten geht das über den persönlichen Link in Ihrer Anmeldebestätigung. Sie können sich auch bei der Datenschutzaufsicht beschweren: Landesbeauftragte für Datenschutz und Informationsfreiheit Nordrhein-Westfalen (LDI NRW).",
    "accessibility.title": "Erklärung zur Barrierefreiheit",
    "accessibility.body":
      "Die Stadt Bottrop möchte diese Website nach der Barrierefreie-Informationstechnik-Verordnung (BITV 2.0) barrierefrei zugänglich machen. Die vollständige Erklärung trägt die Organisation hier ein.",
  },
  {
    "imprint.title": "Legal notice",
    "imprint.body":
      "This site is provided by the City of Bottrop, Migration Department – Municipal Integration Centre. The organisers enter the full details required by law here.",
    "privacy.title": "Privacy policy",
    "privacy.body":
      "This page says which data we store, why and for how long. The organisers add the details of the controller and the data protection officer.",
    "privacy.noTracking": "We use no analytics or advertising cookies and load nothing from other servers.",
    "privacy.cookies":
      "We only use necessary cookies: one for organisers' sign-in, one to protect forms and one for the chosen language.",
    "privacy.tableCaption": "Which data we store, why and for how long",
    "privacy.col.data": "Data",
    "privacy.col.purpose": "Purpose",
    "privacy.col.basis": "Legal basis",
    "privacy.col.retention": "Retention",
    "privacy.row.registration.data":
      "Registration: name, e-mail address, organisation, type of organisation, role, forum",
    "privacy.row.registration.purpose": "Planning and running the conference, certificate of attendance",
    "privacy.row.registration.basis": "Art. 6(1)(e) GDPR (a task of the municipality)",
    "privacy.row.registration.retention":
      "anonymised {days} days after the conference; only figures for statistics remain",
    "privacy.row.special.data": "Accessibility and dietary needs (special categories)",
    "privacy.row.special.purpose": "So that you can take part well: interpreting, access, food",
    "privacy.row.special.basis": "Your explicit consent, Art. 9(2)(a) GDPR; you can withdraw it at any time",
    "privacy.row.special.retention":
      "deleted {days} days after the conference; the caterer only receives numbers, no names",
    "privacy.row.photo.data": "Your decision about photos",
    "privacy.row.photo.purpose": "Photo documentation of the conference",
    "privacy.row.photo.basis": "Your consent, Art. 6(1)(a) GDPR; you can withdraw it at any time",
    "privacy.row.photo.retention": "as the registration",
    "privacy.row.documentationNews.data": "Your wish to get an e-mail about the documentation (voluntary)",
    "privacy.row.documentationNews.purpose":
      "One single e-mail with the link as soon as the conference documentation is published; only if your registration is confirmed",
    "privacy.row.documentationNews.basis":
      "Your consent, Art. 6(1)(a) GDPR; you can withdraw it at any time through your personal link",
    "privacy.row.documentationNews.retention":
      "as the registration; after anonymisation ({days} days after the conference) we send no more e-mail",
    "privacy.row.unconfirmed.data": "Unconfirmed registrations",
    "privacy.row.unconfirmed.purpose": "Keeping a seat until you confirm",
    "privacy.row.unconfirmed.basis": "Art. 6(1)(e) GDPR",
    "privacy.row.unconfirmed.retention": "deleted as soon as the reservation has expired",
    "privacy.row.mail.data": "Content of the e-mails we send you",
    "privacy.row.mail.purpose": "Sending confirmation, reminder and information",
    "privacy.row.mail.basis": "Art. 6(1)(e) GDPR",
    "privacy.row.mail.retention": "deleted {days} days after sending",
    "privacy.row.accounts.data": "Accounts of organisers and coordinators, sign-in sessions",
    "privacy.row.accounts.purpose": "Access to the administration",
    "privacy.row.accounts.basis": "Art. 6(1)(e) GDPR",
    "privacy.row.accounts.retention":
      "a session ends after {idle} minutes without activity, after {hours} hours at the latest",
    "privacy.row.audit.data": "Log of the organisers' actions",
    "privacy.row.audit.purpose": "Proof of who processed personal data and when",
    "privacy.row.audit.basis": "Art. 6(1)(c) and (e), Art. 32 GDPR",
    "privacy.row.audit.retention": "{days} days",
    "privacy.rights.title": "Your rights",
    "privacy.rights.body":
      "You can ask for information, correct, delete or download your data and withdraw consent. The easiest way is the personal link in your registration confirmation. You can also complain to the supervisory authority: the State Commissioner for Data Protection and Freedom of Information of North Rhine-Westphalia (LDI NRW).",
    "accessibility.title": "Accessibility statement",
    "accessibility.body":
      "The City of Bottrop aims to make this website accessible in accordance with the German accessibility regulation (BITV 2.0). The organisers enter the full statement here.",
  },
);
