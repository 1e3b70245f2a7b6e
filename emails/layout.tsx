import { Body, Container, Head, Hr, Html, Preview, Section, Text } from "@react-email/components";
import type { ReactNode } from "react";

const body = { backgroundColor: "#f4f4f2", fontFamily: "Arial, Helvetica, sans-serif", color: "#1a1a1a" };
const container = { backgroundColor: "#ffffff", padding: "24px", maxWidth: "560px", margin: "24px auto" };
const footer = { fontSize: "13px", color: "#4a4a4a" };

/** Frame shared by every ikon mail: plain, high contrast, readable as text. */
export function EmailLayout(props: { lang: string; preview: string; footer: string; children: ReactNode }) {
  return (
    <Html lang={props.lang} dir={props.lang === "ar" ? "rtl" : "ltr"}>
      <Head />
      <Preview>{props.preview}</Preview>
      <Body style={body}>
        <Container style={container}>
          <Section>{props.children}</Section>
          <Hr />
          <Text style={footer}>{props.footer}</Text>
        </Container>
      </Body>
    </Html>
  );
}

export const buttonStyle = {
  backgroundColor: "#004f7c",
  color: "#ffffff",
  padding: "12px 20px",
  borderRadius: "4px",
  textDecoration: "underline",
  display: "inline-block",
};
