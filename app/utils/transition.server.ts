// The one way a guarded state change is written: update the row only while it is still in the state the caller
// saw, and learn from the row count whether this caller made the change. Two requests racing to decline the same
// request, claim the same seat or answer the same offer then cannot both win — on SQLite and on PostgreSQL alike,
// because the condition is checked by the UPDATE itself, not by a read before it.

type Guarded<W, D> = { updateMany: (args: { where: W; data: D }) => PromiseLike<{ count: number }> };

/**
 * Applies `data` to the one row `where` selects (its id and the state it must still be in); true when this call
 * changed it, false when the row had already moved on (or is not there).
 */
export async function transition<W extends { id: string }, D>(model: Guarded<W, D>, where: W, data: D): Promise<boolean> {
  const { count } = await model.updateMany({ where, data });
  return count === 1;
}
