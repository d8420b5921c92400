import { Button, Heading, Link, Section, Text } from "@react-email/components";
import { EmailLayout, type EmailBrand } from "./components/layout";

export type SeedingEmailKind = "offered" | "approved" | "shipped" | "follow_up";

export type SeedingEmailProps = {
  kind: SeedingEmailKind;
  brand: EmailBrand;
  fanName: string;
  campaign: string;
  product: string;
  url: string;
  carrier?: string;
  trackingNumber?: string;
  trackingUrl?: string;
  guidelines?: string;
};

export function seedingEmailSubject({ kind, brand, product }: Pick<SeedingEmailProps, "kind" | "brand" | "product">) {
  switch (kind) {
    case "offered":
      return `${brand.name} would like to send you ${product}`;
    case "approved":
      return `Good news: ${product} is coming your way`;
    case "shipped":
      return `Your ${product} is on its way`;
    case "follow_up":
      return `How are you finding the ${product}?`;
  }
}

/** Product seeding messages: an offer, an approval, the shipment with tracking, and a gentle follow-up. */
export default function SeedingEmail(p: SeedingEmailProps) {
  const color = p.brand.color ?? "#7c3aed";
  return (
    <EmailLayout brand={p.brand} preview={seedingEmailSubject(p)} footer={`You received this as a member of ${p.brand.name}'s ambassador program.`}>
      <Heading as="h1" className="text-xl">
        {seedingEmailSubject(p)}
      </Heading>
      <Text>{`Hi ${p.fanName},`}</Text>
      {p.kind === "offered" ? <Text>{`As part of “${p.campaign}”, we'd love you to try ${p.product}. Accept or decline on your program page — either is completely fine.`}</Text> : null}
      {p.kind === "approved" ? <Text>{`Your request for ${p.product} (“${p.campaign}”) is approved. We'll email you again when it ships.`}</Text> : null}
      {p.kind === "shipped" ? (
        <>
          <Text>{`${p.product} has shipped.`}</Text>
          {p.trackingNumber ? (
            <Section className="my-4 rounded-md bg-gray-50 px-4 py-2">
              <Text className="m-0">{`${p.carrier ? `${p.carrier} · ` : ""}Tracking number ${p.trackingNumber}`}</Text>
              {p.trackingUrl ? (
                <Text className="m-0 text-sm">
                  <Link href={p.trackingUrl} style={{ color }}>
                    Track your parcel
                  </Link>
                </Text>
              ) : null}
            </Section>
          ) : null}
        </>
      ) : null}
      {p.kind === "follow_up" ? (
        <Text>{`We hope you're enjoying the ${p.product}. If you'd like, tell us honestly what you think — a short note is as welcome as a post. And if you'd rather do nothing at all, that's fine too.`}</Text>
      ) : null}
      <Text className="text-sm text-gray-600">Posting is never required. If you do post about it, please start with a clear disclosure that it was a gift.</Text>
      <Button href={p.url} className="rounded-md px-5 py-3 text-white" style={{ backgroundColor: color }}>
        {p.kind === "offered" ? "See the offer" : p.kind === "follow_up" ? "Share feedback or a post" : "Open your program page"}
      </Button>
      <Text className="text-sm text-gray-600">{`Link: ${p.url}`}</Text>
    </EmailLayout>
  );
}

SeedingEmail.PreviewProps = {
  kind: "shipped",
  brand: { name: "Juniper Bakery", color: "#b45309" },
  fanName: "Priya",
  campaign: "Spring baking box",
  product: "Rye starter kit (large)",
  url: "http://localhost:3000/me/seeding",
  carrier: "Canada Post",
  trackingNumber: "7023 4567 8901",
  trackingUrl: "https://tracking.example/7023",
} satisfies SeedingEmailProps;
