import { defineMessages } from "../define";

// Organiser pages of the registration: registrations by hand, corrections, statistics (no Arabic:
// organiser pages are German and English).
export const registrationsAdmin = defineMessages(
  {
    "participants.add": "Person von Hand anmelden",
    "participants.edit": "Ändern",
    "participants.backToList": "Zurück zur Liste der Teilnehmenden",
    "participants.hand.addLead":
      "Für Anmeldungen am Telefon, per Brief oder am Einlass. Es gelten dieselben Regeln wie bei der Anmeldung im Internet. Ist ein Platz frei, ist die Anmeldung sofort bestätigt: Die Person bekommt eine E-Mail mit ihrem persönlichen Link und dem Termin für den Kalender. Ist die Konferenz voll, kommt sie auf die Warteliste.",
    "participants.hand.closed":
      "Für diese Konferenz können Sie keine Anmeldungen eintragen: Sie ist noch ein Entwurf oder schon vorbei.",
    "participants.hand.section.person": "Zur Person",
    "participants.hand.emailHint":
      "An diese Adresse geht die E-Mail mit dem persönlichen Link. Lesen Sie die Adresse der Person zur Kontrolle noch einmal vor.",
    "participants.hand.locale": "Sprache der E-Mails",
    "participants.hand.locale.de": "Deutsch",
    "participants.hand.locale.en": "Englisch",
    "participants.hand.locale.ar": "Arabisch",
    "participants.hand.forum": "Forum",
    "participants.hand.needsLead":
      "Nur eintragen, wenn die Person ausdrücklich eingewilligt hat. Veranstaltungsort und Catering bekommen nur Zahlen, keine Namen. Die Angaben werden {days} Tage nach der Konferenz gelöscht.",
    "participants.hand.specialConsent":
      "Die Person hat ausdrücklich eingewilligt, dass ihre Angaben zu Barrierefreiheit und Verpflegung für die Organisation der Konferenz gespeichert werden (Art. 9 Abs. 2 a DSGVO).",
    "participants.hand.photo.yes":
      "Ja, die Person ist einverstanden, dass Fotos, auf denen sie zu sehen ist, in der Dokumentation veröffentlicht werden.",
    "participants.hand.photo.no": "Nein, die Person möchte nicht auf veröffentlichten Fotos zu sehen sein.",
    "participants.hand.privacyText":
      "Bevor Sie die Person anmelden, lesen Sie ihr die Datenschutzhinweise vor oder schicken Sie sie ihr (Fassung {version}). Die Zustimmung wird mit dieser Fassung, dem Zeitpunkt und Ihrem Namen gespeichert.",
    "participants.hand.privacyConsent": "Die Person hat den Datenschutzhinweisen zugestimmt (zum Beispiel am Telefon).",
    "participants.hand.submit": "Person anmelden",
    "participants.hand.done.confirmed":
      "{name} ist angemeldet und bestätigt. Die E-Mail mit dem persönlichen Link ist unterwegs.",
    "participants.hand.done.waitlisted":
      "Die Konferenz ist voll: {name} steht auf der Warteliste. Die E-Mail mit dem Platz auf der Warteliste ist unterwegs.",
    "participants.hand.errors.privacy":
      "Ohne Zustimmung der Person zu den Datenschutzhinweisen können Sie sie nicht anmelden.",
    "participants.hand.errors.specialConsent":
      "Ohne ausdrückliche Einwilligung der Person lassen Sie die Angaben zu Barrierefreiheit und Verpflegung bitte leer.",
    "participants.hand.errors.duplicate":
      "Mit dieser E-Mail-Adresse ist schon jemand zu dieser Konferenz angemeldet. Suchen Sie die Anmeldung in der Liste und ändern Sie sie dort.",
    "participants.hand.errors.forumFull": "Dieses Forum ist ausgebucht. Bitte wählen Sie ein anderes Forum.",
    "participants.hand.editTitle": "Anmeldung ändern: {name}",
    "participants.hand.editLead":
      "Änderungen gelten sofort. Bekommt die Anmeldung eine neue E-Mail-Adresse, geht dorthin eine E-Mail mit einem neuen persönlichen Link; der alte Link gilt dann nicht mehr.",
    "participants.hand.facts": "Stand der Anmeldung",
    "participants.hand.waitlistRank": "Warteliste, Platz {position}",
    "participants.hand.registeredAt": "Angemeldet am",
    "participants.hand.confirmedAt": "Bestätigt am",
    "participants.hand.checkedInAt": "Eingecheckt am",
    "participants.hand.save": "Änderungen speichern",
    "participants.hand.unchanged": "Es gab nichts zu ändern.",
    "participants.hand.cancel": "Von der Konferenz abmelden",
    "participants.hand.cancelTitle": "{name} von der Konferenz abmelden?",
    "participants.hand.cancelLead":
      "Der Platz geht sofort an die erste passende Person auf der Warteliste. Die Person bekommt eine E-Mail über die Abmeldung.",
    "participants.hand.cancelSubmit": "Ja, abmelden",
    "participants.hand.cancelBack": "Nein, zurück zur Anmeldung",
    "participants.hand.cancelled": "Die Anmeldung ist abgemeldet.",
    "participants.hand.ended":
      "Diese Anmeldung ist beendet. Um die Person wieder anzumelden, tragen Sie sie mit derselben E-Mail-Adresse neu ein.",
    // Statistics
    "stats.link": "Statistik",
    "stats.title": "Statistik: {title}",
    "stats.lead": "Nur Zahlen, keine Namen. Stand: {date}.",
    "stats.summary": "Auf einen Blick",
    "stats.capacity": "Plätze insgesamt",
    "stats.taken": "Plätze vergeben (reserviert oder bestätigt)",
    "stats.free": "Plätze frei",
    "stats.waitlist": "Auf der Warteliste",
    "stats.chartNote": "Die Zahlen des Diagramms stehen in der Tabelle darunter.",
    "stats.perDay.title": "Anmeldungen im Zeitverlauf",
    "stats.perDay.lead":
      "Eingegangene Anmeldungen je Tag (der Tag der ersten Anmeldung; später abgemeldete zählen mit) und die Summe bis zu diesem Tag.",
    "stats.perDay.new": "Neue Anmeldungen je Tag",
    "stats.perDay.total": "Anmeldungen insgesamt",
    "stats.perDay.descNew":
      "Vom {first} bis zum {last}. Die meisten neuen Anmeldungen an einem Tag: {peak} am {peakDay}.",
    "stats.perDay.descTotal": "Vom {first} bis zum {last} steigt die Summe auf {total} Anmeldungen.",
    "stats.perDay.empty": "Noch keine Anmeldungen.",
    "stats.day": "Tag",
    "stats.new": "neu",
    "stats.total": "insgesamt",
    "stats.byType.title": "Nach Art der Organisation",
    "stats.byType.lead": "Laufende Anmeldungen: mit Platz oder auf der Warteliste.",
    "stats.count": "Anzahl",
    "stats.byForum.title": "Nach Forum",
    "stats.byForum.lead":
      "Vergebene Plätze (reserviert oder bestätigt) im Vergleich zu den Plätzen des Forums, dazu wer auf der Warteliste auf dieses Forum wartet.",
    "stats.byForum.none": "Diese Konferenz hat keine Foren.",
    "stats.byForum.value": "{taken} von {capacity}",
    "stats.forumTaken": "vergeben",
    "stats.forumCapacity": "Plätze",
    "stats.forumFree": "frei",
    "stats.forumWaiting": "Warteliste",
    "stats.withoutForum": "ohne Forum",
    "stats.byStatus.title": "Nach Stand",
    "stats.byStatus.lead": "Alle Anmeldungen dieser Konferenz, auch beendete.",
    "stats.bars": "{title}: {values}.",
    "stats.empty.title": "Noch keine Anmeldungen",
    "stats.empty.open":
      "Die Anmeldung ist offen, aber es hat sich noch niemand angemeldet. Sobald die erste Anmeldung da ist, stehen hier die Zahlen.",
    "stats.empty.closed":
      "Für diese Konferenz gibt es noch keine Anmeldungen. Öffnen Sie zuerst die Anmeldung, dann stehen hier die Zahlen.",
    "stats.empty.openRegistration": "Konferenz bearbeiten und die Anmeldung öffnen",
    "stats.empty.form": "Zum Anmeldeformular",
    "stats.needs.title": "Catering und Dolmetschen",
    "stats.needs.lead":
      "Für Veranstaltungsort, Catering und Dolmetschen: Personen mit Platz (reserviert oder bestätigt), nur Zahlen, keine Namen.",
    "stats.needs.what": "Bedarf",
    "stats.needs.catering": "Essen für (Personen mit Platz)",
    "stats.needs.wish": "Wunsch",
  },
  {
    "participants.add": "Register a person by hand",
    "participants.edit": "Edit",
    "participants.backToList": "Back to the list of participants",
    "participants.hand.addLead":
      "For registrations by phone, by letter or at the door. The same rules apply as online. With a free seat the registration is confirmed at once: the person gets an e-mail with their personal link and the calendar entry. When the conference is full, they go on the waiting list.",
    "participants.hand.closed":
      "You cannot enter registrations for this conference: it is still a draft or already over.",
    "participants.hand.section.person": "About the person",
    "participants.hand.emailHint":
      "The e-mail with the personal link goes to this address. Read the address back to the person to check it.",
    "participants.hand.locale": "Language of the e-mails",
    "participants.hand.locale.de": "German",
    "participants.hand.locale.en": "English",
    "participants.hand.locale.ar": "Arabic",
    "participants.hand.forum": "Forum",
    "participants.hand.needsLead":
      "Only enter these details if the person explicitly consented. The venue and the caterer only get numbers, no names. The details are deleted {days} days after the conference.",
    "participants.hand.specialConsent":
      "The person explicitly consented that their accessibility and catering details are stored to organise the conference (Art. 9(2)(a) GDPR).",
    "participants.hand.photo.yes":
      "Yes, the person agrees that photos showing them are published in the conference documentation.",
    "participants.hand.photo.no": "No, the person does not want to appear in published photos.",
    "participants.hand.privacyText":
      "Before you register the person, read the privacy notice to them or send it to them (version {version}). The agreement is stored with this version, the time and your name.",
    "participants.hand.privacyConsent": "The person agreed to the privacy notice (for example on the phone).",
    "participants.hand.submit": "Register person",
    "participants.hand.done.confirmed":
      "{name} is registered and confirmed. The e-mail with the personal link is on its way.",
    "participants.hand.done.waitlisted":
      "The conference is full: {name} is on the waiting list. The e-mail with the place on the waiting list is on its way.",
    "participants.hand.errors.privacy": "You cannot register the person without their agreement to the privacy notice.",
    "participants.hand.errors.specialConsent":
      "Without the person's explicit consent, please leave the accessibility and catering details empty.",
    "participants.hand.errors.duplicate":
      "Someone is already registered for this conference with this e-mail address. Find the registration in the list and change it there.",
    "participants.hand.errors.forumFull": "This forum is fully booked. Please choose another forum.",
    "participants.hand.editTitle": "Edit registration: {name}",
    "participants.hand.editLead":
      "Changes apply at once. When the registration gets a new e-mail address, an e-mail with a new personal link goes there; the old link stops working.",
    "participants.hand.facts": "State of the registration",
    "participants.hand.waitlistRank": "Waiting list, position {position}",
    "participants.hand.registeredAt": "Registered on",
    "participants.hand.confirmedAt": "Confirmed on",
    "participants.hand.checkedInAt": "Checked in on",
    "participants.hand.save": "Save changes",
    "participants.hand.unchanged": "There was nothing to change.",
    "participants.hand.cancel": "Cancel the registration",
    "participants.hand.cancelTitle": "Cancel the registration of {name}?",
    "participants.hand.cancelLead":
      "The seat goes at once to the first suitable person on the waiting list. The person gets an e-mail about the cancellation.",
    "participants.hand.cancelSubmit": "Yes, cancel",
    "participants.hand.cancelBack": "No, back to the registration",
    "participants.hand.cancelled": "The registration has been cancelled.",
    "participants.hand.ended":
      "This registration has ended. To register the person again, enter them anew with the same e-mail address.",
    "stats.link": "Statistics",
    "stats.title": "Statistics: {title}",
    "stats.lead": "Numbers only, no names. As of {date}.",
    "stats.summary": "At a glance",
    "stats.capacity": "Seats in total",
    "stats.taken": "Seats taken (reserved or confirmed)",
    "stats.free": "Seats free",
    "stats.waitlist": "On the waiting list",
    "stats.chartNote": "The numbers of the chart are in the table below it.",
    "stats.perDay.title": "Registrations over time",
    "stats.perDay.lead":
      "Registrations received per day (the day of the first registration; later cancellations included) and the sum up to that day.",
    "stats.perDay.new": "New registrations per day",
    "stats.perDay.total": "Registrations in total",
    "stats.perDay.descNew": "From {first} to {last}. Most new registrations on one day: {peak} on {peakDay}.",
    "stats.perDay.descTotal": "From {first} to {last} the sum rises to {total} registrations.",
    "stats.perDay.empty": "No registrations yet.",
    "stats.day": "Day",
    "stats.new": "new",
    "stats.total": "in total",
    "stats.byType.title": "By type of organisation",
    "stats.byType.lead": "Current registrations: with a seat or on the waiting list.",
    "stats.count": "Number",
    "stats.byForum.title": "By forum",
    "stats.byForum.lead":
      "Seats taken (reserved or confirmed) compared with the forum's seats, and who is waiting for this forum on the waiting list.",
    "stats.byForum.none": "This conference has no forums.",
    "stats.byForum.value": "{taken} of {capacity}",
    "stats.forumTaken": "taken",
    "stats.forumCapacity": "seats",
    "stats.forumFree": "free",
    "stats.forumWaiting": "waiting list",
    "stats.withoutForum": "no forum",
    "stats.byStatus.title": "By status",
    "stats.byStatus.lead": "All registrations of this conference, ended ones too.",
    "stats.bars": "{title}: {values}.",
    "stats.empty.title": "No registrations yet",
    "stats.empty.open":
      "Registration is open, but nobody has registered yet. The numbers appear here with the first registration.",
    "stats.empty.closed":
      "This conference has no registrations yet. Open the registration first; then the numbers appear here.",
    "stats.empty.openRegistration": "Edit the conference and open the registration",
    "stats.empty.form": "To the registration form",
    "stats.needs.title": "Catering and interpreting",
    "stats.needs.lead":
      "For the venue, the caterer and interpreting: people with a seat (held or confirmed), numbers only, no names.",
    "stats.needs.what": "Need",
    "stats.needs.catering": "Meals for (people with a seat)",
    "stats.needs.wish": "Wish",
  },
);
