import type { ActionFunctionArgs } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { destroySession } from "#app/utils/auth.server";
import { redirectWithToast } from "#app/utils/toast.server";
import { readForm } from "#app/utils/request-body.server";

export async function loader() {
  return redirect("/");
}

/** Signs out this browser, or with intent=everywhere every session of the account. */
export async function action({ request }: ActionFunctionArgs) {
  const formData = await readForm(request);
  const everywhere = formData.get("intent") === "everywhere";
  const cookie = await destroySession(request, { everywhere });
  return redirectWithToast(
    "/login",
    { kind: "info", message: everywhere ? "You are signed out on every device." : "You are signed out." },
    { headers: { "Set-Cookie": cookie } },
  );
}
