/**
 * The exam plan for the UI: today's cards for the review queue, and the projection to the exam
 * that Today and Stats show. Loaded only with an exam date (it brings ts-fsrs), after the page's
 * first paint: `ReviewQueue.prepare` and the exam components import it.
 */
import { examDayStart } from '$lib/domain/exam/exam';
import {
	DEFAULT_COSTS,
	minutesToSeeEveryCard,
	planDay,
	planOrder,
	projectPlan,
	queuePlan,
	studyCosts,
	type ExamProjection,
	type Pacing,
	type PlanInput,
	type StudyCosts
} from '$lib/domain/exam/exam-plan';
import type { BankQuestions } from '$lib/domain/bank/bank';
import { reviewBurialGroups, reviewSiblings, type DoneToday } from '$lib/domain/schedule/queue';
import { createScheduler, schedulerParams } from '$lib/domain/schedule/scheduler';
import { bankState } from './bank.svelte';
import { progress as sharedProgress, type Progress } from './progress.svelte';

/** Today's cards of the plan, as the queue takes them (`QueueInput.plan`). */
export interface QueuePlan {
	/** Review card ids, new ones in the order the plan introduces them. */
	order: readonly string[];
	plan: { reviews: ReadonlySet<string>; newCards: number };
}

export class ExamPlanner {
	readonly #progress: Progress;
	readonly #bank: BankQuestions;
	#costs = $state.raw<StudyCosts>({ ...DEFAULT_COSTS });
	#fromLog = $state(false);
	#loading: Promise<void> | undefined;

	constructor(progress: Progress, bank: BankQuestions) {
		this.#progress = progress;
		this.#bank = bank;
	}

	/** Reads the review log once for the learner's own time per card (see `studyCosts`). */
	load(): Promise<void> {
		this.#loading ??= this.#progress
			.readLogs()
			.then((logs) => {
				const { costs, timed } = studyCosts(logs, this.#progress.settings.dayStartHour);
				this.#costs = costs;
				this.#fromLog = Object.values(timed).some((count) => count > 0 && count >= 20);
			})
			.catch(() => undefined);
		return this.#loading;
	}

	/** Seconds a new card, a recall and a lapse take; from the learner's log when it has enough. */
	get costs(): StudyCosts {
		return this.#costs;
	}
	get costsFromLog() {
		return this.#fromLog;
	}

	#memory = $derived.by(() => createScheduler(schedulerParams(this.#progress.settings)).memory);
	#order = $derived.by(() => planOrder(this.#bank.questions));
	#siblings = $derived.by(() => reviewSiblings(this.#bank.questions));
	#burialGroups = $derived.by(() => reviewBurialGroups(this.#bank.questions));

	/** What the plan needs at `now`; undefined without an exam date. */
	input(now: number): PlanInput | undefined {
		const { examDate, dayStartHour } = this.#progress.settings;
		if (!examDate) return undefined;
		return {
			cards: this.#progress.cards,
			order: this.#order,
			siblings: this.#siblings,
			burialGroups: this.#burialGroups,
			memory: this.#memory,
			costs: this.#costs,
			now,
			examAt: examDayStart(examDate, dayStartHour),
			dayStartHour
		};
	}

	/** The review cards the plan covers: the whole bank's. */
	get cardCount(): number {
		return this.#order.length;
	}

	/** The day's budget in seconds. */
	get budget(): number {
		return this.#progress.settings.minutesPerDay * 60;
	}

	/**
	 * Seconds studied today, as the plan's costs count them (a review at the desired retention's
	 * mix of recalls and lapses): what the day's budget has left is the rest.
	 */
	spent(done: DoneToday): number {
		const { newSeconds, recallSeconds, lapseSeconds } = this.#costs;
		const kept = this.#progress.settings.desiredRetention;
		const review = kept * recallSeconds + (1 - kept) * lapseSeconds;
		return done.newCount * newSeconds + done.reviewCount * review;
	}

	/** Today's cards for the queue; undefined without an exam date. */
	today(now: number, done: DoneToday): QueuePlan | undefined {
		const input = this.input(now);
		if (!input) return undefined;
		const plan = planDay(input, Math.max(0, this.budget - this.spent(done)));
		return { order: input.order, plan: queuePlan(plan) };
	}

	/** The plan followed to the exam, and what seeing every card takes. */
	projection(
		now: number,
		done: DoneToday
	): { projection: ExamProjection; pacing: Pacing } | undefined {
		const input = this.input(now);
		if (!input) return undefined;
		const spent = this.spent(done);
		return {
			projection: projectPlan(input, this.budget, spent),
			pacing: minutesToSeeEveryCard(input, spent)
		};
	}
}

const planners = new WeakMap<Progress, ExamPlanner>();

/**
 * The one planner of `progress` (the app's, or a test's own), on the bank it was first asked
 * with: one progress is studied against one bank.
 */
export function plannerFor(progress: Progress, bank: BankQuestions): ExamPlanner {
	let planner = planners.get(progress);
	if (!planner) planners.set(progress, (planner = new ExamPlanner(progress, bank)));
	return planner;
}

/** The app's planner, for Today's and Stats' outlook. */
export const examPlanner = plannerFor(sharedProgress, bankState);
