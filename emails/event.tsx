import { Button, Heading, Img, Section, Text } from "@react-email/components";
import { EmailLayout, type EmailBrand } from "./components/layout";

export type EventEmailKind = "announced" | "confirmed" | "waitlisted" | "offer" | "reminder" | "thanks" | "cancelled";

export type EventEmailProps = {
  kind: EventEmailKind;
  brand: EmailBrand;
  fanName: string;
  title: string;
  /** date and time range, formatted in the event's zone */
  when: string;
  where: string;
  url: string;
  plusOnes: number;
  /** the confirmation carries the QR ticket inline (cid:ticket-qr) and a calendar file */
  hasTicket: boolean;
  offerExpires: string | null;
  onlineUrl: string | null;
  disclosureText: string;
};

export function eventEmailSubject({ kind, title }: Pick<EventEmailProps, "kind" | "title">) {
  switch (kind) {
    case "announced":
      return `New event: ${title}`;
    case "confirmed":
      return `You're going: ${title}`;
    case "waitlisted":
      return `You're on the waitlist: ${title}`;
    case "offer":
      return `A seat opened up for you: ${title}`;
    case "reminder":
      return `Tomorrow: ${title}`;
    case "thanks":
      return `Thanks for coming to ${title}`;
    case "cancelled":
      return `Cancelled: your RSVP to ${title}`;
  }
}

const HEADINGS: Record<EventEmailKind, string> = {
  announced: "You're welcome to come",
  confirmed: "You're on the list!",
  waitlisted: "You're on the waitlist",
  offer: "A seat opened up — it's yours if you want it",
  reminder: "See you tomorrow",
  thanks: "Thank you for coming",
  cancelled: "Your RSVP is cancelled",
};

/** Every message about an event RSVP: confirmation (QR ticket + calendar file), waitlist, seat offer, reminder, thanks. */
export default function EventEmail(p: EventEmailProps) {
  const color = p.brand.color ?? "#7c3aed";
  const guests = p.plusOnes ? ` (you + ${p.plusOnes} ${p.plusOnes === 1 ? "guest" : "guests"})` : "";
  return (
    <EmailLayout
      brand={p.brand}
      preview={eventEmailSubject(p)}
      footer={p.kind === "announced" ? `You received this as a member of ${p.brand.name}'s ambassador program. Turn these emails off on your program page.` : `You received this because you RSVP'd to ${p.title} in ${p.brand.name}'s ambassador program.`}
    >
      <Heading as="h1" className="text-xl">
        {HEADINGS[p.kind]}
      </Heading>
      <Text>{`Hi ${p.fanName},`}</Text>
      {p.kind === "announced" ? <Text>{`${p.brand.name} is hosting ${p.title}, and you're welcome to come. If you'd like to, answer on the event page — going, maybe or not going. No reply is needed if you can't make it.`}</Text> : null}
      {p.kind === "cancelled" ? <Text>{`You're no longer going to ${p.title}. The attached calendar update takes it out of your calendar. Changed your mind? You can RSVP again on the event page while seats are free.`}</Text> : null}
      {p.kind === "confirmed" ? <Text>{`Your seat at ${p.title} is confirmed${guests}. The calendar file is attached.`}</Text> : null}
      {p.kind === "waitlisted" ? <Text>{`${p.title} is full right now, so you're on the waitlist. If a seat frees up we'll email you, and you'll have a little time to claim it.`}</Text> : null}
      {p.kind === "offer" ? <Text>{`Someone's plans changed and a seat at ${p.title} is free${guests}. Claim it before ${p.offerExpires} — after that it goes to the next person on the waitlist.`}</Text> : null}
      {p.kind === "reminder" ? <Text>{`A quick reminder: ${p.title} is tomorrow${guests}. If you can't make it any more, please cancel on the event page so someone on the waitlist can come.`}</Text> : null}
      {p.kind === "thanks" ? (
        <>
          <Text>{`It was lovely to see you at ${p.title}. If you feel like sharing your night — photos, a story, a post — we'd love to see it. No pressure at all: it's never required.`}</Text>
          {p.disclosureText ? <Text className="text-sm">{`If you post, start with a clear disclosure that you were a guest, for example: “${p.disclosureText}”.`}</Text> : null}
        </>
      ) : null}
      {p.kind !== "thanks" ? (
        <Section className="my-4 rounded-md bg-gray-50 px-4 py-2">
          <Text className="m-0 font-semibold">{p.title}</Text>
          <Text className="m-0 text-sm">{p.when}</Text>
          <Text className="m-0 text-sm">{p.where}</Text>
          {p.onlineUrl ? <Text className="m-0 text-sm">{`Join online: ${p.onlineUrl}`}</Text> : null}
        </Section>
      ) : null}
      {p.hasTicket ? (
        <Section className="my-4 text-center">
          <Img src="cid:ticket-qr" alt="Your ticket's QR code" width="200" height="200" className="mx-auto" />
          <Text className="text-sm text-gray-600">Show this code at the door. It's also on the event page.</Text>
        </Section>
      ) : null}
      <Button href={p.url} className="rounded-md px-5 py-3 text-white" style={{ backgroundColor: color }}>
        {p.kind === "offer" ? "Claim the seat" : p.kind === "announced" ? "See the event and RSVP" : "Open the event page"}
      </Button>
      <Text className="text-sm text-gray-600">{`Link: ${p.url}`}</Text>
    </EmailLayout>
  );
}

EventEmail.PreviewProps = {
  kind: "confirmed",
  brand: { name: "Juniper Bakery", color: "#b45309" },
  fanName: "Priya",
  title: "Lamination workshop",
  when: "Sat, Dec 5, 2026, 6:30 – 9:00 PM EST",
  where: "Juniper Bakery, 12 Ossington Ave, Toronto",
  url: "http://localhost:3000/me/events/preview",
  plusOnes: 1,
  hasTicket: true,
  offerExpires: null,
  onlineUrl: null,
  disclosureText: "#gifted by Juniper Bakery",
} satisfies EventEmailProps;
