import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { requireBrandMember } from "#app/utils/permissions.server";

export const meta: MetaFunction = () => [{ title: "Events · Kindred" }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { brand, role } = await requireBrandMember(request, params.brand, "organizer");
  return { brand, role };
}

export default function Events() {
  const { brand } = useLoaderData<typeof loader>();
  return (
    <div>
      <h1 className="text-2xl font-bold">Events</h1>
      <div className="mt-4 rounded-lg border border-dashed border-stone-300 bg-white p-6">
        <h2 className="font-semibold">No events yet</h2>
        <p className="mt-1 text-stone-600">
          Events let {brand.name}'s ambassadors meet each other and the team: tastings, workshops, launches. Event
          planning, RSVPs and check-in arrive in this section.
        </p>
      </div>
    </div>
  );
}
