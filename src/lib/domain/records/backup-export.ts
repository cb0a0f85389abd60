/**
 * Building what the user downloads: the backup file and the review log as CSV for the FSRS
 * optimizers.
 */
import { BACKUP_FORMAT, BACKUP_SCHEMA_VERSION, type Backup } from './backup-schema';
import type { QuizAnswerRecord } from '../quiz/quiz-record';
import type { CardState, Rating, ReviewRecord, StoredCard } from '../schedule/scheduler';
import type { Settings } from './settings';

export interface BackupSource {
	cards: readonly StoredCard[];
	logs: readonly ReviewRecord[];
	quiz: readonly QuizAnswerRecord[];
	settings: Settings;
	appVersion: string;
	bankVersion: string | null;
	now: number;
}

/** The backup object for `source`: plain copies, logs and quiz answers in time order. */
export function buildBackup(source: BackupSource): Backup {
	return structuredClone({
		format: BACKUP_FORMAT,
		schema: BACKUP_SCHEMA_VERSION,
		appVersion: source.appVersion,
		bankVersion: source.bankVersion,
		exportedAt: source.now,
		settings: source.settings,
		cards: [...source.cards].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)),
		log: [...source.logs].sort((a, b) => a.review - b.review),
		quiz: [...source.quiz].sort((a, b) => a.answeredAt - b.answeredAt)
	});
}

function pad(n: number): string {
	return String(n).padStart(2, '0');
}

/** `kizuna-backup-YYYY-MM-DD.json` (or another `kind`), with the local date of `now`. */
export function backupFileName(now: number, kind = 'backup', extension = 'json'): string {
	const d = new Date(now);
	return `kizuna-${kind}-${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}.${extension}`;
}

// The numbers ts-fsrs and the FSRS optimizers use.
const RATING_NUMBER: Record<Rating, number> = { again: 1, hard: 2, good: 3, easy: 4 };
const STATE_NUMBER: Record<CardState, number> = { new: 0, learning: 1, review: 2, relearning: 3 };

const CSV_COLUMNS = [
	'card_id',
	'review_time',
	'review_rating',
	'review_state',
	'review_duration'
] as const;

function csvField(value: string | number): string {
	const text = String(value);
	// A leading = + - @ would be run as a formula by a spreadsheet.
	const safe = /^[=+\-@]/.test(text) ? `'${text}` : text;
	return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/**
 * The review log as the FSRS optimizers read it: card_id, review_time (epoch ms),
 * review_rating (1–4), review_state (state before the rating: New 0, Learning 1, Review 2,
 * Relearning 3), review_duration (ms). One header line, then one line per rating in time order.
 */
export function reviewLogCsv(logs: readonly ReviewRecord[]): string {
	const lines = [CSV_COLUMNS.join(',')];
	for (const log of [...logs].sort((a, b) => a.review - b.review)) {
		lines.push(
			[log.card_id, log.review, RATING_NUMBER[log.rating], STATE_NUMBER[log.state], log.duration_ms]
				.map(csvField)
				.join(',')
		);
	}
	return `${lines.join('\r\n')}\r\n`;
}
