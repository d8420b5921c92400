import { Heading, Text } from "@react-email/components";
import { EmailLayout, type EmailBrand } from "./components/layout";

export type BrandMessageEmailProps = { brand: EmailBrand; fanName: string; subject: string; body: string; senderName: string };

/** A message from the brand's team to some of its ambassadors. */
export default function BrandMessageEmail({ brand, fanName, subject, body, senderName }: BrandMessageEmailProps) {
  return (
    <EmailLayout
      brand={brand}
      preview={subject}
      footer={`You received this as a member of ${brand.name}'s ambassador program. You can turn these emails off on your program page.`}
    >
      <Heading as="h1" className="text-xl">{subject}</Heading>
      <Text>{`Hi ${fanName},`}</Text>
      {body.split(/\n{2,}/).map((p, i) => (
        <Text key={i} className="whitespace-pre-line">
          {p}
        </Text>
      ))}
      <Text>{`— ${senderName}, ${brand.name}`}</Text>
    </EmailLayout>
  );
}

BrandMessageEmail.PreviewProps = {
  brand: { name: "Juniper Bakery", color: "#b45309" },
  fanName: "Priya",
  subject: "Spring workshop dates",
  body: "We're running two lamination workshops in April.\n\nReply if you'd like a seat!",
  senderName: "Sam",
} satisfies BrandMessageEmailProps;
