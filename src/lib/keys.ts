/**
 * The keys of the app's keyboard shortcuts as shown on screen: the one definition that the
 * buttons' hints, the `?` list (./shortcuts.ts) and the README follow. What a key press does is
 * decided in ./keyboard.ts; a unit test holds the two together. With them, the names of the
 * rating buttons that keys 1–4 press.
 */
import type { Rating } from '$lib/domain/schedule/card';

/** The rating buttons' names, exactly as the review shows and announces them. */
export const RATING_LABELS: Readonly<Record<Rating, string>> = {
	again: 'Again',
	hard: 'Hard',
	good: 'Good',
	easy: 'Easy'
};

/** The keys of one shortcut, as shown: any one of them does it ('Ctrl+Z' is one key press). */
export type Keys = readonly string[];

/** One shortcut as people read it: its keys, and what it does (a short imperative). */
export interface Shortcut {
	keys: Keys;
	does: string;
}

/** The review's keys: Space or Enter shows the answer, 1–4 rate, U or Ctrl+Z undoes. */
export const REVIEW_KEYS = {
	reveal: ['Space', 'Enter'],
	/** In the rating buttons' order: Again, Hard, Good, Easy. */
	rate: ['1', '2', '3', '4'],
	undo: ['U', 'Ctrl+Z']
} as const;

/** The key that opens the list of shortcuts on every page. */
export const HELP_KEY = '?';

/** Keys as `aria-keyshortcuts` names them ('Ctrl+Z' → 'Control+Z'), space-separated. */
export function ariaKeys(keys: Keys): string {
	return keys.map((key) => key.replace(/^Ctrl\+/, 'Control+')).join(' ');
}
