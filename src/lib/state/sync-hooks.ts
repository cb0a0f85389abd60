/**
 * Sync's subscriber to ./writer.ts: the changes this device stores, handed to sync while it runs.
 * A no-op unless sync is on; kept tiny because every page that writes loads it, and sync itself
 * (the state, the engine, PouchDB) loads only when it is on: ./sync.svelte.ts decides what each
 * change means to the engine.
 */
import { syncIsOn } from './sync-flag';
import type { Change } from './writer';

type SyncSink = (change: Change) => void;

let sink: SyncSink | null = null;
/** Changes stored while sync is on but still loading, handed over once it has. */
let waiting: Change[] | null = null;

export function toSync(change: Change) {
	if (sink) sink(change);
	// Sync is on but its code is still loading (it starts after the page opens): the change waits
	// for it, or a settings change made meanwhile would never reach the other devices.
	else if (waiting || syncIsOn()) (waiting ??= []).push(change);
}

/** Sync is loading (`start`), running (`sink`) or off (null). */
export function connectSync(state: 'start' | SyncSink | null) {
	if (state === 'start') {
		waiting ??= [];
		return;
	}
	sink = state;
	const changes = waiting ?? [];
	waiting = null;
	if (state) for (const change of changes) state(change);
}
