import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Link } from "@remix-run/react";
import { buttonClass } from "#app/components/forms";
import { getUser } from "#app/utils/auth.server";

export const meta: MetaFunction = () => [{ title: "Kindred — ambassador programs for the fans you already have" }];

export async function loader({ request }: LoaderFunctionArgs) {
  if (await getUser(request)) throw redirect("/home");
  return null;
}

export default function Index() {
  return (
    <div className="mx-auto max-w-3xl px-4 py-16">
      <h1 className="text-4xl font-bold tracking-tight">Your best ambassadors already love you.</h1>
      <p className="mt-4 text-lg text-stone-700">
        Kindred helps a brand run a relationship-led ambassador program for its own fans: invite them in, share previews and
        embargoed scoops, host events, send product to try, and see the organic posts that follow — without paying anyone to post.
      </p>
      <div className="mt-8 flex flex-wrap gap-3">
        <Link to="/login" className={buttonClass("primary")}>Sign in or create an account</Link>
      </div>
    </div>
  );
}
