import { Button, Link, Text } from "@react-email/components";
import type { Translate } from "~/i18n/catalog";
import { buttonStyle, EmailLayout } from "./layout";

/** Working-group mails (invitation, report steps, reminders): a greeting, paragraphs, one button. */
export function GroupNoticeEmail(props: {
  t: Translate;
  lang: string;
  name: string;
  subject: string;
  paragraphs: string[];
  button: string;
  url: string;
}) {
  const { t } = props;
  return (
    <EmailLayout lang={props.lang} preview={props.subject} footer={t("mail.footer")}>
      <Text>{t("mail.greeting", { name: props.name })}</Text>
      {props.paragraphs.map((p, i) => (
        <Text key={i}>{p}</Text>
      ))}
      <Button href={props.url} style={buttonStyle}>
        {props.button}
      </Button>
      <Text>
        <Link href={props.url}>{props.url}</Link>
      </Text>
    </EmailLayout>
  );
}
