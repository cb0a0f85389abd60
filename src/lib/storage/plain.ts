/**
 * Plain copies of what goes into storage: validated, and free of Svelte `$state` proxies (which
 * IndexedDB cannot clone). A record that fails here is a bug in the caller, so it throws.
 */
import type { ReviewRecord, StoredCard } from '../domain/scheduler';
import { validateSettings, type Settings } from '../domain/settings';
import { StorageWriteError } from './errors';
import {
	CardSchema,
	parse,
	QuizAnswerSchema,
	ReviewRecordSchema,
	type QuizAnswerRecord
} from './records';
import * as v from 'valibot';
import type { BackupMark } from '../domain/backup-export';
import { countDays } from '../domain/backup-merge';
import type { ImportData } from './types';

function plain<T>(schema: v.GenericSchema<unknown, T>, value: unknown, what: string): T {
	const result = parse(schema, value);
	if (!result.ok)
		throw new StorageWriteError(`save the ${what}`, `invalid ${what}: ${result.reason}`);
	return result.value;
}

export const plainCard = (card: StoredCard): StoredCard => plain(CardSchema, card, 'card');
export const plainLog = (log: ReviewRecord): ReviewRecord =>
	plain(ReviewRecordSchema, log, 'rating');
export const plainQuiz = (answer: QuizAnswerRecord): QuizAnswerRecord =>
	plain(QuizAnswerSchema, answer, 'quiz answer');

const BackupMarkSchema = v.strictObject({
	at: v.pipe(v.number(), v.integer(), v.minValue(0)),
	reviews: v.pipe(v.number(), v.integer(), v.minValue(0))
});

/** A stored backup mark, or null when it is absent or unreadable (the reminder then shows). */
export function readMark(value: unknown): BackupMark | null {
	const result = parse(BackupMarkSchema, value);
	return result.ok ? result.value : null;
}

export function plainMark(mark: BackupMark): BackupMark {
	return plain(BackupMarkSchema, mark, 'backup time');
}

/**
 * Plain, validated copies of everything an import writes, with the day counters its log gives.
 * Throws `StorageWriteError` before anything is written.
 */
export function plainImport(data: ImportData) {
	const settings = plainSettings(data.settings);
	const logs = data.logs.map(plainLog);
	return {
		cards: data.cards.map(plainCard),
		logs,
		quiz: data.quiz.map(plainQuiz),
		settings,
		days: countDays(logs, settings.dayStartHour),
		backupMark: data.backupMark === undefined ? undefined : plainMark(data.backupMark)
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

/** A study day key ('YYYY-MM-DD'), checked before a counter is written under it. */
export function plainDay(day: string): string {
	if (!/^\d{4}-\d{2}-\d{2}$/.test(day)) {
		throw new StorageWriteError('save the rating', `invalid study day ${JSON.stringify(day)}`);
	}
	return day;
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
