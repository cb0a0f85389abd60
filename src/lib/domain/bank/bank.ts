/**
 * The question bank's shape: what `generateQuestions` produces, what `questions/bank.json` holds
 * and what the app reads. Progress is stored against `Question.id`, so ids must stay stable.
 */

export const QUESTION_KINDS = [
	'recall',
	'cloze',
	'single',
	'multi',
	'truefalse',
	'matching',
	'which-framework'
] as const;

/**
 * recall: front (`prompt`) / back (`answer`) card. cloze: `prompt` has a `____` gap, typed answer.
 * single: one of `choices`. multi: every correct one of `choices` ("select all that apply").
 * truefalse: `choices` is ['True', 'False']. matching: pair each of `items` with one of `choices`;
 * `answer[i]` belongs to `items[i]`. which-framework: `choices` are framework names.
 */
export type QuestionKind = (typeof QUESTION_KINDS)[number];

export interface SourceRef {
	/** The heading of the source section the fact comes from. */
	section: string;
	/** Which part of a section without a heading of its own, e.g. "untitled last paragraph". */
	part?: string;
	/** The exact words of the source the question rests on. */
	quote: string;
}

export interface Question {
	/** Derived from the fact id and the question form; stable across unrelated fact changes. */
	id: string;
	/** Framework id, e.g. `eas`, or `overview` for the policy itself. */
	framework: string;
	/**
	 * Id of the fact the question was made from (the first, for one drawing on several); questions
	 * of one fact are siblings, buried for the day once one of them is reviewed.
	 */
	fact: string;
	kind: QuestionKind;
	prompt: string;
	/** The correct text; a list for `multi` (every correct choice) and `matching` (per item). */
	answer: string | string[];
	/** Options shown, containing the answer; absent for recall and cloze. */
	choices?: string[];
	/** Left-hand side of a matching question. */
	items?: string[];
	/** Other typed answers accepted for a cloze (e.g. an abbreviation). */
	accept?: string[];
	/**
	 * The question asks what a framework is or which one it is: its name, who meets in it, the
	 * meetings it holds, which framework a description fits. Its card shows no framework header,
	 * which would name the answer (see `questionHeader` in ./question-display.ts).
	 */
	identity?: true;
	/** One sentence: why the answer is right. */
	explanation: string;
	source: SourceRef;
	/** The other passages a question drawing on several facts rests on (a comparison, a matching). */
	alsoSources?: SourceRef[];
	/**
	 * Review cards only: the review cards whose answers this card shows, front or back. The
	 * review introduces them first, so no new card shows the answer of one introduced after it
	 * (see `introductionOrder` in ../schedule/queue.ts).
	 */
	introducedAfter?: string[];
	/**
	 * Review cards only: the group of cards of several facts that show each other's answers (two
	 * lists both naming "maritime security"), named by its first card. No order helps there, so
	 * once one of the group is rated the others wait for the next study day, as a fact's own
	 * cards do.
	 */
	burialGroup?: string;
}

export interface BankFramework {
	id: string;
	name: string;
	shortName: string;
	kind: 'trilateral' | 'multilateral' | 'policy';
}

/**
 * What the review queue and the exam plan read of the bank: passed in, so that a test can give
 * its own and nothing in them reaches for the app's.
 */
export interface BankQuestions {
	readonly questions: readonly Question[];
}

export interface Bank {
	schema: 1;
	/** Content hash of the questions: changes exactly when the content does. */
	version: string;
	source: { title: string; publisher: string; date: string };
	frameworks: BankFramework[];
	questions: Question[];
}
