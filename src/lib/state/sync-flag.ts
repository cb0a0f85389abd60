/**
 * Whether sync is on, from a localStorage flag: start-up and a settings change learn it without
 * opening anything, so a person who never turns sync on loads none of its code (./sync.svelte.ts
 * and the engine load only while it is on; ./sync-hooks.ts, loaded with the writer, is a queue).
 */
const FLAG = 'kizuna-sync';

export function syncIsOn(): boolean {
	try {
		return localStorage.getItem(FLAG) === 'on';
	} catch {
		return false;
	}
}

/**
 * Never throws: where the browser refuses localStorage, turning sync off must still go on to
 * forget the credentials, and turning it on still syncs this session (it only does not resume by
 * itself at the next start).
 */
export function setSyncFlag(on: boolean) {
	try {
		if (on) localStorage.setItem(FLAG, 'on');
		else localStorage.removeItem(FLAG);
	} catch {
		// Refused (storage blocked or full): nothing else to do.
	}
}
