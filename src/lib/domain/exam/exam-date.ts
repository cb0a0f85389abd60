/**
 * The exam date as the settings hold it: a real calendar day, and the cap it puts on intervals.
 * Kept apart from the recall outlook (./exam.ts) because the settings check, on every first load,
 * needs only this.
 */
import { dayKey, dayNumber, type DayKey } from '../study-day/study-day';

const DAY_KEY = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Whether `value` is a real calendar date written 'YYYY-MM-DD'. */
export function isDayKey(value: unknown): value is DayKey {
	const match = typeof value === 'string' ? DAY_KEY.exec(value) : null;
	if (!match) return false;
	const [y, m, d] = [Number(match[1]), Number(match[2]), Number(match[3])];
	const date = new Date(Date.UTC(y, m - 1, d));
	return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
}

/** Study days from today to the exam day: 0 on the day itself, negative once it has passed. */
export function examDaysLeft(examDate: DayKey, now: number, startHour: number): number {
	return dayNumber(examDate) - dayNumber(dayKey(now, startHour));
}

/**
 * The longest interval while an exam date is set: the days left, at least 1, so a card comes back
 * on the exam day at the latest (never more than the setting's own maximum). Once the exam day is
 * over there is no cap, even before the date clears itself.
 */
export function examMaximumInterval(
	maximumInterval: number,
	examDate: DayKey | null,
	now: number,
	startHour: number
): number {
	const left = examDate === null ? -1 : examDaysLeft(examDate, now, startHour);
	return left < 0 ? maximumInterval : Math.min(maximumInterval, Math.max(1, left));
}
