/**
 * The sync settings a person types (server URL, user name, password) and their checks. The
 * password is a credential: it stays on this device, in IndexedDB, and never in a URL.
 */

export interface SyncConfig {
	/** A CouchDB database URL, e.g. https://couch.example.org/kizuna-alice (no trailing slash). */
	url: string;
	username: string;
	password: string;
}

export type SyncConfigField = keyof SyncConfig;

export type CheckedSyncConfig =
	{ ok: true; config: SyncConfig } | { ok: false; field: SyncConfigField; message: string };

const LOOPBACK = new Set(['localhost', '127.0.0.1']);

/**
 * Checks what was typed. The server must be reached over https, or plain http on this computer
 * only (localhost, 127.0.0.1), so a password never crosses a network in the clear; the URL names
 * one database and holds no user name or password (those have their own fields, kept out of
 * anything shown or logged).
 */
export function checkSyncConfig(input: {
	url: string;
	username: string;
	password: string;
}): CheckedSyncConfig {
	const text = input.url.trim();
	let url: URL;
	try {
		url = new URL(text);
	} catch {
		return urlError('Must be a full address such as https://couch.example.org/kizuna-alice');
	}
	if (url.username || url.password)
		return urlError('Must not hold a user name or password: use the fields below');
	if (url.protocol === 'http:' && !LOOPBACK.has(url.hostname))
		return urlError('Must start with https:// (plain http:// only for localhost or 127.0.0.1)');
	if (url.protocol !== 'https:' && url.protocol !== 'http:')
		return urlError('Must start with https://');
	if (url.search || url.hash) return urlError('Must not hold a query (?…) or a fragment (#…)');
	const path = url.pathname.replace(/\/+$/, '');
	if (path === '')
		return urlError('Must name the database, e.g. https://couch.example.org/kizuna-alice');
	const username = input.username.trim();
	if (username === '') return { ok: false, field: 'username', message: 'Enter your user name' };
	if (input.password === '')
		return { ok: false, field: 'password', message: 'Enter your password' };
	return { ok: true, config: { url: `${url.origin}${path}`, username, password: input.password } };
}

function urlError(message: string): CheckedSyncConfig {
	return { ok: false, field: 'url', message };
}
