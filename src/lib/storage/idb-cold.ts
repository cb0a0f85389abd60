/**
 * The IndexedDB store's seldom-used reads and writes, loaded by idb.ts on first use so the
 * review's first card does not wait for them: the history (review log, quiz answers), the
 * set-aside records, reset and import. Keys as listed in idb.ts.
 */
import type { ReviewRecord } from '../domain/scheduler';
import type { QuarantinedRecord } from './guards';
import { range, readAll, type IdbContext } from './idb-core';
import { randomSuffix } from './plain';
import type { QuizAnswerRecord } from './records';
import type { ImportData } from './types';
import type { ProgressData } from '../domain/backup-merge';
import type { StoredCard } from '../domain/scheduler';
import { DEFAULT_SETTINGS, type Settings } from '../domain/settings';
import { StorageWriteError } from './errors';

/** Quiz answers and imports are checked with valibot, loaded only when one is written. */
const plainChecked = () => import('./plain-checked');
type PlainImport = ReturnType<Awaited<ReturnType<typeof plainChecked>>['plainImport']>;

async function readChecked<T>(ctx: IdbContext, tag: 'log' | 'quiz'): Promise<T[]> {
	const entries = await ctx.transact('readonly', 'read the history', (store) =>
		readAll(store, range(tag))
	);
	return ctx.valid<T>(entries, []);
}

export function readLogs(ctx: IdbContext): Promise<ReviewRecord[]> {
	return readChecked<ReviewRecord>(ctx, 'log');
}

export function readQuizAnswers(ctx: IdbContext): Promise<QuizAnswerRecord[]> {
	return readChecked<QuizAnswerRecord>(ctx, 'quiz');
}

export async function appendQuizAnswer(ctx: IdbContext, answer: QuizAnswerRecord): Promise<void> {
	const { plainQuiz } = await plainChecked();
	const value = plainQuiz(answer);
	await ctx.transact('readwrite', 'save the quiz answer', (store) => {
		store.put(value, ['quiz', value.answeredAt, randomSuffix()]);
		return () => undefined;
	});
	ctx.notifier.post({ type: 'quiz' });
}

export function readQuarantine(ctx: IdbContext): Promise<QuarantinedRecord[]> {
	return ctx.transact('readonly', 'read the set-aside records', (store) => {
		const request = store.getAll(range('quarantine'));
		return () => request.result as QuarantinedRecord[];
	});
}

export async function resetProgress(ctx: IdbContext): Promise<void> {
	await ctx.transact('readwrite', 'reset your progress', (store) => {
		for (const tag of ['card', 'log', 'day', 'quiz']) store.delete(range(tag));
		return () => undefined;
	});
	ctx.notifier.post({ type: 'reset' });
}

/** Clears what an import replaces and writes `plain` in the caller's transaction. */
function writeAll(store: IDBObjectStore, plain: PlainImport) {
	for (const tag of ['card', 'log', 'day', 'quiz']) store.delete(range(tag));
	store.put(plain.settings, 'settings');
	for (const card of plain.cards) store.put(card, ['card', card.id]);
	for (const log of plain.logs) store.put(log, ['log', log.review, randomSuffix()]);
	for (const day of plain.days) store.put(day, ['day', day.day]);
	for (const answer of plain.quiz) {
		store.put(answer, ['quiz', answer.answeredAt, randomSuffix()]);
	}
	if (plain.backupMark) store.put(plain.backupMark, 'backup');
}

export async function replaceAll(ctx: IdbContext, data: ImportData): Promise<void> {
	const { plainImport } = await plainChecked();
	const plain = plainImport(data);
	await ctx.transact('readwrite', 'import the backup', (store) => {
		writeAll(store, plain);
		return () => undefined;
	});
	ctx.notifier.post({ type: 'import' });
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
 * everything is read and merged again. A rating in another tab meanwhile is never lost.
 */
export async function mergeAll(
	ctx: IdbContext,
	merge: (current: ProgressData) => ImportData
): Promise<void> {
	const { plainImport } = await plainChecked();
	for (let attempt = 0; attempt < MERGE_ATTEMPTS; attempt++) {
		const read = await ctx.transact('readonly', 'read your progress', (store) => {
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
			ctx.valid<StoredCard>(read.cards, []),
			ctx.valid<ReviewRecord>(read.logs, []),
			ctx.valid<QuizAnswerRecord>(read.quiz, []),
			read.settings === undefined
				? []
				: ctx.valid<Settings>({ keys: ['settings'], values: [read.settings] }, [])
		]);
		const current = {
			cards,
			logs,
			quiz,
			settings: settings[0] ?? (structuredClone(DEFAULT_SETTINGS) as Settings)
		};
		const plain = plainImport(merge(current));
		const written = await ctx.transact('readwrite', 'import the backup', (store, guard) => {
			let done = false;
			const now = stamp(store);
			now.last.onsuccess = guard(() => {
				if (now.value() !== read.stamp) return;
				writeAll(store, plain);
				done = true;
			});
			return () => done;
		});
		if (written) {
			ctx.notifier.post({ type: 'import' });
			return;
		}
	}
	throw new StorageWriteError(
		'merge the backup',
		'another tab kept changing your progress; close the other Kizuna tabs and try again'
	);
}
