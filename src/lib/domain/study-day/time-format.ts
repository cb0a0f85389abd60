/**
 * Human wording for moments, dates and shares shown in the UI (English, the app's language); for
 * lengths of time, ./duration-format.ts.
 */

const WEEKDAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/**
 * "Mon 4 May", in local time. Spelled out rather than through Intl: `toLocaleDateString` builds a
 * formatter per call (50 ms for a year of heatmap cells), and even one costs 20 ms to create.
 */
export function formatShortDate(date: Date): string {
	return `${WEEKDAYS[date.getDay()]} ${date.getDate()} ${MONTHS[date.getMonth()]}`;
}

/** "Mar", in local time. */
export function formatShortMonth(date: Date): string {
	return MONTHS[date.getMonth()] ?? '';
}

/**
 * A share (0–1) as a whole percentage, "90%": every rate the app shows, and desired retention,
 * which Settings takes in percent too (../records/settings-input.ts).
 */
export function formatPercent(share: number): string {
	return `${Math.round(share * 100)}%`;
}

/** When something is due, relative to `now`: "in 8 minutes", "in 3 hours", "on Mon, 4 May". */
export function formatDue(due: number, now: number): string {
	const minutes = Math.max(1, Math.round((due - now) / 60_000));
	if (minutes < 60) return `in ${minutes} minute${minutes === 1 ? '' : 's'}`;
	const hours = Math.round(minutes / 60);
	if (hours < 24) return `in ${hours} hour${hours === 1 ? '' : 's'}`;
	return `on ${formatShortDate(new Date(due))}`;
}
