import { LocalTime } from "./local-time";
import { Section } from "./section";

type Perk = { kind: string; label: string; valueCents: number | null; at: string | Date };

const money = new Intl.NumberFormat("en", { style: "currency", currency: "USD" });

/** What a fan received: product (with value), tickets, early access — the reason posts about them need a disclosure. */
export function PerkLedger({ perks, zone }: { perks: Perk[]; zone: string }) {
  const total = perks.reduce((n, p) => n + (p.valueCents ?? 0), 0);
  return (
    <Section title={<>Perks received{total ? ` · ${money.format(total / 100)} in product` : ""}</>} className="rounded-lg border border-stone-200 bg-white p-4" heading="font-semibold">
      {perks.length ? (
        <ul className="mt-2 space-y-1 text-sm" data-testid="perk-ledger">
          {perks.map((p, i) => (
            <li key={i} className="flex flex-wrap justify-between gap-2">
              <span>{p.label}</span>
              <span className="text-stone-500">
                {p.valueCents ? `${money.format(p.valueCents / 100)} · ` : ""}
                <LocalTime value={p.at} zone={zone} />
              </span>
            </li>
          ))}
        </ul>
      ) : (
        <p className="mt-1 text-sm text-stone-600">Nothing yet.</p>
      )}
    </Section>
  );
}
