import { Button, Heading, Link, Text } from "@react-email/components";
import { EmailLayout } from "./components/layout";

export type MagicLinkEmailProps = { code: string; url: string; minutes: number };

export function magicLinkSubject({ code }: Pick<MagicLinkEmailProps, "code">) {
  return `Your Kindred sign-in code: ${code}`;
}

export default function MagicLinkEmail({ code, url, minutes }: MagicLinkEmailProps) {
  return (
    <EmailLayout preview={`Your sign-in code is ${code}`}>
      <Heading as="h1" className="text-xl">Sign in to Kindred</Heading>
      <Text>Enter this code on the sign-in page:</Text>
      <Text className="my-4 text-center font-mono text-3xl font-bold tracking-[0.3em]" data-testid="code">{code}</Text>
      <Text>Or use this button to sign in on this device:</Text>
      <Button href={url} className="rounded-md bg-violet-700 px-5 py-3 text-white">Sign in</Button>
      <Text className="text-sm text-gray-600">
        The code and the link work once and expire in {minutes} minutes. If the button does not work, paste this
        address into your browser: <Link href={url}>{url}</Link>
      </Text>
    </EmailLayout>
  );
}

MagicLinkEmail.PreviewProps = { code: "493021", url: "http://localhost:3000/auth/verify?token=preview", minutes: 15 } satisfies MagicLinkEmailProps;
