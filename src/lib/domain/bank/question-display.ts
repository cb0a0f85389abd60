/**
 * What a question's card shows around its prompt and options before it is answered: the header
 * above it and the hints beside the options. The review card, the quiz and the bank's lints all
 * take them from here, so a lint of "the screen never shows the answer" checks what the screen
 * shows. What gives an answer away is in ./give-away.ts, apart, because only the quiz and the
 * lints ask it: the review's first load carries this file alone.
 */
import type { BankFramework, Question } from './bank';
import { mentions } from './text';

export const HINTS = {
	many: 'Select all that apply.',
	once: 'Use each answer once.'
} as const;

/** Whether the learner picks several of the choices (a select-all). */
export function selectsMany(question: Question): boolean {
	return (
		question.kind === 'multi' ||
		(question.kind === 'which-framework' && Array.isArray(question.answer))
	);
}

/**
 * The header above a question: the short name of the framework it is filed under ("EAS",
 * "Japan-U.S.-India"), or none when naming a framework would name the answer: an identity
 * question (an acronym, who meets, which framework), or one whose options name frameworks (a
 * comparison, an odd framework out, meetings to put in order).
 */
export function questionHeader(
	question: Question,
	frameworks: readonly BankFramework[]
): string | undefined {
	if (question.identity) return undefined;
	const options = [...(question.choices ?? []), ...(question.items ?? [])];
	const namesOne = (option: string) =>
		frameworks.some(
			(framework) => mentions(option, framework.shortName) || mentions(option, framework.name)
		);
	if (options.some(namesOne)) return undefined;
	return frameworks.find((framework) => framework.id === question.framework)?.shortName;
}

/** The lines shown with a question's options: how to answer it. */
export function questionHints(question: Question): string[] {
	if (selectsMany(question)) return [HINTS.many];
	if (question.kind === 'matching') return [HINTS.once];
	return [];
}
