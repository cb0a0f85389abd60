// A backup with a realistic review history, made with the app's own scheduler (ts-fsrs): a
// learner who forgets faster than FSRS's defaults expect, so parameters fitted to the log
// predict it better than the defaults do.
import { START } from './clock';
import { writeFileSync } from 'node:fs';
import { buildBackup } from '../../src/lib/domain/records/backup-export';
import { createRecall } from '../../src/lib/domain/schedule/recall';
import {
	createScheduler,
	newCard,
	schedulerParams,
	type ReviewRecord,
	type StoredCard
} from '../../src/lib/domain/schedule/scheduler';
import { DEFAULT_SETTINGS } from '../../src/lib/domain/records/settings';
import { DAY, REVIEW_QUESTIONS } from './progress-seed';

/** A small deterministic generator (mulberry32), so every run gets the same log. */
function random(seed: number) {
	return () => {
		seed = (seed + 0x6d2b79f5) | 0;
		let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
		t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
}

export interface History {
	cards: StoredCard[];
	logs: ReviewRecord[];
}

/**
 * About `reviews` ratings of the bank's cards over the last 90 days: each card first learnt on a
 * day of its own, then rated whenever it came due, Again with the learner's own chance of
 * forgetting (the scheduler's recall probability squared).
 */
export function reviewHistory(reviews: number, now = START.getTime()): History {
	const next = random(15);
	const scheduler = createScheduler(schedulerParams(DEFAULT_SETTINGS, false));
	const fsrsRecall = createRecall();
	const cards: StoredCard[] = [];
	const logs: ReviewRecord[] = [];
	for (const question of REVIEW_QUESTIONS) {
		if (logs.length >= reviews) break;
		let time = now - 90 * DAY + Math.floor(next() * 60) * DAY + 9 * 3_600_000;
		let card = newCard(question.id, time);
		while (time < now - 60_000 && logs.length < reviews) {
			const recall = card.state === 'review' ? fsrsRecall.recallProbability(card, time) ** 2 : 0.9;
			const rating = next() < recall ? (next() < 0.15 ? 'easy' : 'good') : 'again';
			const rated = scheduler.rate(card, rating, time, 4000);
			card = rated.card;
			logs.push(rated.log);
			time = Math.max(card.due, time + 60_000);
		}
		cards.push(card);
	}
	return { cards, logs };
}

/** Writes a backup of `reviewHistory(reviews)` to `path`; returns the number of ratings. */
export function writeHistoryBackup(path: string, reviews: number): number {
	const now = START.getTime();
	const { cards, logs } = reviewHistory(reviews, now);
	const backup = buildBackup({
		cards,
		logs,
		quiz: [],
		settings: { ...DEFAULT_SETTINGS },
		appVersion: '0.1.0',
		bankVersion: null,
		now
	});
	writeFileSync(path, JSON.stringify(backup));
	return logs.length;
}
