/// <reference lib="dom" />
// Synthetic data for the review benchmark: a bank of 10,000 review questions (texts borrowed from
// the real bank, so lengths are realistic) and, for each question, a card with its review history
// made by the app's own scheduler, so cards, logs and day counters agree as in a real database.
import { readFileSync } from 'node:fs';
import type { Bank, Question } from '../../src/lib/domain/bank/bank';
import { ratingKind, REVIEW_KINDS } from '../../src/lib/domain/schedule/queue';
import { mulberry32 } from '../../src/lib/domain/quiz/random';
import {
	createScheduler,
	DEFAULT_SCHEDULER_PARAMS,
	newCard,
	type Rating,
	type ReviewRecord,
	type StoredCard
} from '../../src/lib/domain/schedule/scheduler';
import { DEFAULT_SETTINGS } from '../../src/lib/domain/records/settings';
import { dayKey, type DayCount } from '../../src/lib/domain/study-day/study-day';

const DAY = 86_400_000;

/** A bank with `size` review questions (recall and cloze, as the real bank's review cards). */
export function syntheticBank(size: number): Bank {
	const real = JSON.parse(readFileSync('questions/bank.json', 'utf8')) as Bank;
	const models = real.questions.filter((q) => REVIEW_KINDS.includes(q.kind));
	const questions: Question[] = Array.from({ length: size }, (_, i) => {
		const model = models[i % models.length] as Question;
		return {
			...model,
			id: `bench.${i}.${model.kind}`,
			fact: `bench.${i}`,
			prompt: `${model.prompt} (#${i})`
		};
	});
	return { ...real, version: `bench-${size}`, questions };
}

export type Entry = [key: IDBValidKey, value: unknown];

export interface Seed {
	cards: Entry[];
	logs: Entry[];
	/** meta, settings and day counters. */
	rest: Entry[];
}

/**
 * One card per question with `logsPerCard` ratings each. About 90% of the cards end due at `now`
 * (due up to 20 days ago), the rest were reviewed in the last few days and are not due yet.
 */
export function seedFor(questionIds: readonly string[], logsPerCard: number, now: number): Seed {
	const scheduler = createScheduler(DEFAULT_SCHEDULER_PARAMS);
	const random = mulberry32(20250106);
	const pick = (): Rating => {
		const r = random();
		return r < 0.05 ? 'again' : r < 0.13 ? 'hard' : r < 0.98 ? 'good' : 'easy';
	};
	const cards: Entry[] = [];
	const logs: Entry[] = [];
	const days = new Map<string, DayCount>();
	for (const id of questionIds) {
		let card: StoredCard = newCard(id, 0);
		let at = 0;
		const history: ReviewRecord[] = [];
		for (let k = 0; k < logsPerCard; k++) {
			const rated = scheduler.rate(card, k === 0 ? 'good' : pick(), at, 4000 + random() * 8000);
			card = rated.card;
			history.push(rated.log);
			// The next review comes when the card is due, a little late.
			at = card.due + Math.round(random() * (card.state === 'review' ? DAY : 10 * 60_000));
		}
		const due = random() < 0.9;
		const lastReview = card.last_review ?? 0;
		const shift = due
			? now - Math.round(random() * 20 * DAY) - card.due
			: now - Math.round((0.5 + random() * 2.5) * DAY) - lastReview;
		card = { ...card, due: card.due + shift, last_review: lastReview + shift };
		cards.push([['card', id], card]);
		for (const log of history) {
			const shifted = { ...log, due: log.due + shift, review: log.review + shift };
			logs.push([['log', shifted.review, crypto.randomUUID()], shifted]);
			const day = dayKey(shifted.review, DEFAULT_SETTINGS.dayStartHour);
			const count = days.get(day) ?? { day, new: 0, review: 0, learning: 0 };
			count[ratingKind(shifted.state)] += 1;
			days.set(day, count);
		}
	}
	const settings = { ...DEFAULT_SETTINGS, reviewsPerDay: 99_999 };
	const rest: Entry[] = [
		['meta', { schemaVersion: 2, createdAt: now - 400 * DAY }],
		['settings', settings],
		...[...days.values()].map((d): Entry => [['day', d.day], d])
	];
	return { cards, logs, rest };
}
