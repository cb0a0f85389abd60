import { describe, expect, it } from 'vitest';
import { reviewShortcut, typing, type KeyPress, type ShortcutContext } from './keyboard';

type Target = ShortcutContext['target'];
const body = { tagName: 'BODY', isContentEditable: false };
const showButton = { tagName: 'BUTTON', isContentEditable: false };

/** A key pressed in `target`, before (false) or after (true) the answer is shown. */
function shortcut(key: string, target: Target, revealed: boolean, extra: Partial<KeyPress> = {}) {
	const event = { key, ctrlKey: false, altKey: false, metaKey: false, ...extra };
	return reviewShortcut(event, { target, revealed, showButton });
}

describe('reviewShortcut', () => {
	it('shows the answer, rates it and undoes', () => {
		expect(shortcut(' ', body, false)).toEqual({ kind: 'reveal' });
		expect(shortcut('Enter', showButton, false)).toEqual({ kind: 'reveal' });
		expect(shortcut('3', body, true)).toEqual({ kind: 'rate', rating: 'good' });
		expect(shortcut('3', body, false)).toBeUndefined();
		expect(shortcut('U', body, true)).toEqual({ kind: 'undo' });
		expect(shortcut('z', body, false, { ctrlKey: true })).toEqual({ kind: 'undo' });
	});

	it('leaves every key to a text field while typing, Ctrl+Z included', () => {
		const fields: Target[] = [
			{ tagName: 'INPUT' },
			{ tagName: 'TEXTAREA' },
			{ tagName: 'SELECT' },
			{ tagName: 'DIV', isContentEditable: true }
		];
		const keys: [string, Partial<KeyPress>][] = [
			['u', {}],
			['U', {}],
			['z', { ctrlKey: true }],
			['Z', { ctrlKey: true }],
			[' ', {}],
			['Enter', {}],
			['1', {}],
			['4', {}]
		];
		for (const field of fields) {
			for (const [key, extra] of keys) {
				expect(shortcut(key, field, false, extra)).toBeUndefined();
				expect(shortcut(key, field, true, extra)).toBeUndefined();
			}
		}
	});

	it('leaves Enter and Space to other focused controls, and Alt, Meta or Ctrl keys alone', () => {
		expect(shortcut('Enter', { tagName: 'A' }, false)).toBeUndefined();
		expect(shortcut(' ', { tagName: 'BUTTON' }, false)).toBeUndefined();
		expect(shortcut('3', body, true, { ctrlKey: true })).toBeUndefined();
		expect(shortcut('u', body, true, { altKey: true })).toBeUndefined();
		expect(shortcut('z', body, true, { metaKey: true })).toBeUndefined();
	});
});

describe('typing', () => {
	it('is a text field, a text area, a select or contenteditable, not a checkbox or radio', () => {
		expect(typing({ tagName: 'INPUT' })).toBe(true);
		expect(typing({ tagName: 'INPUT', type: 'search' })).toBe(true);
		expect(typing({ tagName: 'TEXTAREA' })).toBe(true);
		expect(typing({ tagName: 'SELECT' })).toBe(true);
		expect(typing({ tagName: 'DIV', isContentEditable: true })).toBe(true);
		expect(typing({ tagName: 'INPUT', type: 'radio' })).toBe(false);
		expect(typing({ tagName: 'INPUT', type: 'checkbox' })).toBe(false);
		expect(typing({ tagName: 'BODY' })).toBe(false);
		expect(typing(null)).toBe(false);
	});
});
