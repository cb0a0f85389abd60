/**
 * Picking and ordering a quiz's questions. Seeded: the same bank, config and seed give the same
 * quiz, so a reload can rebuild it from the seed alone. No question of a quiz gives away one
 * asked after it (./quiz-compatible.ts).
 */
import type { Question } from '../bank/bank';
import { giveAwaysOf, type QuizBank } from './quiz-compatible';
import { QUIZ_KINDS, type QuizConfig, type QuizKind } from './quiz-config';
import { hashSeed, mulberry32, shuffle } from './random';

export interface QuizItem {
	question: Question;
	/**
	 * The options in the order shown: `choices` shuffled (True/False kept in that order), for
	 * matching the right-hand options. Absent for cloze.
	 */
	displayChoices?: string[];
}

/** The filter kind of a question, or null for flashcard-only kinds (`recall`). */
export function quizKindOf(question: Question): QuizKind | null {
	return (QUIZ_KINDS as readonly string[]).includes(question.kind)
		? (question.kind as QuizKind)
		: null;
}

/**
 * Display order of a question's options. Seeded per question (quiz seed + question id) so its
 * order does not change when the rest of the quiz does, e.g. on "retry the mistakes".
 */
export function displayChoicesOf(question: Question, seed: number): string[] | undefined {
	if (!question.choices || question.kind === 'cloze') return undefined;
	// True/False in a random order only slows reading; the answer is still 50/50 either way.
	if (question.kind === 'truefalse') return question.choices.slice();
	return shuffle(question.choices, mulberry32(hashSeed(question.id, seed)));
}

function toItem(question: Question, seed: number): QuizItem {
	const displayChoices = displayChoicesOf(question, seed);
	return displayChoices ? { question, displayChoices } : { question };
}

/**
 * Shuffled questions, spread so that each fact appears once before any fact appears twice: two
 * forms of one fact (a cloze and a single choice on the same date) would give each other away.
 */
function spreadByFact(questions: readonly Question[], seed: number): Question[] {
	const byFact = new Map<string, Question[]>();
	for (const question of shuffle(questions, mulberry32(seed))) {
		const forms = byFact.get(question.fact);
		if (forms) forms.push(question);
		else byFact.set(question.fact, [question]);
	}
	const groups = [...byFact.values()];
	const rounds = Math.max(0, ...groups.map((forms) => forms.length));
	const spread: Question[] = [];
	for (let round = 0; round < rounds; round += 1) {
		for (const forms of groups) {
			const question = forms[round];
			if (question) spread.push(question);
		}
	}
	return spread;
}

/** First question of each id: a bank with a repeated id must still not ask it twice. */
function uniqueById(questions: readonly Question[]): Question[] {
	const seen = new Set<string>();
	return questions.filter((question) => !seen.has(question.id) && !!seen.add(question.id));
}

/**
 * The questions `config` lets through that can be asked together, in seeded order: filtered by
 * framework, kind and (when given) question ids, never `recall` or the same id twice; walking
 * one form of each fact before any second form, each question is kept when the quiz can still
 * ask every question before any that gives it away (./quiz-compatible.ts). Its length is the
 * longest quiz `config` can have.
 */
function compatiblePool(bank: QuizBank, config: QuizConfig, seed: number): Question[] {
	const frameworks = config.frameworks === 'all' ? null : new Set(config.frameworks);
	const kinds = new Set<QuizKind>(config.kinds);
	const chosen = config.questions ? new Set(config.questions) : null;
	const pool = uniqueById(bank.questions).filter((question) => {
		const kind = quizKindOf(question);
		return (
			kind !== null &&
			kinds.has(kind) &&
			(frameworks === null || frameworks.has(question.framework)) &&
			(chosen === null || chosen.has(question.id))
		);
	});
	return giveAwaysOf(bank).compatible(spreadByFact(pool, seed));
}

/**
 * The questions of a quiz for `config`, in seeded order, with their options shuffled: the first
 * `count` of those that can be asked together (see `compatiblePool`), all of them for 'all'.
 * Returns fewer than `count` when no more can be asked together.
 */
export function sampleQuiz(bank: QuizBank, config: QuizConfig, seed: number): QuizItem[] {
	const pool = compatiblePool(bank, config, seed);
	const count = config.count === 'all' ? pool.length : Math.max(0, Math.floor(config.count));
	return pool.slice(0, count).map((question) => toItem(question, seed));
}

/**
 * Of these question ids, those a quiz can ask together (see `compatiblePool`), walked in the
 * order given: what a "Quiz these" link lists, so that the quiz it starts asks every question it
 * names. Unknown ids and flashcard-only kinds are dropped.
 */
export function askableTogether(bank: QuizBank, ids: readonly string[]): string[] {
	const byId = new Map(bank.questions.map((question) => [question.id, question]));
	const askable = uniqueById(ids.flatMap((id) => byId.get(id) ?? [])).filter(
		(question) => quizKindOf(question) !== null
	);
	return giveAwaysOf(bank)
		.compatible(askable)
		.map((question) => question.id);
}

/** Why a quiz asks fewer questions than there are, said wherever it does (set-up, quiz). */
export const SHORTER_BECAUSE = 'with more, one question would show the answer to another';

/** "one question", "5 questions": how the set-up and the quiz say a quiz's length. */
export function questionCount(n: number): string {
	return n === 1 ? 'one question' : `${n} questions`;
}

/**
 * How many questions a quiz for `config` started with `seed` can ask: what its "All" gives, and
 * the most any count gives.
 */
export function quizCapacity(bank: QuizBank, config: QuizConfig, seed: number): number {
	return compatiblePool(bank, config, seed).length;
}

/**
 * A quiz of these questions of `bank` (e.g. the mistakes of the last one) in seeded order, with
 * their options shuffled. Recall questions and repeated ids are dropped, and so is a question
 * that cannot be asked before all that give it away and after all it gives away.
 */
export function quizOf(bank: QuizBank, questions: readonly Question[], seed: number): QuizItem[] {
	const askable = uniqueById(questions).filter((question) => quizKindOf(question) !== null);
	return giveAwaysOf(bank)
		.compatible(spreadByFact(askable, seed))
		.map((question) => toItem(question, seed));
}
