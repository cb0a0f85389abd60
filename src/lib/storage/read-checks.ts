/**
 * The checks every read passes. They are the domain's hand-written guards, no valibot: start-up
 * checks 10,000 cards with them in a few milliseconds. A record that fails them goes to the full
 * check of ./repair.ts, loaded only then, which migrates it or gives the reason for its quarantine.
 */
import {
	isDayCount,
	isQuizAnswer,
	isReviewRecord,
	isStoredCard
} from '../domain/records/record-guards';
import type { StoredCard } from '../domain/schedule/scheduler';
import { validateSettings } from '../domain/records/settings';
import type { DayCount } from '../domain/study-day/study-day';
import { loadPart, type QuarantinedRecord } from './contract';
import { readAll, type Columns, type Entry, type Transact } from './records';

/**
 * The value to use for the current-schema record stored under `key` when it passes the quick
 * check, else undefined: then the full check (./repair.ts) decides, and says why.
 */
function quickCheck(key: IDBValidKey, value: unknown): unknown {
	if (key === 'settings') {
		const result = validateSettings(value);
		return result.ok ? result.settings : undefined;
	}
	// 'openQuiz' and 'quizChoice' have their quick check in the quiz's part (./quiz.ts), which
	// alone reads them: here, the full check decides.
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

export function daysReadable(values: unknown[]): values is DayCount[] {
	return values.every(isDayCount);
}

/**
 * Valid cards with no id twice. A card stored under another question's key is then taken as the
 * card its id names: the next rating of it finds no card under its own key (a conflict, so progress
 * is read again) and writes it there, and from then on its id is there twice, so the stray copy
 * is set aside at the next start-up.
 */
export function cardsReadable(values: unknown[]): values is StoredCard[] {
	const ids = new Set<string>();
	for (const value of values) {
		if (!isStoredCard(value) || ids.has(value.id)) return false;
		ids.add(value.id);
	}
	return true;
}

/**
 * The checked records of `query`, whose values are already read. Cards and day counters are read
 * as values only: their keys would cost another walk over thousands of records (a third of the
 * main thread's share of reading 10,000 cards). The keys are read, and every record checked
 * against its key, only when `readable` finds a value that is invalid or not where its own key
 * would put it.
 */
export async function checkValues<T>(
	transact: Transact,
	values: unknown[],
	query: IDBKeyRange,
	readable: (values: unknown[]) => values is T[],
	moved: QuarantinedRecord[]
): Promise<T[]> {
	if (readable(values)) return values;
	const entries = await transact('readonly', 'read your progress', (store) =>
		readAll(store, query)
	);
	return validRecords<T>(transact, entries, moved);
}
