import type { Question } from '$lib/domain/bank';
import type { QuizConfig } from '$lib/domain/quiz-config';
import {
	gradeAnswer,
	responseKindOf,
	type GradeResult,
	type QuizResponse
} from '$lib/domain/quiz-grade';
import { toAnswerRecord, type QuizAnswerRecord, type QuizResult } from '$lib/domain/quiz-record';
import { quizOf, sampleQuiz, type QuizItem } from '$lib/domain/quiz-sample';
import { summarizeQuiz } from '$lib/domain/quiz-summary';

export type QuizPhase = 'setup' | 'question' | 'feedback' | 'summary';

/** Where answers go once graded; the page wires it to storage (and the schedule setting). */
export type AnswerSink = (record: QuizAnswerRecord, question: Question) => Promise<void>;

function freshSeed(): number {
	return crypto.getRandomValues(new Uint32Array(1))[0] ?? 1;
}

/** One quiz from set-up to summary. The page owns the instance; nothing here touches storage. */
export class QuizSession {
	#phase = $state<QuizPhase>('setup');
	#items = $state.raw<QuizItem[]>([]);
	#index = $state(0);
	#results = $state.raw<QuizResult[]>([]);
	#grade = $state.raw<GradeResult | undefined>(undefined);
	#shownAt = 0;
	#sink: AnswerSink;
	#saveError = $state<string | undefined>(undefined);
	#saving = false;
	config = $state.raw<QuizConfig | undefined>(undefined);

	/** The answer being composed for the current question, in every input shape. */
	selected = $state<string[]>([]);
	typed = $state('');
	pairs = $state<string[]>([]);

	constructor(sink: AnswerSink) {
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
	summary = $derived(summarizeQuiz(this.#results));

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

	start(questions: readonly Question[], config: QuizConfig, seed = freshSeed()) {
		this.config = config;
		this.#begin(sampleQuiz(questions, config, seed));
	}

	/** Starts again on exactly these questions, e.g. the mistakes of the last quiz. */
	retry(questions: readonly Question[]) {
		this.#begin(quizOf(questions, freshSeed()));
	}

	reset() {
		this.#phase = 'setup';
		this.#items = [];
		this.#results = [];
	}

	#begin(items: QuizItem[]) {
		this.#items = items;
		this.#results = [];
		this.#index = 0;
		this.#phase = items.length > 0 ? 'question' : 'summary';
		this.#prepare();
	}

	#prepare() {
		this.selected = [];
		this.typed = '';
		this.pairs = (this.current?.question.items ?? []).map(() => '');
		this.#grade = undefined;
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
		const grade = gradeAnswer(item.question, response);
		const result: QuizResult = {
			question: item.question,
			response,
			grade,
			durationMs: Math.round(performance.now() - this.#shownAt),
			answeredAt: Date.now()
		};
		// A second Enter while the write is under way must not store the answer twice.
		this.#saving = true;
		try {
			await this.#sink(toAnswerRecord(result), item.question);
			this.#saveError = undefined;
		} catch (error) {
			this.#saveError = error instanceof Error ? error.message : String(error);
		} finally {
			this.#saving = false;
		}
		this.#grade = grade;
		this.#results = [...this.#results, result];
		this.#phase = 'feedback';
	}

	next() {
		if (this.#phase !== 'feedback') return;
		if (this.#index + 1 >= this.#items.length) {
			this.#phase = 'summary';
			return;
		}
		this.#index += 1;
		this.#phase = 'question';
		this.#prepare();
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
