// The engine's reading of PouchDB's events, with PouchDB's sync played by the test: the browser
// tests (tests/sync*.test.ts) run the real thing against a real server, but cannot choose the
// order in which its two directions report.
import { EventEmitter } from 'node:events';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { DEFAULT_SETTINGS } from '$lib/domain/records/settings';
import { SyncEngine, type SyncHost, type SyncStatus } from './engine';
import type { Database, Replication } from './pouch';

const missing = () => Promise.reject(Object.assign(new Error('missing'), { status: 404 }));

/** PouchDB's live sync as the engine sees it: itself, and its push and pull directions. */
function playedSync() {
	return Object.assign(new EventEmitter(), {
		push: new EventEmitter(),
		pull: new EventEmitter(),
		cancel: vi.fn()
	});
}

function engineWith(sync: ReturnType<typeof playedSync>, replica: Partial<Database> = {}) {
	const statuses: SyncStatus[] = [];
	const local = {
		get: missing,
		put: () => Promise.resolve({ rev: '1-a' }),
		remove: () => Promise.resolve({}),
		bulkDocs: () => Promise.resolve([]),
		allDocs: () => Promise.resolve({ rows: [] }),
		changes: () => Promise.resolve({ results: [], last_seq: 0 }),
		sync: vi.fn(() => sync as unknown as Replication),
		close: () => Promise.resolve({}),
		destroy: () => Promise.resolve({}),
		...replica
	} as unknown as Database;
	const remote = {
		info: () => Promise.resolve({ doc_count: 0 }),
		close: () => Promise.resolve({})
	} as unknown as Database;
	const host: SyncHost = {
		readProgress: () => Promise.resolve({ logs: [], quiz: [], settings: DEFAULT_SETTINGS }),
		settings: () => DEFAULT_SETTINGS,
		apply: () => Promise.resolve(),
		status: (status) => statuses.push(status),
		setAside: () => undefined,
		clock: () => Date.now()
	};
	const engine = new SyncEngine(
		local,
		remote,
		{ url: 'https://couch.example.org/kizuna', username: 'a', password: 'p' },
		host
	);
	return { engine, statuses, started: () => vi.mocked(local.sync).mock.calls.length > 0 };
}

/** Lets the engine's promises and zero-delay timers run. */
const settle = () => new Promise((resolve) => setTimeout(resolve, 50));

describe('SyncEngine', () => {
	beforeEach(() => {
		vi.stubGlobal('addEventListener', () => undefined);
		vi.stubGlobal('removeEventListener', () => undefined);
	});
	afterEach(() => {
		vi.unstubAllGlobals();
	});

	it('says "Last synced" only once both directions are done, not when PouchDB pauses early', async () => {
		const sync = playedSync();
		const { engine, statuses, started } = engineWith(sync);
		await vi.waitFor(() => expect(started()).toBe(true));
		const synced = () => statuses.filter((s) => s.kind === 'synced');

		// PouchDB's sync counts a direction that has not begun as paused: the pull, done with
		// nothing to fetch, makes it pause while this device's ratings are still to be sent.
		sync.pull.emit('paused');
		sync.emit('paused');
		await settle();
		expect(synced()).toEqual([]);

		sync.push.emit('active');
		sync.emit('active');
		sync.push.emit('paused');
		sync.emit('paused');
		await settle();
		expect(synced()).toHaveLength(1);
		expect(statuses.at(-1)?.kind).toBe('synced');

		// A direction that stopped on an error (PouchDB retries it) is not in step either.
		sync.pull.emit('active');
		sync.pull.emit('paused', { status: 500, message: 'server error' });
		sync.emit('paused');
		await settle();
		expect(synced()).toHaveLength(1);
		await engine.stop(false);
	});

	it('keeps a settings change when the pull writes the settings document at the same moment', async () => {
		// The replica's settings document: the pull replaces it between the engine's read and
		// its write, so that first write is refused as a conflict, as PouchDB refuses it.
		let stored = { _id: 'settings', _rev: '1-a' };
		let pulledMeanwhile = false;
		const written: { _rev?: string; settings: { newPerDay: number } }[] = [];
		const { engine, statuses } = engineWith(playedSync(), {
			get: (() => Promise.resolve(stored)) as unknown as Database['get'],
			put: ((doc: { _rev?: string; settings: { newPerDay: number } }) => {
				if (!pulledMeanwhile) {
					pulledMeanwhile = true;
					stored = { _id: 'settings', _rev: '2-b' };
				}
				if (doc._rev !== stored._rev)
					return Promise.reject(Object.assign(new Error('conflict'), { status: 409 }));
				written.push(doc);
				return Promise.resolve({ rev: '3-c' });
			}) as unknown as Database['put']
		});
		engine.settingsChanged({ ...DEFAULT_SETTINGS, newPerDay: 9 });
		await settle();
		expect(written.map((doc) => [doc._rev, doc.settings.newPerDay])).toEqual([['2-b', 9]]);
		expect(statuses.filter((s) => s.kind === 'problem')).toEqual([]);
		await engine.stop(false);
	});

	it('replaces a quiz answer document with the answer marked "I was right", and leaves one already there', async () => {
		const answer = {
			questionId: 'eas.x.cloze',
			framework: 'eas',
			given: 'Osaka',
			correct: false,
			durationMs: 900,
			answeredAt: 1_736_931_600_000
		};
		const docs = new Map<string, { _id: string; _rev: string; record: unknown }>();
		const written: unknown[] = [];
		const { engine, statuses } = engineWith(playedSync(), {
			get: ((id: string) =>
				docs.has(id) ? Promise.resolve(docs.get(id)) : missing()) as unknown as Database['get'],
			put: ((doc: { _id: string; _rev?: string; record: unknown }) => {
				const stored = docs.get(doc._id);
				if (stored && stored._rev !== doc._rev)
					return Promise.reject(Object.assign(new Error('conflict'), { status: 409 }));
				const rev = `${docs.size + written.length + 1}-x`;
				docs.set(doc._id, { _id: doc._id, _rev: rev, record: doc.record });
				written.push(doc.record);
				return Promise.resolve({ rev });
			}) as unknown as Database['put']
		});
		const marked = { ...answer, correct: true, overridden: true as const };
		engine.answered(answer);
		engine.answered(marked);
		// The same answers again (a second tab, a backup): nothing more is written.
		engine.answered(answer);
		engine.answered(marked);
		await settle();
		expect(written).toEqual([answer, marked]);
		expect([...docs.values()].map((doc) => doc.record)).toEqual([marked]);
		expect(statuses.filter((s) => s.kind === 'problem')).toEqual([]);
		await engine.stop(false);
	});
});
