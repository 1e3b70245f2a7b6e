import { Button, Link, Text } from "@react-email/components";
import type { Translate } from "~/i18n/catalog";
import { buttonStyle, EmailLayout } from "./layout";

export function MagicLinkEmail(props: { t: Translate; lang: string; name: string; url: string }) {
  const { t } = props;
  return (
    <EmailLayout lang={props.lang} preview={t("mail.magicLink.subject")} footer={t("mail.footer")}>
      <Text>{t("mail.greeting", { name: props.name })}</Text>
      <Text>{t("mail.magicLink.body")}</Text>
      <Button href={props.url} style={buttonStyle}>
        {t("mail.magicLink.button")}
      </Button>
      <Text>
        <Link href={props.url}>{props.url}</Link>
      </Text>
      <Text>{t("mail.magicLink.ignore")}</Text>
    </EmailLayout>
  );
}
