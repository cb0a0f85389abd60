/**
 * The in-memory fallback: the same interface as the IndexedDB store, used when IndexedDB is
 * unavailable or full, so the review keeps working for the session ("progress is not being
 * saved"). It validates like the real store, so a bug shows up in either.
 */
import type { ProgressData } from '../domain/records/backup-merge';
import type { ReviewRecord, StoredCard } from '../domain/schedule/scheduler';
import { DEFAULT_SETTINGS, type Settings } from '../domain/records/settings';
import {
	countRating,
	recentDayFrom,
	type DayCount,
	type RatingKind
} from '../domain/study-day/study-day';
import type {
	BackupMark,
	ImportData,
	LoadedData,
	OpenQuiz,
	QuarantinedRecord,
	QuizAnswerRecord,
	QuizChoice,
	RatingInput,
	ReviewStorage,
	UndoResult,
	UndoToken
} from './contract';
import { plainImport } from './import';
import { plainCard, plainMark, plainQuiz, plainRating, plainSettings, sameCard } from './rating';
import { loadQuizPart } from './quiz-part';
import { randomSuffix } from './records';

export interface MemorySeed {
	cards?: Iterable<StoredCard>;
	settings?: Settings;
	days?: Iterable<DayCount>;
}

/** A storage that keeps everything in this tab only; seed it to carry on after a failure. */
export function createMemoryStorage(seed: MemorySeed = {}): ReviewStorage {
	const cards = new Map<string, StoredCard>();
	for (const card of seed.cards ?? []) cards.set(card.id, plainCard(card));
	/** Per seeded card, the review whose log record is not here (see `undoRating`). */
	const seededReview = new Map<string, number | null>(
		[...cards.values()].map((card) => [card.id, card.last_review])
	);
	const days = new Map<string, DayCount>();
	for (const day of seed.days ?? []) days.set(day.day, { ...day });
	let settings = plainSettings(seed.settings ?? (DEFAULT_SETTINGS as Settings));
	// Keyed like the IndexedDB log so undo finds its record.
	let logs = new Map<string, ReviewRecord>();
	let quiz: QuizAnswerRecord[] = [];
	let backupMark: BackupMark | null = null;
	let openQuiz: OpenQuiz | null = null;
	let quizChoice: QuizChoice | null = null;

	function bump(day: string, kind: RatingKind, by: 1 | -1) {
		days.set(day, countRating(days.get(day), day, kind, by));
	}

	return {
		saving: false,
		async load(now = Date.now()): Promise<LoadedData> {
			const recentFrom = recentDayFrom(now);
			return {
				cards: [...cards.values()].map((c) => ({ ...c })),
				settings: structuredClone(settings),
				recentDays: [...days.values()].filter((d) => d.day >= recentFrom).map((d) => ({ ...d })),
				recentFrom,
				quarantined: [],
				migratedFrom: null
			};
		},
		async readDays() {
			// In day order, as IndexedDB gives them.
			return [...days.values()]
				.sort((a, b) => (a.day < b.day ? -1 : a.day > b.day ? 1 : 0))
				.map((d) => ({ ...d }));
		},
		async saveRating(input: RatingInput) {
			const { card, log, previous, undo } = plainRating(input);
			const stored = cards.get(card.id);
			const conflict = !sameCard(stored, previous);
			// As in rating.ts: undo brings back what was stored, not the stale card.
			if (conflict) undo.previous = stored ?? null;
			cards.set(card.id, card);
			logs.set(JSON.stringify(undo.logKey), log);
			bump(undo.day, undo.kind, 1);
			return { undo, conflict };
		},
		async undoRating(token: UndoToken): Promise<UndoResult> {
			const key = JSON.stringify(token.logKey);
			const current = cards.get(token.cardId)?.last_review === token.review;
			// A rating saved to IndexedDB before a full disk sent the session here has its log
			// record there, not here: while its card is still what it left, it can be undone.
			const seeded = current && seededReview.get(token.cardId) === token.review;
			if (!logs.has(key) && !seeded) return { ok: false, reason: 'missing' };
			if (!current) return { ok: false, reason: 'changed' };
			if (seeded) seededReview.set(token.cardId, token.previous?.last_review ?? null);
			if (token.previous) cards.set(token.cardId, plainCard(token.previous));
			else cards.delete(token.cardId);
			logs.delete(key);
			bump(token.day, token.kind, -1);
			return { ok: true, card: token.previous };
		},
		async saveSettings(next: Settings) {
			settings = plainSettings(next);
		},
		async readLogs() {
			return [...logs.values()].sort((a, b) => a.review - b.review);
		},
		async appendQuizAnswer(answer: QuizAnswerRecord) {
			quiz.push(plainQuiz(answer));
		},
		async amendQuizAnswer(answer: QuizAnswerRecord) {
			const value = plainQuiz(answer);
			const at = quiz.findIndex(
				(q) => q.questionId === value.questionId && q.answeredAt === value.answeredAt
			);
			if (at === -1) quiz.push(value);
			else quiz[at] = value;
		},
		async readQuizAnswers() {
			return [...quiz];
		},
		// Their copies load with the quiz, as in the IndexedDB store (./quiz.ts).
		async readOpenQuiz() {
			const { plainOpenQuiz } = await loadQuizPart('read the quiz under way');
			return openQuiz && plainOpenQuiz(openQuiz);
		},
		async saveOpenQuiz(next: OpenQuiz | null) {
			const { plainOpenQuiz } = await loadQuizPart('keep the quiz under way');
			openQuiz = next && plainOpenQuiz(next);
		},
		async readQuizChoice() {
			const { plainQuizChoice } = await loadQuizPart('read the quiz choice');
			return quizChoice && plainQuizChoice(quizChoice);
		},
		async saveQuizChoice(choice: QuizChoice) {
			const { plainQuizChoice } = await loadQuizPart('remember the quiz choice');
			quizChoice = plainQuizChoice(choice);
		},
		async readQuarantine(): Promise<QuarantinedRecord[]> {
			return [];
		},
		async resetProgress() {
			cards.clear();
			days.clear();
			logs = new Map();
			quiz = [];
			openQuiz = null;
		},
		async replaceAll(data: ImportData) {
			// Everything is checked and copied before the first assignment: all or nothing.
			const plain = plainImport(data);
			cards.clear();
			for (const card of plain.cards) cards.set(card.id, card);
			days.clear();
			for (const day of plain.days) days.set(day.day, day);
			logs = new Map(
				plain.logs.map((log) => [JSON.stringify(['log', log.review, randomSuffix()]), log])
			);
			quiz = plain.quiz;
			settings = plain.settings;
			if (plain.backupMark) backupMark = plain.backupMark;
		},
		async mergeAll(merge: (current: ProgressData) => ImportData) {
			// One tab, no await between the read and the write: nothing can come in between.
			const current = {
				cards: [...cards.values()].map((c) => ({ ...c })),
				logs: await this.readLogs(),
				quiz: await this.readQuizAnswers(),
				settings: structuredClone(settings)
			};
			await this.replaceAll(merge(current));
		},
		async readBackupMark() {
			return backupMark ? { ...backupMark } : null;
		},
		async saveBackupMark(mark: BackupMark) {
			backupMark = plainMark(mark);
		},
		onChange: () => () => {},
		// Nothing here is ever unreadable: it was checked on the way in.
		onSetAside: () => () => {},
		close() {}
	};
}
