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
const ofFact = (fact: string) => bank.questions.filter((q) => q.fact === fact);

describe('statements', () => {
	it('give a recall card with the fact’s own question and a cloze of the key phrase', () => {
		expect(byId('gamma.forum.recall')).toMatchObject({
			prompt: 'Which issues is the GF a forum for discussing?',
			answer: 'Political issues'
		});
		expect(byId('delta.groups.cloze')).toMatchObject({
			prompt: 'The DM has launched ____ working groups.',
			answer: 'six',
			accept: ['6']
		});
	});

	it('carry the exact words of the source and the section they come from', () => {
		expect(byId('gamma.forum.cloze').source).toEqual({
			section: 'GF (Gamma Forum)',
			quote: 'A forum for discussing political issues'
		});
		for (const q of bank.questions) expect(q.source.quote, q.id).not.toBe('');
	});

	it('spell out an acronym, with decoy expansions as the wrong choices', () => {
		const q = byId('gamma.acronym.single');
		expect(q.answer).toBe('Gamma Forum');
		expect([...(q.choices ?? [])].sort()).toEqual([
			'Gamma Federation',
			'Gamma Forum',
			'Global Forum'
		]);
	});

	it('ask which meetings a framework holds, and gap the second with its short form accepted', () => {
		expect(byId('alpha.meetings.recall').answer).toBe(
			'Summit meetings and Alpha Strategic Dialogues (ASDs)'
		);
		const cloze = byId('alpha.meetings.alpha-strategic-dialogues-asds.cloze');
		expect(cloze.prompt).toBe('Japan, the United States and Alpha hold summit meetings and ____.');
		expect(cloze.accept).toEqual(['Alpha Strategic Dialogues', 'ASDs']);
	});
});

describe('a complete list', () => {
	it('is asked as a whole, and offers as wrong only concepts of its role it lacks', () => {
		expect(byId('epsilon.areas.recall').prompt).toBe('What are the priority areas of the ES?');
		const multi = byId('epsilon.areas.multi');
		const wrong = (multi.choices ?? []).filter((c) => !multi.answer.includes(c));
		expect(wrong.length).toBeGreaterThan(0);
		for (const choice of wrong) {
			expect(['Energy', 'Finance', 'Education', 'Disaster reduction']).not.toContain(choice);
			expect(['Democracy', 'The rule of law']).not.toContain(choice);
		}
	});

	it('puts the look-alikes of its items first among the wrong choices', () => {
		const multi = byId('epsilon.areas.multi');
		expect(multi.answer).toContain('Disaster reduction');
		expect(multi.choices).toContain('Disaster relief');
		expect(multi.choices).toContain('Humanitarian assistance and disaster relief');
	});

	it('never offers what a broader item contains: disaster relief is not wrong beside HADR', () => {
		for (const q of ofFact('delta.groups-list')) {
			if (q.kind === 'truefalse') expect(q.prompt, q.id).not.toMatch(/: disaster relief is/);
			else expect(q.choices ?? [], q.id).not.toContain('Disaster relief');
		}
	});

	it('explains a False item with every framework the source names it for', () => {
		const falseOnes = bank.questions.filter(
			(q) => q.kind === 'truefalse' && q.answer === 'False' && q.fact === 'epsilon.areas'
		);
		expect(falseOnes.length).toBeGreaterThan(0);
		const counter = bank.questions.find(
			(q) => q.kind === 'single' && q.id === 'epsilon.areas.odd-one-out'
		);
		expect(counter?.answer).toBeDefined();
		const relief = falseOnes.find((q) => q.prompt.includes('disaster relief is'));
		if (relief) expect(relief.explanation).toContain('the GF');
	});
});

describe('an open list', () => {
	it('gives recall and clozes, never a wrong choice or a False', () => {
		const kinds = ofFact('gamma.areas')
			.filter((q) => !/\.(both|only|look-alikes)$/.test(q.id))
			.map((q) => q.kind);
		expect(new Set(kinds)).toEqual(new Set(['recall', 'cloze']));
		expect(byId('gamma.areas.recall').prompt).toBe(
			'What does the source list among the recent areas of the GF?'
		);
		expect(byId('beta.summit.values.democracy.cloze').prompt).toBe(
			'The shared values named at the Beta Summit included ____ and the rule of law.'
		);
	});

	it('accepts each concept of a compound item and its short forms', () => {
		expect(byId('gamma.areas.counter-terrorism-and-transnational-crime.cloze').accept).toEqual([
			'counterterrorism',
			'counter terrorism',
			'transnational crime'
		]);
	});
});

describe('relations between frameworks', () => {
	it('compares two frameworks on a concept only where both sides are decided', () => {
		expect(byId('delta.groups-list.maritime-security.both')).toMatchObject({ answer: 'Both' });
		const only = byId('delta.groups-list.maritime-security.only');
		expect(only.prompt).toContain('the ES');
		expect(only.answer).toMatch(/^Only (GF|DM)$/);
		// Disaster relief is set apart by the look-alikes matching, not asked again as "only".
		expect(bank.questions.some((q) => q.id.endsWith('disaster-relief.only'))).toBe(false);
	});

	it('matches look-alike terms with the one framework naming each', () => {
		const q = byId('delta.groups-list.humanitarian-assistance-and-disaster-relief.look-alikes');
		const pairs = Object.fromEntries((q.items ?? []).map((item, i) => [item, q.answer[i]]));
		expect(pairs).toEqual({
			'Disaster relief': 'GF',
			'Disaster reduction': 'ES',
			'Humanitarian assistance and disaster relief': 'DM'
		});
		expect(q.alsoSources?.length).toBeGreaterThan(0);
	});

	it('matches each framework with who meets in it, one framework per level', () => {
		const q = byId('alpha.meetings.who-meets');
		expect(q.items).toEqual(['Japan-U.S.-Alpha', 'DM', 'ES']);
		expect(q.answer).toEqual(['Leaders and foreign ministers', 'Defense ministers', 'Leaders']);
	});
});

describe('meetings', () => {
	it('name a meeting without its ordinal, date or place', () => {
		expect(byId('alpha.dialogue-3.recall')).toMatchObject({
			prompt: 'When and where was the Alpha Dialogue meeting held?',
			answer: 'In Lisbon on March 25, 2014'
		});
		for (const q of ofFact('alpha.dialogue-3')) {
			if (q.kind !== 'truefalse') expect(q.prompt, q.id).not.toMatch(/third|Lisbon|March/i);
		}
	});

	it('show wrong dates at the answer’s precision only', () => {
		const month = byId('gamma.meeting.date.single');
		expect([...(month.choices ?? [])].sort()).toEqual([
			'August 2014',
			'March 2014',
			'November 2014'
		]);
		expect(byId('beta.summit.date.truefalse').prompt).not.toContain('August');
	});

	it('are put in the order they were held', () => {
		const q = byId('alpha.dialogue-3.order');
		const pairs = Object.fromEntries((q.items ?? []).map((item, i) => [item, q.answer[i]]));
		expect(pairs).toEqual({
			'Alpha Dialogue meeting': '1st (earliest)',
			'GF Meeting': '2nd',
			'Beta Summit': '3rd (latest)'
		});
	});
});

describe('the bank', () => {
	it('balances true/false keys to within one', () => {
		const tf = bank.questions.filter((q) => q.kind === 'truefalse');
		const trues = tf.filter((q) => q.answer === 'True').length;
		expect(Math.abs(trues - (tf.length - trues))).toBeLessThanOrEqual(1);
	});

	it('serializes the same facts to the same bytes', () => {
		expect(serializeBank(generateQuestions(sampleFacts()))).toBe(serializeBank(bank));
	});
});
