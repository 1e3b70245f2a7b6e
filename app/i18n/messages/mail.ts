import { defineMessages } from "../define";

export const mail = defineMessages(
  {
    "mail.greeting": "Guten Tag {name},",
    "mail.footer": "Diese E-Mail kommt vom Kommunalen Integrationszentrum der Stadt Bottrop.",
    "mail.magicLink.subject": "Ihr Anmelde-Link für die Integrationskonferenz",
    "mail.magicLink.body": "Sie können sich mit diesem Link anmelden. Er gilt 15 Minuten und nur einmal.",
    "mail.magicLink.button": "Anmelden",
    "mail.magicLink.ignore": "Wenn Sie den Link nicht angefordert haben, können Sie diese E-Mail ignorieren.",
  },
  {
    "mail.greeting": "Hello {name},",
    "mail.footer": "This e-mail comes from the Municipal Integration Centre of the City of Bottrop.",
    "mail.magicLink.subject": "Your sign-in link for the Integration Conference",
    "mail.magicLink.body": "You can sign in with this link. It is valid for 15 minutes and only once.",
    "mail.magicLink.button": "Sign in",
    "mail.magicLink.ignore": "If you did not request this link, you can ignore this e-mail.",
  },
);
