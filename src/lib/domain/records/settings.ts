/**
 * The user's settings: defaults and validation (the scheduler parameters they give: ../schedule/scheduler.ts).
 */
import { isDayKey } from '../exam/exam-date';
import type { Step } from '../schedule/scheduler';
import type { DayKey } from '../study-day/study-day';
import { quote } from './quote';

export const THEMES = ['system', 'light', 'dark'] as const;
export type Theme = (typeof THEMES)[number];

/**
 * The one-time explanations a person has closed: Today's "a day of study", the review's four
 * ratings, the install offer. Kept with the settings, so a backup or sync carries them too.
 */
export const TIPS = ['day', 'ratings', 'install'] as const;
export type Tip = (typeof TIPS)[number];

export interface Settings {
	/** Target probability of recall when a card is due, 0.70–0.99. */
	desiredRetention: number;
	/** New cards introduced per study day. */
	newPerDay: number;
	/** Review cards (state `review` before rating) per study day. */
	reviewsPerDay: number;
	/** Local hour (0–23) at which a study day starts, as Anki's "next day starts at". */
	dayStartHour: number;
	theme: Theme;
	learningSteps: Step[];
	relearningSteps: Step[];
	/** Longest interval in days. */
	maximumInterval: number;
	/** Quiz answers grade the fact's flashcard when it is new or due (off: practice only). */
	quizCountsTowardSchedule: boolean;
	/** The 21 FSRS parameters fitted to this person's log (Settings → FSRS parameters); null: defaults. */
	fsrsParameters: number[] | null;
	/** The exam day ('YYYY-MM-DD'): no interval reaches past it. Null when none is set. */
	examDate: DayKey | null;
	/**
	 * With an exam date, the minutes a day the exam plan fills (../exam/exam-plan.ts), in place of the
	 * daily new and review limits.
	 */
	minutesPerDay: number;
	/**
	 * The explanations closed with "Got it" (`TIPS`). An id this version does not know, from a
	 * newer one through sync or a backup, is kept as it is.
	 */
	dismissedTips: string[];
}

const defaults: Settings = {
	desiredRetention: 0.9,
	newPerDay: 20,
	reviewsPerDay: 200,
	dayStartHour: 4,
	theme: 'system',
	learningSteps: ['1m', '10m'],
	relearningSteps: ['10m'],
	maximumInterval: 36500,
	quizCountsTowardSchedule: false,
	fsrsParameters: null,
	examDate: null,
	minutesPerDay: 10,
	dismissedTips: []
};
export const DEFAULT_SETTINGS: Readonly<Settings> = Object.freeze(defaults);

export interface SettingsError {
	/** The offending field, or 'settings' when the input is not an object at all. */
	field: keyof Settings | 'settings';
	message: string;
}

export type SettingsResult =
	{ ok: true; settings: Settings } | { ok: false; errors: SettingsError[] };

/**
 * The stored range of each number the Settings form edits, inclusive: the one source of these
 * limits, for the stored record's check here and the form's (./settings-input.ts).
 */
export const NUMBER_LIMITS = Object.freeze({
	desiredRetention: { min: 0.7, max: 0.99 },
	newPerDay: { min: 0, max: 9999 },
	reviewsPerDay: { min: 0, max: 99999 },
	minutesPerDay: { min: 1, max: 600 }
} as const);

const STEP_PATTERN = /^(\d+(?:\.\d+)?)(m|h|d)$/;

function integerIn(min: number, max: number) {
	return (value: unknown): value is number =>
		typeof value === 'number' && Number.isInteger(value) && value >= min && value <= max;
}

function isSteps(value: unknown): value is Step[] {
	return (
		Array.isArray(value) &&
		value.length <= 10 &&
		value.every((step) => {
			const match = typeof step === 'string' ? STEP_PATTERN.exec(step) : null;
			return match !== null && Number(match[1]) > 0;
		})
	);
}

type Rule = { check: (value: unknown) => boolean; expected: string };

function wholeNumber({ min, max }: { min: number; max: number }): Rule {
	return { check: integerIn(min, max), expected: `a whole number from ${min} to ${max}` };
}

const RULES: { [K in keyof Settings]: Rule } = {
	desiredRetention: {
		check: (v) =>
			typeof v === 'number' &&
			v >= NUMBER_LIMITS.desiredRetention.min &&
			v <= NUMBER_LIMITS.desiredRetention.max,
		expected: `a number from ${NUMBER_LIMITS.desiredRetention.min.toFixed(2)} to ${NUMBER_LIMITS.desiredRetention.max.toFixed(2)}`
	},
	newPerDay: wholeNumber(NUMBER_LIMITS.newPerDay),
	reviewsPerDay: wholeNumber(NUMBER_LIMITS.reviewsPerDay),
	dayStartHour: { check: integerIn(0, 23), expected: 'a whole hour from 0 to 23' },
	theme: {
		check: (v) => THEMES.includes(v as Theme),
		expected: `one of ${THEMES.join(', ')}`
	},
	learningSteps: { check: isSteps, expected: "a list of up to 10 steps like '1m', '10m', '1d'" },
	relearningSteps: { check: isSteps, expected: "a list of up to 10 steps like '10m'" },
	maximumInterval: { check: integerIn(1, 36500), expected: 'a whole number of days, 1 to 36500' },
	quizCountsTowardSchedule: {
		check: (v) => typeof v === 'boolean',
		expected: 'true or false'
	},
	fsrsParameters: {
		check: (v) =>
			v === null ||
			(Array.isArray(v) &&
				v.length === 21 &&
				v.every((w) => typeof w === 'number' && Number.isFinite(w))),
		expected: 'null or a list of 21 numbers'
	},
	examDate: {
		check: (v) => v === null || isDayKey(v),
		expected: "null or a date written like '2026-07-15'"
	},
	minutesPerDay: {
		check: integerIn(NUMBER_LIMITS.minutesPerDay.min, NUMBER_LIMITS.minutesPerDay.max),
		expected: 'a whole number of minutes from 1 to 600'
	},
	dismissedTips: {
		check: (v) =>
			Array.isArray(v) &&
			v.length < 50 &&
			v.every((t) => typeof t === 'string' && /^[a-z-]{1,40}$/.test(t)),
		expected: 'a list of tip names'
	}
};

/** The settings with `tip` closed for good. */
export function dismissTip(settings: Settings, tip: Tip): Settings {
	const dismissed = settings.dismissedTips;
	return dismissed.includes(tip) ? settings : { ...settings, dismissedTips: [...dismissed, tip] };
}

/**
 * Checks settings from a form, storage or an import. A field that is absent takes its default
 * (so settings saved before a field existed still load); a field present with a bad value is an
 * error naming the field and quoting the value. Unknown fields are ignored.
 */
export function validateSettings(input: unknown): SettingsResult {
	if (typeof input !== 'object' || input === null || Array.isArray(input)) {
		return {
			ok: false,
			errors: [{ field: 'settings', message: `settings must be an object, got ${quote(input)}` }]
		};
	}
	const source = input as Record<string, unknown>;
	const errors: SettingsError[] = [];
	const settings = structuredClone(DEFAULT_SETTINGS) as Settings;
	for (const field of Object.keys(RULES) as (keyof Settings)[]) {
		const value = source[field];
		if (value === undefined) continue;
		const rule = RULES[field];
		if (!rule.check(value)) {
			errors.push({ field, message: `${field} must be ${rule.expected}, got ${quote(value)}` });
			continue;
		}
		(settings as unknown as Record<string, unknown>)[field] = Array.isArray(value)
			? [...value]
			: value;
	}
	return errors.length > 0 ? { ok: false, errors } : { ok: true, settings };
}
