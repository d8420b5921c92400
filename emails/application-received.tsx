import { Heading, Text } from "@react-email/components";
import { EmailLayout, type EmailBrand } from "./components/layout";

export type ApplicationReceivedEmailProps = { brand: EmailBrand; fanName: string };

export function applicationReceivedSubject({ brand }: Pick<ApplicationReceivedEmailProps, "brand">) {
  return `We received your application to ${brand.name}'s ambassador program`;
}

/** Sent as soon as someone applies: the application arrived, a person reads it, and what happens next. */
export default function ApplicationReceivedEmail({ brand, fanName }: ApplicationReceivedEmailProps) {
  return (
    <EmailLayout brand={brand} preview={applicationReceivedSubject({ brand })} footer={`You received this because you applied to ${brand.name}'s ambassador program.`}>
      <Heading as="h1" className="text-xl">{`Thank you, ${fanName}!`}</Heading>
      <Text>{`Your application to ${brand.name}'s ambassador program arrived. Someone on the team reads every application, and we'll email you with the answer.`}</Text>
      <Text>{"There is nothing else you need to do in the meantime."}</Text>
    </EmailLayout>
  );
}

ApplicationReceivedEmail.PreviewProps = {
  brand: { name: "Juniper Bakery", color: "#b45309" },
  fanName: "Priya",
} satisfies ApplicationReceivedEmailProps;
