import type { DayKey } from '$lib/domain/study-day';

/**
 * "Study more" on one study day, as Anki's custom study: new cards beyond the day's limit (or exam
 * plan) and the reviews due tomorrow. Held by this tab for the day; what is studied is rated and
 * stored as any review, so every statistic counts it as what it is.
 */
export class StudyMore {
	#day = $state('');
	#extraNew = $state(0);
	#ahead = $state(false);

	/** New cards added to `day`'s. */
	extraNew(day: DayKey): number {
		return this.#day === day ? this.#extraNew : 0;
	}
	/** Whether the reviews due the day after `day` come on `day` too. */
	ahead(day: DayKey): boolean {
		return this.#day === day && this.#ahead;
	}
	addNew(day: DayKey, count: number) {
		this.#on(day);
		this.#extraNew += count;
	}
	reviewAhead(day: DayKey) {
		this.#on(day);
		this.#ahead = true;
	}
	#on(day: DayKey) {
		if (this.#day === day) return;
		this.#day = day;
		this.#extraNew = 0;
		this.#ahead = false;
	}
}

export const studyMore = new StudyMore();
