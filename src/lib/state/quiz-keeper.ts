import type { Question } from '$lib/domain/bank/bank';
import type { QuizChoice } from '$lib/domain/quiz/quiz-config';
import type { QuizAnswerRecord } from '$lib/domain/quiz/quiz-record';
import type { OpenQuiz } from '$lib/domain/quiz/quiz-resume';
import { scheduleEffect } from '$lib/domain/quiz/quiz-schedule';
import { loadQuizPart, type ReviewStorage } from '$lib/storage';
import type { QuizSink } from './quiz.svelte';
import type { Ratings } from './ratings.svelte';
import type { Change, Rated } from './writer';

/**
 * The quiz page's way to storage: its answers (a flashcard a quiz answer grades goes through
 * `ratings`, the one path of a rating), the quiz under way and the set-up's last choice.
 * `cardFor` names a question's flashcard. Here, not in `Ratings`, so the review loads none of it.
 */
export class QuizKeeper implements QuizSink {
	readonly #ratings: Ratings;
	readonly #cardFor: (question: Question) => string | undefined;

	constructor(ratings: Ratings, cardFor: (question: Question) => string | undefined) {
		this.#ratings = ratings;
		this.#cardFor = cardFor;
		// Storage's quiz part loads with the quiz only; asked for now, it comes while progress
		// loads rather than after it (a failure is reported by the read or write that needs it).
		void loadQuizPart().catch(() => undefined);
	}

	/**
	 * Saves a quiz answer and, when the setting is on, rates the question's flashcard Good or Again
	 * where that card is new or due: practice must not inflate intervals. Gives the rating made, if
	 * any, so "I was right" can take it back.
	 */
	async answer(record: QuizAnswerRecord, question: Question): Promise<Rated | null> {
		await this.#write((storage) => storage.appendQuizAnswer(record), {
			type: 'answered',
			answer: record
		});
		return this.#gradeCard(record, this.#cardFor(question));
	}

	/**
	 * "I was right" on a typed answer the grader refused: `record` (now right, marked
	 * `overridden`) replaces the stored answer, and the Again its wrong grade gave the flashcard
	 * (`receipt`, what `answer` gave) is undone and graded again as a right answer would have
	 * been, at the same time. When another tab has rated that card since, its rating stays.
	 */
	async override(record: QuizAnswerRecord, question: Question, receipt: unknown) {
		await this.#write((storage) => storage.amendQuizAnswer(record), {
			type: 'answered',
			answer: record
		});
		const rated = receipt as Rated | null | undefined;
		const cardId = this.#cardFor(question);
		if (!rated || !cardId) return;
		const undone = await this.#ratings.undo(rated.undo);
		if (undone.ok) await this.#gradeCard(record, cardId);
	}

	async #gradeCard(record: QuizAnswerRecord, cardId: string | undefined): Promise<Rated | null> {
		const progress = this.#ratings.progress;
		if (!progress.settings.quizCountsTowardSchedule || !cardId) return null;
		const now = record.answeredAt;
		const effect = scheduleEffect(progress.cards.get(cardId), record.correct, now);
		return effect
			? this.#ratings.rate(cardId, effect, { now, durationMs: record.durationMs })
			: null;
	}

	async keep(quiz: OpenQuiz | null) {
		await this.#write((storage) => storage.saveOpenQuiz(quiz), { type: 'quiz-kept' });
	}

	/** The quiz left mid-way; null when there is none or it cannot be read (reported). */
	async open(): Promise<OpenQuiz | null> {
		return this.#read((storage) => storage.readOpenQuiz());
	}

	/** The set-up form's last choice; null before the first quiz. */
	async choice(): Promise<QuizChoice | null> {
		return this.#read((storage) => storage.readQuizChoice());
	}

	async rememberChoice(choice: QuizChoice) {
		await this.#write((storage) => storage.saveQuizChoice(choice), { type: 'quiz-kept' });
	}

	/** Like a rating, a quiz answer carries on in memory on a full disk: the quiz goes on. */
	async #write(write: (storage: ReviewStorage) => Promise<void>, change: Change) {
		const writer = await this.#ratings.writer();
		await writer.write(write, { whenFull: 'memory', change: () => change });
	}

	async #read<T>(read: (storage: ReviewStorage) => Promise<T | null>): Promise<T | null> {
		const progress = this.#ratings.progress;
		try {
			return await read(await progress.storage());
		} catch (error) {
			progress.status.fail(error);
			return null;
		}
	}
}
