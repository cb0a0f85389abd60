/**
 * A rating and its undo: the card, its log record and the day counter change in one transaction.
 * Part of idb.ts (keys listed there), apart only to keep files small.
 */
import type { RatingKind } from '../domain/queue';
import { dayCountProblem } from '../domain/record-guards';
import type { StoredCard } from '../domain/scheduler';
import type { DayCount } from '../domain/study-day';
import type { QuarantinedRecord } from './guards';
import { quarantine, type Guard, type IdbContext } from './idb-core';
import { plainCard, plainRating, sameCard } from './plain';
import type { RatingInput, SavedRating, UndoResult, UndoToken } from './types';

/** Counts a rating in its day's counter; a counter found unreadable goes to `moved`. */
function bumpDay(
	store: IDBObjectStore,
	guard: Guard,
	{
		day,
		kind,
		by,
		moved
	}: { day: string; kind: RatingKind; by: number; moved: QuarantinedRecord[] }
) {
	const key = ['day', day];
	const request = store.get(key);
	request.onsuccess = guard(() => {
		// Checked by hand: a transaction cannot wait for the full check to load.
		const reason = request.result === undefined ? null : dayCountProblem(request.result);
		if (reason !== null)
			moved.push(quarantine(store, { key, value: request.result }, reason, true));
		const count: DayCount =
			request.result !== undefined && reason === null
				? (request.result as DayCount)
				: { day, new: 0, review: 0, learning: 0 };
		count[kind] = Math.max(0, count[kind] + by);
		store.put(count, key);
	});
}

export async function saveRating(ctx: IdbContext, input: RatingInput): Promise<SavedRating> {
	const { card, log, previous, undo } = plainRating(input);
	const cardKey = ['card', card.id];
	const moved: QuarantinedRecord[] = [];
	const conflict = await ctx.transact('readwrite', 'save the rating', (store, guard) => {
		let stale = false;
		const current = store.get(cardKey);
		current.onsuccess = guard(() => {
			const stored = current.result as StoredCard | undefined;
			stale = !sameCard(stored, previous);
			// Undo must bring back what was stored (another tab's newer card), not the stale card.
			if (stale) undo.previous = stored ?? null;
			store.put(card, cardKey);
		});
		store.put(log, [...undo.logKey]);
		bumpDay(store, guard, { day: undo.day, kind: undo.kind, by: 1, moved });
		return () => stale;
	});
	ctx.report(moved);
	ctx.notifier.post({ type: 'rating', cardId: card.id });
	return { undo, conflict };
}

export async function undoRating(ctx: IdbContext, token: UndoToken): Promise<UndoResult> {
	const cardKey = ['card', token.cardId];
	const moved: QuarantinedRecord[] = [];
	const result = await ctx.transact('readwrite', 'undo the rating', (store, guard) => {
		let outcome: UndoResult = { ok: false, reason: 'missing' };
		const current = store.get(cardKey);
		const log = store.get([...token.logKey]);
		// Requests complete in the order issued, so `current` is ready here.
		log.onsuccess = guard(() => {
			if (log.result === undefined) return;
			if ((current.result as StoredCard | undefined)?.last_review !== token.review) {
				outcome = { ok: false, reason: 'changed' };
				return;
			}
			if (token.previous) store.put(plainCard(token.previous), cardKey);
			else store.delete(cardKey);
			store.delete([...token.logKey]);
			bumpDay(store, guard, { day: token.day, kind: token.kind, by: -1, moved });
			outcome = { ok: true, card: token.previous };
		});
		return () => outcome;
	});
	ctx.report(moved);
	if (result.ok) ctx.notifier.post({ type: 'undo', cardId: token.cardId });
	return result;
}
