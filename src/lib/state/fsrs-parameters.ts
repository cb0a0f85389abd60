/**
 * Using fitted FSRS parameters (or the defaults again) as one step over a `ReviewStorage`: the
 * setting and every card rebuilt from its log, in one all-or-nothing write. Loaded only when the
 * person uses them, and kept free of runes so Node tests run it on fake IndexedDB.
 */
import { rebuildCards } from '$lib/domain/schedule/rebuild-cards';
import { createScheduler, schedulerParams } from '$lib/domain/schedule/scheduler';
import type { Settings } from '$lib/domain/records/settings';
import type { ReviewStorage } from '$lib/storage';
import type { Writer } from './writer';

/**
 * Stores `parameters` (null: the defaults) with the settings and rebuilds every card under them;
 * due dates stay unless `reschedule`. A rating from another tab meanwhile makes it read and
 * rebuild again (`mergeAll`), so nothing is lost; on a failed write nothing changes. Gives the
 * settings stored.
 */
export async function applyParameters(
	storage: ReviewStorage,
	parameters: readonly number[] | null,
	reschedule: boolean
): Promise<Settings> {
	let settings: Settings | undefined;
	await storage.mergeAll((current) => {
		settings = { ...current.settings, fsrsParameters: parameters ? [...parameters] : null };
		const scheduler = createScheduler(schedulerParams(settings));
		return {
			...current,
			settings,
			cards: rebuildCards(current.cards, current.logs, scheduler, reschedule)
		};
	});
	return settings as Settings;
}

/**
 * Uses `parameters` (null: the defaults) in the app's progress, which reads it again; sync takes
 * them to the other devices as any settings change (and they rebuild their cards: applyEvents).
 * A full disk refuses them, as any settings change: the panel says why, and the next visit would
 * not have them.
 */
export async function useParameters(
	writer: Writer,
	parameters: readonly number[] | null,
	reschedule: boolean
): Promise<void> {
	await writer.write((storage) => applyParameters(storage, parameters, reschedule), {
		whenFull: 'refuse',
		change: (settings) => ({ type: 'settings', settings, cardsRebuilt: true })
	});
}
