/**
 * What the Settings form takes for each number setting, and the one conversion between what is
 * typed and what is stored: desired retention is typed and shown as a percentage (90) and stored
 * as ts-fsrs's fraction (0.9). A new number setting is one entry in `NUMBER_INPUTS`.
 */
import { NUMBER_LIMITS, type Settings } from './settings';

export type NumberSetting = keyof typeof NUMBER_LIMITS;

interface NumberInput {
	/** Typed value → stored value, and back (both whole numbers as typed). */
	toStored(typed: number): number;
	fromStored(stored: number): number;
	/** What the field takes, in words: "a whole percentage from 70 to 99". */
	expected: string;
	/** Shown after the field ('%'), and accepted after the number when typed. */
	unit?: string;
}

const percent = {
	toStored: (typed: number) => typed / 100,
	// Rounded: 0.7 * 100 is 70.00000000000001.
	fromStored: (stored: number) => Math.round(stored * 100)
};
const same = { toStored: (typed: number) => typed, fromStored: (stored: number) => stored };

function input(
	setting: NumberSetting,
	convert: typeof same,
	kind: string,
	unit?: string
): NumberInput {
	const { min, max } = NUMBER_LIMITS[setting];
	const expected = `a whole ${kind} from ${convert.fromStored(min)} to ${convert.fromStored(max)}`;
	return { ...convert, expected, ...(unit ? { unit } : {}) };
}

export const NUMBER_INPUTS: Readonly<Record<NumberSetting, NumberInput>> = Object.freeze({
	desiredRetention: input('desiredRetention', percent, 'percentage', '%'),
	newPerDay: input('newPerDay', same, 'number'),
	reviewsPerDay: input('reviewsPerDay', same, 'number'),
	minutesPerDay: input('minutesPerDay', same, 'number of minutes')
});

export type ParsedInput = { ok: true; value: number } | { ok: false; message: string };

/**
 * Reads what was typed into a number setting's field: the value to store, or a message naming
 * what is wrong and quoting the text. Only whole numbers within the setting's limits pass.
 */
export function parseNumberInput(setting: NumberSetting, text: string): ParsedInput {
	const spec = NUMBER_INPUTS[setting];
	const typed = text.trim();
	if (typed === '') return { ok: false, message: `Type ${spec.expected}.` };
	const digits = spec.unit && typed.endsWith(spec.unit) ? typed.slice(0, -1).trim() : typed;
	const { min, max } = NUMBER_LIMITS[setting];
	if (/^\d+$/.test(digits)) {
		const value = spec.toStored(Number(digits));
		if (value >= min && value <= max) return { ok: true, value };
	}
	const wrong = `"${typed}" is not ${spec.expected}`;
	// Someone used to 0.90 (Anki's way of writing it) is told the percentage to type instead.
	const fraction = Number(digits);
	if (spec.unit === '%' && fraction >= min && fraction <= max) {
		return { ok: false, message: `${wrong}: for ${digits}, type ${spec.fromStored(fraction)}.` };
	}
	return { ok: false, message: `${wrong}.` };
}

/** The text a number setting's field shows for the stored settings. */
export function numberInputText(setting: NumberSetting, settings: Settings): string {
	return String(NUMBER_INPUTS[setting].fromStored(settings[setting]));
}
