/**
 * Sync's problems as the status line tells them: the server's answer (or the lack of one)
 * turned into plain words.
 */
import type { PouchError } from './pouch';

export const SYNC_MESSAGES = {
	unreachable: 'Server unreachable — will retry.',
	offline: 'Offline — will retry.',
	auth: 'Wrong user name or password. Nothing was changed on this device.',
	forbidden: 'This user may not use that database.',
	missing: 'Database missing: no database at that Server URL.',
	cors: 'The server refuses this site (CORS): allow this site’s address on the server.'
} as const;

export type Problem = { message: string; retry: boolean };

/** PouchDB's error names, as the statuses they stand for. */
export const ERROR_STATUS: Readonly<Record<string, number>> = {
	unauthorized: 401,
	forbidden: 403,
	not_found: 404
};

/**
 * What went wrong, in plain words, and whether trying again later may help. `origin` is the
 * server's: a request the browser blocks for CORS fails like one to a server that is down, but a
 * request that reads no answer (no-cors) still reaches a server that is up.
 */
export async function classify(origin: string, error: PouchError | undefined): Promise<Problem> {
	const status = error?.status;
	if (status === 401) return { message: SYNC_MESSAGES.auth, retry: false };
	if (status === 403) return { message: SYNC_MESSAGES.forbidden, retry: false };
	if (status === 404) return { message: SYNC_MESSAGES.missing, retry: false };
	if (!navigator.onLine) return { message: SYNC_MESSAGES.offline, retry: true };
	try {
		await fetch(`${origin}/`, { mode: 'no-cors', cache: 'no-store' });
		return { message: SYNC_MESSAGES.cors, retry: true };
	} catch {
		return { message: SYNC_MESSAGES.unreachable, retry: true };
	}
}
