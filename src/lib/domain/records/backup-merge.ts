/**
 * Turning a checked backup into the data storage writes: as it is (Replace), or merged with
 * what is on the device (Merge). Pure; the caller writes the result in one transaction.
 */
import type { Backup } from './backup-schema';
import { ratingKind } from '../schedule/queue';
import type { QuizAnswerRecord } from '../quiz/quiz-record';
import type { ReviewRecord, Scheduler, StoredCard } from '../schedule/scheduler';
import type { Settings } from './settings';
import { dayKey, type DayCount } from '../study-day/study-day';

/** Everything a backup restores. */
export interface ProgressData {
	cards: StoredCard[];
	logs: ReviewRecord[];
	quiz: QuizAnswerRecord[];
	settings: Settings;
}

/** A rating's identity across devices and backups: the same card, time and rating. */
export function logIdentity(log: ReviewRecord): string {
	return JSON.stringify([log.card_id, log.review, log.rating]);
}

/** A quiz answer's identity across devices and backups: the same question and time. */
export function quizIdentity(answer: QuizAnswerRecord): string {
	return JSON.stringify([answer.questionId, answer.answeredAt]);
}

/**
 * The quiz answers of `lists` once each: of two records of one answer, the one the learner
 * marked "I was right" wins (the mark is only ever added), so merges in any order agree.
 */
export function unionQuizAnswers(...lists: (readonly QuizAnswerRecord[])[]): QuizAnswerRecord[] {
	const seen = new Map<string, QuizAnswerRecord>();
	for (const list of lists)
		for (const answer of list) {
			const id = quizIdentity(answer);
			const before = seen.get(id);
			if (!before || amends(answer, before)) seen.set(id, answer);
		}
	return [...seen.values()];
}

/** Whether `answer` is `before` marked "I was right" since. */
export function amends(answer: QuizAnswerRecord, before: QuizAnswerRecord): boolean {
	return answer.overridden === true && before.overridden !== true;
}

function unionBy<T>(key: (item: T) => string, ...lists: (readonly T[])[]): T[] {
	const seen = new Map<string, T>();
	for (const list of lists)
		for (const item of list) if (!seen.has(key(item))) seen.set(key(item), item);
	return [...seen.values()];
}

function byCard(logs: readonly ReviewRecord[]): Map<string, Set<string>> {
	const out = new Map<string, Set<string>>();
	for (const log of logs) {
		const set = out.get(log.card_id) ?? new Set<string>();
		set.add(logIdentity(log));
		out.set(log.card_id, set);
	}
	return out;
}

function sameSet(a: Set<string> | undefined, b: Set<string> | undefined): boolean {
	if ((a?.size ?? 0) !== (b?.size ?? 0)) return false;
	for (const item of a ?? []) if (!b?.has(item)) return false;
	return true;
}

/** The data of a backup for Replace: a logged card missing from the file is rebuilt from its log. */
export function dataFromBackup(backup: Backup, scheduler: Scheduler): ProgressData {
	const cards = new Map(backup.cards.map((c) => [c.id, c]));
	const logged = byCard(backup.log);
	for (const id of logged.keys()) {
		if (!cards.has(id)) cards.set(id, scheduler.replay(id, backup.log));
	}
	return {
		cards: [...cards.values()],
		logs: backup.log,
		quiz: backup.quiz,
		settings: backup.settings
	};
}

/**
 * Merges `incoming` into `current`: the union of the review logs and quiz answers without
 * duplicates (`unionQuizAnswers`); each card whose merged log differs from the log its stored card was built from is
 * replayed through `scheduler` (a card whose log one side already has whole is kept as that side
 * has it, so merging a backup into itself changes nothing); cards with no log are kept as they
 * are, the device's first. The device's settings are kept.
 */
export function mergeProgress(
	current: ProgressData,
	incoming: ProgressData,
	scheduler: Scheduler
): ProgressData {
	const logs = unionBy(logIdentity, current.logs, incoming.logs).sort(
		(a, b) => a.review - b.review
	);
	const quiz = unionQuizAnswers(current.quiz, incoming.quiz).sort(
		(a, b) => a.answeredAt - b.answeredAt
	);
	const mine = new Map(current.cards.map((c) => [c.id, c]));
	const theirs = new Map(incoming.cards.map((c) => [c.id, c]));
	const mineLogs = byCard(current.logs);
	const theirLogs = byCard(incoming.logs);
	const merged = byCard(logs);
	const mergedLogs = new Map<string, ReviewRecord[]>();
	for (const log of logs) {
		const list = mergedLogs.get(log.card_id);
		if (list) list.push(log);
		else mergedLogs.set(log.card_id, [log]);
	}

	const ids = new Set([...mine.keys(), ...theirs.keys(), ...merged.keys()]);
	const cards: StoredCard[] = [];
	for (const id of ids) {
		const all = merged.get(id);
		const own = mine.get(id);
		const other = theirs.get(id);
		if (own && sameSet(all, mineLogs.get(id))) cards.push(own);
		else if (other && sameSet(all, theirLogs.get(id))) cards.push(other);
		else if (!all) cards.push((own ?? other) as StoredCard);
		else cards.push(scheduler.replay(id, mergedLogs.get(id) ?? []));
	}
	cards.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
	return { cards, logs, quiz, settings: current.settings };
}

/**
 * The day counters a review log gives, per study day starting at `dayStartHour`: what Today's
 * "reviewed today" and the streak read after an import.
 */
export function countDays(logs: readonly ReviewRecord[], dayStartHour: number): DayCount[] {
	const days = new Map<string, DayCount>();
	for (const log of logs) {
		const day = dayKey(log.review, dayStartHour);
		const count = days.get(day) ?? { day, new: 0, review: 0, learning: 0 };
		count[ratingKind(log.state)] += 1;
		days.set(day, count);
	}
	return [...days.values()].sort((a, b) => (a.day < b.day ? -1 : 1));
}
