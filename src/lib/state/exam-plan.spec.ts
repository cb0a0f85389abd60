import 'fake-indexeddb/auto';
import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Bank } from '$lib/domain/bank/bank';
import { reviewQuestionIds } from '$lib/domain/schedule/queue';
import { DEFAULT_SETTINGS } from '$lib/domain/records/settings';
import { Progress } from './progress.svelte';
import { Writer } from './writer';
import { ReviewQueue } from './review-queue.svelte';

const bank = JSON.parse(
	readFileSync(new URL('../../../questions/bank.json', import.meta.url), 'utf8')
) as Bank;
const frameworkOf = new Map(bank.questions.map((q) => [q.id, q.framework]));
const order = reviewQuestionIds(bank.questions);

// This file's own progress: no state shared with other tests.
const progress = new Progress({ dbName: 'kizuna-exam-plan-spec', channelName: null });
const writer = new Writer(progress);

beforeAll(async () => {
	await progress.load();
});

/** The study day `days` after today's (start hour 4), 'YYYY-MM-DD'. */
function dayAfter(days: number): string {
	const date = new Date(Date.now() - 4 * 3_600_000);
	date.setDate(date.getDate() + days);
	const pad = (n: number) => String(n).padStart(2, '0');
	return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

describe('the day’s queue', () => {
	it('without an exam date is plain FSRS: the daily new limit, in the bank’s order', async () => {
		await writer.saveSettings({ ...DEFAULT_SETTINGS });
		const queue = new ReviewQueue(progress, bank);
		await queue.prepare();
		expect(queue.ready).toBe(true);
		expect(queue.queue.counts).toEqual({ learning: 0, review: 0, new: 20 });
		expect(queue.queue.ids).toEqual(order.slice(0, 20));
	});

	it('with an exam date follows the plan: the budget’s new cards, one framework after another', async () => {
		await writer.saveSettings({ ...DEFAULT_SETTINGS, examDate: dayAfter(3), minutesPerDay: 5 });
		const queue = new ReviewQueue(progress, bank);
		expect(queue.ready).toBe(false);
		await queue.prepare();
		expect(queue.ready).toBe(true);
		// Five minutes of 20-second new cards, past the limit of 20 a day being irrelevant.
		expect(queue.queue.counts.new).toBe(15);
		const frameworks = queue.queue.ids.slice(0, 8).map((id) => frameworkOf.get(id));
		expect(new Set(frameworks).size).toBe(8);
	});

	it('gives 10 more new cards when asked, on top of the limit or the plan', async () => {
		for (const settings of [
			{ ...DEFAULT_SETTINGS },
			{ ...DEFAULT_SETTINGS, examDate: dayAfter(3), minutesPerDay: 5 }
		]) {
			await writer.saveSettings(settings);
			const queue = new ReviewQueue(progress, bank);
			await queue.prepare();
			const before = queue.queue.counts.new;
			queue.extraNew = 10;
			expect(queue.queue.counts.new).toBe(before + 10);
		}
	});

	it('of a chosen framework offers all its new cards', async () => {
		await writer.saveSettings({ ...DEFAULT_SETTINGS, newPerDay: 2 });
		const queue = new ReviewQueue(progress, bank);
		queue.framework = 'eas';
		await queue.prepare();
		// Every one, past the limit of 2, in the order EAS cards alone are introduced in.
		const eas = reviewQuestionIds(bank.questions.filter((q) => q.framework === 'eas'));
		expect(eas.length).toBeGreaterThan(2);
		expect(queue.queue.ids).toEqual(eas);
	});
});
