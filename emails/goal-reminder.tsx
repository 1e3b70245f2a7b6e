import { Button, Link, Text } from "@react-email/components";
import type { Translate } from "~/i18n/catalog";
import { buttonStyle, EmailLayout } from "./layout";

/** Sent to each owner group's contact when open goals roll into a new conference year. */
export function GoalReminderEmail(props: {
  t: Translate;
  lang: string;
  name: string;
  groupName: string;
  year: number;
  goals: { id: number; title: string; url: string }[];
  adminUrl: string;
}) {
  const { t } = props;
  return (
    <EmailLayout
      lang={props.lang}
      preview={t("goals.mail.reminder.subject", { year: props.year })}
      footer={t("mail.footer")}
    >
      <Text>{t("mail.greeting", { name: props.name })}</Text>
      <Text>{t("goals.mail.reminder.body", { group: props.groupName, year: props.year })}</Text>
      {props.goals.map((goal) => (
        <Text key={goal.id}>
          {t("goals.goalId", { id: goal.id })}: {goal.title} – <Link href={goal.url}>{goal.url}</Link>
        </Text>
      ))}
      <Text>{t("goals.mail.reminder.action")}</Text>
      <Button href={props.adminUrl} style={buttonStyle}>
        {t("goals.mail.reminder.button")}
      </Button>
    </EmailLayout>
  );
}
