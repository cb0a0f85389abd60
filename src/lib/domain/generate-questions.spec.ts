import { describe, expect, it } from 'vitest';
import type { Question } from './bank';
import { sampleFacts } from './facts.fixture';
import { generateQuestions, serializeBank } from './generate-questions';

const bank = generateQuestions(sampleFacts());
const byId = (id: string): Question => {
	const question = bank.questions.find((q) => q.id === id);
	if (!question) throw new Error(`no question ${id}`);
	return question;
};

describe('recall', () => {
	it('asks a statement with its question word in place of the key phrase', () => {
		const q = byId('gamma.forum.recall');
		expect(q.prompt).toBe('The GF is a forum for discussing which issues?');
		expect(q.answer).toBe('Political issues');
		expect(q.choices).toBeUndefined();
	});

	it('sets a statement made at a meeting in its meeting', () => {
		expect(byId('beta.summit.future.recall').prompt).toBe(
			'At the Beta Summit in Oslo on November 16, 2014, the leaders committed to what kind of future?'
		);
	});

	it('asks for a whole list and for when and where a meeting was held', () => {
		expect(byId('delta.groups-list.recall')).toMatchObject({
			prompt: 'What are the working groups of the DM?',
			answer: 'Maritime security, counter terrorism and mine disposal'
		});
		expect(byId('alpha.dialogue-3.recall')).toMatchObject({
			prompt: 'When and where was the third meeting of the Alpha Dialogue held?',
			answer: 'In Lisbon on March 25, 2014'
		});
		expect(byId('gamma.meeting.recall').answer).toBe('In August 2014');
	});
});

describe('cloze', () => {
	it('leaves a gap for the key phrase and accepts listed alternatives', () => {
		expect(byId('delta.groups.cloze')).toMatchObject({
			prompt: 'The DM has launched ____ working groups.',
			answer: 'six',
			accept: ['6']
		});
	});

	it('accepts an abbreviation and the long form of "Long Name (ABBR)"', () => {
		const q = byId('alpha.meetings.alpha-strategic-dialogues-asds.cloze');
		expect(q.prompt).toBe('Japan, the United States and Alpha hold summit meetings and ____.');
		expect(q.accept).toEqual(['Alpha Strategic Dialogues', 'ASDs']);
	});

	it('gaps a meeting ordinal as the source writes it', () => {
		expect(byId('alpha.dialogue-3.ordinal.cloze')).toMatchObject({
			prompt: 'The ____ meeting of the Alpha Dialogue was held on March 25, 2014.',
			answer: 'third',
			accept: ['3rd']
		});
	});
});

describe('single choice', () => {
	it('offers other meetings’ dates as wrong answers', () => {
		const q = byId('beta.summit.date.single');
		expect(q.answer).toBe('November 16, 2014');
		expect(q.choices).toContain('March 25, 2014');
		expect(q.choices).toHaveLength(new Set(q.choices).size);
	});

	it('shows wrong dates at the answer’s precision', () => {
		const q = byId('gamma.meeting.date.single');
		expect([...(q.choices ?? [])].sort()).toEqual(['August 2014', 'March 2014', 'November 2014']);
	});

	it('completes a sentence about a framework with one of its own statements only', () => {
		const q = byId('delta.ministers.single');
		expect(q.answer).toBe('brings together the defense ministers');
		expect(q.choices).toContain(q.answer);
		expect(q.choices).not.toContain('has launched six working groups');
	});
});

describe('multiple select', () => {
	it('lists every item as an answer and never offers an overlapping distractor', () => {
		const q = byId('delta.groups-list.multi');
		expect(q.answer).toEqual(['Maritime security', 'Counter terrorism', 'Mine disposal']);
		const wrong = q.choices?.filter((c) => !q.answer.includes(c)) ?? [];
		expect(wrong.length).toBeGreaterThan(0);
		// "counterterrorism" and "... counter terrorism and transnational crime" would be right too.
		expect(wrong).not.toContain('Counterterrorism');
		expect(wrong).not.toContain('Counter terrorism and transnational crime');
	});
});

describe('true/false', () => {
	it('has True and False as choices and a statement the facts decide', () => {
		const all = bank.questions.filter((q) => q.kind === 'truefalse');
		expect(all.length).toBeGreaterThan(5);
		for (const q of all) expect(q.choices).toEqual(['True', 'False']);
		expect(new Set(all.map((q) => q.answer))).toEqual(new Set(['True', 'False']));
	});

	it('makes a false statement with another framework’s fact and says whose it is', () => {
		const falses = bank.questions.filter((q) => q.kind === 'truefalse' && q.answer === 'False');
		expect(falses.length).toBeGreaterThan(0);
		for (const q of falses) {
			if (q.fact.includes('summit') || q.fact.includes('dialogue') || q.fact.includes('meeting')) {
				continue;
			}
			expect(q.explanation).toMatch(/^The source (says this of|lists) .*, not /);
		}
	});
});

describe('matching', () => {
	it('pairs each meeting with its place, answers aligned with items', () => {
		const q = byId('alpha.dialogue-3.place.matching');
		expect(q.items).toEqual(['Third meeting of the Alpha Dialogue', 'Beta Summit']);
		expect(q.answer).toEqual(['Lisbon', 'Oslo']);
		expect([...(q.choices ?? [])].sort()).toEqual(['Lisbon', 'Oslo']);
	});
});

describe('which framework', () => {
	it('is a single choice when only one framework states the fact', () => {
		const q = byId('delta.groups-list.mine-disposal.which');
		expect(q.prompt).toBe('Which framework has mine disposal among its working groups?');
		expect(q.answer).toBe('DM');
	});

	it('becomes a select-all when several frameworks state it, asked once', () => {
		const shared = bank.questions.filter((q) => q.prompt.startsWith('Which frameworks take up'));
		expect(shared.map((q) => q.prompt)).toEqual([
			'Which frameworks take up maritime security? Select all that apply.',
			'Which frameworks take up counter terrorism? Select all that apply.'
		]);
		expect(shared[1]?.answer).toEqual(['GF', 'DM', 'EG']);
		expect(shared[0]?.answer).toEqual(['Japan-U.S.-Beta', 'GF', 'DM']);
	});

	it('leaves out frameworks that state only part of the fact', () => {
		// EG and DM name counter terrorism, not transnational crime: neither right nor wrong.
		const q = byId('gamma.topics.counter-terrorism-and-transnational-crime.which');
		expect(q.answer).toBe('GF');
		expect(q.choices).toEqual(expect.arrayContaining(['GF', 'Japan-U.S.-Beta']));
		expect(q.choices).not.toContain('DM');
		expect(q.choices).not.toContain('EG');
	});

	it('names the framework that met at a place and date', () => {
		expect(byId('beta.summit.which')).toMatchObject({
			prompt: 'Which framework held a meeting in Oslo on November 16, 2014?',
			answer: 'Japan-U.S.-Beta'
		});
	});
});

describe('the bank', () => {
	it('is the same bytes for the same facts, with a content version', () => {
		expect(serializeBank(generateQuestions(sampleFacts()))).toBe(serializeBank(bank));
		const changed = sampleFacts();
		changed.frameworks[3]!.purposes![0]!.text = 'The GF is a forum for discussing [security].';
		expect(generateQuestions(changed).version).not.toBe(bank.version);
	});

	it('keeps the source order: frameworks in order, then facts in file order', () => {
		const frameworks = [...new Set(bank.questions.map((q) => q.framework))];
		expect(frameworks).toEqual(['overview', 'alpha', 'beta', 'gamma', 'delta', 'epsilon']);
		expect(bank.questions[0]?.id).toBe('overview.aim.recall');
	});
});
