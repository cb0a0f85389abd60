import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { DEFAULT_SETTINGS, type Settings } from '$lib/domain/records/settings';
import { StorageQuotaError } from '$lib/storage';
import {
	NOT_SAVED_HERE,
	SAVED,
	SettingsForm,
	UNDONE,
	type SettingsHolder
} from './settings-form.svelte';

/** Progress as the form sees it: saves are recorded, and can be made to fail. */
function holder(initial: Partial<Settings> = {}) {
	let settings: Settings = { ...DEFAULT_SETTINGS, ...initial };
	const fake = {
		saved: [] as Settings[],
		saving: true as boolean,
		fail: null as Error | null,
		get settings() {
			return settings;
		},
		async saveSettings(next: Settings) {
			await Promise.resolve();
			if (fake.fail) throw fake.fail;
			fake.saved.push(next);
			settings = next;
		}
	} satisfies SettingsHolder & Record<string, unknown>;
	return fake;
}

function formOn(progress: ReturnType<typeof holder>) {
	const form = new SettingsForm(progress, progress, 500);
	form.refresh();
	return form;
}

beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());

describe('a number typed into Settings', () => {
	it('is saved once typing pauses, as the stored fraction, with an undo', async () => {
		const progress = holder();
		const form = formOn(progress);
		expect(form.draft.desiredRetention).toBe('90');
		form.type('desiredRetention', '8');
		form.type('desiredRetention', '85');
		await vi.advanceTimersByTimeAsync(499);
		expect(progress.saved).toEqual([]);
		await vi.advanceTimersByTimeAsync(1);
		expect(progress.saved.map((s) => s.desiredRetention)).toEqual([0.85]);
		expect(form.notice).toEqual({
			setting: 'desiredRetention',
			text: SAVED,
			failed: false,
			undoable: true
		});

		expect(await form.undo()).toBe(true);
		expect(progress.settings.desiredRetention).toBe(0.9);
		expect(form.draft.desiredRetention).toBe('90');
		expect(form.notice).toMatchObject({ text: UNDONE, undoable: false });
		// Nothing more to undo.
		expect(await form.undo()).toBe(false);
		expect(progress.saved).toHaveLength(2);
	});

	it('is refused with a message on its field when invalid, and never saved', async () => {
		const progress = holder({ newPerDay: 7 });
		const form = formOn(progress);
		form.type('newPerDay', '-3');
		await vi.advanceTimersByTimeAsync(500);
		expect(form.errors.newPerDay).toBe('"-3" is not a whole number from 0 to 9999.');
		expect(form.draft.newPerDay).toBe('-3');
		expect(progress.saved).toEqual([]);
		// A change elsewhere leaves the refused text for the person to fix.
		await form.change({ theme: 'dark' }, 'theme');
		expect(form.draft.newPerDay).toBe('-3');
		form.type('newPerDay', '12');
		await form.commit('newPerDay');
		expect(form.errors.newPerDay).toBeUndefined();
		expect(progress.settings).toMatchObject({ newPerDay: 12, theme: 'dark' });
	});

	it('is saved at once when the field is left, and by flush when the page is', async () => {
		const progress = holder();
		const form = formOn(progress);
		form.type('reviewsPerDay', '50');
		await form.commit('reviewsPerDay');
		expect(progress.settings.reviewsPerDay).toBe(50);

		form.type('newPerDay', '5');
		form.type('desiredRetention', '80');
		await form.flush();
		expect(progress.settings).toMatchObject({ newPerDay: 5, desiredRetention: 0.8 });
		// The pause timers were cleared: nothing is written again later.
		const writes = progress.saved.length;
		await vi.advanceTimersByTimeAsync(1000);
		expect(progress.saved).toHaveLength(writes);
	});

	it('that equals the saved value writes nothing', async () => {
		const progress = holder();
		const form = formOn(progress);
		form.type('desiredRetention', '90%');
		await form.commit('desiredRetention');
		expect(progress.saved).toEqual([]);
		expect(form.draft.desiredRetention).toBe('90');
	});
});

describe('changes saved one after another', () => {
	it('each over the settings the one before left, so quick changes all stay', async () => {
		const progress = holder();
		const form = formOn(progress);
		await Promise.all([
			form.change({ theme: 'dark' }, 'theme'),
			form.change({ dayStartHour: 6 }, 'dayStartHour'),
			form.change({ quizCountsTowardSchedule: true }, 'quizCountsTowardSchedule')
		]);
		expect(progress.settings).toMatchObject({
			theme: 'dark',
			dayStartHour: 6,
			quizCountsTowardSchedule: true
		});
		// Undo puts back only what the last change replaced.
		await form.undo();
		expect(progress.settings).toMatchObject({
			theme: 'dark',
			dayStartHour: 6,
			quizCountsTowardSchedule: false
		});
	});
});

describe('a write that fails', () => {
	it('says why beside the setting, and the form shows the value still saved', async () => {
		const progress = holder();
		const form = formOn(progress);
		progress.fail = new StorageQuotaError();
		form.draft.theme = 'dark';
		expect(await form.change({ theme: 'dark' }, 'theme')).toBe(false);
		expect(form.draft.theme).toBe('system');
		expect(form.notice).toMatchObject({ setting: 'theme', failed: true, undoable: false });
		expect(form.notice?.text).toMatch(
			/^The storage for Kizuna on this device is full, so the last change was not saved\..* The setting keeps its previous value\.$/
		);

		form.type('desiredRetention', '80');
		await form.commit('desiredRetention');
		expect(form.draft.desiredRetention).toBe('90');
		expect(progress.settings.desiredRetention).toBe(0.9);
		expect(form.errors.desiredRetention).toBeUndefined();
	});

	it('while progress lives in memory only, a change applies and says it is not saved', async () => {
		const progress = holder();
		progress.saving = false;
		const form = formOn(progress);
		await form.change({ theme: 'light' }, 'theme');
		expect(progress.settings.theme).toBe('light');
		expect(form.notice).toMatchObject({ text: NOT_SAVED_HERE, undoable: true });
	});
});

describe('settings changed elsewhere (another tab, sync)', () => {
	it('show in the form, except a number being typed', async () => {
		const progress = holder();
		const form = formOn(progress);
		form.type('newPerDay', '3');
		await progress.saveSettings({ ...progress.settings, newPerDay: 40, reviewsPerDay: 10 });
		form.refresh();
		expect(form.draft).toMatchObject({ newPerDay: '3', reviewsPerDay: '10' });
	});
});
