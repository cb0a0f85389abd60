/**
 * Using fitted FSRS parameters (or the defaults again) as one step over a `ReviewStorage`: the
 * setting and every card rebuilt from its log, in one all-or-nothing write. Loaded only when the
 * person uses them, and kept free of runes so Node tests run it on fake IndexedDB.
 */
import { rebuildCards } from '$lib/domain/schedule/rebuild-cards';
import { createScheduler, schedulerParams } from '$lib/domain/schedule/scheduler';
import type { ReviewStorage } from '$lib/storage';
import type { Progress } from './progress.svelte';
import { syncHooks } from './sync-hooks';

/**
 * Stores `parameters` (null: the defaults) with the settings and rebuilds every card under them;
 * due dates stay unless `reschedule`. A rating from another tab meanwhile makes it read and
 * rebuild again (`mergeAll`), so nothing is lost; on a failed write nothing changes.
 */
export async function applyParameters(
	storage: ReviewStorage,
	parameters: readonly number[] | null,
	reschedule: boolean
): Promise<void> {
	await storage.mergeAll((current) => {
		const settings = { ...current.settings, fsrsParameters: parameters ? [...parameters] : null };
		const scheduler = createScheduler(schedulerParams(settings));
		return {
			...current,
			settings,
			cards: rebuildCards(current.cards, current.logs, scheduler, reschedule)
		};
	});
}

/**
 * Uses `parameters` (null: the defaults) in the app's progress, then reloads it; sync takes them
 * to the other devices as any settings change (and they rebuild their cards: applyEvents).
 */
export async function useParameters(
	progress: Progress,
	parameters: readonly number[] | null,
	reschedule: boolean
): Promise<void> {
	await progress.write((storage) => applyParameters(storage, parameters, reschedule));
	await progress.reload();
	syncHooks.settingsChanged(progress.settings);
}
