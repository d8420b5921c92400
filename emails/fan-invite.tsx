import { Button, Heading, Link, Section, Text } from "@react-email/components";
import { EmailLayout, type EmailBrand } from "./components/layout";

export type FanInviteEmailProps = { brand: EmailBrand; fanName: string; note: string; inviterName: string; url: string; days: number };

export function fanInviteSubject({ brand }: Pick<FanInviteEmailProps, "brand">) {
  return `${brand.name} would love you in its ambassador program`;
}

export default function FanInviteEmail({ brand, fanName, note, inviterName, url, days }: FanInviteEmailProps) {
  const color = brand.color ?? "#7c3aed";
  return (
    <EmailLayout
      brand={brand}
      preview={`An invitation from ${brand.name}: early access, scoops and events for fans`}
      footer={`You received this because ${brand.name} invited you personally. If you'd rather not join, simply ignore this email — nothing else will be sent about it.`}
    >
      <Heading as="h1" className="text-xl">{`Hi ${fanName},`}</Heading>
      <Text>
        {brand.name} invites you to join its ambassador program — a small group of fans who get early looks at what's
        coming, exclusive scoops, product to try and events to meet the team and each other.
      </Text>
      {note ? (
        <Section className="my-4 rounded-md border-l-4 bg-gray-50 px-4 py-2" style={{ borderColor: color }}>
          <Text className="m-0 italic">“{note}”</Text>
          <Text className="m-0 text-sm text-gray-600">— {inviterName}</Text>
        </Section>
      ) : null}
      <Text>It is free and unpaid: you never have to post anything, and you can leave at any time.</Text>
      <Button href={url} className="rounded-md px-5 py-3 text-white" style={{ backgroundColor: color }}>
        See the invitation
      </Button>
      <Text className="text-sm text-gray-600">
        This invitation is personal and expires in {days} days. Link: <Link href={url}>{url}</Link>
      </Text>
    </EmailLayout>
  );
}

FanInviteEmail.PreviewProps = {
  brand: { name: "Juniper Bakery", color: "#b45309" },
  fanName: "Priya",
  note: "We see you at the Saturday market every week — we'd love to have you!",
  inviterName: "Sam from Juniper",
  url: "http://localhost:3000/invite/preview",
  days: 14,
} satisfies FanInviteEmailProps;
