import type { Question } from '$lib/domain/bank';
import type { QuizChoice } from '$lib/domain/quiz-config';
import type { QuizAnswerRecord } from '$lib/domain/quiz-record';
import type { OpenQuiz } from '$lib/domain/quiz-resume';
import { loadQuizPart, type ReviewStorage } from '$lib/storage';
import type { QuizSink } from './quiz.svelte';
import type { Rated, Ratings } from './ratings.svelte';

/**
 * The quiz page's way to storage: its answers (through `ratings`, the one path of a rating, as
 * a quiz answer may grade a flashcard), the quiz under way and the set-up's last choice.
 * `cardFor` names a question's flashcard.
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

	answer(record: QuizAnswerRecord, question: Question): Promise<Rated | null> {
		return this.#ratings.recordQuizAnswer(record, this.#cardFor(question));
	}

	async override(record: QuizAnswerRecord, question: Question, receipt: unknown) {
		await this.#ratings.overrideQuizAnswer(
			record,
			this.#cardFor(question),
			(receipt as Rated | null | undefined) ?? null
		);
	}

	async keep(quiz: OpenQuiz | null) {
		await this.#ratings.progress.write((storage) => storage.saveOpenQuiz(quiz));
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
		await this.#ratings.progress.write((storage) => storage.saveQuizChoice(choice));
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
