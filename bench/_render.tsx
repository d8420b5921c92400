import { render } from "@react-email/render";
import ScoopEmail from "../emails/scoop";
import MagicLinkEmail from "../emails/magic-link";
const props: any = (ScoopEmail as any).PreviewProps ?? {};
for (const [name, C, p] of [["scoop", ScoopEmail, props], ["magic", MagicLinkEmail, (MagicLinkEmail as any).PreviewProps ?? {}]] as const) {
  for (let i = 0; i < 20; i++) await render(<C {...p} />);
  const t = performance.now();
  for (let i = 0; i < 100; i++) await render(<C {...p} />);
  console.log(name, ((performance.now() - t) / 100).toFixed(2), "ms per render");
}
