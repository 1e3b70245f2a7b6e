import { Button, Link, Text } from "@react-email/components";
import { buttonStyle, EmailLayout } from "./layout";

/**
 * Every registration mail: a greeting, a few paragraphs, at most one main button and the
 * personal manage link. The wording comes from the catalogue (registration.mail.*).
 */
export function RegistrationEmail(props: {
  lang: string;
  preview: string;
  footer: string;
  greeting: string;
  paragraphs: string[];
  button?: { label: string; url: string };
  manage?: { label: string; url: string };
}) {
  return (
    <EmailLayout lang={props.lang} preview={props.preview} footer={props.footer}>
      <Text>{props.greeting}</Text>
      {props.paragraphs.map((p, i) => (
        <Text key={i}>{p}</Text>
      ))}
      {props.button ? (
        <>
          <Button href={props.button.url} style={buttonStyle}>
            {props.button.label}
          </Button>
          <Text>
            <Link href={props.button.url}>{props.button.url}</Link>
          </Text>
        </>
      ) : null}
      {props.manage ? (
        <Text>
          {props.manage.label}: <Link href={props.manage.url}>{props.manage.url}</Link>
        </Text>
      ) : null}
    </EmailLayout>
  );
}
