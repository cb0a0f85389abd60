import { describe, expect, it } from 'vitest';
import type { Question } from '../bank/bank';
import { isDue, QueueState, ratingKind, reviewQuestionIds, type QueueInput } from './queue';
import { createRecall } from './recall';
import { newCard, type StoredCard } from './scheduler';
import { DEFAULT_SETTINGS } from '../records/settings';

const MIN = 60_000;
const DAY = 24 * 60 * MIN;
const NOW = new Date(2025, 2, 10, 12, 0).getTime(); // local noon
const recall = createRecall();
const buildQueue = (input: QueueInput) => new QueueState(input).queue;

function card(id: string, patch: Partial<StoredCard>): StoredCard {
	return { ...newCard(id, NOW - 30 * DAY), reps: 3, stability: 5, difficulty: 5, ...patch };
}
/** A review card last seen `ago` days ago with the given stability: lower recall when older. */
function review(id: string, ago: number, stability: number, dueIn = -DAY): StoredCard {
	return card(id, { state: 'review', last_review: NOW - ago * DAY, stability, due: NOW + dueIn });
}

function queue(patch: Partial<QueueInput>) {
	return buildQueue({
		cards: [],
		questionOrder: [],
		now: NOW,
		settings: DEFAULT_SETTINGS,
		doneToday: { newCount: 0, reviewCount: 0 },
		recall,
		...patch
	});
}

describe('the full build of the queue', () => {
	it('puts learning cards due now first, then reviews by lowest recall probability', () => {
		const cards = [
			review('r-fresh', 2, 10),
			review('r-old', 40, 3),
			card('l', { state: 'relearning', due: NOW - MIN }),
			review('r-mid', 10, 5)
		];
		const q = queue({ cards, questionOrder: ['r-fresh', 'r-old', 'l', 'r-mid'] });
		expect(q.ids).toEqual(['l', 'r-old', 'r-mid', 'r-fresh']);
		expect(q.counts).toEqual({ learning: 1, review: 3, new: 0 });
	});

	it('takes reviews due before the next 4 a.m., not after', () => {
		const cards = [review('tonight', 3, 3, 11 * 60 * MIN), review('tomorrow', 3, 3, 17 * 60 * MIN)];
		expect(queue({ cards, questionOrder: ['tonight', 'tomorrow'] }).ids).toEqual(['tonight']);
	});

	it('takes new cards in the bank order, up to what is left of the daily new limit', () => {
		const order = Array.from({ length: 30 }, (_, i) => `n${i}`);
		const cards = [card('n0', { state: 'new', reps: 0 })];
		expect(queue({ cards, questionOrder: order }).ids).toEqual(order.slice(0, 20));
		const later = queue({ questionOrder: order, doneToday: { newCount: 18, reviewCount: 0 } });
		expect(later.ids).toEqual(['n0', 'n1']);
		expect(
			queue({ questionOrder: order, doneToday: { newCount: 25, reviewCount: 0 } }).ids
		).toEqual([]);
	});

	it('stops reviews at what is left of the daily review limit', () => {
		const cards = Array.from({ length: 5 }, (_, i) => review(`r${i}`, 10 + i, 3));
		const q = queue({
			cards,
			questionOrder: cards.map((c) => c.id),
			settings: { ...DEFAULT_SETTINGS, reviewsPerDay: 200 },
			doneToday: { newCount: 0, reviewCount: 197 }
		});
		expect(q.ids).toEqual(['r4', 'r3', 'r2']);
	});

	it('spreads new cards evenly among reviews and keeps the mix when rebuilt after each rating', () => {
		const reviews = Array.from({ length: 6 }, (_, i) => review(`r${i}`, 20 - i, 3));
		const order = [...reviews.map((c) => c.id), 'n0', 'n1'];
		const input = { cards: reviews, questionOrder: order };
		const first = queue(input).ids;
		expect(first).toEqual(['r0', 'r1', 'n0', 'r2', 'r3', 'r4', 'n1', 'r5']);
		// After r0, r1, n0 are done, the rest of the same sequence follows.
		const rest = queue({
			cards: reviews.slice(2),
			questionOrder: order.filter((id) => !['r0', 'r1', 'n0'].includes(id)),
			doneToday: { newCount: 1, reviewCount: 2 }
		}).ids;
		expect(rest).toEqual(first.slice(3));
	});

	it('shows future learning cards only when nothing else is left and within 20 minutes', () => {
		const soon = card('soon', { state: 'learning', due: NOW + 10 * MIN });
		const later = card('later', { state: 'learning', due: NOW + 3 * 60 * MIN });
		const q = queue({
			cards: [soon, later, review('r', 5, 3)],
			questionOrder: ['soon', 'later', 'r']
		});
		expect(q.ids).toEqual(['r', 'soon']);
		const done = queue({ cards: [later], questionOrder: ['later'] });
		expect(done).toEqual({ ids: [], counts: { learning: 0, review: 0, new: 0 } });
	});

	it('never shows cards whose question left the bank, nor counts them', () => {
		const cards = [review('gone', 30, 1), card('gone-l', { state: 'learning', due: NOW - MIN })];
		const q = queue({ cards, questionOrder: ['kept'] });
		expect(q.ids).toEqual(['kept']);
		expect(q.counts).toEqual({ learning: 0, review: 0, new: 1 });
	});
});

it('gives the same queue from the stored cards by id as from a list of them', () => {
	const cards = [
		review('r1', 3, 2),
		review('r2', 20, 4),
		card('l', { state: 'learning', due: NOW - MIN }),
		review('later', 1, 30, 9 * DAY)
	];
	const questionOrder = ['n1', 'r1', 'r2', 'l', 'later', 'n2'];
	const fromList = queue({ cards, questionOrder });
	expect(queue({ cards: new Map(cards.map((c) => [c.id, c])), questionOrder })).toEqual(fromList);
	expect(fromList.ids).toEqual(['l', 'r2', 'n1', 'r1', 'n2']);
});

it('counts a rating against the new or review limit by the state before it', () => {
	expect(['new', 'learning', 'review', 'relearning'].map((s) => ratingKind(s as never))).toEqual([
		'new',
		'learning',
		'review',
		'learning'
	]);
});

it('makes review cards of the recall and cloze questions only, in bank order', () => {
	const q = (id: string, kind: Question['kind']) => ({ id, kind }) as Question;
	expect(
		reviewQuestionIds([q('a', 'single'), q('b', 'cloze'), q('c', 'recall'), q('d', 'multi')])
	).toEqual(['b', 'c']);
});

describe('sibling burying', () => {
	// a.recall and a.cloze ask fact a; b.recall asks fact b.
	const siblings = new Map([
		['a.recall', 'a'],
		['a.cloze', 'a'],
		['b.recall', 'b']
	]);
	const order = ['a.recall', 'a.cloze', 'b.recall'];
	const input = (cards: StoredCard[], now = NOW) => ({
		cards,
		questionOrder: order,
		siblings,
		now,
		settings: DEFAULT_SETTINGS,
		doneToday: { newCount: 0, reviewCount: 0 },
		recall
	});

	it('buries the new and due cards of a fact one of whose cards was rated this study day', () => {
		const seen = review('a.recall', 0, 10, 3 * DAY);
		const ratedToday = { ...seen, last_review: NOW - 60 * MIN };
		expect(buildQueue(input([ratedToday])).ids).toEqual(['b.recall']);
		const dueSibling = review('a.cloze', 20, 3);
		expect(buildQueue(input([ratedToday, dueSibling])).ids).toEqual(['b.recall']);
	});

	it('lets them come back on the next study day', () => {
		const ratedYesterday = { ...review('a.recall', 0, 10, 3 * DAY), last_review: NOW - DAY };
		expect(buildQueue(input([ratedYesterday])).ids).toEqual(['a.cloze', 'b.recall']);
		const nextDay = NOW + DAY;
		const ratedToday = { ...review('a.recall', 0, 10, 3 * DAY), last_review: NOW };
		expect(buildQueue(input([ratedToday], nextDay)).ids).toEqual(['a.cloze', 'b.recall']);
	});

	it('buries the siblings as soon as a rating is put into the queue state', () => {
		const state = new QueueState(input([]));
		expect(state.queue.ids).toEqual(['a.recall', 'a.cloze', 'b.recall']);
		const rated = card('a.recall', {
			state: 'learning',
			last_review: NOW + MIN,
			due: NOW + 11 * MIN
		});
		expect(state.update(rated, NOW + MIN, { newCount: 1, reviewCount: 0 })).toBe(true);
		expect(state.queue.ids).not.toContain('a.cloze');
		expect(state.queue.ids).toContain('b.recall');
		// The same queue as a build from the cards.
		expect(state.queue).toEqual(
			buildQueue({ ...input([rated], NOW + MIN), doneToday: { newCount: 1, reviewCount: 0 } })
		);
	});

	it('keeps a sibling that is in learning, and buries nothing without siblings', () => {
		const ratedToday = { ...review('a.recall', 0, 10, 3 * DAY), last_review: NOW - MIN };
		const learning = card('a.cloze', { state: 'learning', due: NOW - MIN, last_review: NOW - DAY });
		expect(buildQueue(input([ratedToday, learning])).ids).toEqual(['a.cloze', 'b.recall']);
		expect(buildQueue({ ...input([ratedToday]), siblings: undefined }).ids).toEqual([
			'a.cloze',
			'b.recall'
		]);
	});
});

describe('isDue', () => {
	const hour = DEFAULT_SETTINGS.dayStartHour;
	it('is true for a new card and a review due before the next study day starts', () => {
		expect(isDue(undefined, NOW, hour)).toBe(true);
		expect(isDue(newCard('n', NOW + DAY), NOW, hour)).toBe(true);
		expect(isDue(review('tonight', 3, 3, 11 * 60 * MIN), NOW, hour)).toBe(true);
		expect(isDue(review('tomorrow', 3, 3, 17 * 60 * MIN), NOW, hour)).toBe(false);
	});

	it('is true for a learning step whose time has come, not one still minutes away', () => {
		expect(isDue(card('l', { state: 'learning', due: NOW - MIN }), NOW, hour)).toBe(true);
		expect(isDue(card('l', { state: 'relearning', due: NOW + 5 * MIN }), NOW, hour)).toBe(false);
	});
});
