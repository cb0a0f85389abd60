import { newCard, type Rating } from '$lib/domain/schedule/card';
import type { Scheduler } from '$lib/domain/schedule/scheduler';
import { loadWrites, type UndoResult, type UndoToken } from '$lib/storage';
import { progress as sharedProgress, type Progress } from './progress.svelte';
import type { Rated, Writer } from './writer';

/**
 * The one way a rating is recorded, for the review and the quizzes alike: it owns the scheduler
 * (from the settings), the card before the rating and the study day, and writes the rating through
 * `writer` (awaited: nothing is shown as rated before it is stored).
 */
// The scheduler (ts-fsrs, the review's largest dependency) loads when first needed: the review
// asks for it when an answer is first shown, so its first card does not wait for it. The write
// path and storage's write half come with it (a failure there is reported by the write that needs
// it).
const schedulerModule = () => {
	void loadWrites().catch(() => undefined);
	return import('$lib/domain/schedule/scheduler');
};

export class Ratings {
	#module = $state.raw<Awaited<ReturnType<typeof schedulerModule>> | undefined>(undefined);
	#loading: Promise<unknown> | undefined;
	/**
	 * The write path once loaded. Kept, because each `import()` of it, though the module is loaded,
	 * resolves a task later: a rating then let a frame and the page's other tasks run before its
	 * write started (5-14 ms at 4× CPU, bench/review).
	 */
	#writer: Writer | undefined;

	/** `loadWriter` gives the write path (./writer.ts), which loads with the scheduler. */
	constructor(
		readonly progress: Progress,
		readonly loadWriter: () => Promise<Writer>
	) {}

	#scheduler = $derived.by(() =>
		this.#module?.createScheduler(this.#module.schedulerParams(this.progress.settings))
	);

	/** The settings' scheduler once `scheduler()` has loaded it (undefined before). */
	get loadedScheduler(): Scheduler | undefined {
		return this.#scheduler;
	}

	/** The settings' scheduler, the only one the app rates with; loads it the first time. */
	async scheduler(): Promise<Scheduler> {
		if (!this.#loading) void this.writer().catch(() => undefined);
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

	/** The write path, for every write of the review and the quizzes; a failure to load is reported. */
	async writer(): Promise<Writer> {
		try {
			return (this.#writer ??= await this.loadWriter());
		} catch (error) {
			this.progress.status.fail(error);
		}
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
		const { card, log } = scheduler.rate(previous ?? newCard(id, now), rating, now, durationMs);
		const day = this.progress.today(now);
		const writer = this.#writer ?? (await this.writer());
		return writer.write(
			async (storage): Promise<Rated> => {
				const saved = await storage.saveRating({ previous, card, log, day });
				return { type: 'rated', ...saved, card, day };
			},
			{ whenFull: 'memory', change: (rated) => rated, then: applied }
		);
	}

	/** Takes a rating back: the card's previous state returns and its log record goes. */
	async undo(token: UndoToken): Promise<UndoResult> {
		return (await this.writer()).write((storage) => storage.undoRating(token), {
			whenFull: 'memory',
			change: (result) => (result.ok ? { type: 'undone', undo: token, card: result.card } : null)
		});
	}
}

export const ratings = new Ratings(sharedProgress, () =>
	import('./writer').then((module) => module.writer)
);
