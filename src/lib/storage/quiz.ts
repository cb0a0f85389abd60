/**
 * The quiz's part of storage (keys as listed in ./idb.ts): writing quiz answers, and the quiz
 * under way ('openQuiz') and the set-up's last choice ('quizChoice'), with their checks and plain
 * copies. Only the quiz writes these, and only the quiz reads the last two, so this loads with the
 * quiz (`loadQuizPart` in ./quiz-part.ts, which the quiz asks for ahead): their checks bring the
 * quiz's own code (an open quiz's answers are graded again to resume it), which Today and the
 * review would otherwise load first. Quiz answers are read with the rest of the history
 * (./idb.ts), as Stats, backups and sync read them too.
 */
import { isQuizChoice, quizChoiceProblem, type QuizChoice } from '../domain/quiz/quiz-config';
import type { QuizAnswerRecord } from '../domain/quiz/quiz-record';
import { isOpenQuiz, openQuizProblem, type OpenQuiz } from '../domain/quiz/quiz-resume';
import type { QuarantinedRecord } from './contract';
import { invalid, plainQuiz } from './rating';
import { validRecords } from './read-checks';
import { randomSuffix, type Transact } from './records';

/** The quick read checks of this part's two records; the reasons are ./repair.ts's. */
const KEPT = { openQuiz: isOpenQuiz, quizChoice: isQuizChoice };

/**
 * The record kept under `key`, when it passes its check; else what the full check (./repair.ts)
 * makes of it: taken, or set aside and added to `moved`. Null when there is none.
 */
export async function readKept<T>(
	transact: Transact,
	key: keyof typeof KEPT,
	moved: QuarantinedRecord[]
): Promise<T | null> {
	const value = await transact('readonly', 'read your progress', (store) => {
		const request = store.get(key);
		return () => request.result as unknown;
	});
	if (value === undefined) return null;
	if (KEPT[key](value)) return value as T;
	const [checked] = await validRecords<T>(transact, { keys: [key], values: [value] }, moved);
	return checked ?? null;
}

/** The quiz under way, checked; a JSON copy, as it is plain data through and through. */
export function plainOpenQuiz(quiz: OpenQuiz): OpenQuiz {
	const reason = openQuizProblem(quiz);
	if (reason !== null) invalid('quiz under way', reason);
	return JSON.parse(JSON.stringify(quiz)) as OpenQuiz;
}

export function plainQuizChoice(choice: QuizChoice): QuizChoice {
	const reason = quizChoiceProblem(choice);
	if (reason !== null) invalid('quiz choice', reason);
	const { frameworks, count, kinds } = choice;
	return { frameworks: frameworks === 'all' ? 'all' : [...frameworks], count, kinds: [...kinds] };
}

export async function appendQuizAnswer(transact: Transact, answer: QuizAnswerRecord) {
	const value = plainQuiz(answer);
	await transact('readwrite', 'save the quiz answer', (store) => {
		store.put(value, ['quiz', value.answeredAt, randomSuffix()]);
		return () => undefined;
	});
}

/** Marks the stored answer where it is (same question, same time), or adds it when it is gone. */
export async function amendQuizAnswer(transact: Transact, answer: QuizAnswerRecord) {
	const value = plainQuiz(answer);
	await transact('readwrite', 'save the quiz answer', (store, guard) => {
		const at = value.answeredAt;
		const cursor = store.openCursor(IDBKeyRange.bound(['quiz', at], ['quiz', at, []]));
		cursor.onsuccess = guard(() => {
			const found = cursor.result;
			if (!found) store.put(value, ['quiz', at, randomSuffix()]);
			else if ((found.value as QuizAnswerRecord | undefined)?.questionId === value.questionId)
				found.update(value);
			else found.continue();
		});
		return () => undefined;
	});
}

export async function saveOpenQuiz(transact: Transact, quiz: OpenQuiz | null) {
	const value = quiz === null ? null : plainOpenQuiz(quiz);
	await transact('readwrite', 'keep the quiz under way', (store) => {
		if (value === null) store.delete('openQuiz');
		else store.put(value, 'openQuiz');
		return () => undefined;
	});
}

export async function saveQuizChoice(transact: Transact, choice: QuizChoice) {
	const value = plainQuizChoice(choice);
	await transact('readwrite', 'remember the quiz choice', (store) => {
		store.put(value, 'quizChoice');
		return () => undefined;
	});
}
