/**
 * What progress tells sync: a rating, an undo, a quiz answer, a settings change, an import. A
 * no-op unless sync is on; kept tiny because every page loads it, and sync itself (the state, the
 * engine, PouchDB) loads only when it is on.
 */
import type { QuizAnswerRecord } from '$lib/domain/quiz/quiz-record';
import type { ReviewRecord } from '$lib/domain/schedule/card';
import type { Settings } from '$lib/domain/records/settings';
import type { UndoToken } from '$lib/storage';
import { syncIsOn } from './sync-flag';

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

export const syncHooks = {
	rated(log: ReviewRecord, undo: UndoToken) {
		ratings.set(JSON.stringify(undo.logKey), log);
		tell((s) => s.rated(log));
	},
	undone(undo: UndoToken) {
		const key = JSON.stringify(undo.logKey);
		const log = ratings.get(key);
		ratings.delete(key);
		if (log) tell((s) => s.undone(log));
	},
	answered(answer: QuizAnswerRecord) {
		tell((s) => s.answered(answer));
	},
	settingsChanged(settings: Settings) {
		tell((s) => s.settingsChanged(settings));
	},
	imported() {
		tell((s) => s.imported());
	}
};
