// The review of the real bank as a learner meets it: on no study day does a card show the
// answer of a card asked for the first time after it (issue #25), with the daily limits and with
// an exam plan's order, and burying never keeps a card from being introduced.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Bank } from '../bank/bank';
import { givesAway } from '../bank/give-away';
import { planOrder } from '../exam/exam-plan';
import { DEFAULT_SETTINGS } from '../records/settings';
import { QueueState, reviewBurialGroups, reviewQuestionIds, reviewSiblings } from './queue';
import { createRecall } from './recall';
import { newCard, type StoredCard } from './scheduler';
import { DAY_MS } from '../study-day/study-day';

const bank = JSON.parse(readFileSync('questions/bank.json', 'utf8')) as Bank;
const byId = new Map(bank.questions.map((q) => [q.id, q]));
const FIRST_DAY = new Date(2026, 0, 5, 12).getTime(); // local noon

/**
 * Each study day's cards asked for the first time, in the order shown, until every card has
 * been: each card is rated as soon as it is shown and comes back weeks later, so a day holds
 * new cards only.
 */
function introductions(questionOrder: string[], newPerDay: number, plan?: number): string[][] {
	const cards = new Map<string, StoredCard>();
	const days: string[][] = [];
	for (let day = 0; cards.size < questionOrder.length && day < 200; day += 1) {
		let now = FIRST_DAY + day * DAY_MS;
		const state = new QueueState({
			cards,
			questionOrder,
			siblings: reviewSiblings(bank.questions),
			burialGroups: reviewBurialGroups(bank.questions),
			now,
			settings: { ...DEFAULT_SETTINGS, newPerDay },
			doneToday: { newCount: 0, reviewCount: 0 },
			recall: createRecall(),
			...(plan ? { plan: { reviews: new Set<string>(), newCards: plan } } : {})
		});
		const shown: string[] = [];
		for (let id = state.queue.ids[0]; id !== undefined; id = state.queue.ids[0]) {
			now += 60_000;
			shown.push(id);
			const rated: StoredCard = {
				...newCard(id, now),
				state: 'review',
				reps: 1,
				stability: 30,
				difficulty: 5,
				last_review: now,
				due: now + 60 * DAY_MS
			};
			cards.set(id, rated);
			state.update(rated, now, { newCount: shown.length, reviewCount: 0 });
		}
		days.push(shown);
	}
	return days;
}

/** Pairs of one day where a card shown first shows the answer of one shown after it. */
function giveAways(days: string[][]): string[] {
	return days.flatMap((shown) =>
		shown.flatMap((a, i) =>
			shown.slice(i + 1).flatMap((b) => {
				const what = givesAway(byId.get(a)!, byId.get(b)!, bank.frameworks);
				return what ? [`${a} shows "${what}", the answer of ${b}`] : [];
			})
		)
	);
}

describe('a review of the real bank', () => {
	const order = reviewQuestionIds(bank.questions);

	it.each([
		['the daily limit', order, 20, undefined],
		['no limit', order, 10_000, undefined],
		["an exam plan's order", planOrder(bank.questions), 0, 30]
	] as const)(
		'never shows a card the answer of one introduced later that day (%s)',
		(_, ids, limit, plan) => {
			const days = introductions([...ids], limit, plan);
			expect(giveAways(days)).toEqual([]);
			// Every card is introduced, each once.
			expect(days.flat().sort()).toEqual([...order].sort());
		}
	);

	it('holds a card back only for a sibling or a card of its burial group shown that day', () => {
		const [first] = introductions([...order], 10_000);
		const shown = new Set(first);
		const heldBack = order.filter((id) => !shown.has(id));
		expect(heldBack.length).toBeGreaterThan(0);
		for (const id of heldBack) {
			const q = byId.get(id)!;
			const why = [...shown].filter(
				(other) =>
					byId.get(other)!.fact === q.fact ||
					(q.burialGroup !== undefined && byId.get(other)!.burialGroup === q.burialGroup)
			);
			expect(why, `${id} waits for a reason`).not.toEqual([]);
		}
	});
});
