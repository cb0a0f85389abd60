import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { RATINGS } from '$lib/domain/schedule/card';
import { helpShortcut, reviewShortcut, type KeyPress } from './keyboard';
import { ariaKeys, HELP_KEY, REVIEW_KEYS } from './keys';
import { SHORTCUTS } from './shortcuts';

const body = { tagName: 'BODY' };

/** The key press a key as shown stands for ('Space' → ' ', 'Ctrl+Z' → Ctrl and 'z'). */
function press(shown: string): KeyPress {
	const ctrl = shown.startsWith('Ctrl+');
	const key = shown.replace(/^Ctrl\+/, '');
	return {
		key: key === 'Space' ? ' ' : ctrl ? key.toLowerCase() : key,
		ctrlKey: ctrl,
		altKey: false,
		metaKey: false
	};
}

describe('the shortcuts shown are the shortcuts that work', () => {
	it('on the review', () => {
		const context = { target: body, showButton: null };
		for (const key of REVIEW_KEYS.reveal) {
			expect(reviewShortcut(press(key), { ...context, revealed: false })).toEqual({
				kind: 'reveal'
			});
		}
		REVIEW_KEYS.rate.forEach((key, i) => {
			expect(reviewShortcut(press(key), { ...context, revealed: true })).toEqual({
				kind: 'rate',
				rating: RATINGS[i]
			});
		});
		for (const key of REVIEW_KEYS.undo) {
			expect(reviewShortcut(press(key), { ...context, revealed: true })).toEqual({ kind: 'undo' });
		}
	});

	it('for the list itself: ? opens it, but not while typing', () => {
		expect(helpShortcut({ ...press(HELP_KEY) }, body)).toBe(true);
		expect(helpShortcut({ ...press(HELP_KEY) }, { tagName: 'INPUT', type: 'search' })).toBe(false);
		expect(helpShortcut({ ...press(HELP_KEY) }, { tagName: 'TEXTAREA' })).toBe(false);
		expect(helpShortcut({ ...press(HELP_KEY), ctrlKey: true }, body)).toBe(false);
		expect(helpShortcut(press('/'), body)).toBe(false);
	});
});

it('names keys for aria-keyshortcuts', () => {
	expect(ariaKeys(REVIEW_KEYS.undo)).toBe('U Control+Z');
	expect(ariaKeys(REVIEW_KEYS.reveal)).toBe('Space Enter');
});

it('the README lists every shortcut, as the ? list does', () => {
	const readme = readFileSync('README.md', 'utf8');
	const rows = readme
		.split('\n')
		.filter((line) => line.startsWith('|'))
		.map((line) =>
			line
				.split('|')
				.slice(1, -1)
				.map((cell) => cell.trim())
		);
	const listed = SHORTCUTS.flatMap((group) =>
		group.shortcuts.map((s) => [group.where, s.keys.map((k) => `\`${k}\``).join(' or '), s.does])
	);
	const inReadme = rows.filter((row) => listed.some((l) => l[0] === row[0] && l[2] === row[2]));
	expect(inReadme).toEqual(listed);
});
