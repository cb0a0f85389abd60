/**
 * What a stored record must be, in one place for storage: the checks every read passes (the
 * domain's hand-written guards, no valibot: start-up checks 10,000 cards with them in a few
 * milliseconds) and the plain copies every write makes (checked, and free of Svelte `$state`
 * proxies, which IndexedDB cannot clone). A record a read finds failing goes to the full check of
 * ./repair.ts, loaded only then, which migrates it or gives the reason for its quarantine; a
 * record a write finds failing is a bug in the caller, so the write throws before it starts.
 */
import type { BackupMark } from '../domain/backup-reminder';
import type { QuizAnswerRecord } from '../domain/quiz-record';
import {
	cardProblem,
	isDayCount,
	isQuizAnswer,
	isReviewRecord,
	isStoredCard,
	quizAnswerProblem,
	reviewRecordProblem
} from '../domain/record-guards';
import type { ReviewRecord, StoredCard } from '../domain/scheduler';
import { validateSettings, type Settings } from '../domain/settings';
import { ratingKind } from '../domain/study-day';
import { StorageWriteError } from './errors';
import { loadPart, type Columns, type Entry, type Transact } from './transaction';
import type { RatingInput, UndoToken } from './types';

/** The current schema; ./repair.ts lists the versions and migrates older data. */
export const SCHEMA_VERSION = 2;

export interface Meta {
	schemaVersion: number;
	/** When this database was first written (epoch ms). */
	createdAt: number;
}

/** A record that failed validation, kept aside instead of being dropped. */
export interface QuarantinedRecord {
	/** The original key, as JSON (e.g. `["card","q1"]`). */
	key: string;
	value: unknown;
	reason: string;
	at: number;
}

export type { QuizAnswerRecord };

function isObject(value: unknown): value is Record<string, unknown> {
	return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Whether `value` is a readable meta record. */
export function isMeta(value: unknown): value is Meta {
	if (!isObject(value)) return false;
	const { schemaVersion, createdAt } = value;
	return (
		Number.isInteger(schemaVersion) && (schemaVersion as number) >= 0 && Number.isInteger(createdAt)
	);
}

/**
 * The value to use for the current-schema record stored under `key` when it passes the quick
 * check, else undefined: then the full check (./repair.ts) decides, and says why.
 */
export function quickCheck(key: IDBValidKey, value: unknown): unknown {
	if (key === 'settings') {
		const result = validateSettings(value);
		return result.ok ? result.settings : undefined;
	}
	if (!Array.isArray(key)) return undefined;
	switch (key[0]) {
		case 'card':
			return isStoredCard(value) && value.id === key[1] ? value : undefined;
		case 'log':
			return isReviewRecord(value) ? value : undefined;
		case 'day':
			return isDayCount(value) ? value : undefined;
		case 'quiz':
			return isQuizAnswer(value) ? value : undefined;
		default:
			return undefined;
	}
}

/**
 * The values of `records` that pass their check; the others are moved to quarantine (and added
 * to `moved`) unless the full check, loaded only then, accepts them.
 */
export async function validRecords<T>(
	transact: Transact,
	records: Columns,
	moved: QuarantinedRecord[]
): Promise<T[]> {
	const values: T[] = [];
	const failed: Entry[] = [];
	const { keys } = records;
	for (let i = 0; i < keys.length; i++) {
		const key = keys[i] as IDBValidKey;
		const value = quickCheck(key, records.values[i]);
		if (value !== undefined) values.push(value as T);
		else failed.push({ key, value: records.values[i] });
	}
	if (failed.length === 0) return values;
	const { checkFailed } = await loadPart(() => import('./repair'), 'set aside unreadable records');
	await checkFailed(transact, failed, values, moved);
	return values;
}

function invalid(what: string, reason: string): never {
	throw new StorageWriteError(`save the ${what}`, `invalid ${what}: ${reason}`);
}

export function plainCard(card: StoredCard): StoredCard {
	const reason = cardProblem(card);
	if (reason !== null) invalid('card', reason);
	return {
		id: card.id,
		due: card.due,
		stability: card.stability,
		difficulty: card.difficulty,
		elapsed_days: card.elapsed_days,
		scheduled_days: card.scheduled_days,
		learning_steps: card.learning_steps,
		reps: card.reps,
		lapses: card.lapses,
		state: card.state,
		last_review: card.last_review
	};
}

export function plainLog(log: ReviewRecord): ReviewRecord {
	const reason = reviewRecordProblem(log);
	if (reason !== null) invalid('rating', reason);
	return {
		card_id: log.card_id,
		rating: log.rating,
		state: log.state,
		due: log.due,
		stability: log.stability,
		difficulty: log.difficulty,
		elapsed_days: log.elapsed_days,
		last_elapsed_days: log.last_elapsed_days,
		scheduled_days: log.scheduled_days,
		learning_steps: log.learning_steps,
		review: log.review,
		duration_ms: log.duration_ms
	};
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
	const { typo, pickedDistractor } = answer;
	return {
		questionId: answer.questionId,
		framework: answer.framework,
		given: copyGiven(answer.given),
		correct: answer.correct,
		...(typo === undefined ? {} : { typo: { given: typo.given, expected: typo.expected } }),
		...(pickedDistractor === undefined ? {} : { pickedDistractor: copyGiven(pickedDistractor) }),
		durationMs: answer.durationMs,
		answeredAt: answer.answeredAt
	};
}

function copyGiven(given: string | string[]): string | string[] {
	return typeof given === 'string' ? given : [...given];
}

function markProblem(value: unknown): string | null {
	if (!isObject(value)) return 'not an object';
	const extra = Object.keys(value).find((key) => key !== 'at' && key !== 'reviews');
	if (extra !== undefined) return `${extra}: unexpected field`;
	for (const key of ['at', 'reviews'] as const) {
		const field = value[key];
		if (!Number.isInteger(field) || (field as number) < 0) {
			return `${key}: expected a whole number ≥ 0, got ${JSON.stringify(field) ?? String(field)}`;
		}
	}
	return null;
}

/** A stored backup mark, or null when it is absent or unreadable (the reminder then shows). */
export function readMark(value: unknown): BackupMark | null {
	if (markProblem(value) !== null) return null;
	const { at, reviews } = value as BackupMark;
	return { at, reviews };
}

export function plainMark(mark: BackupMark): BackupMark {
	const reason = markProblem(mark);
	if (reason !== null)
		throw new StorageWriteError('save the backup time', `invalid backup time: ${reason}`);
	return { at: mark.at, reviews: mark.reviews };
}

/** Keeps two records written in the same millisecond (two tabs) from sharing a key. */
export function randomSuffix(): string {
	return globalThis.crypto?.randomUUID?.() ?? Math.random().toString(36).slice(2);
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
		review: log.review,
		day: input.day,
		kind: ratingKind(log.state)
	};
	return { card, log, previous, undo };
}
