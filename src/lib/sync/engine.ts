/**
 * Sync over CouchDB replication, loaded only while sync is on. A local PouchDB replica (its own
 * IndexedDB database) holds this device's events as documents and replicates both ways with the
 * person's CouchDB database, live while the app is open and online, retrying with back-off.
 *
 *   rating / quiz answer / undo / settings  →  document put or deleted in the replica (queued,
 *                                               never awaited by the rating)
 *   replica changes (from other devices)    →  checked (sync-events.ts), then written to the
 *                                               device's progress as one merge import
 *
 * The replica's own changes feed is read from a checkpoint kept in the replica
 * ('_local/kizuna-applied'), so what arrived while the tab was closed is applied at the next
 * start, and a crash between the replica and the progress only applies it twice (a no-op).
 * Documents that break a rule are set aside: listed in '_local/kizuna-set-aside' (local
 * documents never replicate) and reported, never applied.
 */
import { logIdentity, quizIdentity } from '$lib/domain/records/backup-merge';
import type { QuizAnswerRecord } from '$lib/domain/quiz/quiz-record';
import type { ReviewRecord } from '$lib/domain/schedule/card';
import type { Settings } from '$lib/domain/records/settings';
import type { SyncConfig } from '$lib/domain/records/sync-config';
import {
	checkIncoming,
	quizEventDoc,
	quizEventId,
	reviewEventDoc,
	reviewEventId,
	settingsDoc,
	SETTINGS_DOC_ID,
	type EventBatch,
	type IncomingChange,
	type SetAsideDoc
} from '$lib/domain/records/sync-events';
import { classify, ERROR_STATUS, SYNC_MESSAGES, type Problem } from './problems';
import {
	loadPouch,
	type Database,
	type PouchDoc,
	type PouchError,
	type Replication
} from './pouch';

/** The replica's database name (PouchDB adds its own prefix). */
const REPLICA_NAME = 'kizuna-sync-replica';
const CHECKPOINT_ID = '_local/kizuna-applied';
const SET_ASIDE_ID = '_local/kizuna-set-aside';
/** Set-aside documents listed at most: a hostile server could send millions. */
const SET_ASIDE_KEPT = 50;

export type SyncStatus =
	{ kind: 'syncing' } | { kind: 'synced'; at: number } | { kind: 'problem'; message: string };

/** What the engine needs from the app: the progress, and where to report. */
export interface SyncHost {
	readProgress(): Promise<{ logs: ReviewRecord[]; quiz: QuizAnswerRecord[]; settings: Settings }>;
	/** The settings in use on this device. */
	settings(): Settings;
	/** Writes a checked batch as one all-or-nothing merge, and shows it. */
	apply(batch: EventBatch): Promise<void>;
	status(status: SyncStatus): void;
	setAside(docs: SetAsideDoc[]): void;
	/** What the time is now: when a sync finished, how old a synced event may be. */
	clock(): number;
}

/** Waits between attempts: 1 s, doubling to at most a minute. */
function backOff(delay: number): number {
	return delay === 0 ? 1000 : Math.min(delay * 2, 60_000);
}

const plain = <T>(value: T): T => JSON.parse(JSON.stringify(value)) as T;

export class SyncEngine {
	readonly #local: Database;
	readonly #remote: Database;
	readonly #host: SyncHost;
	readonly #origin: string;
	#replication: Replication | null = null;
	/** Whether each direction has finished a pass since it last started one, without an error. */
	#caughtUp = { push: false, pull: false };
	/** Identities of the events the device's progress holds, so echoes are not applied. */
	readonly #known = new Set<string>();
	#settings = '';
	/** Writes to the replica, one after another in the order they were made. */
	#queue: Promise<unknown>;
	#draining: Promise<void> | null = null;
	#drainAgain = false;
	#drainTimer: ReturnType<typeof setTimeout> | undefined;
	#retryTimer: ReturnType<typeof setTimeout> | undefined;
	#retryDelay = 0;
	#attempts = 0;
	#stopped = false;
	readonly #online = () => this.syncNow();
	readonly #offline = () => this.#host.status({ kind: 'problem', message: SYNC_MESSAGES.offline });

	constructor(local: Database, remote: Database, config: SyncConfig, host: SyncHost) {
		this.#local = local;
		this.#remote = remote;
		this.#host = host;
		this.#origin = new URL(config.url).origin;
		const prepared = this.#prepare();
		// Writes wait for the replica to be ready, never for the server.
		this.#queue = prepared;
		void prepared.then(async (ready) => {
			if (ready) await this.#connect();
		});
		addEventListener('online', this.#online);
		addEventListener('offline', this.#offline);
	}

	/** Brings the replica and the progress in step; false when the replica cannot be used. */
	async #prepare(): Promise<boolean> {
		try {
			await this.#readKnown();
			// What the replica got while the app was closed first: pushing before it could bring
			// back an event whose deletion (an undo elsewhere) waits there.
			await this.#drain();
			await this.#pushMissing();
			const setAside = await this.#readSetAside();
			if (setAside.length > 0) this.#host.setAside(setAside);
		} catch (error) {
			this.#host.status({ kind: 'problem', message: describeLocal(error) });
			return false;
		}
		return true;
	}

	async #readKnown() {
		const progress = await this.#host.readProgress();
		this.#known.clear();
		for (const log of progress.logs) this.#known.add(`r${logIdentity(log)}`);
		for (const answer of progress.quiz) this.#know(answer);
		this.#settings = JSON.stringify(progress.settings);
		return progress;
	}

	/** Puts every event of the progress the replica lacks (all of them the first time). */
	async #pushMissing() {
		const progress = await this.#readKnown();
		const { rows } = await this.#local.allDocs();
		const present = new Set(rows.map((row) => row.id));
		const docs: PouchDoc[] = [];
		for (const log of progress.logs)
			if (!present.has(reviewEventId(log))) docs.push(plain(reviewEventDoc(log)) as never);
		const marked: QuizAnswerRecord[] = [];
		for (const answer of progress.quiz) {
			if (!present.has(quizEventId(answer))) docs.push(plain(quizEventDoc(answer)) as never);
			else if (answer.overridden) marked.push(answer);
		}
		for (let i = 0; i < docs.length; i += 5000) await this.#local.bulkDocs(docs.slice(i, i + 5000));
		// "I was right" given while the app closed before the replica heard of it (rare: a few).
		for (const answer of marked) await this.#putAnswer(answer);
	}

	/** Remembers a quiz answer the progress holds, and whether it is marked "I was right". */
	#know(answer: QuizAnswerRecord) {
		const id = quizIdentity(answer);
		this.#known.add(`q${id}`);
		if (answer.overridden) this.#known.add(`o${id}`);
	}

	/**
	 * Puts a quiz answer's document. The one event document that changes: an answer marked "I was
	 * right" replaces its unmarked document (the mark is only ever added, so that is the only way
	 * it changes); the same answer already there is left as it is.
	 */
	async #putAnswer(answer: QuizAnswerRecord) {
		const doc = plain(quizEventDoc(answer));
		for (let attempt = 1; ; attempt += 1) {
			const current = attempt === 1 ? null : await this.#local.get(doc._id).catch(() => null);
			if (current && (!answer.overridden || (current.record as QuizAnswerRecord)?.overridden))
				return;
			try {
				await this.#local.put({ ...doc, _rev: current?._rev } as never);
				return;
			} catch (error) {
				if ((error as PouchError).status !== 409 || attempt === 5) throw error;
			}
		}
	}

	async #connect() {
		if (this.#stopped) return;
		this.#replication?.cancel();
		this.#replication = null;
		// A late "paused" of the cancelled sync must not speak for the next one.
		this.#caughtUp = { push: false, pull: false };
		clearTimeout(this.#retryTimer);
		this.#host.status({ kind: 'syncing' });
		const attempt = ++this.#attempts;
		const problem = await this.#check();
		// Stopped, or overtaken by a later start (Sync now, back online): that one goes on.
		if (this.#stopped || attempt !== this.#attempts) return;
		if (problem) {
			this.#host.status({ kind: 'problem', message: problem.message });
			if (problem.retry) this.#retryLater();
			return;
		}
		this.#retryDelay = 0;
		const replication = this.#local.sync(this.#remote, {
			live: true,
			retry: true,
			// Fewer, larger requests than PouchDB's 100 documents: a first sync moves thousands.
			batch_size: 2000,
			back_off_function: backOff
		});
		const caughtUp = this.#caughtUp;
		for (const direction of ['push', 'pull'] as const)
			replication[direction]
				.on('active', () => (caughtUp[direction] = false))
				.on('paused', (error) => (caughtUp[direction] = !error));
		this.#replication = replication
			.on('change', (info) => {
				if (info.direction === 'pull') this.#drainIn(10_000);
			})
			.on('active', () => this.#host.status({ kind: 'syncing' }))
			.on('paused', (error) => {
				if (error) return void this.#report(error);
				this.#drainIn(0);
				void this.#whenDrained().then(() => this.#pausedInStep());
			})
			.on('denied', (error) => void this.#report(error))
			.on('error', (error) => {
				// PouchDB gives up on its own only when the server refused the login.
				this.#replication = null;
				void this.#report(error, true);
			});
	}

	/**
	 * PouchDB also pauses quietly when a connection drops (it retries on its own): asking the
	 * server tells "in step" from "cannot reach it" before the status line says "Last synced".
	 */
	async #pausedInStep() {
		const problem = await this.#check();
		if (this.#stopped) return;
		if (problem) return this.#host.status({ kind: 'problem', message: problem.message });
		// PouchDB's sync also says "paused" when one direction is done before the other has begun
		// (this device's ratings not sent yet), or after an error it retries: not in step yet.
		const { push, pull } = this.#caughtUp;
		if (!push || !pull) return;
		this.#host.status({ kind: 'synced', at: this.#host.clock() });
		this.#enqueue(() => this.#ensureSettings());
	}

	async #report(error: PouchError | undefined, stopped = false) {
		const problem = await classify(this.#origin, error);
		if (this.#stopped) return;
		this.#host.status({ kind: 'problem', message: problem.message });
		if (stopped && problem.retry) this.#retryLater();
	}

	#retryLater() {
		this.#retryDelay = backOff(this.#retryDelay);
		clearTimeout(this.#retryTimer);
		this.#retryTimer = setTimeout(() => void this.#connect(), this.#retryDelay);
	}

	/** Asks the server for the database, so a wrong password or URL gets its own message. */
	async #check(): Promise<Problem | null> {
		try {
			// PouchDB's info() passes an error answer on as the info: its `error` names it.
			const info = (await this.#remote.info()) as { error?: unknown };
			const status = ERROR_STATUS[String(info.error)];
			return info.error === undefined ? null : classify(this.#origin, { status });
		} catch (error) {
			return classify(this.#origin, error as PouchError);
		}
	}

	/**
	 * Applies the replica's new changes after `delay` ms, or sooner if already asked. Every apply
	 * rewrites the progress as one import (2 s for 10,000 events), so a long pull is applied when
	 * it pauses, and every 10 s before that, rather than once per batch.
	 */
	#drainIn(delay: number) {
		if (this.#drainTimer !== undefined && delay > 0) return;
		clearTimeout(this.#drainTimer);
		this.#drainTimer = setTimeout(() => {
			this.#drainTimer = undefined;
			if (this.#draining) {
				this.#drainAgain = true;
				return;
			}
			this.#draining = this.#drain()
				.catch((error: unknown) => {
					this.#host.status({ kind: 'problem', message: describeLocal(error) });
				})
				.finally(() => {
					this.#draining = null;
					if (this.#drainAgain) {
						this.#drainAgain = false;
						this.#drainIn(0);
					}
				});
		}, delay);
	}

	async #whenDrained() {
		await new Promise((resolve) => setTimeout(resolve, 0));
		while (this.#draining || this.#drainTimer !== undefined) {
			await (this.#draining ?? new Promise((resolve) => setTimeout(resolve, 20)));
		}
	}

	/** Applies what the replica holds past the checkpoint, then moves the checkpoint. */
	async #drain() {
		const checkpoint = await this.#local.get(CHECKPOINT_ID).catch(() => null);
		const since = (checkpoint?.seq as number | string | undefined) ?? 0;
		const changes: IncomingChange[] = [];
		let last: number | string = since;
		for (;;) {
			const page = await this.#local.changes({ since: last, include_docs: true, limit: 2000 });
			for (const row of page.results)
				changes.push({ id: row.id, deleted: row.deleted === true, doc: row.doc });
			last = page.last_seq;
			if (page.results.length < 2000) break;
		}
		if (changes.length === 0) return;
		const settings = changes.some((c) => c.id === SETTINGS_DOC_ID)
			? await this.#settingsVersions()
			: [];
		const { batch, setAside } = checkIncoming(changes, this.#host.clock(), settings);
		const news = this.#unknown(batch);
		if (news) {
			await this.#host.apply(news);
			this.#remember(news);
		}
		if (setAside.length > 0) await this.#addSetAside(setAside);
		await this.#local.put({ ...(checkpoint ?? {}), _id: CHECKPOINT_ID, seq: last });
	}

	/**
	 * The settings document and its conflicting versions (two devices changed settings apart).
	 * The replica is left holding only the version that wins, so every device settles on it.
	 */
	async #settingsVersions(): Promise<PouchDoc[]> {
		const current = await this.#local.get(SETTINGS_DOC_ID, { conflicts: true }).catch(() => null);
		if (!current) return [];
		const conflicts = current._conflicts ?? [];
		const others = await Promise.all(
			conflicts.map((rev) => this.#local.get(SETTINGS_DOC_ID, { rev }))
		);
		const versions = [current, ...others];
		if (conflicts.length > 0) {
			const { batch } = checkIncoming([], this.#host.clock(), plain(versions));
			const winner = batch.settings;
			const same =
				winner !== null &&
				winner.changedAt === current.changedAt &&
				JSON.stringify(winner.settings) === JSON.stringify(current.settings);
			if (winner && !same) await this.#local.put({ ...plain(winner), _rev: current._rev } as never);
			for (const rev of conflicts) await this.#local.remove(SETTINGS_DOC_ID, rev);
		}
		return plain(versions);
	}

	/**
	 * Once in step with the server: a database without settings gets this device's. A device
	 * joining a database that has them takes them instead (they came with the pull).
	 */
	async #ensureSettings() {
		let missing = false;
		await this.#local.get(SETTINGS_DOC_ID).catch((error: PouchError) => {
			missing = error.status === 404;
		});
		if (!missing) return;
		const doc = plain(settingsDoc(this.#host.settings(), this.#host.clock()));
		await this.#local.put(doc as never).catch(ignoreConflict);
	}

	/** The part of `batch` the progress does not hold yet; null when there is none. */
	#unknown(batch: EventBatch): EventBatch | null {
		const known = this.#known;
		const news: EventBatch = {
			addedLogs: batch.addedLogs.filter((l) => !known.has(`r${logIdentity(l)}`)),
			removedLogs: batch.removedLogs.filter((id) => known.has(`r${id}`)),
			addedQuiz: batch.addedQuiz.filter(
				(q) =>
					!known.has(`q${quizIdentity(q)}`) || (q.overridden && !known.has(`o${quizIdentity(q)}`))
			),
			removedQuiz: batch.removedQuiz.filter((id) => known.has(`q${id}`)),
			settings:
				batch.settings && JSON.stringify(batch.settings.settings) !== this.#settings
					? batch.settings
					: null
		};
		const empty =
			news.addedLogs.length + news.removedLogs.length + news.addedQuiz.length === 0 &&
			news.removedQuiz.length === 0 &&
			news.settings === null;
		return empty ? null : news;
	}

	#remember(batch: EventBatch) {
		for (const log of batch.addedLogs) this.#known.add(`r${logIdentity(log)}`);
		for (const id of batch.removedLogs) this.#known.delete(`r${id}`);
		for (const answer of batch.addedQuiz) this.#know(answer);
		for (const id of batch.removedQuiz) {
			this.#known.delete(`q${id}`);
			this.#known.delete(`o${id}`);
		}
		if (batch.settings) this.#settings = JSON.stringify(batch.settings.settings);
	}

	async #readSetAside(): Promise<SetAsideDoc[]> {
		const doc = await this.#local.get(SET_ASIDE_ID).catch(() => null);
		const docs = doc?.docs;
		return Array.isArray(docs) ? (docs as SetAsideDoc[]) : [];
	}

	async #addSetAside(found: SetAsideDoc[]) {
		const doc = await this.#local.get(SET_ASIDE_ID).catch(() => null);
		const before = Array.isArray(doc?.docs) ? (doc.docs as SetAsideDoc[]) : [];
		const seen = new Set(before.map((d) => `${d.id}\n${d.reason}`));
		const docs = [...before, ...found.filter((d) => !seen.has(`${d.id}\n${d.reason}`))].slice(
			-SET_ASIDE_KEPT
		);
		await this.#local.put({ _id: SET_ASIDE_ID, _rev: doc?._rev, docs });
		this.#host.setAside(docs);
	}

	#enqueue(write: () => Promise<unknown>) {
		this.#queue = this.#queue.then(write).catch((error: unknown) => {
			this.#host.status({ kind: 'problem', message: describeLocal(error) });
		});
	}

	/** A rating was saved on this device. */
	rated(log: ReviewRecord) {
		this.#known.add(`r${logIdentity(log)}`);
		this.#enqueue(() => this.#local.put(plain(reviewEventDoc(log)) as never).catch(ignoreConflict));
	}

	/** A rating was undone on this device: its document is deleted, everywhere. */
	undone(log: ReviewRecord) {
		this.#known.delete(`r${logIdentity(log)}`);
		this.#enqueue(async () => {
			const doc = await this.#local.get(reviewEventId(log)).catch(() => null);
			if (doc?._rev) await this.#local.remove(doc._id, doc._rev);
		});
	}

	/** A quiz answer was saved on this device, or marked "I was right". */
	answered(answer: QuizAnswerRecord) {
		this.#know(answer);
		this.#enqueue(() => this.#putAnswer(answer));
	}

	settingsChanged(settings: Settings) {
		this.#settings = JSON.stringify(settings);
		const doc = plain(settingsDoc(settings, this.#host.clock()));
		this.#enqueue(async () => {
			// The pull may write the settings document between the read and the write (another
			// device's settings arriving): that write is refused as a conflict, and this device's
			// change, the newer one, would be lost. Read again and write again.
			for (let attempt = 1; ; attempt += 1) {
				const current = await this.#local.get(SETTINGS_DOC_ID).catch(() => null);
				try {
					await this.#local.put({ ...doc, _rev: current?._rev } as never);
					return;
				} catch (error) {
					if ((error as PouchError).status !== 409 || attempt === 5) throw error;
				}
			}
		});
	}

	/** After an import: its events go to the replica too. */
	imported() {
		this.#enqueue(() => this.#pushMissing());
	}

	/** Starts over now: "Sync now", and coming back online. */
	syncNow() {
		if (this.#stopped) return;
		this.#retryDelay = 0;
		void this.#queue.then(() => this.#connect());
	}

	/** Stops replicating; `forget` also deletes the replica (Turn off sync). */
	async stop(forget: boolean) {
		this.#stopped = true;
		removeEventListener('online', this.#online);
		removeEventListener('offline', this.#offline);
		clearTimeout(this.#retryTimer);
		clearTimeout(this.#drainTimer);
		this.#replication?.cancel();
		this.#replication = null;
		await this.#queue;
		await this.#draining;
		await this.#remote.close().catch(() => undefined);
		if (forget) await this.#local.destroy();
		else await this.#local.close();
	}
}

function ignoreConflict(error: PouchError) {
	// The same event is already there (from another device or a backup): one document.
	if (error.status !== 409) throw error;
}

function describeLocal(error: unknown): string {
	const message = (error as PouchError | undefined)?.message ?? String(error);
	return `Sync stopped on this device: ${message}`;
}

/** Opens the replica and the server's database, and starts syncing. */
export async function startSync(config: SyncConfig, host: SyncHost): Promise<SyncEngine> {
	const PouchDB = await loadPouch();
	const local = new PouchDB(REPLICA_NAME);
	const remote = new PouchDB(config.url, {
		auth: { username: config.username, password: config.password },
		// The database must exist: a typing mistake in the URL must not create a new one.
		skip_setup: true
	});
	return new SyncEngine(local, remote, config, host);
}
