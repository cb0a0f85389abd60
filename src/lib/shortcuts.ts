/**
 * Every keyboard shortcut of the app as a person reads it: the list `?` shows, which the README's
 * table repeats (a unit test compares them). The keys themselves are defined once in ./keys.ts,
 * which the buttons' hints use too; what a key press does is decided in ./keyboard.ts.
 */
import { HELP_KEY, REVIEW_KEYS, type Keys, type Shortcut } from './keys';
import { QUIZ_SHORTCUTS } from './quiz-shortcuts';

export interface ShortcutGroup {
	/** Where the keys work. */
	where: string;
	shortcuts: readonly Shortcut[];
}

/** The list `?` shows and the README repeats, in that order. */
export const SHORTCUTS: readonly ShortcutGroup[] = [
	{
		where: 'Every page',
		shortcuts: [
			{ keys: [HELP_KEY], does: 'Show these shortcuts and how rating works' },
			{ keys: ['Esc'], does: 'Close this list' }
		]
	},
	{
		where: 'Review',
		shortcuts: [
			{ keys: REVIEW_KEYS.reveal, does: 'Show the answer' },
			{ keys: [span(REVIEW_KEYS.rate)], does: 'Rate Again, Hard, Good or Easy, in that order' },
			{ keys: REVIEW_KEYS.undo, does: 'Undo the last rating' }
		]
	},
	{
		where: 'Quiz',
		shortcuts: QUIZ_SHORTCUTS
	}
];

/** A run of keys as one ('1–4'). */
function span(keys: Keys): string {
	return `${keys[0]}–${keys[keys.length - 1]}`;
}
