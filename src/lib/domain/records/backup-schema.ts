/**
 * The backup file: its schema and `parseBackup`, which checks a whole file before anything is
 * written. A file may come from anywhere, so it is bounded (sizes, counts, string lengths),
 * plain (no markup in text), and not from the future; the first problem is reported with its
 * path, e.g. `log[12].rating: expected one of again, hard, good, easy, got "great"`.
 */
import * as v from 'valibot';
import type { QuizAnswerRecord } from '../quiz/quiz-record';
import { RECORD_FIELDS, type Fields } from './record-guards';
import { CARD_STATES, RATINGS, type ReviewRecord, type StoredCard } from '../schedule/card';
import { validateSettings, type Settings } from './settings';
import { errorMessage } from '../../error-message';

export const BACKUP_FORMAT = 'kizuna-backup';
export const BACKUP_SCHEMA_VERSION = 1;

export const BACKUP_LIMITS = Object.freeze({
	/** Characters of the whole file (a year of heavy daily use is a few megabytes). */
	fileChars: 50_000_000,
	textChars: 1000,
	idChars: 200,
	cards: 100_000,
	log: 1_000_000,
	quiz: 500_000,
	/** Items of a multi-part answer. */
	listItems: 100,
	/** How far past the importing device's clock a time may be (another device's clock). */
	clockSkewMs: 60 * 60_000
});

export interface Backup {
	format: typeof BACKUP_FORMAT;
	schema: typeof BACKUP_SCHEMA_VERSION;
	appVersion: string;
	/** The question bank's content hash at export; null if the bank was not loaded. */
	bankVersion: string | null;
	exportedAt: number;
	settings: Settings;
	cards: StoredCard[];
	/** The review log, in review order. */
	log: ReviewRecord[];
	quiz: QuizAnswerRecord[];
}

/** What a file holds, shown before the user chooses Replace or Merge. */
export interface BackupSummary {
	cards: number;
	reviews: number;
	quizAnswers: number;
	/** Earliest and latest review or quiz answer (epoch ms); null when there are none. */
	from: number | null;
	to: number | null;
}

export type ParsedBackup =
	{ ok: true; backup: Backup; summary: BackupSummary } | { ok: false; message: string };

// Dates must stay inside what `Date` represents.
const MAX_TIME = 8.64e15;
const time = v.pipe(v.number(), v.integer('a whole number'), v.minValue(0), v.maxValue(MAX_TIME));
const TAG = /<[/!?a-z]/i;
const ID = /^[A-Za-z0-9][A-Za-z0-9._:-]*$/;

const id = v.pipe(
	v.string(),
	v.maxLength(BACKUP_LIMITS.idChars, `at most ${BACKUP_LIMITS.idChars} characters`),
	v.regex(ID, 'an id of letters, digits and . _ : -')
);
const text = v.pipe(
	v.string(),
	v.maxLength(BACKUP_LIMITS.textChars, `at most ${BACKUP_LIMITS.textChars} characters`),
	v.check((s) => !TAG.test(s), 'plain text without HTML tags')
);
const given = v.union(
	[text, v.pipe(v.array(text), v.maxLength(BACKUP_LIMITS.listItems, 'a shorter list'))],
	'a text or a list of texts'
);

function past(now: number) {
	const latest = now + BACKUP_LIMITS.clockSkewMs;
	return v.pipe(
		time,
		v.maxValue(latest, `a time not in the future (before ${new Date(latest).toISOString()})`)
	);
}

/**
 * A stored record's rules as valibot entries, from its field table (the one definition storage's
 * guard and messages use too); the file's schema tightens some of them below.
 */
function entriesOf<T>(fields: Fields): { [K in keyof T]-?: v.GenericSchema<T[K]> } {
	const entries: Record<string, v.GenericSchema> = {};
	for (const [key, [check, expected, optional]] of Object.entries(fields)) {
		const rule = v.custom(check, expected);
		entries[key] = optional ? v.optional(rule) : rule;
	}
	return entries as { [K in keyof T]-?: v.GenericSchema<T[K]> };
}

/** A list of at most `max` items, counted before any item is checked. */
function list<T extends v.GenericSchema>(item: T, max: number) {
	return v.pipe(v.array(v.unknown()), v.maxLength(max, `at most ${max} entries`), v.array(item));
}

function backupSchema(now: number) {
	const ratings = v.picklist(RATINGS, `one of ${RATINGS.join(', ')}`);
	const states = v.picklist(CARD_STATES, `one of ${CARD_STATES.join(', ')}`);
	const card = v.strictObject({
		...entriesOf<StoredCard>(RECORD_FIELDS.card),
		id,
		due: time,
		state: states,
		last_review: v.nullable(past(now))
	});
	const log = v.strictObject({
		...entriesOf<ReviewRecord>(RECORD_FIELDS.review),
		card_id: id,
		rating: ratings,
		state: states,
		due: time,
		review: past(now),
		duration_ms: v.pipe(time, v.maxValue(MAX_TIME))
	});
	const quiz = v.strictObject({
		...entriesOf<QuizAnswerRecord>(RECORD_FIELDS.quiz),
		questionId: id,
		framework: id,
		given,
		typo: v.optional(v.strictObject({ given: text, expected: text })),
		pickedDistractor: v.optional(given),
		durationMs: time,
		answeredAt: past(now)
	});
	return v.strictObject({
		format: v.literal(BACKUP_FORMAT),
		schema: v.literal(BACKUP_SCHEMA_VERSION),
		appVersion: text,
		bankVersion: v.nullable(text),
		exportedAt: past(now),
		// Checked field by field by validateSettings, the same rules as the settings form.
		settings: v.looseObject({}),
		cards: list(card, BACKUP_LIMITS.cards),
		log: list(log, BACKUP_LIMITS.log),
		quiz: list(quiz, BACKUP_LIMITS.quiz)
	});
}

/**
 * Reads a backup file's text. Checks everything before returning (so the caller writes all or
 * nothing) and never throws: a broken, foreign, too large or hostile file gives a message naming
 * its first problem. `now` bounds the times in the file.
 */
export function parseBackup(text: string, now: number): ParsedBackup {
	if (text.length > BACKUP_LIMITS.fileChars) {
		return fail(
			`the file is too large (${text.length} characters, at most ${BACKUP_LIMITS.fileChars})`
		);
	}
	let value: unknown;
	try {
		value = JSON.parse(text);
	} catch (error) {
		const detail = errorMessage(error);
		return fail(`the file is not valid JSON, perhaps cut short or not a backup (${detail})`);
	}
	return checkBackup(value, now);
}

/** `parseBackup` for a value already parsed from JSON. */
export function checkBackup(value: unknown, now: number): ParsedBackup {
	if (typeof value !== 'object' || value === null || Array.isArray(value)) {
		return fail(`the file is not a Kizuna backup: expected an object, got ${describe(value)}`);
	}
	const head = value as Record<string, unknown>;
	if (head.format !== BACKUP_FORMAT) {
		return fail(
			`format: expected "${BACKUP_FORMAT}" (this is not a Kizuna backup), got ${describe(head.format)}`
		);
	}
	if (head.schema !== BACKUP_SCHEMA_VERSION) {
		return fail(
			`schema: this Kizuna reads backup version ${BACKUP_SCHEMA_VERSION}, got ${describe(head.schema)}`
		);
	}
	const result = v.safeParse(backupSchema(now), value, { abortEarly: true });
	if (!result.success) return fail(formatIssue(result.issues[0]));
	const settings = validateSettings(result.output.settings);
	if (!settings.ok) return fail(`settings: ${settings.errors[0]?.message ?? 'invalid'}`);
	const seen = new Set<string>();
	for (const [i, card] of result.output.cards.entries()) {
		if (seen.has(card.id)) return fail(`cards[${i}].id: a second card ${describe(card.id)}`);
		seen.add(card.id);
	}
	const backup: Backup = { ...result.output, settings: settings.settings };
	return { ok: true, backup, summary: summarizeBackup(backup) };
}

/** Counts and date range of a backup. */
function summarizeBackup(backup: Pick<Backup, 'cards' | 'log' | 'quiz'>): BackupSummary {
	let from: number | null = null;
	let to: number | null = null;
	const times = [...backup.log.map((l) => l.review), ...backup.quiz.map((q) => q.answeredAt)];
	for (const at of times) {
		if (from === null || at < from) from = at;
		if (to === null || at > to) to = at;
	}
	return {
		cards: backup.cards.length,
		reviews: backup.log.length,
		quizAnswers: backup.quiz.length,
		from,
		to
	};
}

function fail(message: string): ParsedBackup {
	return { ok: false, message };
}

type Issue = v.BaseIssue<unknown>;

const NOUNS: Record<string, string> = {
	string: 'a text',
	number: 'a number',
	boolean: 'true or false',
	Array: 'a list',
	Object: 'an object',
	null: 'null'
};

type PathItem = { key: unknown };

/** `log[12].rating: expected one of …, got "great"` from a valibot issue. */
function formatIssue(first: Issue): string {
	const { issue, path: items } = deepest(first, first.path ?? []);
	const path = pathOf(items);
	if (issue.type === 'strict_object' && issue.expected === 'never') {
		return `${path}: unexpected field`;
	}
	if (issue.kind === 'schema' && issue.input === undefined) return `${path}: missing`;
	return `${path}: expected ${expectation(issue)}, got ${describe(issue.input)}`;
}

/**
 * A union reports itself, with its branches' issues (paths relative to the union) inside; the
 * branch that got furthest into the value says more.
 */
function deepest(issue: Issue, path: readonly PathItem[]): { issue: Issue; path: PathItem[] } {
	let best = { issue, path: [...path] };
	for (const sub of issue.issues ?? []) {
		const candidate = deepest(sub, [...path, ...(sub.path ?? [])]);
		if (candidate.path.length > best.path.length) best = candidate;
	}
	return best;
}

function expectation(issue: Issue): string {
	// Our own messages are written as the expectation; valibot's defaults start "Invalid …".
	if (!issue.message.startsWith('Invalid ')) return issue.message;
	const requirement = (issue as { requirement?: unknown }).requirement;
	switch (issue.type) {
		case 'finite':
			return 'a finite number';
		case 'integer':
			return 'a whole number';
		case 'min_value':
			return `at least ${String(requirement)}`;
		case 'max_value':
			return `at most ${String(requirement)}`;
		case 'min_length':
			return `at least ${String(requirement)} characters`;
		default:
			return NOUNS[issue.expected ?? ''] ?? issue.expected ?? 'something else';
	}
}

function pathOf(items: readonly PathItem[]): string {
	let out = '';
	for (const { key } of items) {
		out += typeof key === 'number' ? `[${key}]` : `${out ? '.' : ''}${String(key).slice(0, 60)}`;
	}
	return out || '(file)';
}

/** A short, safe rendering of a bad value for a message (never the whole of a huge string). */
function describe(value: unknown): string {
	if (value === undefined) return 'nothing';
	if (typeof value === 'string') {
		return value.length > 60
			? `${JSON.stringify(value.slice(0, 40))}… (${value.length} characters)`
			: JSON.stringify(value);
	}
	if (Array.isArray(value)) return `a list of ${value.length}`;
	if (typeof value === 'object' && value !== null) return 'an object';
	return String(value);
}
