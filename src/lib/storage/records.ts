/**
 * What a stored record must be when it is read, in one place for storage: the checks every read
 * passes (the domain's hand-written guards, no valibot: start-up checks 10,000 cards with them in
 * a few milliseconds). A record a read finds failing goes to the full check of ./repair.ts, loaded
 * only then, which migrates it or gives the reason for its quarantine. The writes' side, the plain
 * copies every write makes, is ./plain.ts.
 */
import type { BackupMark } from '../domain/backup-reminder';
import type { QuizAnswerRecord } from '../domain/quiz-record';
import { isDayCount, isQuizAnswer, isReviewRecord, isStoredCard } from '../domain/record-guards';
import { validateSettings } from '../domain/settings';
import { loadPart, type Columns, type Entry, type Transact } from './transaction';

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

export function markProblem(value: unknown): string | null {
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

/** Keeps two records written in the same millisecond (two tabs) from sharing a key. */
export function randomSuffix(): string {
	return globalThis.crypto?.randomUUID?.() ?? Math.random().toString(36).slice(2);
}
