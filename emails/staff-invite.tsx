import { Button, Heading, Link, Text } from "@react-email/components";
import { EmailLayout, type EmailBrand } from "./components/layout";

export type StaffInviteEmailProps = { brand: EmailBrand; inviterName: string; role: string; url: string; days: number };

export function staffInviteSubject({ brand, role }: Pick<StaffInviteEmailProps, "brand" | "role">) {
  return `You're invited to join ${brand.name} on Kindred as ${role}`;
}

const roleText: Record<string, string> = {
  owner: "an owner — you will manage the program, its staff and its settings",
  manager: "a manager — you will run the ambassador program: fans, scoops, seeding and posts",
  organizer: "an organizer — you will create and run events",
};

export default function StaffInviteEmail({ brand, inviterName, role, url, days }: StaffInviteEmailProps) {
  return (
    <EmailLayout brand={brand} preview={`${inviterName} invited you to ${brand.name}'s team`}>
      <Heading as="h1" className="text-xl">Join {brand.name}'s team</Heading>
      <Text>
        {inviterName} invited you to help run {brand.name}'s ambassador program on Kindred as {roleText[role] ?? role}.
      </Text>
      <Button href={url} className="rounded-md px-5 py-3 text-white" style={{ backgroundColor: brand.color ?? "#7c3aed" }}>
        Accept the invitation
      </Button>
      <Text className="text-sm text-gray-600">
        This invitation expires in {days} days. Link: <Link href={url}>{url}</Link>
      </Text>
    </EmailLayout>
  );
}

StaffInviteEmail.PreviewProps = {
  brand: { name: "Juniper Bakery", color: "#b45309" },
  inviterName: "Maya Chen",
  role: "manager",
  url: "http://localhost:3000/invites/preview",
  days: 7,
} satisfies StaffInviteEmailProps;
