/**
 * Whether sync is on, from a localStorage flag: start-up and a settings change learn it without
 * opening anything, so a person who never turns sync on loads none of its code (./sync-hooks.ts,
 * ./sync.svelte.ts and the engine load only while it is on).
 */
const FLAG = 'kizuna-sync';

export function syncIsOn(): boolean {
	try {
		return localStorage.getItem(FLAG) === 'on';
	} catch {
		return false;
	}
}

export function setSyncFlag(on: boolean) {
	if (on) localStorage.setItem(FLAG, 'on');
	else localStorage.removeItem(FLAG);
}
