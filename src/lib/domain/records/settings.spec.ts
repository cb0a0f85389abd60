import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { schedulerParams } from '../schedule/scheduler';
import { DEFAULT_SETTINGS, dismissTip, validateSettings } from './settings';

describe('validateSettings', () => {
	it('fills absent fields with the defaults (20 new, 200 reviews, 90 %, 4 a.m.)', () => {
		const result = validateSettings({});
		expect(result).toEqual({ ok: true, settings: DEFAULT_SETTINGS });
		expect(DEFAULT_SETTINGS).toMatchObject({
			desiredRetention: 0.9,
			newPerDay: 20,
			reviewsPerDay: 200,
			dayStartHour: 4,
			theme: 'system'
		});
	});

	it('accepts the bounds of desired retention and rejects just outside them', () => {
		expect(validateSettings({ desiredRetention: 0.7 }).ok).toBe(true);
		expect(validateSettings({ desiredRetention: 0.99 }).ok).toBe(true);
		expect(validateSettings({ desiredRetention: 0.69 })).toEqual({
			ok: false,
			errors: [
				{
					field: 'desiredRetention',
					message: 'desiredRetention must be a number from 0.70 to 0.99, got 0.69'
				}
			]
		});
		expect(validateSettings({ desiredRetention: 1 }).ok).toBe(false);
		expect(validateSettings({ desiredRetention: '0.9' }).ok).toBe(false);
	});

	it('reports every bad field, quoting the value', () => {
		const result = validateSettings({
			newPerDay: -1,
			dayStartHour: 24,
			theme: 'blue',
			learningSteps: ['1x']
		});
		expect(result.ok).toBe(false);
		if (result.ok) return;
		expect(result.errors.map((e) => e.field)).toEqual([
			'newPerDay',
			'dayStartHour',
			'theme',
			'learningSteps'
		]);
		expect(result.errors[2]?.message).toContain('"blue"');
	});

	it('rejects what is not an object', () => {
		expect(validateSettings(null)).toMatchObject({ ok: false, errors: [{ field: 'settings' }] });
		expect(validateSettings([1])).toMatchObject({ ok: false });
	});

	it('never shares arrays with the input or the defaults', () => {
		const steps = ['2m'];
		const result = validateSettings({ learningSteps: steps });
		expect(result.ok && result.settings.learningSteps).toEqual(['2m']);
		steps.push('5m');
		expect(result.ok && result.settings.learningSteps).toEqual(['2m']);
		expect(DEFAULT_SETTINGS.learningSteps).toEqual(['1m', '10m']);
	});

	it('accepts exactly the whole hours 0–23 as the day start (property)', () => {
		fc.assert(
			fc.property(fc.double({ min: -5, max: 30, noNaN: true }), (hour) => {
				const ok = Number.isInteger(hour) && hour >= 0 && hour <= 23;
				expect(validateSettings({ dayStartHour: hour }).ok).toBe(ok);
			})
		);
	});
});

it('schedulerParams carries the scheduling settings and the fuzz switch', () => {
	expect(schedulerParams({ ...DEFAULT_SETTINGS, desiredRetention: 0.85 }, false)).toEqual({
		desiredRetention: 0.85,
		learningSteps: ['1m', '10m'],
		relearningSteps: ['10m'],
		maximumInterval: 36500,
		enableFuzz: false
	});
});

describe('dismissed tips', () => {
	it('are remembered once each, without touching the settings given', () => {
		const once = dismissTip(DEFAULT_SETTINGS, 'ratings');
		expect(once.dismissedTips).toEqual(['ratings']);
		expect(DEFAULT_SETTINGS.dismissedTips).toEqual([]);
		expect(dismissTip(once, 'ratings')).toBe(once);
		expect(dismissTip(once, 'day').dismissedTips).toEqual(['ratings', 'day']);
	});

	it("keep a newer version's tip, and reject what is no list of tip names", () => {
		expect(validateSettings({ dismissedTips: ['day', 'some-later-tip'] })).toMatchObject({
			ok: true,
			settings: { dismissedTips: ['day', 'some-later-tip'] }
		});
		for (const bad of ['day', ['<b>'], [1], [null], [true], null]) {
			expect(validateSettings({ dismissedTips: bad })).toMatchObject({
				ok: false,
				errors: [{ field: 'dismissedTips' }]
			});
		}
	});
});
