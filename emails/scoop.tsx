import { Button, Heading, Section, Text } from "@react-email/components";
import { EmailLayout, type EmailBrand } from "./components/layout";

export type ScoopEmailProps = {
  kind: "published" | "lifted";
  brand: EmailBrand;
  fanName: string;
  title: string;
  url: string;
  /** the embargo end, already formatted in the brand's zone, when the scoop is still under embargo */
  embargoUntil: string | null;
  disclosureText: string;
};

/** A new scoop for the fan ("published"), or the news that an embargoed scoop may now be shared ("lifted"). */
export default function ScoopEmail({ kind, brand, fanName, title, url, embargoUntil, disclosureText }: ScoopEmailProps) {
  const color = brand.color ?? "#7c3aed";
  const lifted = kind === "lifted";
  return (
    <EmailLayout
      brand={brand}
      preview={lifted ? `The embargo on “${title}” has lifted — you can share it now` : `A new scoop for ${brand.name} ambassadors: ${title}`}
      footer={`You received this as a member of ${brand.name}'s ambassador program. You can turn these emails off on your program page.`}
    >
      <Heading as="h1" className="text-xl">{lifted ? "Embargo lifted — you can share now" : "A new scoop, just for ambassadors"}</Heading>
      <Text>{`Hi ${fanName},`}</Text>
      <Text>{lifted ? `“${title}” is no longer under embargo. If you feel like sharing it, go ahead — only if you want to.` : `${brand.name} shared “${title}” with ambassadors.`}</Text>
      {embargoUntil ? (
        <Section className="my-4 rounded-md border-l-4 bg-amber-50 px-4 py-2" style={{ borderColor: "#b45309" }}>
          <Text className="m-0 font-semibold">{`Under embargo until ${embargoUntil}.`}</Text>
          <Text className="m-0 text-sm">Please keep it to yourself until then — no posts, stories or screenshots.</Text>
        </Section>
      ) : null}
      {lifted && disclosureText ? <Text className="text-sm">{`When you post, start with a clear disclosure, for example: “${disclosureText}”.`}</Text> : null}
      <Button href={url} className="rounded-md px-5 py-3 text-white" style={{ backgroundColor: color }}>
        {lifted ? "See the scoop" : "Read the scoop"}
      </Button>
      <Text className="text-sm text-gray-600">{`Link: ${url}`}</Text>
    </EmailLayout>
  );
}

ScoopEmail.PreviewProps = {
  kind: "published",
  brand: { name: "Juniper Bakery", color: "#b45309" },
  fanName: "Priya",
  title: "Our spring menu, before anyone else",
  url: "http://localhost:3000/me/scoops/preview",
  embargoUntil: "Mar 1, 2027, 9:00 AM EST",
  disclosureText: "#gifted by Juniper Bakery",
} satisfies ScoopEmailProps;
