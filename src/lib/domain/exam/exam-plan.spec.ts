import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { examDayStart } from './exam';
import {
	DEFAULT_COSTS,
	minutesToSeeEveryCard,
	planDay,
	projectPlan,
	studyCosts,
	type PlanInput
} from './exam-plan';
import { newCard, type StoredCard } from '../schedule/scheduler';
import { scheduler } from '../schedule/scheduler.fixture';
import { logRecord } from '../records/review-log.fixture';
import type { ReviewRecord } from '../schedule/scheduler';
import { dayKey, startOfStudyDay } from '../study-day/study-day';

// Local-time constructors keep these tests right in any time zone.
const NOW = new Date(2026, 5, 10, 12).getTime();
const DAY = 86_400_000;
const memory = scheduler.memory;
const ids = (n: number) => Array.from({ length: n }, (_, i) => `q${i}`);

function input(patch: Partial<PlanInput> = {}): PlanInput {
	return {
		cards: new Map(),
		order: ids(40),
		memory,
		costs: DEFAULT_COSTS,
		now: NOW,
		examAt: examDayStart('2026-06-20', 4),
		dayStartHour: 4,
		...patch
	};
}

/** A card in review, last seen `ago` days before NOW, with `stability`. */
function review(id: string, ago: number, stability: number, difficulty = 5): StoredCard {
	return {
		...newCard(id, NOW - 60 * DAY),
		state: 'review',
		stability,
		difficulty,
		reps: 3,
		last_review: NOW - ago * DAY,
		due: NOW - ago * DAY + stability * DAY
	};
}

/** Random cards: never seen, or in review with any plausible memory. */
const cardStates = fc.array(
	fc.option(
		fc.record({
			ago: fc.integer({ min: 1, max: 120 }),
			stability: fc.double({ min: 0.1, max: 400, noNaN: true }),
			difficulty: fc.double({ min: 1, max: 10, noNaN: true })
		}),
		{ nil: undefined }
	),
	{ minLength: 1, maxLength: 60 }
);
const cardsOf = (states: ({ ago: number; stability: number; difficulty: number } | undefined)[]) =>
	new Map(
		states.flatMap((s, i) =>
			s ? [[`q${i}`, review(`q${i}`, s.ago, s.stability, s.difficulty)] as const] : []
		)
	);

describe('the exam plan', () => {
	it('takes new cards first in a fresh profile, in the order given, as many as the budget holds', () => {
		const plan = planDay(input(), 5 * 60);
		expect(plan.items.map((item) => item.id)).toEqual(ids(15));
		expect(plan.items.every((item) => item.kind === 'new')).toBe(true);
		expect(plan.seconds).toBe(15 * DEFAULT_COSTS.newSeconds);
	});

	it('prefers the review whose exam-day recall rises most per second, and skips one just seen', () => {
		const cards = new Map([
			['fading', review('fading', 20, 3)],
			['solid', review('solid', 1, 400)],
			['seen-today', { ...review('seen-today', 0, 3), last_review: NOW - 60_000 }]
		]);
		const plan = planDay(input({ cards, order: ['fading', 'solid', 'seen-today'] }), 600);
		expect(plan.items.map((item) => item.id)).toEqual(['fading']);
		const [fading] = plan.items;
		// Explainable: the gain is the rise of the card's predicted recall on exam day.
		expect(fading?.gain).toBeGreaterThan(0.1);
		expect(fading?.examRecall).toBeLessThanOrEqual(1);
	});

	it('never plans past the exam: the projection ends on its day, and an exam gone plans nothing', () => {
		const projection = projectPlan(input(), 10 * 60);
		expect(projection.days.map((d) => d.day)).toEqual([
			'2026-06-10',
			'2026-06-11',
			'2026-06-12',
			'2026-06-13',
			'2026-06-14',
			'2026-06-15',
			'2026-06-16',
			'2026-06-17',
			'2026-06-18',
			'2026-06-19',
			'2026-06-20'
		]);
		expect(projection.days.at(-1)?.minutes).toBe(0);
		const after = new Date(2026, 5, 21, 9).getTime();
		expect(planDay(input({ now: after }), 600).items).toEqual([]);
		// On the exam day itself, before the exam: only that day.
		const examMorning = new Date(2026, 5, 20, 5).getTime();
		const cram = projectPlan(input({ now: examMorning }), 600);
		expect(cram.days.map((d) => d.day)).toEqual(['2026-06-20']);
		expect(cram.today.items.length).toBeGreaterThan(0);
	});

	it('introduces every card before the exam when the budget allows, and says what that takes', () => {
		const plain = input({ order: ids(100) });
		expect(projectPlan(plain, 3 * 60).unseenAtExam).toBeGreaterThan(0);
		const pacing = minutesToSeeEveryCard(plain);
		expect(pacing.unseen).toBe(0);
		expect(projectPlan(plain, pacing.minutes * 60).unseenAtExam).toBe(0);
		expect(projectPlan(plain, (pacing.minutes - 1) * 60).unseenAtExam).toBeGreaterThan(0);
		// Following the plan is predicted to beat stopping now.
		const projection = projectPlan(plain, pacing.minutes * 60);
		expect(projection.planned).toBeGreaterThan(projection.stopped);
	});

	it('predicts recall day by day to the exam: rising with the plan, falling with nothing more', () => {
		const cards = new Map(ids(20).map((id, i) => [id, review(id, 3 + i, 4 + i)]));
		const projection = projectPlan(input({ cards, order: ids(40) }), 10 * 60);
		const { days } = projection;
		for (let i = 1; i < days.length; i += 1) {
			expect(days[i]?.stopped).toBeLessThan(days[i - 1]?.stopped as number);
			expect(days[i]?.planned).toBeLessThan(1);
			expect(days[i]?.planned).toBeGreaterThan(days[i]?.stopped as number);
		}
		// Today both start from the same recall; the last day is the exam's.
		expect(days[0]?.planned).toBe(days[0]?.stopped);
		expect(days.at(-1)?.planned).toBe(projection.planned);
		expect(days.at(-1)?.stopped).toBe(projection.stopped);
		// Each day's study fits the budget.
		for (const day of days) expect(day.minutes).toBeLessThanOrEqual(10);
	});

	it('takes one card of a fact a day, and says which cards cannot all come up in time', () => {
		const siblings = new Map(ids(6).map((id) => [id, 'one fact']));
		const threeDays = input({ order: ids(6), siblings, examAt: examDayStart('2026-06-13', 4) });
		const projection = projectPlan(threeDays, 600);
		expect(projection.days.map((d) => d.introduced)).toEqual([1, 1, 1, 0]);
		expect(minutesToSeeEveryCard(threeDays)).toEqual({ minutes: 1, unseen: 3 });
	});

	it('takes one card of a burial group a day, as the queue buries the rest', () => {
		// Two facts whose cards show each other's answers: one group, though not siblings.
		const siblings = new Map(ids(4).map((id, i) => [id, `fact ${i % 2}`]));
		const burialGroups = new Map(ids(4).map((id) => [id, 'one group']));
		const plan = input({
			order: ids(4),
			siblings,
			burialGroups,
			examAt: examDayStart('2026-06-13', 4)
		});
		expect(projectPlan(plan, 600).days.map((d) => d.introduced)).toEqual([1, 1, 1, 0]);
		expect(projectPlan({ ...plan, burialGroups: undefined }, 600).days[0]?.introduced).toBe(2);
	});

	it('stays within the budget each day and never past the exam, whatever the cards (property)', () => {
		fc.assert(
			fc.property(
				cardStates,
				fc.integer({ min: 0, max: 30 }),
				fc.integer({ min: 0, max: 40 }),
				fc.integer({ min: 0, max: 600 }),
				(states, daysLeft, minutes, spent) => {
					const order = ids(states.length);
					const examDate = dayKey(NOW + daysLeft * DAY, 4);
					const plan = input({ cards: cardsOf(states), order, examAt: examDayStart(examDate, 4) });
					const today = planDay(plan, minutes * 60);
					expect(today.seconds).toBeLessThanOrEqual(minutes * 60 + 1e-9);
					expect(new Set(today.items.map((item) => item.id)).size).toBe(today.items.length);
					const projection = projectPlan(plan, minutes * 60, spent);
					expect(projection.today.seconds).toBeLessThanOrEqual(
						Math.max(0, minutes * 60 - spent) + 1e-9
					);
					for (const day of projection.days) {
						expect(day.minutes).toBeLessThanOrEqual(minutes + 1e-9);
						expect(day.day <= examDate).toBe(true);
						expect(day.planned).toBeGreaterThanOrEqual(0);
						expect(day.planned).toBeLessThanOrEqual(1);
					}
					expect(projection.days.at(-1)?.day).toBe(examDate);
					// Study never lowers the predicted exam-day recall below stopping now.
					expect(projection.planned).toBeGreaterThanOrEqual(projection.stopped - 1e-9);
					for (const item of today.items) expect(item.gain).toBeGreaterThan(0);
				}
			),
			{ numRuns: 60 }
		);
	});
});

describe('the time a card takes', () => {
	const log = (
		card: string,
		at: number,
		state: ReviewRecord['state'],
		rating: ReviewRecord['rating'],
		ms: number
	): ReviewRecord => logRecord(card, at, { rating, state, duration_ms: ms });

	it('keeps the defaults until the log has enough cards of a kind', () => {
		const few = ids(5).map((id, i) => log(id, NOW + i * 1000, 'review', 'good', 3000));
		expect(studyCosts(few, 4).costs).toEqual(DEFAULT_COSTS);
	});

	it('is the median time of a card on a day: a new card with its steps, a recall, a lapse', () => {
		const start = startOfStudyDay(NOW, 4);
		const logs = ids(25).flatMap((id, i) => [
			// A new card: first seen, then its step ten minutes later (one rating left open: capped).
			log(`new-${id}`, start + i * 60_000, 'new', 'good', 10_000),
			log(`new-${id}`, start + i * 60_000 + 600_000, 'learning', 'good', i === 0 ? 600_000 : 4000),
			log(`rev-${id}`, start + DAY + i * 1000, 'review', 'good', 5000),
			log(`lapse-${id}`, start + DAY + i * 1000, 'review', 'again', 12_000),
			log(`lapse-${id}`, start + DAY + i * 1000 + 600_000, 'relearning', 'good', 6000)
		]);
		expect(studyCosts(logs, 4)).toEqual({
			costs: { newSeconds: 14, recallSeconds: 5, lapseSeconds: 18 },
			timed: { newSeconds: 25, recallSeconds: 25, lapseSeconds: 25 }
		});
	});
});
