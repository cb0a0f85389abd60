import { DAY_MS, HOUR_MS, MINUTE_MS } from './study-day';
/**
 * Human wording for lengths of time: a session's time and a rating's interval (English, the app's
 * language). Apart from moments and dates (./time-format.ts), which Today shows too: only the
 * review and the quiz show these.
 */

/** "3 min 20 s", "45 s". */
export function formatDuration(ms: number): string {
	const seconds = Math.max(0, Math.round(ms / 1000));
	const minutes = Math.floor(seconds / 60);
	return minutes > 0 ? `${minutes} min ${seconds % 60} s` : `${seconds} s`;
}

/**
 * A short interval label for a rating button: "1m", "10m", "1h", "3d", "2mo", "1y", "1.5y".
 * Below a minute shows "1m" (ts-fsrs never schedules sooner than a step).
 */
export function formatInterval(ms: number): string {
	// Thresholds apply to the rounded values so 59.7 minutes reads "1h", never "60m".
	const minutes = Math.round(ms / MINUTE_MS);
	if (minutes < 60) return `${Math.max(1, minutes)}m`;
	const hours = Math.round(ms / HOUR_MS);
	if (hours < 24) return `${hours}h`;
	const days = Math.round(ms / DAY_MS);
	if (days < 30) return `${days}d`;
	const months = Math.round(days / 30);
	if (months < 12) return `${months}mo`;
	return `${Number((days / 365).toFixed(1))}y`;
}
