/**
 * Review activity for the stats page: reviews per study day, the due forecast and true retention.
 * Pure: the caller passes the day counters, the review log, the cards and `now`; days follow the
 * user's day start hour (see `study-day.ts`), so a review at 2 am counts for the evening before.
 *
 * One word, one figure, on every page: a *review* is any rating of a card (new, a learning step
 * or due), as Today's "Reviewed today" counts it (`reviewsOn`); a *due review* is a rating of a
 * card in review state, the only kind true retention counts.
 */
import type { ReviewRecord, StoredCard } from '../schedule/scheduler';
import { dayKey, reviewsOn, type DayCount, type DayKey } from '../study-day/study-day';
import { formatShortDate, formatShortMonth } from '../study-day/time-format';

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
 * Reviews per study day over the `days` study days ending with `today`, oldest first, from the
 * day counters: the same count as Today's "Reviewed today" and the streak.
 */
export function reviewsPerDay(
	counts: ReadonlyMap<DayKey, DayCount>,
	today: DayKey,
	days = HEATMAP_DAYS
): DayValue[] {
	const result = emptyDays(shiftDay(today, -(days - 1)), days);
	for (const entry of result) entry.count = reviewsOn(counts.get(entry.day));
	return result;
}

/**
 * Cards to review on each of the next `days` study days, today first: today, those left in
 * today's queue (`leftToday`: Today's Due and Learning), and learning steps due later today;
 * later days, the cards falling due then. A due review today's limit held back, or whose sibling
 * was reviewed today, comes tomorrow. New cards are not scheduled yet, and cards whose question
 * left the bank never come up, so `questionIds` (the bank's review cards) limits what is counted.
 */
export function dueForecast(
	cards: Iterable<StoredCard>,
	questionIds: ReadonlySet<string>,
	leftToday: ReadonlySet<string>,
	now: number,
	startHour: number,
	days = FORECAST_DAYS
): DayValue[] {
	const today = dayKey(now, startHour);
	const result = emptyDays(today, days);
	const index = new Map(result.map((entry, i) => [entry.day, i]));
	const tomorrowStart = dayStart(shiftDay(today, 1), startHour);
	for (const card of cards) {
		if (card.state === 'new' || !questionIds.has(card.id)) continue;
		let i: number | undefined;
		if (leftToday.has(card.id)) i = 0;
		else if (card.due < tomorrowStart) i = card.state === 'review' ? 1 : 0;
		else i = index.get(dayKey(card.due, startHour));
		const entry = i === undefined ? undefined : result[i];
		if (entry) entry.count += 1;
	}
	return result;
}

/**
 * The study day on which the first card in review state falls due (the first due review true
 * retention can count), or null when no card has left its learning steps yet.
 */
export function firstReviewDay(
	cards: Iterable<StoredCard>,
	questionIds: ReadonlySet<string>,
	startHour: number
): DayKey | null {
	let first = Infinity;
	for (const card of cards) {
		if (card.state === 'review' && questionIds.has(card.id) && card.due < first) first = card.due;
	}
	return first === Infinity ? null : dayKey(first, startHour);
}

export interface Retention {
	/** Study days covered, today included. */
	days: number;
	/** Due reviews (of cards in review state) that were not rated 'again'. */
	passed: number;
	/** Due reviews. */
	total: number;
	/** Every review in these days, due or not (new cards and learning steps too). */
	reviews: number;
	/** passed / total, or null when there was no due review. */
	rate: number | null;
}

/**
 * True retention over the last `days` study days: the share of passing ratings (anything but
 * 'again') among due reviews, ratings of cards that were in review state before the rating. New
 * cards and learning steps are left out because they test minutes-old memories, not the
 * schedule: a first day of study has many reviews and no due review yet.
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
	let reviews = 0;
	for (const log of logs) {
		if (log.review < from || log.review > now) continue;
		reviews += 1;
		if (log.state !== 'review') continue;
		total += 1;
		if (log.rating !== 'again') passed += 1;
	}
	return { days, passed, total, reviews, rate: total > 0 ? passed / total : null };
}

export interface HeatmapLayout {
	/** Monday-to-Sunday columns, oldest first; days outside the range are undefined. */
	weeks: (DayValue | undefined)[][];
	/** Month names over the columns where a month begins, at least 3 columns apart. */
	months: { week: number; label: string }[];
}

/** Lays `days` (consecutive, oldest first) out in weeks, with the months named over them. */
export function heatmapLayout(days: readonly DayValue[]): HeatmapLayout {
	const weeks: (DayValue | undefined)[][] = [];
	const months: { week: number; label: string }[] = [];
	for (const day of days) {
		if (weeks.length === 0 || day.weekday === 0) weeks.push(new Array(7).fill(undefined));
		const week = weeks.length - 1;
		(weeks[week] as (DayValue | undefined)[])[day.weekday] = day;
		const [y, m, d] = parts(day.day);
		if (d === 1 || months.length === 0) {
			months.push({ week, label: formatShortMonth(new Date(y, m - 1, d)) });
		}
	}
	// The first column's month (begun before the range) gives way when the next begins too soon.
	const [first, second] = months;
	if (first && second && second.week - first.week < 3) months.shift();
	return { weeks, months };
}

/** A heatmap shade, 0 (nothing) to 4: each step a quarter of the busiest day. */
export function heatLevel(count: number, max: number): 0 | 1 | 2 | 3 | 4 {
	if (count <= 0 || max <= 0) return 0;
	return Math.min(4, Math.ceil((4 * count) / max)) as 1 | 2 | 3 | 4;
}

/**
 * The heatmap's legend: the reviews a day each shade stands for (as `heatLevel` shades them),
 * "0", "1–3", "4–6"…; shades no whole number of reviews gets are left out.
 */
export function heatLegend(max: number): { level: 0 | 1 | 2 | 3 | 4; label: string }[] {
	const legend: { level: 0 | 1 | 2 | 3 | 4; label: string }[] = [{ level: 0, label: '0' }];
	for (const level of [1, 2, 3, 4] as const) {
		const from = Math.floor(((level - 1) * max) / 4) + 1;
		const to = Math.floor((level * max) / 4);
		if (from <= to) legend.push({ level, label: from === to ? String(from) : `${from}–${to}` });
	}
	return legend;
}

/** "Mon 10 Mar" for a study day. */
export function formatDay(day: DayKey): string {
	const [y, m, d] = parts(day);
	return formatShortDate(new Date(y, m - 1, d));
}
