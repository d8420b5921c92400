import { Button, Heading, Text } from "@react-email/components";
import { EmailLayout, type EmailBrand } from "./components/layout";

export type PostRequestEmailProps = { kind: "disclosure" | "numbers"; brand: EmailBrand; fanName: string; postUrl: string; url: string; disclosureText: string };

export function postRequestSubject({ kind, brand }: Pick<PostRequestEmailProps, "kind" | "brand">) {
  return kind === "disclosure" ? `A small favour for your post about ${brand.name}` : `Could you share your post's latest numbers?`;
}

/** Friendly asks about a post: add a disclosure at the start of the caption, or update the post's numbers. */
export default function PostRequestEmail({ kind, brand, fanName, postUrl, url, disclosureText }: PostRequestEmailProps) {
  const color = brand.color ?? "#7c3aed";
  return (
    <EmailLayout brand={brand} preview={postRequestSubject({ kind, brand })} footer={`You received this as a member of ${brand.name}'s ambassador program.`}>
      <Heading as="h1" className="text-xl">
        {kind === "disclosure" ? "Thank you for posting!" : "How is your post doing?"}
      </Heading>
      <Text>{`Hi ${fanName},`}</Text>
      {kind === "disclosure" ? (
        <>
          <Text>{`We loved your post (${postUrl}). Because it's about something you received from ${brand.name}, the rules ask for a clear disclosure at the very start of the caption — where people see it before “more”.`}</Text>
          <Text>{`Could you edit the caption to begin with, for example: “${disclosureText}”? That's all — thank you!`}</Text>
        </>
      ) : (
        <Text>{`If you have a minute, add your post's current views, likes, comments, shares and saves (${postUrl}). It helps us see what fans enjoy. Skipping it is completely fine.`}</Text>
      )}
      <Button href={url} className="rounded-md px-5 py-3 text-white" style={{ backgroundColor: color }}>
        {kind === "disclosure" ? "Open my posts" : "Update the numbers"}
      </Button>
      <Text className="text-sm text-gray-600">{`Link: ${url}`}</Text>
    </EmailLayout>
  );
}

PostRequestEmail.PreviewProps = {
  kind: "disclosure",
  brand: { name: "Juniper Bakery", color: "#b45309" },
  fanName: "Priya",
  postUrl: "https://www.instagram.com/p/C3xYz12AbCd/",
  url: "http://localhost:3000/me/posts",
  disclosureText: "Gifted by Juniper Bakery #gifted",
} satisfies PostRequestEmailProps;
