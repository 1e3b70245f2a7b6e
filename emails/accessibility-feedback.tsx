import { Text } from "@react-email/components";
import { EmailLayout } from "./layout";

/** A barrier reported through the accessibility statement, to the organisers. Text only. */
export function AccessibilityFeedbackEmail(props: {
  preview: string;
  footer: string;
  intro: string;
  from: string;
  page: string;
  message: string;
}) {
  return (
    <EmailLayout lang="de" preview={props.preview} footer={props.footer}>
      <Text>{props.intro}</Text>
      <Text>{props.from}</Text>
      {props.page ? <Text>{props.page}</Text> : null}
      <Text style={{ whiteSpace: "pre-line", borderInlineStart: "4px solid #767676", paddingInlineStart: "12px" }}>
        {props.message}
      </Text>
    </EmailLayout>
  );
}
