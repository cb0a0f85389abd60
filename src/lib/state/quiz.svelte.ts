import type { Question } from '$lib/domain/bank/bank';
import type { QuizConfig } from '$lib/domain/quiz/quiz-config';
import {
	giveUp,
	gradeAnswer,
	responseKindOf,
	type GradeResult,
	type QuizResponse
} from '$lib/domain/quiz/quiz-grade';
import {
	toAnswerRecord,
	type QuizAnswerRecord,
	type QuizResult
} from '$lib/domain/quiz/quiz-record';
import { openQuizOf, resumeQuiz, type OpenQuiz } from '$lib/domain/quiz/quiz-resume';
import type { QuizBank } from '$lib/domain/quiz/quiz-compatible';
import { quizCapacity, quizOf, sampleQuiz, type QuizItem } from '$lib/domain/quiz/quiz-sample';
import { summarizeQuiz } from '$lib/domain/quiz/quiz-summary';
import { errorMessage } from '$lib/error-message';

export type QuizPhase = 'setup' | 'question' | 'feedback' | 'summary';

/** Where a quiz's answers and progress go; the page wires it to storage (./quiz-keeper.ts). */
export interface QuizSink {
	/**
	 * Saves a graded answer (and grades its flashcard when the settings say so). What it gives
	 * back is handed to `override` if the learner says "I was right".
	 */
	answer(record: QuizAnswerRecord, question: Question): Promise<unknown>;
	/** Saves `record`, now marked "I was right"; `receipt` is what `answer` gave for it. */
	override(record: QuizAnswerRecord, question: Question, receipt: unknown): Promise<void>;
	/** Keeps the quiz under way after each step, so it can be resumed; null once it ended. */
	keep(quiz: OpenQuiz | null): Promise<void>;
}

function freshSeed(): number {
	return crypto.getRandomValues(new Uint32Array(1))[0] ?? 1;
}

/** One quiz from set-up to summary. The page owns the instance; nothing here touches storage. */
export class QuizSession {
	#phase = $state<QuizPhase>('setup');
	#items = $state.raw<QuizItem[]>([]);
	#index = $state(0);
	/** How many items were asked (answered or skipped), for the summary of a quiz quit early. */
	#asked = $state(0);
	#results = $state.raw<QuizResult[]>([]);
	#grade = $state.raw<GradeResult | undefined>(undefined);
	#receipt: unknown;
	#startedAt = 0;
	#shownAt = 0;
	#sink: QuizSink;
	#saveError = $state<string | undefined>(undefined);
	#saving = false;
	/** How many questions the quiz under way was asked to hold, when a number was asked for. */
	#requested = $state<number | undefined>(undefined);
	/** The seed of the next quiz, drawn beforehand so the set-up can say how long it can be. */
	#nextSeed = $state(freshSeed());
	/** Keeps run one after another, so the last step is the one stored. */
	#keeping: Promise<void> = Promise.resolve();

	/** The answer being composed for the current question, in every input shape. */
	selected = $state<string[]>([]);
	typed = $state('');
	pairs = $state<string[]>([]);

	/** `clock` stamps the quiz's start and each answer (tests pass their own). */
	constructor(
		sink: QuizSink,
		readonly clock: () => number = Date.now
	) {
		this.#sink = sink;
	}

	get phase() {
		return this.#phase;
	}
	get items() {
		return this.#items;
	}
	get index() {
		return this.#index;
	}
	get current(): QuizItem | undefined {
		return this.#items[this.#index];
	}
	get grade() {
		return this.#grade;
	}
	get results() {
		return this.#results;
	}
	get saveError() {
		return this.#saveError;
	}
	/** The current question's result once checked (with "I don't know" or "I was right"). */
	get result(): QuizResult | undefined {
		const last = this.#results.at(-1);
		return this.#phase === 'feedback' && last?.question === this.current?.question
			? last
			: undefined;
	}
	summary = $derived(summarizeQuiz(this.#results, this.#items, this.#asked));

	/** Whether the composed answer is complete enough to check. */
	get canCheck(): boolean {
		const item = this.current;
		if (!item || this.#phase !== 'question') return false;
		switch (responseKindOf(item.question)) {
			case 'typed':
				return this.typed.trim() !== '';
			case 'matching':
				return this.pairs.every((p) => p !== '');
			default:
				return this.selected.length > 0;
		}
	}

	/** Whether "I was right" is open: a typed answer the grader refused, just checked. */
	get canOverride(): boolean {
		const result = this.result;
		return (
			result !== undefined &&
			result.response.kind === 'typed' &&
			!result.grade.correct &&
			!result.gaveUp
		);
	}

	/**
	 * How many questions a quiz asked to hold more than it can (a link's `n`, or the questions
	 * its `ids` name) was asked for; undefined when it holds what was asked.
	 */
	get askedFor(): number | undefined {
		const requested = this.#requested;
		return requested !== undefined && requested > this.#items.length ? requested : undefined;
	}

	/**
	 * How many questions the next quiz for `config` can ask, none giving away one asked after it.
	 * Its "All" asks that many, and no count asks more.
	 */
	capacity(bank: QuizBank, config: QuizConfig): number {
		return quizCapacity(bank, config, this.#nextSeed);
	}

	start(bank: QuizBank, config: QuizConfig, seed = this.#nextSeed) {
		this.#nextSeed = freshSeed();
		this.#begin(sampleQuiz(bank, config, seed));
		// A link naming questions asks for all of them.
		this.#requested = config.count === 'all' ? config.questions?.length : config.count;
	}

	/** Starts again on exactly these questions of `bank`, e.g. the mistakes of the last quiz. */
	retry(bank: QuizBank, questions: readonly Question[]) {
		this.#begin(quizOf(bank, questions, freshSeed()));
	}

	/** Goes on with a quiz left mid-way, on today's questions (the bank may have changed). */
	resume(open: OpenQuiz, questions: readonly Question[]) {
		const { items, results, next } = resumeQuiz(open, questions, freshSeed());
		this.#items = items;
		this.#requested = undefined;
		this.#results = results;
		this.#startedAt = open.startedAt;
		this.#moveTo(next);
	}

	reset() {
		this.#phase = 'setup';
		this.#items = [];
		this.#results = [];
		this.#asked = 0;
		this.#requested = undefined;
	}

	#begin(items: QuizItem[]) {
		this.#items = items;
		this.#requested = undefined;
		this.#results = [];
		this.#startedAt = this.clock();
		this.#moveTo(0);
	}

	/** Asks item `index`, or ends the quiz when there is none left; keeps where it got to. */
	#moveTo(index: number) {
		this.#index = index;
		this.#asked = Math.min(index, this.#items.length);
		if (index >= this.#items.length) {
			this.#end();
			return;
		}
		this.#phase = 'question';
		this.#prepare();
		this.#keep(index);
	}

	#end() {
		this.#asked = Math.min(this.#asked, this.#items.length);
		this.#phase = 'summary';
		this.#keep(null);
	}

	/** Keeps the quiz as asked up to `next`; once nothing is left to ask, there is none to keep. */
	#keep(next: number | null) {
		const quiz =
			next === null || next >= this.#items.length
				? null
				: openQuizOf(this.#items, this.#results, next, this.#startedAt);
		this.#keeping = this.#keeping.then(() => this.#sink.keep(quiz)).catch(() => undefined);
	}

	/** Resolves once the quiz as it now stands is kept (what a test waits for before reading it). */
	kept(): Promise<void> {
		return this.#keeping;
	}

	#prepare() {
		this.selected = [];
		this.typed = '';
		this.pairs = (this.current?.question.items ?? []).map(() => '');
		this.#grade = undefined;
		this.#receipt = undefined;
		this.#shownAt = performance.now();
	}

	#response(question: Question): QuizResponse {
		switch (responseKindOf(question)) {
			case 'typed':
				return { kind: 'typed', text: this.typed };
			case 'matching':
				return { kind: 'matching', pairs: [...this.pairs] };
			case 'choices':
				return { kind: 'choices', values: [...this.selected] };
			default:
				return { kind: 'choice', value: this.selected[0] ?? '' };
		}
	}

	/**
	 * Grades the composed answer, saves it, then shows the feedback: as with a rating, what the user
	 * has seen graded is stored, so leaving the page right after loses nothing.
	 */
	async check() {
		const item = this.current;
		if (!item || !this.canCheck || this.#saving) return;
		const response = this.#response(item.question);
		await this.#answer(item.question, response, gradeAnswer(item.question, response));
	}

	/** "I don't know": counted wrong, and the feedback shows the answer. */
	async dontKnow() {
		const item = this.current;
		if (!item || this.#phase !== 'question' || this.#saving) return;
		const { response, grade } = giveUp(item.question);
		await this.#answer(item.question, response, grade, true);
	}

	async #answer(question: Question, response: QuizResponse, grade: GradeResult, gaveUp = false) {
		const result: QuizResult = {
			question,
			response,
			grade,
			durationMs: Math.round(performance.now() - this.#shownAt),
			answeredAt: this.clock(),
			...(gaveUp ? { gaveUp: true as const } : {})
		};
		// A second Enter while the write is under way must not store the answer twice.
		this.#saving = true;
		try {
			this.#receipt = await this.#sink.answer(toAnswerRecord(result), question);
			this.#saveError = undefined;
		} catch (error) {
			this.#saveError = errorMessage(error);
		} finally {
			this.#saving = false;
		}
		this.#grade = grade;
		this.#results = [...this.#results, result];
		this.#phase = 'feedback';
		this.#asked = this.#index + 1;
		this.#keep(this.#index + 1);
	}

	/**
	 * "I was right": the typed answer just refused counts as right, in the summary, in the saved
	 * answer (marked as the learner's call) and, through the sink, in its flashcard's grade.
	 */
	async override() {
		const result = this.result;
		if (!result || !this.canOverride || this.#saving) return;
		const overridden: QuizResult = {
			...result,
			grade: { ...result.grade, correct: true },
			overridden: true
		};
		this.#saving = true;
		try {
			await this.#sink.override(toAnswerRecord(overridden), result.question, this.#receipt);
			this.#saveError = undefined;
		} catch (error) {
			this.#saveError = errorMessage(error);
		} finally {
			this.#saving = false;
		}
		this.#grade = overridden.grade;
		this.#results = [...this.#results.slice(0, -1), overridden];
		this.#keep(this.#index + 1);
	}

	/** Passes over the current question unanswered; the summary lists it as skipped. */
	skip() {
		if (this.#phase !== 'question' || this.#saving) return;
		this.#moveTo(this.#index + 1);
	}

	next() {
		if (this.#phase !== 'feedback' || this.#saving) return;
		this.#moveTo(this.#index + 1);
	}

	/** Ends the quiz now, with the summary of what was answered. */
	quit() {
		if (this.#phase !== 'question' && this.#phase !== 'feedback') return;
		if (this.#saving) return;
		this.#end();
	}

	/** Key 1–9: picks (or for multiple select toggles) the nth choice shown. */
	pick(position: number) {
		const choice = this.current?.displayChoices?.[position - 1];
		const kind = this.current && responseKindOf(this.current.question);
		if (!choice || this.#phase !== 'question' || kind === 'matching' || kind === 'typed') return;
		if (kind === 'choices') {
			this.selected = this.selected.includes(choice)
				? this.selected.filter((c) => c !== choice)
				: [...this.selected, choice];
		} else {
			this.selected = [choice];
		}
	}
}
