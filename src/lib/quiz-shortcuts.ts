/**
 * The quiz's keyboard shortcuts: the list people read (the buttons' key hints, the shortcuts
 * overlay, the README) and the rule that applies them, side by side so they cannot drift apart.
 */
import { typing, type KeyPress, type KeyTarget } from './keyboard';
import type { Shortcut } from './keys';

/** What a key press on /quiz asks for; `undefined` leaves the key to the browser. */
export type QuizAction =
	| { kind: 'check' }
	| { kind: 'next' }
	| { kind: 'pick'; position: number }
	| { kind: 'skip' }
	| { kind: 'dont-know' }
	| { kind: 'override' };

/** The key each quiz button shows as its hint (and names in `aria-keyshortcuts`). */
export const QUIZ_KEYS = {
	check: 'Enter',
	next: 'Enter',
	skip: 'S',
	dontKnow: 'D',
	override: 'R'
} as const;

export const QUIZ_SHORTCUTS: readonly Shortcut[] = [
	{ keys: ['1–9'], does: 'Choose the numbered choice (again to unselect, in “select all”)' },
	{ keys: [QUIZ_KEYS.check], does: 'Check the answer; after the feedback, the next question' },
	{ keys: [QUIZ_KEYS.skip], does: 'Skip the question' },
	{ keys: [QUIZ_KEYS.dontKnow], does: 'I don’t know: show the answer (counts as wrong)' },
	{ keys: [QUIZ_KEYS.override], does: 'I was right: count a refused typed answer as right' }
];

export interface QuizKeyContext {
	target: KeyTarget;
	phase: 'setup' | 'question' | 'feedback' | 'summary';
	/** Whether the answer composed so far can be checked. */
	canCheck: boolean;
	/** Whether "I was right" is offered. */
	canOverride: boolean;
}

/**
 * Applies `QUIZ_SHORTCUTS`. Enter on a focused button or link is that control's own click, and
 * so is Space; while typing, letters and digits are the field's, and so is Enter in a text area
 * or contenteditable (a new line). Enter in a one-line field or a select still checks, so the
 * last blank or pair needs no Tab.
 */
export function quizShortcut(
	event: KeyPress,
	{ target, phase, canCheck, canOverride }: QuizKeyContext
): QuizAction | undefined {
	if (event.altKey || event.ctrlKey || event.metaKey) return undefined;
	const tag = target?.tagName;
	const key = event.key;
	if ((tag === 'BUTTON' || tag === 'A') && (key === 'Enter' || key === ' ')) return undefined;
	if (key === 'Enter') {
		if (tag === 'TEXTAREA' || target?.isContentEditable === true) return undefined;
		if (phase === 'question' && canCheck) return { kind: 'check' };
		return phase === 'feedback' ? { kind: 'next' } : undefined;
	}
	if (typing(target)) return undefined;
	const letter = key.toUpperCase();
	if (phase === 'feedback')
		return canOverride && letter === QUIZ_KEYS.override ? { kind: 'override' } : undefined;
	if (phase !== 'question') return undefined;
	if (letter === QUIZ_KEYS.skip) return { kind: 'skip' };
	if (letter === QUIZ_KEYS.dontKnow) return { kind: 'dont-know' };
	return /^[1-9]$/.test(key) ? { kind: 'pick', position: Number(key) } : undefined;
}
