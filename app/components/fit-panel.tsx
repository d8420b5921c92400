import type { ReactNode } from "react";
import { formatRate } from "#app/models/engagement";
import { SATURATION_DAYS } from "#app/models/qualification/signals";
import { SCORE_FORMULA, SCORE_PARTS, type ScorePart } from "#app/models/qualification/score";
import { LocalTime } from "./local-time";
import { Section } from "./section";

type Dated = { label: string; answer: string; givenAt: string | Date };
export type Fit = {
  expertise: { tags: string[]; interests: string[]; answers: Dated[] };
  lifeMoments: Dated[];
  local: { city: string; inBrandCity: boolean | null; matchedCity: string | null; eventsGoing: number; eventsAttended: number; attendanceShare: number | null; brandCities: string[] };
  quality: { rated: number; average: number | null };
  saturation: { posts: number; branded: number; share: number | null };
  engagement: { posts: number; byFollowers: number | null; byFollowersPosts: number; byViews: number | null; byViewsPosts: number };
  growth: { account: { platform: string; handle: string; followers: number }; windows: { days: number; from: number | null; change: number | null }[]; crossed: { tier: string; at: string | Date | null } } | null;
  score: { score: number; parts: Record<ScorePart, number>; contributions: Record<ScorePart, number>; weights: Record<ScorePart, number> };
};

/** The score with its formula and each part's contribution — shown above the signals it summarizes, never instead. */
function ScoreSummary({ score }: { score: Fit["score"] }) {
  return (
    <details className="mt-2 rounded-md bg-stone-50 p-3" data-testid="fit-score">
      <summary className="cursor-pointer">
        Relationship score: <strong className="tabular-nums">{Math.round(score.score)}</strong> / 100 <span className="text-xs text-stone-500">(how it is made)</span>
      </summary>
      <p className="mt-2 text-xs text-stone-600">{SCORE_FORMULA}. The weights are the brand's (Program settings). Read the signals below: the score only sums them up.</p>
      <table className="mt-2 w-full text-left text-xs">
        <thead>
          <tr className="text-stone-500">
            <th className="py-1 pr-2 font-medium">Part</th>
            <th className="py-1 pr-2 font-medium">Weight</th>
            <th className="py-1 pr-2 font-medium">Value (0–1)</th>
            <th className="py-1 font-medium">Points</th>
          </tr>
        </thead>
        <tbody>
          {(Object.keys(SCORE_PARTS) as ScorePart[]).map((k) => (
            <tr key={k} className="border-t border-stone-200">
              <td className="py-1 pr-2">{SCORE_PARTS[k]}</td>
              <td className="py-1 pr-2 tabular-nums">{score.weights[k]}</td>
              <td className="py-1 pr-2 tabular-nums">{score.parts[k].toFixed(2)}</td>
              <td className="py-1 tabular-nums">{score.contributions[k].toFixed(1)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </details>
  );
}

const pct = (n: number) => `${n > 0 ? "+" : ""}${(n * 100).toFixed(Math.abs(n) < 0.1 ? 1 : 0)} %`;

function Signal({ name, source, children, testId }: { name: string; source: string; children: ReactNode; testId: string }) {
  return (
    <div data-testid={testId}>
      <dt className="font-medium text-stone-800">{name}</dt>
      <dd className="text-stone-700">{children}</dd>
      <dd className="text-xs text-stone-500">From {source}</dd>
    </div>
  );
}

/**
 * What qualifies the fan beyond follower count — each signal with where it comes from. Nothing here is a verdict:
 * staff read the signals and decide.
 */
export function FitPanel({ fit, timeZone }: { fit: Fit; timeZone: string }) {
  const { expertise, lifeMoments, local, quality, saturation, engagement, growth } = fit;
  return (
    <Section title="Fit" className="rounded-lg border border-stone-200 bg-white p-4 text-sm" heading="font-semibold">
      <ScoreSummary score={fit.score} />
      <dl className="mt-3 space-y-3">
        <Signal name="Expertise and interests" source="staff tags, the fan's own profile and their application answers" testId="fit-expertise">
          {expertise.tags.length || expertise.interests.length || expertise.answers.length ? (
            <>
              {expertise.tags.length ? <p>Tags: {expertise.tags.join(", ")}</p> : null}
              {expertise.interests.length ? <p>In their words: {expertise.interests.join(", ")}</p> : null}
              {expertise.answers.map((a, i) => (
                <p key={i}>
                  {a.label} {a.answer}
                </p>
              ))}
            </>
          ) : (
            "Nothing yet."
          )}
        </Signal>
        <Signal name="Life moments" source="their answers to life-moment questions, dated when given" testId="fit-life-moments">
          {lifeMoments.length
            ? lifeMoments.map((m, i) => (
                <p key={i}>
                  {m.label} {m.answer} <span className="text-stone-500">(told us <LocalTime value={m.givenAt} zone={timeZone} />)</span>
                </p>
              ))
            : "None shared."}
        </Signal>
        <Signal name="Local audience" source={`their city against the brand's cities (${local.brandCities.join(", ") || "none set: add cities to the application rules or hold in-person events"}) and their check-ins`} testId="fit-local">
          <p>
            {local.inBrandCity === null ? "No city given." : local.inBrandCity ? `Lives in ${local.matchedCity}, one of the brand's cities.` : `Lives in ${local.city}, outside the brand's cities.`}
          </p>
          <p>
            {local.attendanceShare === null
              ? "No past events they said yes to."
              : `Came to ${local.eventsAttended} of ${local.eventsGoing} events they said yes to (${Math.round(local.attendanceShare * 100)} %).`}
          </p>
        </Signal>
        <Signal name="Content quality" source="staff's 1–5 ratings while reviewing posts" testId="fit-quality">
          {quality.average === null ? "No post rated yet." : `${quality.average.toFixed(1)} / 5 over ${quality.rated} rated post${quality.rated === 1 ? "" : "s"}.`}
        </Signal>
        <Signal name="Branded-content saturation" source={`captions of their posts in the last ${SATURATION_DAYS} days that disclose a brand relationship (#ad, #gifted, “paid partnership”…), ours or others'`} testId="fit-saturation">
          {saturation.share === null ? "No captioned posts in that time." : `${Math.round(saturation.share * 100)} % — ${saturation.branded} of ${saturation.posts} posts.`}
        </Signal>
        <Signal name="Engagement rate" source="the median over their posts with numbers: interactions ÷ followers at the time, and ÷ views" testId="fit-engagement">
          {engagement.posts === 0 ? (
            "No numbers yet."
          ) : (
            <>
              <p>By followers: {formatRate(engagement.byFollowers)} (median of {engagement.byFollowersPosts})</p>
              <p>By views: {engagement.byViews === null ? "no views known" : `${formatRate(engagement.byViews)} (median of ${engagement.byViewsPosts})`}</p>
            </>
          )}
        </Signal>
        <Signal name="Growth" source={growth ? `the follower history of ${growth.account.platform} @${growth.account.handle}, their largest account` : "the follower history"} testId="fit-growth">
          {growth ? (
            <>
              <p>
                {growth.windows.map((w, i) => (
                  <span key={w.days}>
                    {i ? " · " : ""}
                    {w.days} days: {w.change === null ? "not enough history" : `${pct(w.change)} (from ${w.from?.toLocaleString("en")})`}
                  </span>
                ))}
              </p>
              <p>
                {growth.crossed.tier === "nano"
                  ? "Nano tier."
                  : growth.crossed.at
                    ? <>Crossed into {growth.crossed.tier} on <LocalTime value={growth.crossed.at} zone={timeZone} />.</>
                    : `Already ${growth.crossed.tier} when we first saw their count.`}
              </p>
            </>
          ) : (
            "No social accounts yet."
          )}
        </Signal>
      </dl>
    </Section>
  );
}
