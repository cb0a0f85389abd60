/**
 * The plain copies every write makes, in one place for storage: checked (a record a write finds
 * failing is a bug in the caller, so the write throws before it starts), and free of Svelte
 * `$state` proxies, which IndexedDB cannot clone. With ./rating.ts, storage's write half, loaded
 * at the first write (./idb.ts): a visit that only reads, as Today's, never fetches it.
 */
import type { BackupMark } from '../domain/backup-reminder';
import type { QuizAnswerRecord } from '../domain/quiz-record';
import { cardProblem, quizAnswerProblem, reviewRecordProblem } from '../domain/record-guards';
import type { ReviewRecord, StoredCard } from '../domain/scheduler';
import { validateSettings, type Settings } from '../domain/settings';
import { ratingKind } from '../domain/study-day';
import { StorageWriteError } from './errors';
import { markProblem, randomSuffix } from './records';
import type { RatingInput, UndoToken } from './types';

function invalid(what: string, reason: string): never {
	throw new StorageWriteError(`save the ${what}`, `invalid ${what}: ${reason}`);
}

export function plainCard(card: StoredCard): StoredCard {
	const reason = cardProblem(card);
	if (reason !== null) invalid('card', reason);
	return {
		id: card.id,
		due: card.due,
		stability: card.stability,
		difficulty: card.difficulty,
		elapsed_days: card.elapsed_days,
		scheduled_days: card.scheduled_days,
		learning_steps: card.learning_steps,
		reps: card.reps,
		lapses: card.lapses,
		state: card.state,
		last_review: card.last_review
	};
}

export function plainLog(log: ReviewRecord): ReviewRecord {
	const reason = reviewRecordProblem(log);
	if (reason !== null) invalid('rating', reason);
	return {
		card_id: log.card_id,
		rating: log.rating,
		state: log.state,
		due: log.due,
		stability: log.stability,
		difficulty: log.difficulty,
		elapsed_days: log.elapsed_days,
		last_elapsed_days: log.last_elapsed_days,
		scheduled_days: log.scheduled_days,
		learning_steps: log.learning_steps,
		review: log.review,
		duration_ms: log.duration_ms
	};
}

export function plainSettings(settings: Settings): Settings {
	const result = validateSettings(settings);
	if (!result.ok) {
		throw new StorageWriteError(
			'save the settings',
			result.errors.map((e) => e.message).join('; ')
		);
	}
	return result.settings;
}

export function plainQuiz(answer: QuizAnswerRecord): QuizAnswerRecord {
	const reason = quizAnswerProblem(answer);
	if (reason !== null) invalid('quiz answer', reason);
	const { typo, pickedDistractor } = answer;
	return {
		questionId: answer.questionId,
		framework: answer.framework,
		given: copyGiven(answer.given),
		correct: answer.correct,
		...(typo === undefined ? {} : { typo: { given: typo.given, expected: typo.expected } }),
		...(pickedDistractor === undefined ? {} : { pickedDistractor: copyGiven(pickedDistractor) }),
		durationMs: answer.durationMs,
		answeredAt: answer.answeredAt
	};
}

function copyGiven(given: string | string[]): string | string[] {
	return typeof given === 'string' ? given : [...given];
}

export function plainMark(mark: BackupMark): BackupMark {
	const reason = markProblem(mark);
	if (reason !== null)
		throw new StorageWriteError('save the backup time', `invalid backup time: ${reason}`);
	return { at: mark.at, reviews: mark.reviews };
}

/** Whether the stored card is the one the rating started from (no other tab rated it since). */
export function sameCard(stored: StoredCard | undefined, previous: StoredCard | null): boolean {
	const storedReps = stored?.reps ?? 0;
	const previousReps = previous?.reps ?? 0;
	return (
		storedReps === previousReps && (stored?.last_review ?? null) === (previous?.last_review ?? null)
	);
}

/**
 * A rating's records as both stores keep them, with the undo token they hand back: the card, its
 * log record under a fresh key, and which day counter it bumps.
 */
export function plainRating(input: RatingInput) {
	const card = plainCard(input.card);
	const log = plainLog(input.log);
	const previous = input.previous === null ? null : plainCard(input.previous);
	if (!/^\d{4}-\d{2}-\d{2}$/.test(input.day)) {
		throw new StorageWriteError(
			'save the rating',
			`invalid study day ${JSON.stringify(input.day)}`
		);
	}
	const logKey = ['log', log.review, randomSuffix()] as const;
	const undo: UndoToken = {
		cardId: card.id,
		previous,
		logKey,
		review: log.review,
		day: input.day,
		kind: ratingKind(log.state)
	};
	return { card, log, previous, undo };
}
