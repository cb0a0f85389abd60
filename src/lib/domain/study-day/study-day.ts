/**
 * The study day: like Anki, a day runs from `startHour` local time to `startHour` the next day,
 * so a late-night session still counts for the evening it began.
 */

import type { CardState } from '../schedule/card';

/** Lengths of time in milliseconds, defined once for every date and interval calculation. */
export const MINUTE_MS = 60_000;
export const HOUR_MS = 60 * MINUTE_MS;
export const DAY_MS = 24 * HOUR_MS;

/** A study day as 'YYYY-MM-DD' (the local calendar date on which it starts). */
export type DayKey = string;

/** Ratings on one study day, kept as a small record so start-up never reads the review log. */
export interface DayCount {
	day: DayKey;
	/** Ratings of cards that were new. */
	new: number;
	/** Ratings of cards that were in review. */
	review: number;
	/** Ratings of cards in (re)learning. */
	learning: number;
}

/**
 * Every rating on a study day, whatever the card's state (new, learning, due): Today's "Reviewed
 * today", the streak and Stats' reviews per day all count this.
 */
export function reviewsOn(count: DayCount | undefined): number {
	return count ? count.new + count.review + count.learning : 0;
}

/** Which daily counter (and limit) a rating counts in. */
export type RatingKind = 'new' | 'review' | 'learning';

/** The counter of a rating, from the card's state before the rating, as Anki's limits count. */
export function ratingKind(stateBefore: CardState): RatingKind {
	if (stateBefore === 'new') return 'new';
	return stateBefore === 'review' ? 'review' : 'learning';
}

/**
 * `count` (the counter of `day`, absent if nothing was rated that day) with one rating of `kind`
 * counted (`by` 1) or taken back by undo (-1). Never below 0: an undo of a rating counted before
 * an import or reset rebuilt the counter must not make it negative. Every store and the UI count
 * with this.
 */
export function countRating(
	count: DayCount | null | undefined,
	day: DayKey,
	kind: RatingKind,
	by: 1 | -1
): DayCount {
	const base = count ?? { day, new: 0, review: 0, learning: 0 };
	return { ...base, [kind]: Math.max(0, base[kind] + by) };
}

function pad(n: number): string {
	return String(n).padStart(2, '0');
}

/** The local calendar date whose study day contains `at`. */
function studyDate(at: number, startHour: number): Date {
	const local = new Date(at);
	const date = new Date(local.getFullYear(), local.getMonth(), local.getDate());
	// Before the start hour it is still the previous day's session.
	if (local.getHours() < startHour) date.setDate(date.getDate() - 1);
	return date;
}

/** The study day containing the moment `at` (epoch ms). */
export function dayKey(at: number, startHour: number): DayKey {
	const date = studyDate(at, startHour);
	return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

/** When the study day containing `at` started (epoch ms). */
export function startOfStudyDay(at: number, startHour: number): number {
	const date = studyDate(at, startHour);
	date.setHours(startHour);
	return date.getTime();
}

/**
 * When the next study day starts (epoch ms). Built from calendar fields rather than adding 24 h,
 * so days across a daylight-saving change are 23 or 25 hours long, as on the wall clock.
 */
export function startOfNextStudyDay(at: number, startHour: number): number {
	const date = studyDate(at, startHour);
	date.setDate(date.getDate() + 1);
	date.setHours(startHour);
	return date.getTime();
}

/**
 * The oldest day key that can still be "today" for some start hour at `at`, with a day to spare
 * for daylight-saving shifts: counters from here on are all the daily limits need.
 */
export function recentDayFrom(at: number): DayKey {
	return dayKey(at - 2 * DAY_MS, 0);
}

/** The day key before `day` ('2025-03-01' → '2025-02-28'). */
export function previousDayKey(day: DayKey): DayKey {
	const [y, m, d] = day.split('-').map(Number) as [number, number, number];
	const date = new Date(y, m - 1, d - 1);
	return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

/**
 * Consecutive study days ending today on which something was reviewed. A day with no review yet
 * today does not break the streak: it then counts back from yesterday.
 */
export function streak(studiedDays: Iterable<DayKey>, today: DayKey): number {
	const days = new Set(studiedDays);
	let day = days.has(today) ? today : previousDayKey(today);
	let count = 0;
	while (days.has(day)) {
		count += 1;
		day = previousDayKey(day);
	}
	return count;
}

/** A study day as a count of days since 1970-01-01, so two days subtract to whole days. */
export function dayNumber(day: DayKey): number {
	const [y, m, d] = day.split('-').map(Number) as [number, number, number];
	return Math.round(Date.UTC(y, m - 1, d) / DAY_MS);
}
