import { describe, expect, it } from 'vitest';
import type { QuizAnswerRecord } from '../quiz/quiz-record';
import { questionById, SAMPLE_QUESTIONS } from '../bank/sample-bank.fixture';
import { confusedPairs, quizAccuracy } from './stats-quiz';

const byId = new Map(SAMPLE_QUESTIONS.map((q) => [q.id, q]));
const questionOf = (id: string) => byId.get(id);

function answer(questionId: string, picked?: string | string[]): QuizAnswerRecord {
	const framework = byId.get(questionId)?.framework ?? 'old';
	return {
		questionId,
		framework,
		given: picked ?? '',
		correct: picked === undefined,
		...(picked === undefined ? {} : { pickedDistractor: picked }),
		durationMs: 1000,
		answeredAt: 0
	};
}

describe('quizAccuracy', () => {
	it('counts right answers per framework in the bank order, unknown frameworks last', () => {
		const answers = [
			answer('arf-founded.single'),
			answer('eas-founded.single', '1994'),
			answer('eas-founded.single'),
			answer('gone.single', 'x'),
			answer('eas-founded.cloze')
		];
		expect(quizAccuracy(answers, ['eas', 'arf'])).toEqual([
			{ framework: 'eas', answered: 3, correct: 2, accuracy: 2 / 3 },
			{ framework: 'arf', answered: 1, correct: 1, accuracy: 1 },
			{ framework: 'old', answered: 1, correct: 0, accuracy: 0 }
		]);
	});
});

describe('confusedPairs', () => {
	it('pairs the answer with the picked distractor, most frequent first', () => {
		const answers = [
			answer('arf-founded.which-framework', 'East Asia Summit'),
			answer('eas-founded.single', '1994'),
			answer('arf-founded.which-framework', 'East Asia Summit'),
			answer('arf-founded.which-framework', 'G7'),
			answer('eas-founded.single')
		];
		expect(confusedPairs(answers, questionOf)).toEqual([
			{ answer: 'ASEAN Regional Forum', picked: 'East Asia Summit', count: 2 },
			{ answer: '2005', picked: '1994', count: 1 },
			{ answer: 'ASEAN Regional Forum', picked: 'G7', count: 1 }
		]);
	});

	it('counts each wrong pick of a multiple select against all the right answers', () => {
		const multi = questionById('eas-members.multi');
		const pairs = confusedPairs([answer(multi.id, ['India', 'Canada'])], questionOf);
		expect(pairs).toEqual([
			{ answer: 'United States, Russia', picked: 'Canada', count: 1 },
			{ answer: 'United States, Russia', picked: 'India', count: 1 }
		]);
	});

	it('skips true/false answers and questions no longer in the bank', () => {
		const answers = [answer('eas-leaders.truefalse', 'False'), answer('gone.single', 'x')];
		expect(confusedPairs(answers, questionOf)).toEqual([]);
	});

	it('keeps the top ten', () => {
		const choices = ['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h', 'i', 'j', 'k', 'l'];
		const answers = choices.flatMap((c, i) =>
			Array.from({ length: i + 1 }, () => answer('eas-founded.single', c))
		);
		const pairs = confusedPairs(answers, questionOf);
		expect(pairs).toHaveLength(10);
		expect(pairs[0]).toEqual({ answer: '2005', picked: 'l', count: 12 });
		expect(pairs.map((p) => p.picked)).not.toContain('a');
	});
});
