/**
 * Export and import as steps over a `ReviewStorage`: what the backup panel runs on `progress`'s
 * storage, kept free of runes so Node tests run it on fake IndexedDB. Loaded on first use: its
 * code (file schema, merge, CSV, the scheduler that replays logs) is needed in Settings only.
 */
import { buildBackup, reviewLogCsv } from '$lib/domain/records/backup-export';
import { dataFromBackup, mergeProgress } from '$lib/domain/records/backup-merge';
import type { Backup } from '$lib/domain/records/backup-schema';
import { createScheduler, schedulerParams, type Scheduler } from '$lib/domain/schedule/scheduler';
import type { ReviewStorage } from '$lib/storage';
import type { Writer } from './writer';

export type ImportMode = 'replace' | 'merge';

export interface ExportInfo {
	appVersion: string;
	bankVersion: string | null;
	now: number;
}

/** Reads everything and builds the backup file's text; notes the export for the reminder. */
export async function exportBackup(storage: ReviewStorage, info: ExportInfo): Promise<string> {
	const [data, logs, quiz] = await Promise.all([
		storage.load(),
		storage.readLogs(),
		storage.readQuizAnswers()
	]);
	const backup = buildBackup({ ...info, cards: data.cards, logs, quiz, settings: data.settings });
	const text = JSON.stringify(backup);
	await storage.saveBackupMark({ at: info.now, reviews: logs.length });
	return text;
}

/** The review log as CSV for the FSRS optimizers. */
export async function exportReviewLogCsv(storage: ReviewStorage): Promise<string> {
	return reviewLogCsv(await storage.readLogs());
}

/**
 * Writes a checked backup in one transaction: Replace makes the device hold exactly the backup;
 * Merge unites it with the device's data (`mergeProgress`). Throws a storage error (nothing
 * changed) if the write fails.
 */
export async function importBackup(
	storage: ReviewStorage,
	backup: Backup,
	mode: ImportMode,
	scheduler: Scheduler
): Promise<void> {
	const incoming = dataFromBackup(backup, scheduler);
	if (mode === 'replace') {
		await storage.replaceAll({
			...incoming,
			// The device now holds what the file held, as of its export.
			backupMark: { at: backup.exportedAt, reviews: backup.log.length }
		});
		return;
	}
	await storage.mergeAll((current) => mergeProgress(current, incoming, scheduler));
}

/**
 * Imports into the app's progress (replaying logs with its settings' scheduler), which reads it
 * again. A full disk refuses it: the import is one transaction, so what was saved stays untouched
 * and the panel says the import failed; carrying on in memory would show an import the next visit
 * does not have.
 */
export async function importIntoProgress(writer: Writer, backup: Backup, mode: ImportMode) {
	const scheduler = createScheduler(schedulerParams(writer.progress.settings));
	await writer.write((storage) => importBackup(storage, backup, mode, scheduler), {
		whenFull: 'refuse',
		change: () => ({ type: 'imported' })
	});
}
