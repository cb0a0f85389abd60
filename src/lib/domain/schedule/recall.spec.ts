import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { fsrs, generatorParameters, State } from 'ts-fsrs';
import { newCard, RATINGS, type StoredCard } from './scheduler';
import { scheduler } from './scheduler.fixture';
import { createRecall, DEFAULT_DECAY } from './recall';

const MIN = 60_000;
const DAY = 24 * 60 * MIN;
const T0 = Date.UTC(2025, 0, 6, 9, 0);
const recall = createRecall();

it("the default decay is ts-fsrs's", () => {
	expect(DEFAULT_DECAY).toBe(generatorParameters().w[20]);
});

describe('recall probability', () => {
	// ts-fsrs is the oracle: the queue's fast path must give exactly what get_retrievability gives.
	const engine = fsrs(generatorParameters({ enable_fuzz: false }));
	const reference = (card: StoredCard, now: number) =>
		engine.get_retrievability(
			{
				...card,
				due: new Date(card.due),
				state: State[(card.state[0]!.toUpperCase() + card.state.slice(1)) as 'Review'],
				last_review: card.last_review === null ? undefined : new Date(card.last_review)
			},
			new Date(now),
			false
		);
	const ratings = fc.array(fc.constantFrom(...RATINGS), { minLength: 1, maxLength: 8 });
	const gaps = fc.array(fc.integer({ min: 0, max: 400 * DAY }), { minLength: 1, maxLength: 6 });

	it("equals ts-fsrs's get_retrievability, asked again at other times of the same card", () => {
		fc.assert(
			fc.property(ratings, gaps, (history, laterBy) => {
				let card = newCard('q1', T0);
				let at = T0;
				for (const rating of history) {
					card = scheduler.rate(card, rating, at, 0).card;
					at = Math.max(at + MIN, card.due);
				}
				// The same card object, asked at times in any order, so a cached value never leaks.
				for (const gap of laterBy) {
					const now = (card.last_review ?? T0) + gap - DAY;
					expect(recall.recallProbability(card, now)).toBe(reference(card, now));
				}
			})
		);
	});

	it('follows a card whose stability was changed in place', () => {
		const card = scheduler.rate(newCard('q1', T0), 'easy', T0, 0).card;
		const now = card.due;
		const before = recall.recallProbability(card, now);
		card.stability *= 2;
		expect(recall.recallProbability(card, now)).toBeGreaterThan(before);
		expect(recall.recallProbability(card, now)).toBe(reference(card, now));
	});
});
