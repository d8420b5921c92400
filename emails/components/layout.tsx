import type { ReactNode } from "react";
import { Body, Container, Head, Hr, Html, Img, Preview, Section, Tailwind, Text } from "@react-email/components";

export type EmailBrand = { name: string; color?: string | null; logoUrl?: string | null };

/** Shared frame of every Kindred email: brand header, content, quiet footer. */
export function EmailLayout({ preview, brand, children, footer }: { preview: string; brand?: EmailBrand; children: ReactNode; footer?: ReactNode }) {
  const color = brand?.color ?? "#7c3aed";
  return (
    <Html lang="en">
      <Head />
      <Preview>{preview}</Preview>
      <Tailwind>
        <Body className="bg-gray-100 font-sans text-gray-900">
          <Container className="mx-auto my-8 max-w-[560px] rounded-lg bg-white">
            <Section className="rounded-t-lg px-8 py-5" style={{ backgroundColor: color }}>
              {brand?.logoUrl ? <Img src={brand.logoUrl} alt={brand.name} height="40" /> : null}
              <Text className="m-0 text-lg font-semibold text-white">{brand?.name ?? "Kindred"}</Text>
            </Section>
            <Section className="px-8 py-6">{children}</Section>
            <Hr className="mx-8 border-gray-200" />
            <Section className="px-8 pb-6">
              <Text className="text-xs text-gray-500">
                {footer ?? "You are receiving this because of your Kindred account. If it was not you, you can ignore this email."}
              </Text>
            </Section>
          </Container>
        </Body>
      </Tailwind>
    </Html>
  );
}
