/**
 * Sync as the UI sees it: on or off, the status line, documents set aside. Joins the engine
 * (loaded only while sync is on) to progress: the engine reads the progress and writes what other
 * devices sent through ./writer.ts, as a merge import; the engine hears of this device's changes
 * through sync-hooks.ts, which subscribes to the writer.
 */
import type { EventBatch, SetAsideDoc } from '$lib/domain/records/sync-events';
import { checkSyncConfig, type SyncConfigField } from '$lib/domain/records/sync-config';
import type { SyncEngine, SyncHost, SyncStatus } from '$lib/sync/engine';
import { forgetSyncConfig, readSyncConfig, saveSyncConfig } from '$lib/storage/sync-config';
import type { Settings } from '$lib/domain/records/settings';
import { progress } from './progress.svelte';
import { setSyncFlag, syncIsOn } from './sync-flag';
import { connectSync } from './sync-hooks';
import { writer, type Change, type Writer } from './writer';
import { errorMessage } from '../error-message';

/** What the engine hears of this device's changes. */
type SyncSink = Pick<SyncEngine, 'rated' | 'undone' | 'answered' | 'settingsChanged' | 'imported'>;

const host: SyncHost = {
	async readProgress() {
		await progress.load();
		const [logs, quiz] = await Promise.all([progress.readLogs(), progress.readQuizAnswers()]);
		return { logs, quiz, settings: progress.settings };
	},
	settings: () => progress.settings,
	apply: (batch) => applyRemote(writer, batch),
	status: (status) => sync.report(status),
	setAside: (docs) => (sync.setAside = docs),
	clock: () => progress.clock()
};

class SyncState {
	#on = $state(false);
	#status = $state<SyncStatus | null>(null);
	#engine: SyncEngine | null = null;
	#starting: Promise<void> | null = null;
	/** The server's URL and the user name, for the form; never the password. */
	server = $state<{ url: string; username: string } | null>(null);
	fieldError = $state<{ field: SyncConfigField; message: string } | null>(null);
	setAside = $state.raw<SetAsideDoc[]>([]);

	get on() {
		return this.#on;
	}
	get status() {
		return this.#status;
	}

	report(status: SyncStatus) {
		this.#status = status;
	}

	/** At start-up, and when the Sync panel opens: resumes sync if it is on. */
	resume(): Promise<void> {
		if (!syncIsOn()) return Promise.resolve();
		this.#starting ??= (async () => {
			connectSync('start');
			const config = await readSyncConfig().catch(() => null);
			pageServerOrigin = config ? new URL(config.url).origin : null;
			if (!config) {
				setSyncFlag(false);
				connectSync(null);
				return;
			}
			await this.#run(config);
		})();
		return this.#starting;
	}

	async #run(config: Parameters<typeof saveSyncConfig>[0]) {
		this.#on = true;
		this.server = { url: config.url, username: config.username };
		this.#status = { kind: 'syncing' };
		try {
			const { startSync } = await import('$lib/sync/engine');
			const engine = await startSync(config, host);
			this.#engine = engine;
			connectSync((change) => tell(engine, change));
		} catch (error) {
			connectSync(null);
			this.#status = {
				kind: 'problem',
				message: `Sync could not start: ${errorMessage(error)}`
			};
		}
	}

	/** Checks the fields, keeps them on this device, and starts syncing. */
	async turnOn(input: { url: string; username: string; password: string }) {
		const checked = checkSyncConfig(input);
		if (!checked.ok) {
			this.fieldError = { field: checked.field, message: checked.message };
			return;
		}
		this.fieldError = null;
		await this.resume();
		// Another server or password: the replica stays (its events are this device's anyway).
		await this.#engine?.stop(false);
		this.#engine = null;
		connectSync('start');
		await saveSyncConfig(checked.config);
		setSyncFlag(true);
		this.#starting = Promise.resolve();
		if (needsNewPolicy(checked.config.url)) {
			// This page's connect-src names the server saved when it loaded, or none (see
			// src/service-worker.ts): a new server is reachable only from a page served after the
			// save. Sync is on and saved, so the reloaded page resumes it at start-up.
			location.reload();
			return;
		}
		await this.#run(checked.config);
	}

	syncNow() {
		this.#engine?.syncNow();
	}

	/** Stops syncing and forgets the server, the password and the replica; progress stays. */
	async turnOff() {
		const engine = this.#engine;
		this.#engine = null;
		connectSync(null);
		setSyncFlag(false);
		await forgetSyncConfig();
		await engine?.stop(true);
		this.#on = false;
		this.#starting = null;
		this.server = null;
		this.#status = null;
		this.setAside = [];
	}
}

/**
 * Writes other devices' events through the merge import's all-or-nothing path; progress reads it
 * again, and sync is not told ('synced'): sending it back would echo it. A full disk refuses it:
 * the engine's checkpoint stays, so the batch is applied at a later pass, and the sync status says
 * why. In memory it would be lost at the next visit, the checkpoint moved past it.
 */
export async function applyRemote(writer: Writer, batch: EventBatch) {
	// Loaded here, with the engine, not with the Sync panel: while sync is off the panel needs
	// none of the events' checks (valibot and the backup schema among them).
	const [{ createScheduler, schedulerParams }, { applyEvents }] = await Promise.all([
		import('$lib/domain/schedule/scheduler'),
		import('$lib/domain/records/sync-events')
	]);
	const scheduler = (settings: Settings) => createScheduler(schedulerParams(settings));
	await writer.write(
		(storage) => storage.mergeAll((current) => applyEvents(current, batch, scheduler)),
		{ whenFull: 'refuse', change: () => ({ type: 'synced' }) }
	);
}

/**
 * Tells the engine of a change this device stored. Not a replay of other devices' events
 * ('synced': sending it back would echo it), nor the open quiz or a reset, which stay here.
 */
export function tell(engine: SyncSink, change: Change) {
	switch (change.type) {
		case 'rated':
			return engine.rated(change.undo.log);
		case 'undone':
			return engine.undone(change.undo.log);
		case 'answered':
			return engine.answered(change.answer);
		case 'settings':
			return engine.settingsChanged(change.settings);
		case 'imported':
			// The import's events go to the other devices too.
			return engine.imported();
	}
}

/**
 * The server this page's policy names: the one saved when the page loaded (read at start-up
 * while sync is on), or none.
 */
let pageServerOrigin: string | null = null;

/**
 * Whether `url`'s server is outside this page's connect-src: only pages the service worker served
 * carry its narrower policy (a page it never served, such as a first visit, has the HTML's alone).
 */
function needsNewPolicy(url: string): boolean {
	if (!navigator.serviceWorker?.controller) return false;
	return new URL(url).origin !== pageServerOrigin;
}

export const sync = new SyncState();
