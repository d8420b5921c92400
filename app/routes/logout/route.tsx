import type { ActionFunctionArgs } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { destroySession } from "#app/utils/auth.server";
import { runIntent } from "#app/utils/forms.server";
import { redirectWithToast } from "#app/utils/toast.server";
import { readForm } from "#app/utils/request-body.server";

export async function loader() {
  return redirect("/");
}

async function signedOut(request: Request, everywhere: boolean) {
  const cookie = await destroySession(request, { everywhere });
  return redirectWithToast(
    "/login",
    { kind: "info", message: everywhere ? "You are signed out on every device." : "You are signed out." },
    { headers: { "Set-Cookie": cookie } },
  );
}

const thisDeviceAction = (request: Request) => signedOut(request, false);
const everywhereAction = (request: Request) => signedOut(request, true);

/** Signs out this browser, or every session of the account. */
export async function action({ request }: ActionFunctionArgs) {
  return runIntent(await readForm(request), request, { "this-device": thisDeviceAction, everywhere: everywhereAction });
}
