/**
 * What sync hears of this device's writes: a rating, an undo, a quiz answer, a settings change,
 * an import (./writer.ts publishes them, `toSync` subscribes). A no-op unless sync is on; kept
 * tiny because every page loads it, and sync itself (the state, the engine, PouchDB) loads only
 * when it is on.
 */
import type { QuizAnswerRecord } from '$lib/domain/quiz/quiz-record';
import type { ReviewRecord } from '$lib/domain/schedule/card';
import type { Settings } from '$lib/domain/records/settings';
import { syncIsOn } from './sync-flag';
import type { Change } from './writer';

export interface SyncSink {
	rated(log: ReviewRecord): void;
	undone(log: ReviewRecord): void;
	answered(answer: QuizAnswerRecord): void;
	settingsChanged(settings: Settings): void;
	imported(): void;
}

let sink: SyncSink | null = null;
/** Calls made while sync is on but still loading, handed over once it has. */
let waiting: ((sink: SyncSink) => void)[] | null = null;
/** This session's ratings by their undo key: an undo names its rating only by that key. */
const ratings = new Map<string, ReviewRecord>();

function tell(call: (sink: SyncSink) => void) {
	if (sink) call(sink);
	// Sync is on but its code is still loading (it starts after the page opens): the call waits
	// for it, or a settings change made meanwhile would never reach the other devices.
	else if (waiting || syncIsOn()) (waiting ??= []).push(call);
}

/** Sync is loading (`start`), running (`sink`) or off (null). */
export function connectSync(state: 'start' | SyncSink | null) {
	if (state === 'start') {
		waiting ??= [];
		return;
	}
	sink = state;
	const calls = waiting ?? [];
	waiting = null;
	if (state) for (const call of calls) call(state);
}

/**
 * Sync's subscriber to ./writer.ts: each change this device stored goes to the other devices.
 * Not a replay of theirs ('synced': sending it back would echo it), nor the open quiz or a reset,
 * which stay on this device.
 */
export function toSync(change: Change) {
	switch (change.type) {
		case 'rated':
			ratings.set(JSON.stringify(change.undo.logKey), change.log);
			return tell((s) => s.rated(change.log));
		case 'undone': {
			const key = JSON.stringify(change.undo.logKey);
			const log = ratings.get(key);
			ratings.delete(key);
			if (log) tell((s) => s.undone(log));
			return;
		}
		case 'answered':
			return tell((s) => s.answered(change.answer));
		case 'settings':
			return tell((s) => s.settingsChanged(change.settings));
		case 'imported':
			// The import's events go to the other devices too.
			return tell((s) => s.imported());
	}
}
