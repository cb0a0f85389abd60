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

/** Quiz answers and imports are checked with valibot, loaded only when one is written. */
const plainChecked = () => import('./plain-checked');

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

export async function replaceAll(ctx: IdbContext, data: ImportData): Promise<void> {
	const { plainImport } = await plainChecked();
	const plain = plainImport(data);
	await ctx.transact('readwrite', 'import the backup', (store) => {
		for (const tag of ['card', 'log', 'day', 'quiz']) store.delete(range(tag));
		store.put(plain.settings, 'settings');
		for (const card of plain.cards) store.put(card, ['card', card.id]);
		for (const log of plain.logs) store.put(log, ['log', log.review, randomSuffix()]);
		for (const day of plain.days) store.put(day, ['day', day.day]);
		for (const answer of plain.quiz) {
			store.put(answer, ['quiz', answer.answeredAt, randomSuffix()]);
		}
		if (plain.backupMark) store.put(plain.backupMark, 'backup');
		return () => undefined;
	});
	ctx.notifier.post({ type: 'import' });
}
