import { untrack } from 'svelte';
import { nextCardDue } from '$lib/domain/schedule/next-due';
import {
	doneOn,
	QueueState,
	reviewQuestionIds,
	reviewBurialGroups,
	reviewSiblings,
	type Queue
} from '$lib/domain/schedule/queue';
import type { StoredCard } from '$lib/domain/schedule/scheduler';
import { startOfNextStudyDay } from '$lib/domain/study-day/study-day';
import type { BankQuestions } from '$lib/domain/bank/bank';
import type { ExamPlanner } from './exam-plan.svelte';
import type { Progress } from './progress.svelte';

/**
 * The cards left to review now, in order, from `progress` and the bank: what Today counts and a
 * review session shows. Built in full on load, after another tab's writes, a settings change, an
 * undo and at a new study day; a rating only moves the rated card in it, and a tick only moves
 * the clock. Needs no scheduler: Today loads no ts-fsrs, but with an exam date, whose plan needs
 * it (`prepare`).
 */
export class ReviewQueue {
	readonly #progress: Progress;
	readonly #bank: BankQuestions;
	#now = $state(0);
	/** With an exam date, the plan that picks the day's cards: loaded by `prepare`. */
	#planner = $state.raw<ExamPlanner | undefined>(undefined);

	/** When set, only this framework's cards are reviewed (Browse's "Review this framework"). */
	framework = $state<string | undefined>(undefined);

	/**
	 * "Study more" (as Anki's custom study, from the review's link): new cards beyond the day's
	 * limit or plan, and whether the reviews due tomorrow come today too.
	 */
	extraNew = $state(0);
	ahead = $state(false);

	constructor(progress: Progress, bank: BankQuestions) {
		this.#progress = progress;
		this.#bank = bank;
		this.#now = progress.clock();
	}

	/** Loads what the queue needs before it is shown: with an exam date, the exam plan. */
	async prepare(): Promise<void> {
		await this.#progress.load();
		if (!this.#progress.settings.examDate || this.#planner) return;
		const planner = (await import('./exam-plan.svelte')).plannerFor(this.#progress, this.#bank);
		await planner.load();
		this.#planner = planner;
	}

	/** Whether the queue is the day's: with an exam date, once its plan is loaded. */
	get ready(): boolean {
		return !this.#progress.settings.examDate || this.#planner !== undefined;
	}

	#order = $derived.by(() =>
		reviewQuestionIds(
			this.framework === undefined
				? this.#bank.questions
				: this.#bank.questions.filter((q) => q.framework === this.framework)
		)
	);

	/** Which review cards ask the same fact: one is reviewed per study day (see queue.ts). */
	#siblings = $derived.by(() => reviewSiblings(this.#bank.questions));
	#burialGroups = $derived.by(() => reviewBurialGroups(this.#bank.questions));

	/** Bumped to build the queue anew from all cards (tick, undo, a new study day). */
	#rebuilds = $state(0);
	/** Bumped when a rating moved a card in the built queue state. */
	#updates = $state(0);

	#built = $derived.by(() => {
		const progress = this.#progress;
		void progress.revision;
		void progress.loaded;
		void this.#rebuilds;
		const now = untrack(() => this.#now);
		const day = progress.today(now);
		const startHour = progress.settings.dayStartHour;
		// A chosen framework's new cards all come: the learner asked for that framework.
		const chosen = this.framework !== undefined;
		const planner = chosen ? undefined : this.#planner;
		const input = {
			siblings: this.#siblings,
			burialGroups: this.#burialGroups,
			settings: progress.settings,
			recall: progress.recall,
			extraNew: chosen ? Infinity : this.extraNew,
			// The end of tomorrow's study day.
			aheadUntil: this.ahead
				? startOfNextStudyDay(startOfNextStudyDay(now, startHour), startHour)
				: undefined
		};
		// Cards, counters and the time are read untracked: a rating updates the state in place.
		return untrack(() => {
			const doneToday = doneOn(progress.days.get(day));
			const planned = planner?.today(now, doneToday);
			return new QueueState({
				...input,
				questionOrder: planned?.order ?? this.#order,
				plan: planned?.plan,
				cards: progress.cards,
				now,
				doneToday
			});
		});
	});

	queue: Queue = $derived.by(() => {
		void this.#updates;
		return this.#built.queue;
	});

	/** The time the queue is for. */
	get now() {
		return this.#now;
	}

	/** When a card can next be reviewed after this session, for the "come back" message. */
	get nextDue(): number | null {
		return nextCardDue({
			cards: this.#progress.cards,
			questionOrder: this.#order,
			now: this.#now,
			settings: this.#progress.settings
		});
	}

	/** Refreshes "now": learning steps that fell due come back into the queue. */
	tick(now = this.#progress.clock()) {
		this.#now = now;
		// In place, like a rating; a new study day (or a clock set back) builds the queue anew.
		if (this.#built.advance(now)) this.#updates += 1;
		else this.#rebuilds += 1;
	}

	/** Moves a card just rated at `now` (`day` its study day) to where it now belongs. */
	rated(card: StoredCard, now: number, day: string) {
		const doneToday = doneOn(this.#progress.days.get(day));
		if (this.#built.update(card, now, doneToday)) this.#updates += 1;
		else this.#rebuilds += 1;
		this.#now = now;
	}

	/** Builds the queue anew at `now` (after an undo). */
	rebuild(now = this.#progress.clock()) {
		this.#now = now;
		this.#rebuilds += 1;
	}
}
