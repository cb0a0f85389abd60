/** Human wording for durations, dates and shares shown in the UI (English, the app's language). */

/** "3 min 20 s", "45 s". */
export function formatDuration(ms: number): string {
	const seconds = Math.max(0, Math.round(ms / 1000));
	const minutes = Math.floor(seconds / 60);
	return minutes > 0 ? `${minutes} min ${seconds % 60} s` : `${seconds} s`;
}

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
 * which Settings takes in percent too (./settings-input.ts).
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

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/**
 * A short interval label for a rating button: "1m", "10m", "1h", "3d", "2mo", "1y", "1.5y".
 * Below a minute shows "1m" (ts-fsrs never schedules sooner than a step).
 */
export function formatInterval(ms: number): string {
	// Thresholds apply to the rounded values so 59.7 minutes reads "1h", never "60m".
	const minutes = Math.round(ms / MINUTE);
	if (minutes < 60) return `${Math.max(1, minutes)}m`;
	const hours = Math.round(ms / HOUR);
	if (hours < 24) return `${hours}h`;
	const days = Math.round(ms / DAY);
	if (days < 30) return `${days}d`;
	const months = Math.round(days / 30);
	if (months < 12) return `${months}mo`;
	return `${Number((days / 365).toFixed(1))}y`;
}
