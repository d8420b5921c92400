import { Button, Heading, Text } from "@react-email/components";
import { EmailLayout, type EmailBrand } from "./components/layout";

export type Decision = "approved" | "declined" | "waitlisted";
export type ApplicationDecisionEmailProps = { brand: EmailBrand; fanName: string; decision: Decision; message: string; url: string; reapplyDate?: string };

export function applicationDecisionSubject({ brand, decision }: Pick<ApplicationDecisionEmailProps, "brand" | "decision">) {
  return decision === "approved"
    ? `Welcome to ${brand.name}'s ambassador program!`
    : decision === "waitlisted"
      ? `You're on ${brand.name}'s ambassador wait-list`
      : `About your application to ${brand.name}'s ambassador program`;
}

export default function ApplicationDecisionEmail({ brand, fanName, decision, message, url, reapplyDate }: ApplicationDecisionEmailProps) {
  const color = brand.color ?? "#7c3aed";
  return (
    <EmailLayout brand={brand} preview={applicationDecisionSubject({ brand, decision })} footer={`You received this because you applied to ${brand.name}'s ambassador program.`}>
      <Heading as="h1" className="text-xl">{`Hi ${fanName},`}</Heading>
      {decision === "approved" ? (
        <Text>Great news: {brand.name} approved your application. You're now one of its ambassadors — welcome!</Text>
      ) : decision === "waitlisted" ? (
        <Text>
          Thank you for applying to {brand.name}'s ambassador program. The program is small on purpose, so we've put you on the wait-list, and
          we'll write as soon as a place opens up.
        </Text>
      ) : (
        <Text>Thank you for applying to {brand.name}'s ambassador program, and for loving what we do. We can't welcome you into the program this time.</Text>
      )}
      {message ? <Text className="rounded-md bg-gray-50 px-4 py-2 italic">“{message}”</Text> : null}
      {decision === "declined" && reapplyDate ? <Text>You're welcome to apply again from {reapplyDate}.</Text> : null}
      {decision === "approved" ? (
        <>
          <Text>Sign in with this email address to see the program guidelines, scoops and events.</Text>
          <Button href={url} className="rounded-md px-5 py-3 text-white" style={{ backgroundColor: color }}>
            Open the program
          </Button>
        </>
      ) : null}
    </EmailLayout>
  );
}

ApplicationDecisionEmail.PreviewProps = {
  brand: { name: "Juniper Bakery", color: "#b45309" },
  fanName: "Priya",
  decision: "approved",
  message: "Your photos of our rye made our week.",
  url: "http://localhost:3000/me/programs/juniper-bakery",
} satisfies ApplicationDecisionEmailProps;
