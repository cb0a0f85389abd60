import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Bank } from '../bank/bank';
import { givesAway } from '../bank/give-away';
import { createRecall } from './recall';
import { newCard, type StoredCard } from './scheduler';
import { weakestCards } from './study-more';
import { DAY_MS } from '../study-day/study-day';

const bank = JSON.parse(readFileSync('questions/bank.json', 'utf8')) as Bank;
const byId = new Map(bank.questions.map((q) => [q.id, q]));
const NOW = new Date(2026, 2, 2, 12).getTime();
const recall = createRecall();

/** A card seen `ago` days ago, remembered for `stability` days. */
function seen(id: string, ago: number, stability: number): StoredCard {
	return {
		...newCard(id, NOW - 90 * DAY_MS),
		state: 'review',
		reps: 2,
		stability,
		difficulty: 5,
		last_review: NOW - ago * DAY_MS,
		due: NOW + DAY_MS
	};
}

describe('the practice of a framework', () => {
	for (const framework of bank.frameworks.map((f) => f.id)) {
		const questions = bank.questions.filter((q) => q.framework === framework);
		const cardIds = questions.filter((q) => q.kind === 'recall' || q.kind === 'cloze');
		// Every card studied, some long ago: the practice has a real choice to make.
		const cards = new Map(
			cardIds.map((q, i) => [q.id, seen(q.id, 5 + (i % 7) * 10, 2 + (i % 5) * 10)])
		);
		const practice = weakestCards(questions, cards, recall, NOW);

		it(`of ${framework}: no card gives away one shown after it, nor shares its fact`, () => {
			expect(practice.length).toBeGreaterThan(0);
			const found = practice.flatMap((a, i) =>
				practice.slice(i + 1).flatMap((b) => {
					const what = givesAway(byId.get(a)!, byId.get(b)!, bank.frameworks);
					return what ? [`${a} shows "${what}", the answer of ${b}`] : [];
				})
			);
			expect(found).toEqual([]);
			const facts = practice.map((id) => byId.get(id)!.fact);
			expect(new Set(facts).size).toBe(facts.length);
		});
	}

	it('takes the least remembered first, a never studied card before any', () => {
		const questions = bank.questions.filter((q) => q.framework === 'arf');
		const review = questions.filter((q) => q.kind === 'recall' || q.kind === 'cloze');
		// All fresh in memory but two: one never studied, one nearly forgotten.
		const cards = new Map(review.map((q) => [q.id, seen(q.id, 1, 100)]));
		const [fresh, forgotten] = [review.at(-1)!, review.at(-3)!];
		cards.delete(fresh.id);
		cards.set(forgotten.id, seen(forgotten.id, 60, 2));
		expect(weakestCards(questions, cards, recall, NOW, 1)).toEqual([fresh.id]);
		expect(weakestCards(questions, cards, recall, NOW, 2).sort()).toEqual(
			[fresh.id, forgotten.id].sort()
		);
	});
});
