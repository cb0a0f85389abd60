import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS } from '$lib/domain/settings';
import { openIdbStorage } from '$lib/storage';
import { Progress } from './progress.svelte';
import { Ratings } from './ratings.svelte';

const T0 = Date.UTC(2025, 0, 6, 9, 0);
let n = 0;

async function fresh(quizCountsTowardSchedule: boolean) {
	const db = { dbName: `kizuna-ratings-${++n}`, channelName: null };
	const progress = new Progress(db);
	await progress.load();
	await progress.saveSettings({ ...DEFAULT_SETTINGS, quizCountsTowardSchedule });
	return { db, progress, ratings: new Ratings(progress) };
}

const answer = (correct: boolean) => ({
	questionId: 'eas.members.cloze',
	framework: 'eas',
	given: 'ASEAN',
	correct,
	durationMs: 3000,
	answeredAt: Date.now()
});

describe('the one rating path', () => {
	it('stores the card, its log record and the day counter, and shows them in progress', async () => {
		const { db, progress, ratings } = await fresh(false);
		const rated = await ratings.rate('q1', 'good', { now: T0, durationMs: 1000 });
		expect(progress.cards.get('q1')).toEqual(rated.card);
		expect(progress.days.get(rated.day)?.new).toBe(1);
		const stored = await openIdbStorage(db);
		expect((await stored.load()).cards).toEqual([rated.card]);
		expect(await stored.readLogs()).toHaveLength(1);
		stored.close();
		expect(await ratings.undo(rated.undo)).toEqual({ ok: true, card: null });
		expect(progress.cards.has('q1')).toBe(false);
		expect(progress.days.get(rated.day)?.new).toBe(0);
	});

	it('a quiz answer leaves the flashcard alone while the setting is off', async () => {
		const { progress, ratings } = await fresh(false);
		await ratings.recordQuizAnswer(answer(true), 'eas.members.recall');
		expect(progress.cards.has('eas.members.recall')).toBe(false);
		expect(await progress.readQuizAnswers()).toHaveLength(1);
	});

	it('with the setting on, a quiz answer rates a new card Good or Again, a card not due never', async () => {
		const { progress, ratings } = await fresh(true);
		await ratings.recordQuizAnswer(answer(false), 'eas.members.recall');
		const card = progress.cards.get('eas.members.recall');
		expect(card).toMatchObject({ state: 'learning', lapses: 0, reps: 1 });
		expect((await progress.readLogs()).map((log) => log.rating)).toEqual(['again']);
		// Rated Easy now, the card waits for days: a quiz answer must not move it.
		const easy = await ratings.rate('eas.members.recall', 'easy', { durationMs: 1000 });
		await ratings.recordQuizAnswer(answer(true), 'eas.members.recall');
		expect(progress.cards.get('eas.members.recall')).toEqual(easy.card);
		expect(await progress.readQuizAnswers()).toHaveLength(2);
	});
});
