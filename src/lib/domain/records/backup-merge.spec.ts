import { describe, expect, it } from 'vitest';
import { DAY_MS, HOUR, history, quizAnswer, sampleBackup, T0 } from './backup.fixture';
import { scheduler } from '../schedule/scheduler.fixture';
import { countDays, dataFromBackup, mergeProgress, type ProgressData } from './backup-merge';
import { DEFAULT_SETTINGS } from './settings';

function data(h: ReturnType<typeof history>, extra: Partial<ProgressData> = {}): ProgressData {
	return { ...h, quiz: [], settings: { ...DEFAULT_SETTINGS }, ...extra };
}

describe('mergeProgress', () => {
	it('unites overlapping histories without duplicates and replays each changed card', () => {
		// Two devices share the first two ratings of q1, then each rated on its own.
		const phone = history([
			['q1', 'good', T0],
			['q1', 'good', T0 + 10 * 60_000],
			['q1', 'good', T0 + 3 * DAY_MS],
			['q2', 'easy', T0 + HOUR]
		]);
		const laptop = history([
			['q1', 'good', T0],
			['q1', 'good', T0 + 10 * 60_000],
			['q1', 'again', T0 + 5 * DAY_MS],
			['q3', 'hard', T0 + 2 * HOUR]
		]);
		const merged = mergeProgress(
			data(phone, { quiz: [quizAnswer('q1', T0)] }),
			data(laptop, { quiz: [quizAnswer('q1', T0), quizAnswer('q3', T0 + HOUR)] }),
			scheduler
		);
		expect(merged.logs.map((l) => [l.card_id, l.rating, l.review])).toEqual([
			['q1', 'good', T0],
			['q1', 'good', T0 + 10 * 60_000],
			['q2', 'easy', T0 + HOUR],
			['q3', 'hard', T0 + 2 * HOUR],
			['q1', 'good', T0 + 3 * DAY_MS],
			['q1', 'again', T0 + 5 * DAY_MS]
		]);
		expect(merged.quiz.map((q) => q.questionId)).toEqual(['q1', 'q3']);
		// q1 is the card all four ratings give, in order; q2 and q3 come from one side each.
		const q1 = history([
			['q1', 'good', T0],
			['q1', 'good', T0 + 10 * 60_000],
			['q1', 'good', T0 + 3 * DAY_MS],
			['q1', 'again', T0 + 5 * DAY_MS]
		]).cards[0];
		expect(merged.cards).toEqual([q1, phone.cards[1], laptop.cards[1]]);
		expect(merged.cards[0]).toMatchObject({ reps: 4, lapses: 1, state: 'relearning' });
	});

	it('keeps an answer marked "I was right" on either side, in either order', () => {
		const plain = quizAnswer('q1', T0, false);
		const marked = { ...plain, correct: true, overridden: true as const };
		const other = quizAnswer('q2', T0 + HOUR);
		const empty = history([]);
		for (const [mine, theirs] of [
			[[plain, other], [marked]],
			[[marked], [plain, other]]
		]) {
			const merged = mergeProgress(
				data(empty, { quiz: mine }),
				data(empty, { quiz: theirs }),
				scheduler
			);
			expect(merged.quiz).toEqual([marked, other]);
		}
	});

	it('keeps the device settings, and cards with no log as they are', () => {
		const lone = { ...scheduler.replay('q9', []), id: 'q9', due: T0 + 7 * DAY_MS };
		const mine = data(history([['q1', 'good', T0]]), {
			settings: { ...DEFAULT_SETTINGS, theme: 'dark' }
		});
		const theirs = data({ cards: [lone], logs: [] }, { settings: { ...DEFAULT_SETTINGS } });
		const merged = mergeProgress(mine, theirs, scheduler);
		expect(merged.settings.theme).toBe('dark');
		expect(merged.cards).toContainEqual(lone);
	});

	it('changes nothing when merging a backup into the same data, or into nothing', () => {
		const backup = sampleBackup();
		const same = dataFromBackup(backup, scheduler);
		const twice = mergeProgress(same, structuredClone(same), scheduler);
		expect(twice.logs).toEqual(backup.log);
		expect(twice.quiz).toEqual(backup.quiz);
		expect(new Set(twice.cards)).toEqual(new Set(backup.cards));
		const empty = data({ cards: [], logs: [] });
		expect(new Set(mergeProgress(empty, same, scheduler).cards)).toEqual(new Set(backup.cards));
	});
});

describe('dataFromBackup', () => {
	it('rebuilds a logged card the file lacks from its log', () => {
		const backup = sampleBackup();
		const removed = backup.cards.find((c) => c.id === 'eas.members.recall');
		backup.cards = backup.cards.filter((c) => c !== removed);
		expect(dataFromBackup(backup, scheduler).cards).toContainEqual(removed);
	});
});

describe('countDays', () => {
	it('counts ratings per study day by the state before each rating', () => {
		const h = history([
			['q1', 'good', T0],
			['q1', 'good', T0 + 10 * 60_000],
			['q2', 'easy', T0 + HOUR],
			['q2', 'good', T0 + 5 * DAY_MS]
		]);
		expect(countDays(h.logs, 0)).toEqual([
			{ day: dayOf(T0), new: 2, review: 0, learning: 1 },
			{ day: dayOf(T0 + 5 * DAY_MS), new: 0, review: 1, learning: 0 }
		]);
	});

	it('puts a rating before the day start hour on the previous study day', () => {
		const h = history([['q1', 'good', new Date(2025, 0, 7, 2, 30).getTime()]]);
		expect(countDays(h.logs, 4).map((d) => d.day)).toEqual(['2025-01-06']);
		expect(countDays(h.logs, 0).map((d) => d.day)).toEqual(['2025-01-07']);
	});
});

function dayOf(at: number) {
	const d = new Date(at);
	return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}
