/**
 * Grading one quiz answer: right or wrong, which parts were right, the forgiven typo and the
 * distractor picked (kept for "often confused" statistics). A wrong answer is a result, not an
 * error; only a response that cannot belong to the question throws.
 */
import type { Question } from '../bank/bank';
import { matchTypedAnswer } from './answer-match';

export type QuizResponse =
	| { kind: 'choice'; value: string }
	| { kind: 'choices'; values: string[] }
	| { kind: 'typed'; text: string }
	/** One chosen option per `items` entry, aligned with it; '' for an item left unmatched. */
	| { kind: 'matching'; pairs: string[] };

/** One option of a multiple-select question. */
export interface ChoicePart {
	kind: 'choice';
	choice: string;
	selected: boolean;
	/** Whether it is one of the correct choices. */
	correctChoice: boolean;
	/** Selected exactly when it should be. */
	right: boolean;
}

/** One left-hand item of a matching question. */
export interface ItemPart {
	kind: 'item';
	item: string;
	given: string;
	expected: string;
	right: boolean;
}

export type GradePart = ChoicePart | ItemPart;

export interface GradeResult {
	correct: boolean;
	/** A typed answer accepted despite one slip, to point it out. */
	typo?: { given: string; expected: string };
	/** Per option for multiple select, per item for matching. */
	parts?: GradePart[];
	/**
	 * What was wrongly picked: the chosen text for single, true/false and which-framework; every
	 * wrongly selected option for multiple select. Absent when right.
	 */
	pickedDistractor?: string | string[];
}

export class QuizGradeError extends Error {
	constructor(message: string) {
		super(message);
		this.name = 'QuizGradeError';
	}
}

function answers(question: Question): string[] {
	return typeof question.answer === 'string' ? [question.answer] : question.answer;
}

function mismatch(question: Question, response: QuizResponse): QuizGradeError {
	return new QuizGradeError(
		`Response of kind "${response.kind}" cannot answer question "${question.id}" of kind "${question.kind}"`
	);
}

function gradeSingle(question: Question, response: QuizResponse): GradeResult {
	if (response.kind !== 'choice') throw mismatch(question, response);
	const [answer] = answers(question);
	return response.value === answer
		? { correct: true }
		: { correct: false, pickedDistractor: response.value };
}

function gradeMulti(question: Question, response: QuizResponse): GradeResult {
	if (response.kind !== 'choices') throw mismatch(question, response);
	const correctSet = new Set(answers(question));
	const selected = new Set(response.values);
	const options = question.choices ?? [...correctSet];
	const parts: ChoicePart[] = options.map((choice) => {
		const isSelected = selected.has(choice);
		const correctChoice = correctSet.has(choice);
		return {
			kind: 'choice',
			choice,
			selected: isSelected,
			correctChoice,
			right: isSelected === correctChoice
		};
	});
	const wrongPicks = [...selected].filter((choice) => !correctSet.has(choice));
	const correct =
		wrongPicks.length === 0 && [...correctSet].every((choice) => selected.has(choice));
	return correct
		? { correct, parts }
		: { correct, parts, ...(wrongPicks.length > 0 ? { pickedDistractor: wrongPicks } : {}) };
}

function gradeTyped(question: Question, response: QuizResponse): GradeResult {
	if (response.kind !== 'typed') throw mismatch(question, response);
	const match = matchTypedAnswer(response.text, [...answers(question), ...(question.accept ?? [])]);
	if (match.verdict === 'typo' && match.matched !== undefined) {
		return { correct: true, typo: { given: response.text, expected: match.matched } };
	}
	return { correct: match.verdict !== 'wrong' };
}

function gradeMatching(question: Question, response: QuizResponse): GradeResult {
	if (response.kind !== 'matching') throw mismatch(question, response);
	const expected = answers(question);
	const items = question.items ?? [];
	if (items.length !== expected.length) {
		throw new QuizGradeError(
			`Matching question "${question.id}" has ${items.length} items but ${expected.length} answers`
		);
	}
	const parts: ItemPart[] = items.map((item, i) => {
		const given = response.pairs[i] ?? '';
		const answer = expected[i] ?? '';
		return { kind: 'item', item, given, expected: answer, right: given === answer };
	});
	return { correct: parts.every((part) => part.right), parts };
}

/**
 * How a question is answered, for the UI to pick its input: which-framework is a single choice
 * when its answer is one name, a multiple select when it is a list.
 * @throws QuizGradeError for a recall question.
 */
export function responseKindOf(question: Question): QuizResponse['kind'] {
	switch (question.kind) {
		case 'single':
		case 'truefalse':
			return 'choice';
		case 'which-framework':
			return typeof question.answer === 'string' ? 'choice' : 'choices';
		case 'multi':
			return 'choices';
		case 'cloze':
			return 'typed';
		case 'matching':
			return 'matching';
		case 'recall':
			throw new QuizGradeError(`Question "${question.id}" is a recall card, not a quiz question`);
	}
}

/**
 * Grades `response` to `question`. Choice responses compare option texts exactly (they come from
 * the question's own `choices`); typed ones go through the lenient matcher.
 * which-framework grades as single choice when its answer is a string, as multi when a list.
 * @throws QuizGradeError for a recall question or a response of the wrong kind.
 */
export function gradeAnswer(question: Question, response: QuizResponse): GradeResult {
	switch (question.kind) {
		case 'single':
		case 'truefalse':
			return gradeSingle(question, response);
		case 'which-framework':
			return typeof question.answer === 'string'
				? gradeSingle(question, response)
				: gradeMulti(question, response);
		case 'multi':
			return gradeMulti(question, response);
		case 'cloze':
			return gradeTyped(question, response);
		case 'matching':
			return gradeMatching(question, response);
		case 'recall':
			throw new QuizGradeError(`Question "${question.id}" is a recall card, not a quiz question`);
	}
}

/** The answer as stored: the chosen text(s), the typed text or the matching pairs. */
export function givenOf(response: QuizResponse): string | string[] {
	switch (response.kind) {
		case 'choice':
			return response.value;
		case 'choices':
			return response.values.slice();
		case 'typed':
			return response.text;
		case 'matching':
			return response.pairs.slice();
	}
}

/** The response of giving no answer to `question`: nothing chosen, typed or matched. */
function emptyResponse(question: Question): QuizResponse {
	switch (responseKindOf(question)) {
		case 'choice':
			return { kind: 'choice', value: '' };
		case 'choices':
			return { kind: 'choices', values: [] };
		case 'typed':
			return { kind: 'typed', text: '' };
		case 'matching':
			return { kind: 'matching', pairs: (question.items ?? []).map(() => '') };
	}
}

/**
 * "I don't know": the empty response, graded wrong, with no distractor picked (so it never
 * counts as confusing one answer with another).
 */
export function giveUp(question: Question): { response: QuizResponse; grade: GradeResult } {
	const response = emptyResponse(question);
	// eslint-disable-next-line @typescript-eslint/no-unused-vars -- left out on purpose
	const { pickedDistractor, ...grade } = gradeAnswer(question, response);
	return { response, grade: { ...grade, correct: false } };
}
