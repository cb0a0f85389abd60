import { describe, expect, it } from 'vitest';
import type { KeyTarget } from './keyboard';
import { QUIZ_SHORTCUTS, quizShortcut, type QuizKeyContext } from './quiz-shortcuts';

const body = { tagName: 'BODY', isContentEditable: false };

const press = (key: string, target: KeyTarget, context: Partial<QuizKeyContext> = {}) =>
	quizShortcut(
		{ key, ctrlKey: false, altKey: false, metaKey: false },
		{ target, phase: 'question', canCheck: true, canOverride: false, ...context }
	);

describe('quizShortcut', () => {
	it('checks with Enter, goes on after the feedback, picks choices with digits', () => {
		expect(press('Enter', body)).toEqual({ kind: 'check' });
		expect(press('Enter', { tagName: 'INPUT', type: 'text' })).toEqual({ kind: 'check' });
		expect(press('Enter', { tagName: 'SELECT' })).toEqual({ kind: 'check' });
		expect(press('Enter', body, { canCheck: false })).toBeUndefined();
		expect(press('Enter', body, { phase: 'feedback' })).toEqual({ kind: 'next' });
		expect(press('2', body)).toEqual({ kind: 'pick', position: 2 });
		expect(press('2', { tagName: 'INPUT', type: 'radio' })).toEqual({ kind: 'pick', position: 2 });
		expect(press('2', body, { phase: 'feedback' })).toBeUndefined();
	});

	it('skips with S and gives up with D while a question is asked, in either case', () => {
		expect(press('s', body)).toEqual({ kind: 'skip' });
		expect(press('S', { tagName: 'INPUT', type: 'checkbox' })).toEqual({ kind: 'skip' });
		expect(press('d', body)).toEqual({ kind: 'dont-know' });
		// Letters pressed on a focused button (after a click) are shortcuts too; Enter is its own.
		expect(press('d', { tagName: 'BUTTON' })).toEqual({ kind: 'dont-know' });
		for (const phase of ['setup', 'feedback', 'summary'] as const) {
			expect(press('s', body, { phase })).toBeUndefined();
			expect(press('d', body, { phase })).toBeUndefined();
		}
	});

	it('says "I was right" with R only after a refused typed answer', () => {
		expect(press('r', { tagName: 'BUTTON' }, { phase: 'feedback', canOverride: true })).toEqual({
			kind: 'override'
		});
		expect(press('r', body, { phase: 'feedback', canOverride: false })).toBeUndefined();
		expect(press('r', body, { phase: 'question', canOverride: true })).toBeUndefined();
	});

	it('leaves letters, digits and Enter to a field being typed in, and Enter and Space to a focused control', () => {
		const fields: KeyTarget[] = [
			{ tagName: 'INPUT', type: 'text' },
			{ tagName: 'TEXTAREA' },
			{ tagName: 'SELECT' },
			{ tagName: 'DIV', isContentEditable: true }
		];
		for (const target of fields) {
			expect(press('3', target)).toBeUndefined();
			expect(press('s', target)).toBeUndefined();
			expect(press('d', target)).toBeUndefined();
		}
		expect(press('Enter', { tagName: 'TEXTAREA' })).toBeUndefined();
		expect(press('Enter', { tagName: 'P', isContentEditable: true })).toBeUndefined();
		expect(press('Enter', { tagName: 'BUTTON' })).toBeUndefined();
		expect(press(' ', { tagName: 'BUTTON' })).toBeUndefined();
		expect(press('Enter', { tagName: 'A' })).toBeUndefined();
		expect(
			quizShortcut(
				{ key: 's', ctrlKey: true, altKey: false, metaKey: false },
				{ target: body, phase: 'question', canCheck: true, canOverride: false }
			)
		).toBeUndefined();
	});

	it('does what the listed shortcuts say: every key listed acts', () => {
		const everywhere = { canCheck: true, canOverride: true };
		for (const { keys } of QUIZ_SHORTCUTS) {
			const pressed = keys.flatMap((key) => (key === '1–9' ? ['1', '9'] : [key]));
			for (const key of pressed) {
				const acts = (['question', 'feedback'] as const).some(
					(phase) => press(key, body, { phase, ...everywhere }) !== undefined
				);
				expect(acts, key).toBe(true);
			}
		}
	});
});
