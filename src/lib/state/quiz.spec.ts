import 'fake-indexeddb/auto';
import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { DEFAULT_SETTINGS } from '$lib/domain/records/settings';
import { QUIZ_KINDS } from '$lib/domain/quiz/quiz-config';
import { askableTogether, quizKindOf } from '$lib/domain/quiz/quiz-sample';
import { bankState } from './bank.svelte';
import { Progress } from './progress.svelte';
import { ratingsOn } from './ratings.fixture';
import { QuizKeeper } from './quiz-keeper';
import { QuizSession } from './quiz.svelte';

const bank = readFileSync(new URL('../../../questions/bank.json', import.meta.url), 'utf8');
let n = 0;

beforeAll(async () => {
	vi.stubGlobal('fetch', async () => new Response(bank));
	await bankState.load();
});

/** A quiz page of its own: its progress (own database), its keeper and session. */
async function quizPage(quizCountsTowardSchedule = false) {
	const progress = new Progress({ dbName: `kizuna-quiz-spec-${++n}`, channelName: null });
	await progress.load();
	const ratings = ratingsOn(progress);
	await (await ratings.writer()).saveSettings({ ...DEFAULT_SETTINGS, quizCountsTowardSchedule });
	const keeper = new QuizKeeper(ratings, (question) => bankState.cardFor(question));
	return { progress, keeper, session: new QuizSession(keeper) };
}

const typedQuiz = { frameworks: 'all' as const, count: 5, kinds: ['cloze' as const] };

describe('a quiz session', () => {
	it('skips, gives up, takes "I was right", and quits with a summary of what was answered', async () => {
		const { progress, keeper, session } = await quizPage();
		session.start(bankState, typedQuiz, 11);
		const [first, second, third] = session.items.map((item) => item.question);
		session.skip();
		await session.dontKnow();
		expect(session.grade?.correct).toBe(false);
		expect(session.canOverride).toBe(false);
		session.next();
		session.typed = 'not the answer at all';
		await session.check();
		expect(session.canOverride).toBe(true);
		await session.override();
		expect(session.result).toMatchObject({ overridden: true, grade: { correct: true } });
		session.quit();
		expect(session.phase).toBe('summary');
		const summary = session.summary;
		expect({ right: summary.right, total: summary.total, notAsked: summary.notAsked }).toEqual({
			right: 1,
			total: 2,
			notAsked: 2
		});
		expect(summary.skipped).toEqual([first]);
		expect(summary.missed.map((m) => [m.question, m.gaveUp])).toEqual([[second, true]]);

		const answers = (await progress.readQuizAnswers()).sort((a, b) => a.answeredAt - b.answeredAt);
		expect(answers.map((a) => [a.questionId, a.correct, a.overridden])).toEqual([
			[second!.id, false, undefined],
			[third!.id, true, true]
		]);
		expect(answers[1]?.given).toBe('not the answer at all');
		await session.kept();
		expect(await keeper.open()).toBeNull();
	});

	it('is kept after every step, and resumes where it was left on another page', async () => {
		const { keeper, session } = await quizPage();
		session.start(bankState, { frameworks: 'all', count: 4, kinds: [...QUIZ_KINDS] }, 3);
		await session.dontKnow();
		session.next();
		session.skip();
		await session.kept();
		const open = await keeper.open();
		expect(open).toMatchObject({ next: 2, answers: [{ gaveUp: true }] });

		// The page left and opened again: a new session on the kept quiz.
		const again = new QuizSession(keeper);
		again.resume(open!, bankState.questions);
		expect(again.phase).toBe('question');
		expect(again.index).toBe(2);
		expect(again.items).toEqual(session.items);
		expect(again.results).toEqual(session.results);
		again.quit();
		expect(again.summary.skipped).toEqual([session.items[1]?.question]);
		await again.kept();
		expect(await keeper.open()).toBeNull();
	});

	it('says how many were asked for when the questions chosen cannot fill the quiz', async () => {
		const { session } = await quizPage();
		const eas = { frameworks: ['eas'], kinds: [...QUIZ_KINDS] };
		// The set-up's figure is the next quiz's: each start below draws the next seed.
		for (const more of [5, 0, 'all'] as const) {
			session.reset();
			const most = session.capacity(bankState, { ...eas, count: 'all' });
			session.start(bankState, { ...eas, count: more === 'all' ? 'all' : most + more });
			expect(session.items).toHaveLength(most);
			expect(session.askedFor).toBe(more === 5 ? most + 5 : undefined);
		}
	});

	it('says how many a link named when its questions cannot all be asked together', async () => {
		const { session } = await quizPage();
		const eas = bankState.questions.filter((q) => q.framework === 'eas' && quizKindOf(q));
		const named = { frameworks: 'all' as const, kinds: [...QUIZ_KINDS], count: 'all' as const };
		session.start(bankState, { ...named, questions: eas.map((q) => q.id) });
		expect(session.items.length).toBeLessThan(eas.length);
		expect(session.askedFor).toBe(eas.length);
		// A link naming only questions that can be asked together asks them all, and says nothing.
		const together = askableTogether(
			bankState,
			eas.map((q) => q.id)
		);
		session.reset();
		session.start(bankState, { ...named, questions: together });
		expect(session.items.map((item) => item.question.id).sort()).toEqual([...together].sort());
		expect(session.askedFor).toBeUndefined();
	});

	it('ends, keeping nothing to resume, once the last question is answered', async () => {
		const { keeper, session } = await quizPage();
		session.start(bankState, { ...typedQuiz, count: 1 }, 5);
		await session.dontKnow();
		await session.kept();
		expect(await keeper.open()).toBeNull();
	});
});

describe("a quiz answer and the question's flashcard", () => {
	const question = () => bankState.questions.find((q) => bankState.cardFor(q) !== undefined)!;
	const answer = (correct: boolean) => ({
		questionId: question().id,
		framework: question().framework,
		given: 'ASEAN',
		correct,
		durationMs: 3000,
		answeredAt: Date.now()
	});

	it('leaves the flashcard alone while the setting is off', async () => {
		const { progress, keeper } = await quizPage();
		expect(await keeper.answer(answer(true), question())).toBeNull();
		expect(progress.cards.has(bankState.cardFor(question())!)).toBe(false);
		expect(await progress.readQuizAnswers()).toHaveLength(1);
	});

	it('with the setting on, rates a new card Good or Again, a card not due never', async () => {
		const { progress, keeper } = await quizPage(true);
		const card = bankState.cardFor(question())!;
		await keeper.answer(answer(false), question());
		expect(progress.cards.get(card)).toMatchObject({ state: 'learning', lapses: 0, reps: 1 });
		expect((await progress.readLogs()).map((log) => log.rating)).toEqual(['again']);
		// Rated Easy now, the card waits for days: a quiz answer must not move it.
		const ratings = ratingsOn(progress);
		const easy = await ratings.rate(card, 'easy', { durationMs: 1000 });
		expect(await keeper.answer(answer(true), question())).toBeNull();
		expect(progress.cards.get(card)).toEqual(easy.card);
		expect(await progress.readQuizAnswers()).toHaveLength(2);
	});
});

describe('"I was right" with quiz answers counting toward the schedule', () => {
	it('takes back the Again the wrong answer gave the flashcard, and grades it Good instead', async () => {
		const { progress, session } = await quizPage(true);
		session.start(bankState, { ...typedQuiz, count: 1 }, 8);
		const card = bankState.cardFor(session.current!.question)!;
		session.typed = 'zzzz';
		await session.check();
		expect(progress.cards.get(card)).toMatchObject({ state: 'learning', lapses: 0 });
		expect((await progress.readLogs()).map((log) => log.rating)).toEqual(['again']);
		await session.override();
		expect((await progress.readLogs()).map((log) => log.rating)).toEqual(['good']);
		const today = progress.days.get(progress.today());
		expect(today?.new).toBe(1);
		expect(progress.cards.get(card)?.reps).toBe(1);
	});
});
