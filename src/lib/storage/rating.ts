/**
 * Storage's write half, loaded at the first write (`loadWrites` in ./idb.ts): a visit that only
 * reads, as Today's, never fetches it. Two parts, in one place for storage:
 *
 * - The plain copies writes make (the rating's, the settings', a quiz answer's, the backup
 *   mark's, an import's; the quiz's own records' are in ./quiz.ts): checked (a record a write
 *   finds failing is a bug in the caller, so the write throws before it starts), and free of
 *   Svelte `$state` proxies, which IndexedDB cannot clone. ./memory.ts and ./import.ts make
 *   theirs here too.
 * - The rating transaction, and its undo: the card, its log record and the day counter change in
 *   one IndexedDB transaction (keys as listed in ./idb.ts), so a rating is stored whole or not at
 *   all, and a rating another tab saved first is detected, never overwritten unseen.
 *
 * And `quarantine`, the write that sets a failing record aside (./repair.ts's too).
 */
import type { BackupMark } from '../domain/records/backup-reminder';
import type { QuizAnswerRecord } from '../domain/quiz/quiz-record';
import {
	cardProblem,
	dayCountProblem,
	quizAnswerProblem,
	reviewRecordProblem
} from '../domain/records/record-problems';
import { RECORD_FIELDS, type Fields } from '../domain/records/record-guards';
import type { ReviewRecord, StoredCard } from '../domain/schedule/scheduler';
import { validateSettings, type Settings } from '../domain/records/settings';
import {
	countRating,
	ratingKind,
	type DayCount,
	type RatingKind
} from '../domain/study-day/study-day';
import {
	StorageWriteError,
	type QuarantinedRecord,
	type RatingInput,
	type UndoResult,
	type UndoToken
} from './contract';
import { markProblem, randomSuffix, type Entry, type Guard } from './records';

/** The error of a write refused before it starts: `what` failed its check for `reason`. */
export function invalid(what: string, reason: string): never {
	throw new StorageWriteError(`save the ${what}`, `invalid ${what}: ${reason}`);
}

/**
 * A copy of a checked record whose fields are all plain values (a card, a log record): exactly
 * the fields of its table in record-guards.ts, so no copy writes the field list out again.
 */
function plainFields<T>(record: T, fields: Fields): T {
	const value = record as Record<string, unknown>;
	return Object.fromEntries(Object.keys(fields).map((key) => [key, value[key]])) as T;
}

export function plainCard(card: StoredCard): StoredCard {
	const reason = cardProblem(card);
	if (reason !== null) invalid('card', reason);
	return plainFields(card, RECORD_FIELDS.card);
}

export function plainLog(log: ReviewRecord): ReviewRecord {
	const reason = reviewRecordProblem(log);
	if (reason !== null) invalid('rating', reason);
	return plainFields(log, RECORD_FIELDS.review);
}

export function plainSettings(settings: Settings): Settings {
	const result = validateSettings(settings);
	if (!result.ok) {
		throw new StorageWriteError(
			'save the settings',
			result.errors.map((e) => e.message).join('; ')
		);
	}
	return result.settings;
}

export function plainQuiz(answer: QuizAnswerRecord): QuizAnswerRecord {
	const reason = quizAnswerProblem(answer);
	if (reason !== null) invalid('quiz answer', reason);
	const { typo, pickedDistractor, overridden } = answer;
	return {
		questionId: answer.questionId,
		framework: answer.framework,
		given: copyGiven(answer.given),
		correct: answer.correct,
		...(typo === undefined ? {} : { typo: { given: typo.given, expected: typo.expected } }),
		...(pickedDistractor === undefined ? {} : { pickedDistractor: copyGiven(pickedDistractor) }),
		...(overridden === undefined ? {} : { overridden }),
		durationMs: answer.durationMs,
		answeredAt: answer.answeredAt
	};
}

function copyGiven(given: string | string[]): string | string[] {
	return typeof given === 'string' ? given : [...given];
}

export function plainMark(mark: BackupMark): BackupMark {
	const reason = markProblem(mark);
	if (reason !== null)
		throw new StorageWriteError('save the backup time', `invalid backup time: ${reason}`);
	return { at: mark.at, reviews: mark.reviews };
}

/** Moves a record aside inside the caller's transaction. */
export function quarantine(store: IDBObjectStore, entry: Entry, reason: string, keep = false) {
	const record: QuarantinedRecord = {
		key: JSON.stringify(entry.key),
		value: entry.value,
		reason,
		at: Date.now()
	};
	store.put(record, ['quarantine', record.at, randomSuffix()]);
	if (!keep) store.delete(entry.key);
	return record;
}

/** Whether the stored card is the one the rating started from (no other tab rated it since). */
export function sameCard(stored: StoredCard | undefined, previous: StoredCard | null): boolean {
	const storedReps = stored?.reps ?? 0;
	const previousReps = previous?.reps ?? 0;
	return (
		storedReps === previousReps && (stored?.last_review ?? null) === (previous?.last_review ?? null)
	);
}

/**
 * A rating's records as both stores keep them, with the undo token they hand back: the card, its
 * log record under a fresh key, and which day counter it bumps.
 */
export function plainRating(input: RatingInput) {
	const card = plainCard(input.card);
	const log = plainLog(input.log);
	const previous = input.previous === null ? null : plainCard(input.previous);
	if (!/^\d{4}-\d{2}-\d{2}$/.test(input.day)) {
		throw new StorageWriteError(
			'save the rating',
			`invalid study day ${JSON.stringify(input.day)}`
		);
	}
	const logKey = ['log', log.review, randomSuffix()] as const;
	const undo: UndoToken = {
		cardId: card.id,
		previous,
		logKey,
		log,
		review: log.review,
		day: input.day,
		kind: ratingKind(log.state)
	};
	return { card, log, previous, undo };
}

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
