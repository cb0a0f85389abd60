/**
 * The rating transaction, and its undo: the card, its log record and the day counter change in
 * one IndexedDB transaction (keys as listed in ./idb.ts), so a rating is stored whole or not at
 * all, and a rating another tab saved first is detected, never overwritten unseen.
 */
import { dayCountProblem } from '../domain/record-guards';
import type { StoredCard } from '../domain/scheduler';
import { countRating, type DayCount, type RatingKind } from '../domain/study-day';
import { plainCard, sameCard, type plainRating } from './plain';
import type { QuarantinedRecord } from './records';
import { quarantine, type Guard } from './transaction';
import type { UndoResult, UndoToken } from './types';

/** Counts (`by` 1) or uncounts (-1) a rating in its day's counter; an unreadable one goes to `moved`. */
function bumpDay(
	store: IDBObjectStore,
	guard: Guard,
	change: { day: string; kind: RatingKind; by: 1 | -1; moved: QuarantinedRecord[] }
) {
	const key = ['day', change.day];
	const request = store.get(key);
	request.onsuccess = guard(() => {
		// Checked by hand: a transaction cannot wait for the full check to load.
		const reason = request.result === undefined ? null : dayCountProblem(request.result);
		if (reason !== null)
			change.moved.push(quarantine(store, { key, value: request.result }, reason, true));
		const count = reason === null ? (request.result as DayCount | undefined) : undefined;
		store.put(countRating(count, change.day, change.kind, change.by), key);
	});
}

/**
 * Issues a rating's writes in the caller's transaction. The getter says, after the commit, whether
 * the stored card was not the one rated (another tab rated it first): both ratings are then in the
 * log, this card is written, and `rating.undo.previous` is set to what was stored.
 */
export function writeRating(
	store: IDBObjectStore,
	guard: Guard,
	rating: ReturnType<typeof plainRating>,
	moved: QuarantinedRecord[]
): () => boolean {
	const { card, log, previous, undo } = rating;
	const cardKey = ['card', card.id];
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
}

/**
 * Issues an undo in the caller's transaction: the previous card back, the log record deleted, the
 * day counter decremented; nothing when the card was rated since (another tab) or the record is gone.
 */
export function writeUndo(
	store: IDBObjectStore,
	guard: Guard,
	token: UndoToken,
	moved: QuarantinedRecord[]
): () => UndoResult {
	const cardKey = ['card', token.cardId];
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
}
