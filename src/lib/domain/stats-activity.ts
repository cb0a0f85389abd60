/**
 * Review activity for the stats page: reviews per study day, the due forecast and true retention.
 * Pure: the caller passes the review log, the cards and `now`; days follow the user's day start
 * hour (see `study-day.ts`), so a review at 2 am counts for the evening before.
 */
import type { ReviewRecord, StoredCard } from './scheduler';
import { dayKey, type DayKey } from './study-day';
import { formatShortDate } from './time-format';

/** How many study days the heatmap shows: twelve weeks. */
const HEATMAP_DAYS = 84;
/** How many study days the due forecast covers, today included. */
const FORECAST_DAYS = 30;

export interface DayValue {
	day: DayKey;
	/** 0 = Monday … 6 = Sunday, for laying the days out in weeks. */
	weekday: number;
	count: number;
}

function parts(day: DayKey): [number, number, number] {
	return day.split('-').map(Number) as [number, number, number];
}

function pad(n: number): string {
	return String(n).padStart(2, '0');
}

/** The study day `offset` days after `day` (negative goes back); calendar arithmetic, DST-safe. */
export function shiftDay(day: DayKey, offset: number): DayKey {
	const [y, m, d] = parts(day);
	const date = new Date(y, m - 1, d + offset);
	return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

/** When the study day `day` starts (epoch ms). */
export function dayStart(day: DayKey, startHour: number): number {
	const [y, m, d] = parts(day);
	return new Date(y, m - 1, d, startHour).getTime();
}

function weekday(day: DayKey): number {
	const [y, m, d] = parts(day);
	// Date#getDay counts from Sunday; the heatmap's weeks start on Monday.
	return (new Date(y, m - 1, d).getDay() + 6) % 7;
}

function emptyDays(first: DayKey, count: number): DayValue[] {
	return Array.from({ length: count }, (_, i) => {
		const day = shiftDay(first, i);
		return { day, weekday: weekday(day), count: 0 };
	});
}

/**
 * Ratings per study day over the `days` study days ending with the one containing `now`, oldest
 * first. Records outside that range (older, or from a clock that ran ahead) are left out.
 */
export function reviewsPerDay(
	logs: Iterable<ReviewRecord>,
	now: number,
	startHour: number,
	days = HEATMAP_DAYS
): DayValue[] {
	const today = dayKey(now, startHour);
	const result = emptyDays(shiftDay(today, -(days - 1)), days);
	const index = new Map(result.map((entry, i) => [entry.day, i]));
	for (const log of logs) {
		const i = index.get(dayKey(log.review, startHour));
		const entry = i === undefined ? undefined : result[i];
		if (entry) entry.count += 1;
	}
	return result;
}

/**
 * Cards falling due on each of the next `days` study days, today first. Overdue cards count for
 * today (they are due now). New cards are not scheduled yet, and cards whose question left the
 * bank never come up, so `questionIds` (the bank's review cards) limits what is counted.
 */
export function dueForecast(
	cards: Iterable<StoredCard>,
	questionIds: ReadonlySet<string>,
	now: number,
	startHour: number,
	days = FORECAST_DAYS
): DayValue[] {
	const today = dayKey(now, startHour);
	const result = emptyDays(today, days);
	const index = new Map(result.map((entry, i) => [entry.day, i]));
	const todayStart = dayStart(today, startHour);
	for (const card of cards) {
		if (card.state === 'new' || !questionIds.has(card.id)) continue;
		const i = card.due < todayStart ? 0 : index.get(dayKey(card.due, startHour));
		const entry = i === undefined ? undefined : result[i];
		if (entry) entry.count += 1;
	}
	return result;
}

export interface Retention {
	/** Study days covered, today included. */
	days: number;
	/** Reviews of cards in review state that were not rated 'again'. */
	passed: number;
	/** Reviews of cards in review state. */
	total: number;
	/** passed / total, or null when there was no such review. */
	rate: number | null;
}

/**
 * True retention over the last `days` study days: the share of passing ratings (anything but
 * 'again') among ratings of cards that were in review state before the rating. Learning steps
 * are left out because they test minutes-old memories, not the schedule.
 */
export function trueRetention(
	logs: Iterable<ReviewRecord>,
	now: number,
	startHour: number,
	days: number
): Retention {
	const from = dayStart(shiftDay(dayKey(now, startHour), -(days - 1)), startHour);
	let passed = 0;
	let total = 0;
	for (const log of logs) {
		if (log.state !== 'review' || log.review < from || log.review > now) continue;
		total += 1;
		if (log.rating !== 'again') passed += 1;
	}
	return { days, passed, total, rate: total > 0 ? passed / total : null };
}

/** A heatmap shade, 0 (nothing) to 4: each step a quarter of the busiest day. */
export function heatLevel(count: number, max: number): 0 | 1 | 2 | 3 | 4 {
	if (count <= 0 || max <= 0) return 0;
	return Math.min(4, Math.ceil((4 * count) / max)) as 1 | 2 | 3 | 4;
}

/** "Mon 10 Mar" for a study day. */
export function formatDay(day: DayKey): string {
	const [y, m, d] = parts(day);
	return formatShortDate(new Date(y, m - 1, d));
}
