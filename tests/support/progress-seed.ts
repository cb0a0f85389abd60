// Progress seeded into IndexedDB before the app first opens it, and read back afterwards, for the
// browser tests of Today, Settings and a new bank version. Cards are built with the app's own
// scheduler types, so they pass the app's checks at start-up.
import { START } from './clock';
import { readFileSync } from 'node:fs';
import type { Page } from '@playwright/test';
import type { Bank, Question } from '../../src/lib/domain/bank/bank';
import { reviewQuestionIds } from '../../src/lib/domain/schedule/queue';
import {
	newCard,
	type CardState,
	type ReviewRecord
} from '../../src/lib/domain/schedule/scheduler';
import type { StoredCard } from '../../src/lib/domain/schedule/scheduler';
import { DEFAULT_SETTINGS, type Settings } from '../../src/lib/domain/records/settings';
import { dayKey, type DayCount } from '../../src/lib/domain/study-day/study-day';
import { SCHEMA_VERSION } from '../../src/lib/storage/records';
import { SEED } from './idb-seed';
import { logRecord } from '../../src/lib/domain/records/review-log.fixture';

export const MINUTE = 60_000;
export const DAY = 24 * 60 * MINUTE;

const bank = JSON.parse(readFileSync('questions/bank.json', 'utf8')) as Bank;

/** The committed bank's review cards (recall and cloze), in bank order. */
export const REVIEW_QUESTIONS: Question[] = (() => {
	const ids = new Set(reviewQuestionIds(bank.questions));
	return bank.questions.filter((q) => ids.has(q.id));
})();

/** The full name the app shows for a framework id. */
export function frameworkName(id: string): string {
	const framework = bank.frameworks.find((f) => f.id === id);
	if (!framework) throw new Error(`no framework ${id} in the bank`);
	return framework.name;
}

/** A card rated before, in `state`, due `dueIn` ms from now (negative: overdue). */
export function ratedCard(
	id: string,
	state: Exclude<CardState, 'new'>,
	dueIn: number,
	stability = 5
): StoredCard {
	const now = START.getTime();
	return {
		...newCard(id, now - 30 * DAY),
		state,
		due: now + dueIn,
		stability,
		difficulty: 5,
		reps: 3,
		scheduled_days: 3,
		last_review: now - 3 * DAY
	};
}

/** The review log record of one Good rating of `card`, three days ago. */
export function logOf(card: StoredCard): ReviewRecord {
	const review = card.last_review ?? START.getTime();
	return logRecord(card.id, review, { state: 'learning', learning_steps: 1 });
}

export interface Seed {
	cards?: StoredCard[];
	logs?: ReviewRecord[];
	/** Today's counter (the study day with the seeded settings' start hour). */
	today?: Omit<DayCount, 'day'>;
	settings?: Partial<Settings>;
	/** The time `today` is for (a test that fixes the page's clock passes the same). */
	now?: number;
}

/** Writes `seed` into the app's database from a page of the origin that is not the app. */
export async function seedProgress(page: Page, seed: Seed): Promise<void> {
	const settings = { ...DEFAULT_SETTINGS, ...seed.settings };
	const entries: [unknown, unknown][] = [['meta', { schemaVersion: SCHEMA_VERSION, createdAt: 0 }]];
	if (seed.settings) entries.push(['settings', settings]);
	for (const card of seed.cards ?? []) entries.push([['card', card.id], card]);
	(seed.logs ?? []).forEach((log, i) => entries.push([['log', log.review, `seed-${i}`], log]));
	if (seed.today) {
		const day = dayKey(seed.now ?? START.getTime(), settings.dayStartHour);
		entries.push([['day', day], { day, ...seed.today }]);
	}
	await page.goto('/robots.txt');
	await page.evaluate(`(${SEED})(${JSON.stringify(entries)})`);
}
