/**
 * The part of PouchDB's API that sync uses, typed (pouchdb-browser ships no types), and the one
 * place that loads it. Loaded only when sync is on: whoever never turns it on never downloads it.
 */
export interface PouchError {
	status?: number;
	name?: string;
	message?: string;
}

export interface PouchDoc {
	_id: string;
	_rev?: string;
	_deleted?: boolean;
	_conflicts?: string[];
	[key: string]: unknown;
}

export interface ChangesResult {
	results: { id: string; seq: number | string; deleted?: boolean; doc?: PouchDoc }[];
	last_seq: number | string;
}

/** One direction of a sync. */
export interface Replicator {
	on(event: 'paused', listener: (error?: PouchError) => void): Replicator;
	on(event: 'active', listener: () => void): Replicator;
}

export interface Replication {
	on(event: 'change', listener: (info: { direction: 'push' | 'pull' }) => void): Replication;
	on(event: 'paused' | 'error' | 'denied', listener: (error?: PouchError) => void): Replication;
	on(event: 'active', listener: () => void): Replication;
	cancel(): void;
	readonly push: Replicator;
	readonly pull: Replicator;
}

export interface Database {
	info(): Promise<{ doc_count?: number; error?: string }>;
	get(id: string, options?: { conflicts?: boolean; rev?: string }): Promise<PouchDoc>;
	put(doc: PouchDoc): Promise<{ rev: string }>;
	remove(id: string, rev: string): Promise<unknown>;
	bulkDocs(docs: PouchDoc[]): Promise<unknown[]>;
	allDocs(options?: { keys?: string[] }): Promise<{ rows: { id: string }[] }>;
	changes(options: {
		since: number | string;
		include_docs: true;
		limit: number;
	}): Promise<ChangesResult>;
	sync(
		remote: Database,
		options: {
			live: boolean;
			retry: boolean;
			batch_size?: number;
			back_off_function?: (delay: number) => number;
		}
	): Replication;
	destroy(): Promise<unknown>;
	close(): Promise<unknown>;
}

export interface PouchConstructor {
	new (
		name: string,
		options?: { auth?: { username: string; password: string }; skip_setup?: boolean }
	): Database;
}

export async function loadPouch(): Promise<PouchConstructor> {
	const module = (await import('pouchdb-browser')) as unknown as { default: PouchConstructor };
	return module.default;
}
