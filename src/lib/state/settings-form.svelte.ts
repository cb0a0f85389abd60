import type { Settings, Theme } from '$lib/domain/records/settings';
import {
	NUMBER_INPUTS,
	numberInputText,
	parseNumberInput,
	type NumberSetting
} from '$lib/domain/records/settings-input';
import type { Writer } from './writer';
import { errorMessage } from '../error-message';

/** What the form needs of the progress state (passed in, so a test gives its own). */
export interface SettingsHolder {
	readonly settings: Settings;
	/** False while progress lives in memory only: a change then lasts until the tab closes. */
	readonly saving: boolean;
}

/** What the form shows: number fields as typed, the others as chosen. */
export interface SettingsDraft {
	desiredRetention: string;
	newPerDay: string;
	reviewsPerDay: string;
	minutesPerDay: string;
	/** The select's value: the hour as text. */
	dayStartHour: string;
	/** Empty until the settings are read: the page's HTML must not show a choice not yours. */
	theme: Theme | '';
	quizCountsTowardSchedule: boolean;
}

/** The outcome of the last change, shown beside the setting it changed. */
export interface SettingsNotice {
	setting: keyof Settings;
	text: string;
	failed: boolean;
	/** Whether Undo puts the previous value back. */
	undoable: boolean;
}

export const SAVED = 'Saved.';
export const UNDONE = 'Undone: the previous value is back.';
export const NOT_SAVED_HERE =
	'Applied, but only until Kizuna is closed: this browser is not saving progress (see the warning at the top).';

/** How long typing pauses before a valid number is saved (leaving the field saves at once). */
export const TYPING_PAUSE_MS = 700;

const NUMBER_SETTINGS = Object.keys(NUMBER_INPUTS) as NumberSetting[];

function draftOf(settings: Settings): SettingsDraft {
	return {
		desiredRetention: numberInputText('desiredRetention', settings),
		newPerDay: numberInputText('newPerDay', settings),
		reviewsPerDay: numberInputText('reviewsPerDay', settings),
		minutesPerDay: numberInputText('minutesPerDay', settings),
		dayStartHour: String(settings.dayStartHour),
		theme: settings.theme,
		quizCountsTowardSchedule: settings.quizCountsTowardSchedule
	};
}

/**
 * The Settings form: every change is saved as it is made, in order, over the settings as they
 * are when its write starts (two quick changes both stay), and the last one can be undone. A
 * number is saved once valid text pauses or the field is left; invalid text gets a message on
 * its field and is never saved. A refused write leaves the field at the saved value.
 */
export class SettingsForm {
	readonly #holder: SettingsHolder;
	readonly #writer: Pick<Writer, 'saveSettings'>;
	readonly #pauseMs: number;
	/** Writes run one after another, each over the settings the previous one left. */
	#writes: Promise<unknown> = Promise.resolve();
	/** The values the last saved change replaced, for Undo. */
	#previous: Partial<Settings> | null = null;
	/** Number fields typed in and not yet saved or refused, with their pause timers. */
	readonly #typing: Partial<Record<NumberSetting, ReturnType<typeof setTimeout>>> = {};

	draft = $state<SettingsDraft>({
		desiredRetention: '',
		newPerDay: '',
		reviewsPerDay: '',
		minutesPerDay: '',
		dayStartHour: '',
		theme: '',
		quizCountsTowardSchedule: false
	});
	errors = $state<Partial<Record<NumberSetting, string>>>({});
	notice = $state<SettingsNotice | null>(null);

	/** `writer` saves, or throws with the stored settings unchanged. */
	constructor(
		holder: SettingsHolder,
		writer: Pick<Writer, 'saveSettings'>,
		pauseMs = TYPING_PAUSE_MS
	) {
		this.#holder = holder;
		this.#writer = writer;
		this.#pauseMs = pauseMs;
	}

	/**
	 * Shows the saved settings (after loading, a change here or in another tab), except in a
	 * number field still being typed in or holding refused text.
	 */
	refresh() {
		const saved = draftOf(this.#holder.settings);
		for (const setting of NUMBER_SETTINGS) {
			if (setting in this.#typing || this.errors[setting]) saved[setting] = this.draft[setting];
		}
		this.draft = saved;
	}

	/** Text typed into a number field: saved once typing pauses, if valid. */
	type(setting: NumberSetting, text: string) {
		this.draft[setting] = text;
		clearTimeout(this.#typing[setting]);
		this.#typing[setting] = setTimeout(() => void this.commit(setting), this.#pauseMs);
	}

	/** Checks a number field's text and saves it when valid and new; resolves once done. */
	async commit(setting: NumberSetting): Promise<void> {
		clearTimeout(this.#typing[setting]);
		delete this.#typing[setting];
		const parsed = parseNumberInput(setting, this.draft[setting]);
		if (!parsed.ok) {
			this.errors[setting] = parsed.message;
			return;
		}
		delete this.errors[setting];
		if (parsed.value === this.#holder.settings[setting]) {
			this.refresh();
			return;
		}
		await this.change({ [setting]: parsed.value }, setting);
	}

	/** Saves every number still being typed in (the page is being left); resolves once saved. */
	flush(): Promise<void> {
		const typing = Object.keys(this.#typing) as NumberSetting[];
		return Promise.all(typing.map((setting) => this.commit(setting))).then(() => undefined);
	}

	/**
	 * Saves `patch` over the stored settings and says so beside `setting`; resolves with whether
	 * it was saved. `text` words the success (default "Saved.").
	 */
	change(patch: Partial<Settings>, setting: keyof Settings, text = SAVED): Promise<boolean> {
		return this.#save(patch, setting, text, true);
	}

	/** Puts back what the last saved change replaced. */
	async undo(): Promise<boolean> {
		const previous = this.#previous;
		if (!previous || !this.notice?.undoable) return false;
		return this.#save(previous, this.notice.setting, UNDONE, false);
	}

	#save(
		patch: Partial<Settings>,
		setting: keyof Settings,
		text: string,
		undoable: boolean
	): Promise<boolean> {
		const run = async () => {
			const before = this.#holder.settings;
			const previous = Object.fromEntries(
				Object.keys(patch).map((key) => [key, before[key as keyof Settings]])
			) as Partial<Settings>;
			try {
				await this.#writer.saveSettings({ ...before, ...patch });
			} catch (error) {
				const why = errorMessage(error);
				this.notice = {
					setting,
					text: `${why} The setting keeps its previous value.`,
					failed: true,
					undoable: false
				};
				return false;
			} finally {
				this.refresh();
			}
			this.#previous = undoable ? previous : null;
			this.notice = {
				setting,
				text: this.#holder.saving ? text : NOT_SAVED_HERE,
				failed: false,
				undoable
			};
			return true;
		};
		const done = this.#writes.then(run);
		this.#writes = done;
		return done;
	}
}
