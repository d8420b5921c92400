import { Button, Heading, Text } from "@react-email/components";
import { EmailLayout, type EmailBrand } from "./components/layout";

export type UsageRightsEmailProps = { brand: EmailBrand; fanName: string; postUrl: string; uses: string; channels: string; until: string; message: string; url: string };

export function usageRightsSubject({ brand }: Pick<UsageRightsEmailProps, "brand">) {
  return `${brand.name} would love to share your post`;
}

/** A brand asks a fan for permission to reuse one of their posts: what, where, until when. The fan answers in the app. */
export default function UsageRightsEmail({ brand, fanName, postUrl, uses, channels, until, message, url }: UsageRightsEmailProps) {
  const color = brand.color ?? "#7c3aed";
  return (
    <EmailLayout brand={brand} preview={usageRightsSubject({ brand })} footer={`You received this as a member of ${brand.name}'s ambassador program. It is only a question: saying no is completely fine.`}>
      <Heading as="h1" className="text-xl">
        May we share your post?
      </Heading>
      <Text>{`Hi ${fanName},`}</Text>
      <Text>{`We loved your post (${postUrl}) and would like to reuse it in our own channels — only with your permission.`}</Text>
      <Text>{`What: ${uses}`}</Text>
      <Text>{`Where: ${channels}`}</Text>
      <Text>{`Until: ${until}`}</Text>
      {message ? <Text>{`“${message}”`}</Text> : null}
      <Text>{`You can say yes or no in the app, and withdraw a yes at any time.`}</Text>
      <Button href={url} className="rounded-md px-5 py-3 text-white" style={{ backgroundColor: color }}>
        Answer
      </Button>
      <Text className="text-sm text-gray-600">{`Link: ${url}`}</Text>
    </EmailLayout>
  );
}

UsageRightsEmail.PreviewProps = {
  brand: { name: "Juniper Bakery", color: "#b45309" },
  fanName: "Priya",
  postUrl: "https://www.instagram.com/p/C3xYz12AbCd/",
  uses: "The photo and caption, credited to you",
  channels: "The brand's own social media accounts, The brand's website",
  until: "December 31, 2027",
  message: "Your rye photo is the best we've seen!",
  url: "http://localhost:3000/me/posts",
} satisfies UsageRightsEmailProps;
