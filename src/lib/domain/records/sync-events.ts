/**
 * What sync exchanges, as pure rules: the event documents (review-log records and quiz answers,
 * whose ids are derived from the event, so the same rating from a backup or another device is one
 * document), the one settings document where the newest change wins, the checks every incoming
 * document passes (the backup file's own rules), and the replay that rebuilds the cards whose
 * events changed. Cards never travel: every device derives them from the same events.
 */
import { checkBackup, BACKUP_FORMAT, BACKUP_LIMITS, BACKUP_SCHEMA_VERSION } from './backup-schema';
import {
	amends,
	logIdentity,
	quizIdentity,
	unionQuizAnswers,
	type ProgressData
} from './backup-merge';
import type { QuizAnswerRecord } from '../quiz/quiz-record';
import type { ReviewRecord, StoredCard } from '../schedule/card';
import { rebuildCards } from '../schedule/rebuild-cards';
import type { Scheduler } from '../schedule/scheduler';
import { validateSettings, type Settings } from './settings';

export const SETTINGS_DOC_ID = 'settings';
const REVIEW_PREFIX = 'review:';
const QUIZ_PREFIX = 'quiz:';

export interface ReviewEventDoc {
	_id: string;
	kind: 'review';
	record: ReviewRecord;
}

export interface QuizEventDoc {
	_id: string;
	kind: 'quiz';
	record: QuizAnswerRecord;
}

export interface SettingsDoc {
	_id: typeof SETTINGS_DOC_ID;
	kind: 'settings';
	settings: Settings;
	/** When the settings were changed (the changing device's clock); the newest change wins. */
	changedAt: number;
}

export type SyncDoc = ReviewEventDoc | QuizEventDoc | SettingsDoc;

/** A rating's document id: its card, time and rating (`logIdentity`'s fields), readable. */
export function reviewEventId(log: Pick<ReviewRecord, 'card_id' | 'review' | 'rating'>): string {
	return `${REVIEW_PREFIX}${log.card_id}:${log.review}:${log.rating}`;
}

/** A quiz answer's document id: its question and time (the merge import's identity). */
export function quizEventId(answer: Pick<QuizAnswerRecord, 'questionId' | 'answeredAt'>): string {
	return `${QUIZ_PREFIX}${answer.questionId}:${answer.answeredAt}`;
}

export function reviewEventDoc(record: ReviewRecord): ReviewEventDoc {
	return { _id: reviewEventId(record), kind: 'review', record };
}

export function quizEventDoc(record: QuizAnswerRecord): QuizEventDoc {
	return { _id: quizEventId(record), kind: 'quiz', record };
}

export function settingsDoc(settings: Settings, changedAt: number): SettingsDoc {
	return { _id: SETTINGS_DOC_ID, kind: 'settings', settings, changedAt };
}

/**
 * The settings every device settles on among conflicting versions: the latest `changedAt`; on a
 * tie, the greater JSON text, so two devices choosing apart still choose the same.
 */
export function resolveSettings(docs: readonly SettingsDoc[]): SettingsDoc | null {
	let best: SettingsDoc | null = null;
	for (const doc of docs) {
		if (
			best === null ||
			doc.changedAt > best.changedAt ||
			(doc.changedAt === best.changedAt &&
				JSON.stringify(doc.settings) > JSON.stringify(best.settings))
		)
			best = doc;
	}
	return best;
}

/** One entry of the replica's changes feed: a document written or deleted. */
export interface IncomingChange {
	id: string;
	deleted: boolean;
	doc?: unknown;
}

/** A document from the server that broke a rule: never applied, reported. */
export interface SetAsideDoc {
	id: string;
	reason: string;
}

/** What a batch of checked changes asks of the device's progress. */
export interface EventBatch {
	addedLogs: ReviewRecord[];
	/** `logIdentity` of each rating undone elsewhere. */
	removedLogs: string[];
	addedQuiz: QuizAnswerRecord[];
	removedQuiz: string[];
	/** The settings that won, when a settings document came. */
	settings: SettingsDoc | null;
}

export interface CheckedChanges {
	batch: EventBatch;
	setAside: SetAsideDoc[];
}

// Fields CouchDB adds to a document; any other field than the event's own is set aside.
const META_FIELDS = new Set(['_id', '_rev', '_revisions', '_conflicts', '_deleted']);

function isObject(value: unknown): value is Record<string, unknown> {
	return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function extraField(doc: Record<string, unknown>, own: readonly string[]): string | undefined {
	return Object.keys(doc).find((key) => !META_FIELDS.has(key) && !own.includes(key));
}

/** A quoted id, cut short: a hostile id can be any length. */
function shortId(id: string): string {
	return id.length > 80 ? `${id.slice(0, 60)}… (${id.length} characters)` : id;
}

/**
 * Checks records exactly as a backup file's, so sync trusts nothing a backup import would
 * refuse: valid ids, no markup in texts, no time more than the allowed skew past `now`. The whole
 * batch is checked at once (the common case: all fine); only a failing batch is checked record
 * by record, to name which ones break which rule.
 */
function checkRecords(
	log: readonly unknown[],
	quiz: readonly unknown[],
	now: number
): { log: (string | null)[]; quiz: (string | null)[] } {
	const asBackup = (l: readonly unknown[], q: readonly unknown[]) =>
		checkBackup(
			{
				format: BACKUP_FORMAT,
				schema: BACKUP_SCHEMA_VERSION,
				appVersion: 'sync',
				bankVersion: null,
				exportedAt: 0,
				settings: {},
				cards: [],
				log: l,
				quiz: q
			},
			now
		);
	if (asBackup(log, quiz).ok) return { log: log.map(() => null), quiz: quiz.map(() => null) };
	const one = (l: readonly unknown[], q: readonly unknown[]) => {
		const result = asBackup(l, q);
		// "log[0].rating: …" is about this one record: its field is what the reader needs.
		return result.ok ? null : result.message.replace(/^(log|quiz)\[0\]\.?/, '') || 'invalid';
	};
	return { log: log.map((r) => one([r], [])), quiz: quiz.map((r) => one([], [r])) };
}

/** The card id, time and rating a review event id names, as `logIdentity` gives them; or null. */
function reviewIdentityOf(id: string): string | null {
	const match = /^review:(.+):(\d+):(again|hard|good|easy)$/.exec(id);
	return match ? JSON.stringify([match[1], Number(match[2]), match[3]]) : null;
}

function quizIdentityOf(id: string): string | null {
	const match = /^quiz:(.+):(\d+)$/.exec(id);
	return match ? JSON.stringify([match[1], Number(match[2])]) : null;
}

/**
 * Checks a batch of incoming changes. Each document must be an event whose id is the one its
 * record gives, or the settings document, and pass the backup file's rules; anything else is set
 * aside with its reason. Deletions of events (an undo elsewhere) carry only the id, which names
 * the rating. Settings documents are resolved by `resolveSettings` among `settingsVersions`
 * (the current winner and its conflicts, as the replica holds them).
 */
export function checkIncoming(
	changes: readonly IncomingChange[],
	now: number,
	settingsVersions: readonly unknown[] = []
): CheckedChanges {
	const setAside: SetAsideDoc[] = [];
	const batch: EventBatch = {
		addedLogs: [],
		removedLogs: [],
		addedQuiz: [],
		removedQuiz: [],
		settings: null
	};
	const logs: { id: string; record: unknown }[] = [];
	const quiz: { id: string; record: unknown }[] = [];
	const reject = (id: string, reason: string) => setAside.push({ id: shortId(id), reason });

	for (const change of changes) {
		const { id } = change;
		if (id.startsWith('_design/') || id.startsWith('_local/')) continue;
		if (id === SETTINGS_DOC_ID) continue; // resolved below, from all its versions
		if (change.deleted) {
			const review = reviewIdentityOf(id);
			const answer = quizIdentityOf(id);
			if (review) batch.removedLogs.push(review);
			else if (answer) batch.removedQuiz.push(answer);
			// A deleted document that was never an event leaves nothing to undo.
			continue;
		}
		const doc = change.doc;
		if (!isObject(doc)) {
			reject(id, 'not a document');
			continue;
		}
		const kind = doc.kind;
		const extra = extraField(doc, ['kind', 'record']);
		if (kind !== 'review' && kind !== 'quiz') reject(id, 'kind: expected "review" or "quiz"');
		else if (extra !== undefined) reject(id, `${shortId(extra)}: unexpected field`);
		else (kind === 'review' ? logs : quiz).push({ id, record: doc.record });
	}

	const checked = checkRecords(
		logs.map((l) => l.record),
		quiz.map((q) => q.record),
		now
	);
	/** Takes each event whose record passed its check and whose id is the one the record gives. */
	const accept = <T>(
		events: { id: string; record: unknown }[],
		problems: (string | null)[],
		eventId: (record: T) => string,
		into: T[]
	) =>
		events.forEach(({ id, record }, i) => {
			const problem = problems[i];
			if (problem) return reject(id, problem);
			const expected = eventId(record as T);
			if (expected !== id) return reject(id, `_id: expected "${expected}"`);
			into.push(record as T);
		});
	accept(logs, checked.log, reviewEventId, batch.addedLogs);
	accept(quiz, checked.quiz, quizEventId, batch.addedQuiz);

	const valid: SettingsDoc[] = [];
	for (const version of settingsVersions) {
		const problem = settingsProblem(version, now);
		if (problem) reject(SETTINGS_DOC_ID, problem);
		else valid.push(version as SettingsDoc);
	}
	batch.settings = resolveSettings(valid);
	return { batch, setAside };
}

/** Why `doc` is not a valid settings document, or null. */
function settingsProblem(doc: unknown, now: number): string | null {
	if (!isObject(doc)) return 'not a document';
	if (doc.kind !== 'settings') return 'kind: expected "settings"';
	const extra = extraField(doc, ['kind', 'settings', 'changedAt']);
	if (extra !== undefined) return `${shortId(extra)}: unexpected field`;
	const at = doc.changedAt;
	if (typeof at !== 'number' || !Number.isInteger(at) || at < 0)
		return 'changedAt: expected a whole number of ms';
	if (at > now + BACKUP_LIMITS.clockSkewMs) return 'changedAt: expected a time not in the future';
	const settings = validateSettings(doc.settings);
	if (!settings.ok) return `settings: ${settings.errors[0]?.message ?? 'invalid'}`;
	(doc as unknown as SettingsDoc).settings = settings.settings;
	return null;
}

/** Whether applying `batch` to `current` would change anything. */
export function changesAnything(current: ProgressData, batch: EventBatch): boolean {
	if (
		batch.settings &&
		JSON.stringify(batch.settings.settings) !== JSON.stringify(current.settings)
	)
		return true;
	const logs = new Set(current.logs.map(logIdentity));
	const quiz = new Map(current.quiz.map((q) => [quizIdentity(q), q]));
	const changes = (q: QuizAnswerRecord) => {
		const before = quiz.get(quizIdentity(q));
		return !before || amends(q, before);
	};
	return (
		batch.addedLogs.some((l) => !logs.has(logIdentity(l))) ||
		batch.removedLogs.some((id) => logs.has(id)) ||
		batch.addedQuiz.some(changes) ||
		batch.removedQuiz.some((id) => quiz.has(id))
	);
}

/**
 * The progress after `batch`: ratings and quiz answers added (once each; an answer marked "I was
 * right" elsewhere replaces the one here) and removed, the
 * settings that won, and every card whose ratings changed rebuilt by replaying them all through
 * the winning settings' scheduler (a card left with no rating goes: it is new again). Other cards
 * stay as they are, unless the FSRS parameters changed: then, as using them on the other device
 * did, every card's memory is rebuilt and its due date kept. Pure; the caller writes the result as
 * one all-or-nothing import.
 */
export function applyEvents(
	current: ProgressData,
	batch: EventBatch,
	schedulerFor: (settings: Settings) => Scheduler
): ProgressData {
	const settings = batch.settings ? batch.settings.settings : current.settings;
	const scheduler = schedulerFor(settings);
	const removedLogs = new Set(batch.removedLogs);
	const removedQuiz = new Set(batch.removedQuiz);
	const touched = new Set<string>();
	const logs = new Map<string, ReviewRecord>();
	for (const log of current.logs) {
		const id = logIdentity(log);
		if (removedLogs.has(id)) touched.add(log.card_id);
		else logs.set(id, log);
	}
	for (const log of batch.addedLogs) {
		const id = logIdentity(log);
		if (logs.has(id) || removedLogs.has(id)) continue;
		logs.set(id, log);
		touched.add(log.card_id);
	}
	const quiz = unionQuizAnswers(current.quiz, batch.addedQuiz).filter(
		(answer) => !removedQuiz.has(quizIdentity(answer))
	);

	const sortedLogs = [...logs.values()].sort((a, b) => a.review - b.review);
	const byCard = new Map<string, ReviewRecord[]>();
	for (const log of sortedLogs) {
		if (!touched.has(log.card_id)) continue;
		const list = byCard.get(log.card_id);
		if (list) list.push(log);
		else byCard.set(log.card_id, [log]);
	}
	const newParameters =
		JSON.stringify(settings.fsrsParameters) !== JSON.stringify(current.settings.fsrsParameters);
	const cards = new Map<string, StoredCard>(
		(newParameters ? rebuildCards(current.cards, sortedLogs, scheduler, false) : current.cards).map(
			(c) => [c.id, c]
		)
	);
	for (const id of touched) {
		const cardLogs = byCard.get(id);
		if (cardLogs) cards.set(id, scheduler.replay(id, cardLogs));
		else cards.delete(id);
	}
	return {
		cards: [...cards.values()].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)),
		logs: sortedLogs,
		quiz: quiz.sort((a, b) => a.answeredAt - b.answeredAt),
		settings
	};
}
