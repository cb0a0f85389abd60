import { describe, expect, it } from 'vitest';
import { DEFAULT_PARAMETERS } from './fsrs-evaluate';
import { rebuildCards } from './rebuild-cards';
import {
	createScheduler,
	newCard,
	schedulerParams,
	type ReviewRecord,
	type StoredCard
} from './scheduler';
import { DEFAULT_SETTINGS } from '../records/settings';

const DAY = 86_400_000;
const start = new Date(2026, 0, 5, 9).getTime();
const defaults = createScheduler(schedulerParams(DEFAULT_SETTINGS, false));
// Parameters that make first memories four times as stable as the defaults' do.
const sturdy = DEFAULT_PARAMETERS.map((w, i) => (i < 4 ? w * 4 : w));
const personal = createScheduler(
	schedulerParams({ ...DEFAULT_SETTINGS, fsrsParameters: sturdy }, false)
);

function studied(id: string): { card: StoredCard; logs: ReviewRecord[] } {
	let card = newCard(id, start);
	const logs: ReviewRecord[] = [];
	for (const [rating, day] of [
		['good', 0],
		['good', 0.01],
		['good', 3]
	] as const) {
		const rated = defaults.rate(card, rating, start + day * DAY, 1000);
		card = rated.card;
		logs.push(rated.log);
	}
	return { card, logs };
}

describe('rebuilding cards under new parameters', () => {
	const a = studied('a');
	const untouched = newCard('b', start);

	it('replays each log with the new parameters and keeps the due dates', () => {
		const [rebuilt, kept] = rebuildCards([a.card, untouched], a.logs, personal, false);
		expect(rebuilt?.stability).toBeCloseTo(personal.replay('a', a.logs).stability, 10);
		expect(rebuilt?.stability).toBeGreaterThan(a.card.stability);
		expect(rebuilt?.due).toBe(a.card.due);
		expect(rebuilt?.scheduled_days).toBe(a.card.scheduled_days);
		expect(rebuilt?.reps).toBe(3);
		expect(kept).toBe(untouched);
	});

	it('moves the due dates too when asked to reschedule', () => {
		const [rebuilt] = rebuildCards([a.card], a.logs, personal, true);
		expect(rebuilt).toEqual(personal.replay('a', a.logs));
		expect(rebuilt?.due).toBeGreaterThan(a.card.due);
	});

	it('gives the cards back as they were when the defaults come back', () => {
		expect(rebuildCards([a.card], a.logs, defaults, true)).toEqual([a.card]);
	});
});
