import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS, validateSettings } from './settings';
import { numberInputText, parseNumberInput } from './settings-input';

describe('desired retention, typed as a percentage', () => {
	it('is stored as the fraction the scheduler takes, and shown back as typed', () => {
		expect(parseNumberInput('desiredRetention', '85')).toEqual({ ok: true, value: 0.85 });
		expect(parseNumberInput('desiredRetention', ' 90 % ')).toEqual({ ok: true, value: 0.9 });
		expect(
			numberInputText('desiredRetention', { ...DEFAULT_SETTINGS, desiredRetention: 0.7 })
		).toBe('70');
	});

	it('every whole percentage from 70 to 99 round-trips and passes the stored check', () => {
		for (let typed = 70; typed <= 99; typed += 1) {
			const parsed = parseNumberInput('desiredRetention', String(typed));
			expect(parsed.ok, String(typed)).toBe(true);
			if (!parsed.ok) continue;
			const settings = { ...DEFAULT_SETTINGS, desiredRetention: parsed.value };
			expect(validateSettings(settings).ok).toBe(true);
			expect(numberInputText('desiredRetention', settings)).toBe(String(typed));
		}
	});

	it('refuses what is outside 70–99 or not whole, quoting it', () => {
		for (const typed of ['69', '100', '92.5', 'abc', '-80', '9 0']) {
			expect(parseNumberInput('desiredRetention', typed)).toEqual({
				ok: false,
				message: `"${typed}" is not a whole percentage from 70 to 99.`
			});
		}
		expect(parseNumberInput('desiredRetention', '  ')).toEqual({
			ok: false,
			message: 'Type a whole percentage from 70 to 99.'
		});
	});

	it('tells someone who types the old 0.90 form which percentage to type', () => {
		expect(parseNumberInput('desiredRetention', '0.85')).toEqual({
			ok: false,
			message: '"0.85" is not a whole percentage from 70 to 99: for 0.85, type 85.'
		});
	});
});

describe('daily limits', () => {
	it('take whole numbers within the stored limits', () => {
		expect(parseNumberInput('newPerDay', '0')).toEqual({ ok: true, value: 0 });
		expect(parseNumberInput('reviewsPerDay', '99999')).toEqual({ ok: true, value: 99999 });
		expect(parseNumberInput('newPerDay', '10000')).toEqual({
			ok: false,
			message: '"10000" is not a whole number from 0 to 9999.'
		});
		expect(parseNumberInput('newPerDay', '2.5')).toMatchObject({ ok: false });
		// A percent sign belongs to retention only.
		expect(parseNumberInput('newPerDay', '20%')).toMatchObject({ ok: false });
	});
});
