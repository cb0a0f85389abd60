import 'fake-indexeddb/auto';
import { describe, expect, it, vi } from 'vitest';
import { newCard } from '../domain/schedule/scheduler';
import { scheduler } from '../domain/schedule/scheduler.fixture';
import { DEFAULT_SETTINGS } from '../domain/records/settings';
import { openIdbStorage } from './idb';
import { createMemoryStorage } from './memory';
import { persistenceStatus, requestPersistence } from './index';
import type { ReviewStorage } from './contract';

// Local 9 a.m.: the study days below are local dates, in any time zone.
const T0 = new Date(2025, 0, 6, 9, 0).getTime();
let n = 0;

// The fallback must behave like the real store, or a session without IndexedDB misleads.
describe.each([
	['IndexedDB', () => openIdbStorage({ dbName: `kizuna-contract-${++n}`, channelName: null })],
	['memory', async () => createMemoryStorage()]
] as [string, () => Promise<ReviewStorage>][])('%s storage', (_, make) => {
	it('rates, counts the day, flags a stale rating, and undoes', async () => {
		const storage = await make();
		const fresh = newCard('q1', T0);
		// Saves a rating of the new card, as one with no rating before it.
		const save = ({ card, log }: ReturnType<typeof scheduler.rate>) =>
			storage.saveRating({ previous: null, card, log, day: '2025-01-06' });
		const one = scheduler.rate(fresh, 'good', T0, 1000);
		const saved = await save(one);
		expect(saved.conflict).toBe(false);
		// A second rating based on the same (now stale) new card: both logs kept, flagged.
		const two = scheduler.rate(fresh, 'again', T0 + 5, 1000);
		const stale = await save(two);
		expect(stale.conflict).toBe(true);
		expect(await storage.readLogs()).toHaveLength(2);
		expect(await storage.readDays()).toEqual([
			{ day: '2025-01-06', new: 2, review: 0, learning: 0 }
		]);
		expect((await storage.load(T0)).cards).toEqual([two.card]);

		expect(await storage.undoRating(saved.undo)).toEqual({ ok: false, reason: 'changed' });
		// Undoing the stale rating brings back the card the other rating left, not the stale one.
		expect(await storage.undoRating(stale.undo)).toEqual({ ok: true, card: one.card });
		expect((await storage.load(T0)).cards).toEqual([one.card]);
		expect((await storage.readDays())[0]?.new).toBe(1);
		storage.close();
	});

	it('keeps settings and quiz answers, and reset keeps the settings', async () => {
		const storage = await make();
		await storage.saveSettings({ ...DEFAULT_SETTINGS, theme: 'dark' });
		await storage.appendQuizAnswer({
			questionId: 'q1',
			framework: 'eas',
			given: ['a', 'b'],
			correct: false,
			pickedDistractor: ['b'],
			durationMs: 1500,
			answeredAt: T0
		});
		expect(await storage.readQuizAnswers()).toMatchObject([
			{ given: ['a', 'b'], pickedDistractor: ['b'] }
		]);
		await storage.resetProgress();
		expect(await storage.readQuizAnswers()).toEqual([]);
		expect((await storage.load()).settings.theme).toBe('dark');
		storage.close();
	});

	it('marks a quiz answer "I was right" where it is stored, and adds it when it is gone', async () => {
		const storage = await make();
		const answer = {
			questionId: 'q1',
			framework: 'eas',
			given: 'Osaka',
			correct: false,
			durationMs: 1500,
			answeredAt: T0
		};
		// Another question answered in the same millisecond (another tab) is not the one marked.
		await storage.appendQuizAnswer({ ...answer, questionId: 'q0' });
		await storage.appendQuizAnswer(answer);
		const marked = { ...answer, correct: true, overridden: true as const };
		await storage.amendQuizAnswer(marked);
		const byId = async () =>
			(await storage.readQuizAnswers()).sort((a, b) => a.questionId.localeCompare(b.questionId));
		expect(await byId()).toEqual([{ ...answer, questionId: 'q0' }, marked]);
		await storage.resetProgress();
		await storage.amendQuizAnswer(marked);
		expect(await byId()).toEqual([marked]);
		await expect(
			storage.amendQuizAnswer({ ...marked, overridden: 'yes' } as never)
		).rejects.toThrow(/invalid quiz answer: overridden: expected true, got "yes"/);
		storage.close();
	});

	it('keeps the quiz under way until it ends or progress is reset, and the last quiz choice', async () => {
		const storage = await make();
		expect(await storage.readOpenQuiz()).toBeNull();
		expect(await storage.readQuizChoice()).toBeNull();
		const open = {
			items: [{ questionId: 'q1', displayChoices: ['b', 'a'] }, { questionId: 'q2' }],
			next: 1,
			answers: [
				{
					questionId: 'q1',
					response: { kind: 'choice' as const, value: 'b' },
					durationMs: 900,
					answeredAt: T0
				}
			],
			startedAt: T0 - 1000
		};
		await storage.saveOpenQuiz(open);
		expect(await storage.readOpenQuiz()).toEqual(open);
		await storage.saveOpenQuiz(null);
		expect(await storage.readOpenQuiz()).toBeNull();
		await expect(storage.saveOpenQuiz({ ...open, next: 3 })).rejects.toThrow(
			/could not save the quiz under way \(invalid quiz under way: next: expected at most 2/
		);

		const choice = { frameworks: ['eas', 'arf'], count: 20, kinds: ['cloze' as const] };
		await storage.saveQuizChoice(choice);
		await storage.saveOpenQuiz(open);
		await storage.resetProgress();
		expect(await storage.readOpenQuiz()).toBeNull();
		expect(await storage.readQuizChoice()).toEqual(choice);
		await expect(storage.saveQuizChoice({ ...choice, kinds: [] })).rejects.toThrow(
			/invalid quiz choice: kinds: expected a non-empty list/
		);
		storage.close();
	});

	it('loads only the recent day counters with the cards; readDays gives every day', async () => {
		const storage = await make();
		const days = ['2024-12-01', '2025-01-03', '2025-01-04', '2025-01-06'];
		for (const [i, day] of days.entries()) {
			const { card, log } = scheduler.rate(newCard(`q${i}`, T0), 'good', T0, 0);
			await storage.saveRating({ previous: null, card, log, day });
		}
		// Two days back from the morning of 2025-01-06 is the 4th: any start hour's "today".
		const data = await storage.load(T0);
		expect(data.recentFrom).toBe('2025-01-04');
		expect(data.recentDays.map((d) => d.day)).toEqual(['2025-01-04', '2025-01-06']);
		expect((await storage.readDays()).map((d) => [d.day, d.new])).toEqual(
			days.map((day) => [day, 1])
		);
		storage.close();
	});

	it('rejects an invalid card or study day instead of storing it', async () => {
		const storage = await make();
		const { card, log } = scheduler.rate(newCard('q1', T0), 'good', T0, 0);
		await expect(
			storage.saveRating({
				previous: null,
				card: { ...card, due: Number.NaN },
				log,
				day: '2025-01-06'
			})
		).rejects.toThrow(/could not save the card \(invalid card: due/);
		await expect(storage.saveRating({ previous: null, card, log, day: 'today' })).rejects.toThrow(
			/invalid study day "today"/
		);
		expect((await storage.load()).cards).toEqual([]);
		storage.close();
	});
});

describe('persistent storage', () => {
	it('asks only when not yet granted, and reports the outcome', async () => {
		const persist = vi.fn(async () => true);
		vi.stubGlobal('navigator', { storage: { persisted: async () => false, persist } });
		try {
			expect(await persistenceStatus()).toBe('not-granted');
			expect(await requestPersistence()).toBe('granted');
			expect(persist).toHaveBeenCalledOnce();
			vi.stubGlobal('navigator', { storage: { persisted: async () => true, persist } });
			expect(await requestPersistence()).toBe('granted');
			expect(persist).toHaveBeenCalledOnce();
			vi.stubGlobal('navigator', {});
			expect(await requestPersistence()).toBe('unsupported');
		} finally {
			vi.unstubAllGlobals();
		}
	});
});
