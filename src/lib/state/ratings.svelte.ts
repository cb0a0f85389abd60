import { newCard, type Rating, type StoredCard } from '$lib/domain/schedule/card';
import type { Scheduler } from '$lib/domain/schedule/scheduler';
import { loadWrites, type SavedRating, type UndoResult, type UndoToken } from '$lib/storage';
import { progress as sharedProgress, type Progress } from './progress.svelte';
import { syncHooks } from './sync-hooks';

export interface Rated extends SavedRating {
	/** The card as the rating left it. */
	card: StoredCard;
	/** Which study day's counter it counts in. */
	day: string;
}

/**
 * The one way a rating is recorded, for the review and the quizzes alike: it owns the scheduler
 * (from the settings), the card before the rating and the study day, writes the rating (awaited:
 * nothing is shown as rated before it is stored) and puts it into `progress`.
 */
// The scheduler (ts-fsrs, the review's largest dependency) loads when first needed: the review
// asks for it when an answer is first shown, so its first card does not wait for it. Storage's
// write half comes with it (a failure there is reported by the write that needs it).
const schedulerModule = () => {
	void loadWrites().catch(() => undefined);
	return import('$lib/domain/schedule/scheduler');
};

export class Ratings {
	#module = $state.raw<Awaited<ReturnType<typeof schedulerModule>> | undefined>(undefined);
	#loading: Promise<unknown> | undefined;

	constructor(readonly progress: Progress) {}

	#scheduler = $derived.by(() =>
		this.#module?.createScheduler(this.#module.schedulerParams(this.progress.settings))
	);

	/** The settings' scheduler once `scheduler()` has loaded it (undefined before). */
	get loadedScheduler(): Scheduler | undefined {
		return this.#scheduler;
	}

	/** The settings' scheduler, the only one the app rates with; loads it the first time. */
	async scheduler(): Promise<Scheduler> {
		this.#loading ??= schedulerModule().then(
			(module) => (this.#module = module),
			(error: unknown) => {
				this.#loading = undefined;
				this.progress.status.fail(error);
			}
		);
		await this.#loading;
		return this.#scheduler as Scheduler;
	}

	/**
	 * Rates card `id` at `now`, `durationMs` after it was shown. `applied` runs in the same turn as
	 * the in-memory update, so a caller's own changes come in the same render. After a conflict
	 * (another tab rated the card first) progress is read again before this resolves.
	 */
	async rate(
		id: string,
		rating: Rating,
		{ now = this.progress.clock(), durationMs }: { now?: number; durationMs: number },
		applied?: (rated: Rated) => void
	): Promise<Rated> {
		const scheduler = await this.scheduler();
		const previous = this.progress.cards.get(id) ?? null;
		const result = scheduler.rate(previous ?? newCard(id, now), rating, now, durationMs);
		const day = this.progress.today(now);
		const input = { previous, card: result.card, log: result.log, day };
		const saved = await this.progress.write((storage) => storage.saveRating(input));
		syncHooks.rated(input.log, saved.undo); // sync hook: never waits for the network
		const rated = { ...saved, card: result.card, day };
		this.progress.applyRating(id, result.card, day, saved.undo.kind, 1);
		applied?.(rated);
		if (saved.conflict) await this.progress.refresh();
		return rated;
	}

	/** Takes a rating back: the card's previous state returns and its log record goes. */
	async undo(token: UndoToken): Promise<UndoResult> {
		const result = await this.progress.write((storage) => storage.undoRating(token));
		if (result.ok) {
			this.progress.applyRating(token.cardId, result.card, token.day, token.kind, -1);
			syncHooks.undone(token); // sync hook
		}
		return result;
	}
}

export const ratings = new Ratings(sharedProgress);
