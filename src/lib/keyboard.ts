/**
 * The keyboard shortcuts of every page, as rules over the parts of a key press they read, so they
 * are tested without a browser (the quiz's, with their list: ./quiz-shortcuts.ts). One rule is
 * shared by all: no shortcut while typing in a field. What the keys are called on screen: ./keys.ts.
 */
import { RATINGS, type Rating } from '$lib/domain/schedule/card';
import { HELP_KEY } from './keys';

/** What a key press on /review asks for; `undefined` leaves the key to the browser. */
export type ReviewAction = { kind: 'undo' } | { kind: 'reveal' } | { kind: 'rate'; rating: Rating };

/** The parts of a keydown event the shortcuts read, so they can be tried without a browser. */
export type KeyPress = Pick<KeyboardEvent, 'key' | 'ctrlKey' | 'altKey' | 'metaKey'>;

export interface ShortcutContext {
	/** The focused element the key was pressed in. */
	target: KeyTarget;
	revealed: boolean;
	/** The "Show answer" button: the one control whose own Enter and Space the shortcut takes. */
	showButton: unknown;
}

/** The focused element a key was pressed in, as far as the rules need it. */
export type KeyTarget = {
	tagName?: string;
	isContentEditable?: boolean;
	/** An input's type; a checkbox or radio takes no typing. */
	type?: string;
} | null;

/** Inputs whose keys are not text: a digit pressed on one is free for a shortcut. */
const NOT_TEXT = new Set([
	'checkbox',
	'radio',
	'button',
	'submit',
	'reset',
	'range',
	'color',
	'file'
]);

/**
 * True when the key goes into a field (text input, text area, select, contenteditable), where
 * letters, digits, Enter and Ctrl+Z are the field's own. The one "typing" rule of every page.
 */
export function typing(target: KeyTarget): boolean {
	const tag = target?.tagName;
	if (tag === 'INPUT') return !NOT_TEXT.has(target?.type ?? 'text');
	return tag === 'SELECT' || tag === 'TEXTAREA' || target?.isContentEditable === true;
}

/**
 * The review's keyboard shortcuts: Space or Enter shows the answer, 1–4 rate it, U or Ctrl+Z
 * undoes the last rating. None of them while typing in a field.
 */
export function reviewShortcut(
	event: KeyPress,
	{ target, revealed, showButton }: ShortcutContext
): ReviewAction | undefined {
	if (event.altKey || event.metaKey || typing(target)) return undefined;
	const key = event.key;
	if (event.ctrlKey) return key.toLowerCase() === 'z' ? { kind: 'undo' } : undefined;
	if (key.toLowerCase() === 'u') return { kind: 'undo' };
	if (!revealed && (key === ' ' || key === 'Enter')) {
		// Enter or Space on a focused control other than "Show answer" belongs to that control.
		const tag = target?.tagName;
		if ((tag === 'BUTTON' || tag === 'A') && target !== showButton) return undefined;
		return { kind: 'reveal' };
	}
	// 1–4, in the buttons' order.
	const rating = /^[1-4]$/.test(key) ? RATINGS[Number(key) - 1] : undefined;
	return revealed && rating ? { kind: 'rate', rating } : undefined;
}

/**
 * Whether the key press asks for the list of shortcuts (`?`, on every page): not while typing,
 * where `?` is a character, nor with Ctrl, Alt or Meta (Shift is how many layouts type it).
 */
export function helpShortcut(event: KeyPress, target: KeyTarget): boolean {
	if (event.altKey || event.ctrlKey || event.metaKey) return false;
	return event.key === HELP_KEY && !typing(target);
}
