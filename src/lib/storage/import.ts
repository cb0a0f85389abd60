/**
 * Import, merge and reset: the writes that replace or clear progress as a whole, each in one
 * transaction (keys as listed in ./idb.ts), so a failure midway leaves the old data whole. Loaded
 * on first use: the review and Today never need it. ./memory.ts prepares its imports here too.
 */
import { countDays, type ProgressData } from '../domain/records/backup-merge';
import type { ReviewRecord, StoredCard } from '../domain/schedule/scheduler';
import { DEFAULT_SETTINGS, type Settings } from '../domain/records/settings';
import {
	StorageWriteError,
	type ImportData,
	type QuarantinedRecord,
	type QuizAnswerRecord
} from './contract';
import { plainCard, plainLog, plainMark, plainQuiz, plainSettings } from './rating';
import { validRecords } from './read-checks';
import { randomSuffix, range, readAll, type Transact } from './records';

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

type PlainImport = ReturnType<typeof plainImport>;

/** The progress an import or reset replaces; settings, quarantine, meta and backup stay. */
const PROGRESS = ['card', 'log', 'day', 'quiz'];

export async function resetProgress(transact: Transact): Promise<void> {
	await transact('readwrite', 'reset your progress', (store) => {
		for (const tag of PROGRESS) store.delete(range(tag));
		store.delete('openQuiz');
		return () => undefined;
	});
}

/** Clears what an import replaces and writes `plain` in the caller's transaction. */
function writeAll(store: IDBObjectStore, plain: PlainImport) {
	for (const tag of PROGRESS) store.delete(range(tag));
	store.put(plain.settings, 'settings');
	for (const card of plain.cards) store.put(card, ['card', card.id]);
	for (const log of plain.logs) store.put(log, ['log', log.review, randomSuffix()]);
	for (const day of plain.days) store.put(day, ['day', day.day]);
	for (const answer of plain.quiz) {
		store.put(answer, ['quiz', answer.answeredAt, randomSuffix()]);
	}
	if (plain.backupMark) store.put(plain.backupMark, 'backup');
}

export async function replaceAll(transact: Transact, data: ImportData): Promise<void> {
	const plain = plainImport(data);
	await transact('readwrite', 'import the backup', (store) => {
		writeAll(store, plain);
		return () => undefined;
	});
}

/**
 * A fingerprint of every write a tab can make (a rating or undo moves the log's count or last key,
 * a quiz answer the quiz's, a reset both, settings their value), read inside a transaction.
 * Requests complete in order, so once `last` has succeeded `value()` can read them all.
 */
function stamp(store: IDBObjectStore): { last: IDBRequest; value: () => string } {
	const requests: [IDBRequest, (result: unknown) => unknown][] = [];
	for (const tag of ['card', 'log', 'quiz']) {
		requests.push([store.count(range(tag)), (n) => n]);
		requests.push([
			store.openKeyCursor(range(tag), 'prev'),
			(cursor) => (cursor as IDBCursor | null)?.key
		]);
	}
	const last = store.get('settings');
	requests.push([last, (settings) => settings]);
	return {
		last,
		value: () => JSON.stringify(requests.map(([request, part]) => part(request.result)))
	};
}

/** A merge that keeps meeting another tab's writes gives up after this many reads. */
const MERGE_ATTEMPTS = 5;

/**
 * Reads the progress, merges it (`merge`, synchronous) and writes the result, as if in one
 * transaction: the write goes ahead only if nothing was written since the read (the stamp), else
 * everything is read and merged again. A rating in another tab meanwhile is never lost. Records
 * found unreadable on the way are set aside and added to `moved`.
 */
export async function mergeAll(
	transact: Transact,
	merge: (current: ProgressData) => ImportData,
	moved: QuarantinedRecord[]
): Promise<void> {
	for (let attempt = 0; attempt < MERGE_ATTEMPTS; attempt++) {
		const read = await transact('readonly', 'read your progress', (store) => {
			const cards = readAll(store, range('card'));
			const logs = readAll(store, range('log'));
			const quiz = readAll(store, range('quiz'));
			const settings = store.get('settings');
			const before = stamp(store);
			return () => ({
				cards: cards(),
				logs: logs(),
				quiz: quiz(),
				settings: settings.result as unknown,
				stamp: before.value()
			});
		});
		const [cards, logs, quiz, settings] = await Promise.all([
			validRecords<StoredCard>(transact, read.cards, moved),
			validRecords<ReviewRecord>(transact, read.logs, moved),
			validRecords<QuizAnswerRecord>(transact, read.quiz, moved),
			read.settings === undefined
				? []
				: validRecords<Settings>(transact, { keys: ['settings'], values: [read.settings] }, moved)
		]);
		const current = {
			cards,
			logs,
			quiz,
			settings: settings[0] ?? (structuredClone(DEFAULT_SETTINGS) as Settings)
		};
		const plain = plainImport(merge(current));
		const written = await transact('readwrite', 'import the backup', (store, guard) => {
			let done = false;
			const now = stamp(store);
			now.last.onsuccess = guard(() => {
				if (now.value() !== read.stamp) return;
				writeAll(store, plain);
				done = true;
			});
			return () => done;
		});
		if (written) return;
	}
	throw new StorageWriteError(
		'merge the backup',
		'another tab kept changing your progress; close the other Kizuna tabs and try again'
	);
}
