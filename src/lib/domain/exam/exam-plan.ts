/**
 * The exam plan: which cards to study each day until the exam so that the predicted recall of the
 * whole bank on exam day (a card never studied counts as forgotten) is as high as the daily
 * budget allows. Every prediction is ts-fsrs's, through the scheduler's memory model
 * (`Scheduler.memory`): no FSRS formula is copied here.
 *
 * A day is planned greedily by expected gain per second. For a card in review, the gain is how
 * much studying it now raises its probability of recall at the exam, over the two outcomes: it is
 * recalled (probability: its recall now), rated Good; or forgotten, rated Again and relearned.
 * A new card gains its whole recall at the exam once learned. The cost is the expected time: the
 * learner's own (see `studyCosts`). Cards are taken best first while the budget lasts, one card
 * per fact a day (siblings are buried, see ../schedule/queue.ts); new cards, which all gain alike, come in
 * the order given, which interleaves the frameworks (`planOrder`), so every framework
 * is started before the exam. Nothing is planned after the exam: its day ends the plan.
 */
import type { Question } from '../bank/bank';
import { introductionOrder, reviewQuestionIds } from '../schedule/queue';
import type { Memory, MemoryModel, ReviewRecord, StoredCard } from '../schedule/scheduler';
import { dayKey, startOfStudyDay, type DayKey } from '../study-day/study-day';
import { DAY_MS } from '../study-day/study-day';

/** The expected seconds of study: a new card with its learning steps, a recall, a lapse. */
export interface StudyCosts {
	newSeconds: number;
	recallSeconds: number;
	lapseSeconds: number;
}

/** Until the log has enough of its own (`MIN_TIMED` of a kind): the costs the benchmark assumes. */
export const DEFAULT_COSTS: Readonly<StudyCosts> = Object.freeze({
	newSeconds: 20,
	recallSeconds: 8,
	lapseSeconds: 20
});

/** Cards timed before the log's median of a kind replaces its default. */
export const MIN_TIMED = 20;

/** One rating's time is counted up to a minute, as Anki caps an answer: a card left open is not study. */
const MAX_RATING_MS = 60_000;

/**
 * The learner's own costs from the review log: the time a card took on one study day (all its
 * ratings that day, each capped at a minute), by what the first of them was: a new card, a review
 * recalled, a review forgotten. The median of each kind once `MIN_TIMED` cards have it; before
 * that, the default of that kind.
 */
export function studyCosts(
	logs: readonly ReviewRecord[],
	dayStartHour: number
): { costs: StudyCosts; timed: Record<keyof StudyCosts, number> } {
	const days = new Map<string, { first: ReviewRecord; ms: number }>();
	for (const log of logs) {
		const key = `${log.card_id}\u0000${dayKey(log.review, dayStartHour)}`;
		const ms = Math.min(Math.max(0, log.duration_ms), MAX_RATING_MS);
		const day = days.get(key);
		if (!day) days.set(key, { first: log, ms });
		else {
			day.ms += ms;
			if (log.review < day.first.review) day.first = log;
		}
	}
	const samples: Record<keyof StudyCosts, number[]> = {
		newSeconds: [],
		recallSeconds: [],
		lapseSeconds: []
	};
	for (const { first, ms } of days.values()) {
		if (first.state === 'new') samples.newSeconds.push(ms / 1000);
		else if (first.state === 'review')
			samples[first.rating === 'again' ? 'lapseSeconds' : 'recallSeconds'].push(ms / 1000);
	}
	const costs = { ...DEFAULT_COSTS };
	for (const kind of Object.keys(samples) as (keyof StudyCosts)[]) {
		if (samples[kind].length >= MIN_TIMED) costs[kind] = Math.max(1, median(samples[kind]));
	}
	return {
		costs,
		timed: {
			newSeconds: samples.newSeconds.length,
			recallSeconds: samples.recallSeconds.length,
			lapseSeconds: samples.lapseSeconds.length
		}
	};
}

function median(values: number[]): number {
	const sorted = [...values].sort((a, b) => a - b);
	const mid = sorted.length >> 1;
	return sorted.length % 2
		? (sorted[mid] as number)
		: ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
}

/**
 * The bank's review cards, new ones in the order the plan introduces them: taken in turn from
 * each framework, so every framework is started before the exam (`introductionOrder`).
 */
export function planOrder(questions: readonly Question[]): string[] {
	const frameworkOf = new Map(questions.map((q) => [q.id, q.framework]));
	return introductionOrder(reviewQuestionIds(questions), questions, (id) => frameworkOf.get(id)!);
}

/** A day's plan as the queue takes it (`QueueInput.plan`). */
export function queuePlan(plan: DayPlan): { reviews: ReadonlySet<string>; newCards: number } {
	const reviews = new Set<string>();
	let newCards = 0;
	for (const item of plan.items) {
		if (item.kind === 'new') newCards += 1;
		else reviews.add(item.id);
	}
	return { reviews, newCards };
}

export interface PlanInput {
	/** Stored cards by question id; a question without one is new. */
	cards: ReadonlyMap<string, StoredCard>;
	/** Every review card's id, new ones in the order to introduce them (`planOrder`). */
	order: readonly string[];
	/** Question id → its fact: one card per fact a day. */
	siblings?: ReadonlyMap<string, string>;
	/** Question id → its burial group (`reviewBurialGroups`): one card per group a day, too. */
	burialGroups?: ReadonlyMap<string, string>;
	/** ts-fsrs's model under the settings' parameters (`createScheduler(...).memory`). */
	memory: MemoryModel;
	costs: StudyCosts;
	now: number;
	/** The exam: the start of its study day (`examDayStart`). */
	examAt: number;
	dayStartHour: number;
}

/** One card of a day's plan: why it is there (its gain) and what it costs. */
export interface PlanItem {
	id: string;
	kind: 'new' | 'review';
	/** Expected rise in its probability of recall at the exam, 0–1. */
	gain: number;
	/** Expected seconds of study. */
	seconds: number;
	/** Its expected probability of recall at the exam once studied (the gain's end point). */
	examRecall: number;
}

export interface DayPlan {
	/** Best gain per second first. */
	items: PlanItem[];
	seconds: number;
}

/**
 * A card is worth planning while it raises its exam-day recall by at least this much per minute
 * of study (half a point): below that, a review comes so soon after the last that it adds nearly
 * nothing, and the day's time is better left free.
 */
export const MIN_GAIN_PER_MINUTE = 0.005;

/** What the planner knows of a card: its memory and when it was last studied. */
interface PlanCard {
	id: string;
	/** Null: never studied. */
	memory: Memory | null;
	last: number | null;
	/** Review cards only: learning cards are finished by the queue, new ones are introduced. */
	kind: 'new' | 'review' | 'learning';
}

/**
 * Days from one time to another. Recall is predicted on FSRS's forgetting curve at the exact
 * time (a card reviewed the evening before the exam has still forgotten a little); a rating's
 * memory update counts whole days, as ts-fsrs counts them when it schedules.
 */
const daysBetween = (from: number, to: number) => Math.max(0, (to - from) / DAY_MS);

function planCards(input: PlanInput): PlanCard[] {
	return input.order.map((id) => {
		const card = input.cards.get(id);
		if (!card || card.state === 'new' || card.last_review === null) {
			return { id, memory: null, last: null, kind: 'new' };
		}
		const memory = { stability: card.stability, difficulty: card.difficulty };
		const kind = card.state === 'review' ? 'review' : 'learning';
		return { id, memory, last: card.last_review, kind };
	});
}

/** The expected outcome of studying `card` at `at` for an exam at `examAt`. */
function studyOutcome(
	card: PlanCard,
	at: number,
	examAt: number,
	model: MemoryModel,
	costs: StudyCosts
): Omit<PlanItem, 'id' | 'kind'> & { passed: Memory } {
	const toExam = daysBetween(at, examAt);
	if (card.memory === null || card.last === null) {
		const examRecall = model.recall(model.learned.stability, toExam);
		return { gain: examRecall, seconds: costs.newSeconds, examRecall, passed: model.learned };
	}
	const elapsed = daysBetween(card.last, at);
	const now = model.recall(card.memory.stability, elapsed);
	const before = model.recall(card.memory.stability, daysBetween(card.last, examAt));
	const passed = model.next(card.memory, Math.floor(elapsed), 'good', now);
	const failed = model.relearned(card.memory, Math.floor(elapsed), now);
	const examRecall =
		now * model.recall(passed.stability, toExam) +
		(1 - now) * model.recall(failed.stability, toExam);
	return {
		gain: examRecall - before,
		seconds: now * costs.recallSeconds + (1 - now) * costs.lapseSeconds,
		examRecall,
		passed
	};
}

/**
 * The plan of one study day at `at` within `budgetSeconds`; cards studied that day already (and
 * their siblings) are left out. With the memory each planned card has if recalled.
 */
function planCardsDay(
	cards: readonly PlanCard[],
	input: PlanInput,
	at: number,
	budgetSeconds: number,
	studiedToday: (card: PlanCard) => boolean
): { plan: DayPlan; passed: Map<string, Memory> } {
	const { memory: model, costs, examAt } = input;
	// The groups the queue buries by (../schedule/queue.ts), each with those seen today.
	const groupings = [input.siblings, input.burialGroups].flatMap((of) =>
		of ? [{ of, seen: new Set<string>() }] : []
	);
	const groupsOf = (id: string) =>
		groupings.flatMap(({ of, seen }) => {
			const group = of.get(id);
			return group === undefined ? [] : [{ group, seen }];
		});
	const candidates: (PlanItem & { rank: number; passed: Memory })[] = [];
	let fresh: ReturnType<typeof studyOutcome> | undefined;
	cards.forEach((card, rank) => {
		if (studiedToday(card)) {
			for (const { group, seen } of groupsOf(card.id)) seen.add(group);
			return;
		}
		if (card.kind === 'learning') return;
		// Every new card gains alike: worked out once.
		const outcome =
			card.kind === 'new'
				? (fresh ??= studyOutcome(card, at, examAt, model, costs))
				: studyOutcome(card, at, examAt, model, costs);
		if ((outcome.gain * 60) / outcome.seconds < MIN_GAIN_PER_MINUTE) return;
		candidates.push({ id: card.id, kind: card.kind, rank, ...outcome });
	});
	candidates.sort((a, b) => b.gain / b.seconds - a.gain / a.seconds || a.rank - b.rank);
	const items: PlanItem[] = [];
	const passed = new Map<string, Memory>();
	let seconds = 0;
	for (const candidate of candidates) {
		if (seconds + candidate.seconds > budgetSeconds) continue;
		const groups = groupsOf(candidate.id);
		if (groups.some(({ group, seen }) => seen.has(group))) continue;
		for (const { group, seen } of groups) seen.add(group);
		const { id, kind, gain, examRecall } = candidate;
		items.push({ id, kind, gain, seconds: candidate.seconds, examRecall });
		passed.set(id, candidate.passed);
		seconds += candidate.seconds;
	}
	return { plan: { items, seconds }, passed };
}

/** Today's plan within `budgetSeconds` (what is left of the day's budget). */
export function planDay(input: PlanInput, budgetSeconds: number): DayPlan {
	const dayStart = startOfStudyDay(input.now, input.dayStartHour);
	// After the exam's day has begun there is no later exam to plan for.
	if (input.examAt < dayStart) return { items: [], seconds: 0 };
	const examAt = Math.max(input.examAt, input.now);
	return planCardsDay(
		planCards(input),
		{ ...input, examAt },
		input.now,
		budgetSeconds,
		(card) => card.last !== null && card.last >= dayStart
	).plan;
}

/** One study day of the projection. */
export interface ProjectedDay {
	day: DayKey;
	/** Minutes the plan studies that day (0 on the exam day: the exam starts it). */
	minutes: number;
	/** New cards it introduces. */
	introduced: number;
	/** Mean predicted recall of the whole bank when the day's study starts (exam day: at the exam). */
	planned: number;
	/** The same if nothing more is studied from now on. */
	stopped: number;
}

export interface ExamProjection {
	/** Today's plan. */
	today: DayPlan;
	/** Today to the exam day, one entry a day. */
	days: ProjectedDay[];
	/** Predicted recall of the whole bank at the exam, following the plan, 0–1. */
	planned: number;
	/** The same if nothing more is studied. */
	stopped: number;
	/** Cards never studied now, and at the exam if the plan is followed. */
	unseenNow: number;
	unseenAtExam: number;
}

/**
 * The plan followed day by day until the exam, each day's session at the time of day it is now,
 * each review recalled (its memory after Good; the exam-day recall of its last review still
 * counts both outcomes). `budgetSeconds` a day; today only what is left after `spentToday`.
 */
export function projectPlan(
	input: PlanInput,
	budgetSeconds: number,
	spentToday = 0
): ExamProjection {
	const { memory: model, now, dayStartHour } = input;
	const cards = planCards(input);
	const byId = new Map(cards.map((card) => [card.id, card]));
	// What nothing more studied leaves: the cards as they are now.
	const stopped = cards.map((card) => ({ ...card }));
	const examAt = Math.max(input.examAt, now);
	/** Each card's expected recall at the exam after its last planned study. */
	const examRecall = new Map<string, number>();
	const days: ProjectedDay[] = [];
	let today: DayPlan = { items: [], seconds: 0 };
	const todayStart = startOfStudyDay(now, dayStartHour);
	for (let offset = 0; offset === 0 || sameTimeLater(now, offset) < examAt; offset += 1) {
		const at = offset === 0 ? now : sameTimeLater(now, offset);
		const planned = meanRecall(cards, model, at);
		const budget = offset === 0 ? Math.max(0, budgetSeconds - spentToday) : budgetSeconds;
		const { plan, passed } = planCardsDay(cards, { ...input, examAt }, at, budget, (card) =>
			offset === 0 ? card.last !== null && card.last >= todayStart : false
		);
		if (offset === 0) today = plan;
		let introduced = 0;
		for (const item of plan.items) {
			const card = byId.get(item.id) as PlanCard;
			if (item.kind === 'new') introduced += 1;
			card.memory = passed.get(item.id) as Memory;
			card.last = at;
			examRecall.set(item.id, item.examRecall);
		}
		// Learning steps left today are done by tomorrow: from then on, every studied card is a review.
		for (const card of cards) if (card.kind !== 'new' || card.memory) card.kind = 'review';
		days.push({
			day: dayKey(at, dayStartHour),
			minutes: plan.seconds / 60,
			introduced,
			planned,
			stopped: meanRecall(stopped, model, at)
		});
	}
	let sum = 0;
	for (const card of cards) {
		if (card.memory === null || card.last === null) continue;
		sum +=
			examRecall.get(card.id) ??
			model.recall(card.memory.stability, daysBetween(card.last, examAt));
	}
	const planned = cards.length === 0 ? 0 : sum / cards.length;
	const stoppedAtExam = meanRecall(stopped, model, examAt);
	const examDay = dayKey(examAt, dayStartHour);
	// On the exam day itself, today is the exam's day: no second entry for it.
	if (days.at(-1)?.day !== examDay) {
		days.push({ day: examDay, minutes: 0, introduced: 0, planned, stopped: stoppedAtExam });
	}
	return {
		today,
		days,
		planned,
		stopped: stoppedAtExam,
		unseenNow: stopped.filter((card) => card.memory === null).length,
		unseenAtExam: cards.filter((card) => card.memory === null).length
	};
}

/** Mean probability of recall at `at` over all the cards, those never studied counting 0. */
function meanRecall(cards: readonly PlanCard[], model: MemoryModel, at: number): number {
	let sum = 0;
	for (const card of cards) {
		if (card.memory !== null && card.last !== null)
			sum += model.recall(card.memory.stability, daysBetween(card.last, at));
	}
	return cards.length === 0 ? 0 : sum / cards.length;
}

/** `at` moved `days` calendar days on, at the same wall-clock time (days across DST are not 24 h). */
function sameTimeLater(at: number, days: number): number {
	const date = new Date(at);
	date.setDate(date.getDate() + days);
	return date.getTime();
}

/** What it takes to see every card before the exam (see `minutesToSeeEveryCard`). */
export interface Pacing {
	/** The fewest whole minutes a day with which the plan leaves no more cards unseen than `unseen`. */
	minutes: number;
	/**
	 * Cards still unseen at the exam even then: a fact's cards come a day apart (siblings are
	 * buried), so a fact with more cards than days left cannot have them all; or even `max`
	 * minutes a day are too few.
	 */
	unseen: number;
}

/**
 * The fewest whole minutes a day (up to `max`) with which the plan introduces as many cards
 * before the exam as it can at all.
 */
export function minutesToSeeEveryCard(input: PlanInput, spentToday = 0, max = 480): Pacing {
	const unseenWith = (minutes: number) => projectPlan(input, minutes * 60, spentToday).unseenAtExam;
	const unseen = unseenWith(max);
	let low = 0;
	let high = max;
	while (high - low > 1) {
		const mid = (low + high) >> 1;
		if (unseenWith(mid) <= unseen) high = mid;
		else low = mid;
	}
	return { minutes: high, unseen };
}
