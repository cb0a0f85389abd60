import { describe, expect, it } from 'vitest';
import type { Question } from '../domain/bank/bank';
import { sampleFacts } from '../domain/bank/facts.fixture';
import { generateQuestions, serializeBank } from './generate-questions';
import { slugify } from '../domain/bank/text';

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

describe('identity questions', () => {
	it('mark what asks which framework, or what a framework is, so no header names it', () => {
		for (const id of [
			'gamma.acronym.recall',
			'gamma.acronym.single',
			'alpha.meetings.recall',
			'delta.level.recall',
			'delta.level.cloze'
		]) {
			expect(byId(id).identity, id).toBe(true);
		}
		expect(byId('gamma.forum.recall').identity).toBeUndefined();
	});

	it('ask a statement with a `which` question the other way round: which framework it describes', () => {
		const facts = sampleFacts();
		const gamma = facts.frameworks.find((f) => f.id === 'gamma')!;
		gamma.statements![0] = {
			...gamma.statements![0]!,
			which: 'Which forum does the source describe as discussing political issues?'
		};
		const q = generateQuestions(facts).questions.find((x) => x.id === 'gamma.forum.which.recall');
		expect(q).toMatchObject({
			kind: 'recall',
			prompt: 'Which forum does the source describe as discussing political issues?',
			answer: 'The GF',
			identity: true
		});
	});
});

describe('a list of frameworks', () => {
	it('asks which are listed among choices that their names do not tell apart', () => {
		// Epsilon, a multilateral forum too, is not listed: the choices are not told by their kind.
		expect(byId('overview.multilateral.multi').choices).toContain('ES');
		const facts = sampleFacts();
		facts.frameworks = facts.frameworks.filter((f) => f.id !== 'epsilon');
		// Only trilaterals left beside the listed multilateral ones: "Japan-U.S.-…" gives them away.
		const ids = generateQuestions(facts).questions.map((q) => q.id);
		expect(ids).toContain('overview.multilateral.recall');
		expect(ids).not.toContain('overview.multilateral.multi');
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
		expect(only.answer).toMatch(/^Only the (GF|DM)$/);
	});

	it('files a comparison under one of the two frameworks it compares, and says which names it', () => {
		const compared = bank.questions.filter((q) => /\.(both|only|neither)$/.test(q.id));
		expect(compared.length).toBeGreaterThan(2);
		for (const q of compared) {
			const framework = bank.frameworks.find((f) => f.id === q.framework)!;
			expect(q.prompt, q.id).toMatch(new RegExp(`\\b${framework.shortName}\\b`));
		}
		// The framework naming the concept is not always the first one the prompt names.
		const firstNamed = (q: Question) => /^For which of (.+?) and /.exec(q.prompt)?.[1];
		const only = compared.filter((q) => q.id.endsWith('.only'));
		expect(new Set(only.map((q) => q.answer === `Only ${firstNamed(q)}`))).toEqual(
			new Set([true, false])
		);
	});

	it('sets look-alikes apart by comparison when one contains another: no matching with two right partners', () => {
		// HADR contains disaster relief, so "disaster relief → DM" would be defensible in a matching.
		expect(bank.questions.some((q) => q.id.endsWith('.look-alikes'))).toBe(false);
		expect(byId('gamma.areas.disaster-relief.only')).toMatchObject({ answer: 'Only the GF' });
		expect(byId('epsilon.areas.disaster-reduction.only')).toMatchObject({ answer: 'Only the ES' });
		expect(
			byId('delta.groups-list.humanitarian-assistance-and-disaster-relief.only')
		).toMatchObject({
			answer: 'Only the DM'
		});
	});

	it('asks "Neither" of two complete lists lacking a concept, one of them naming its look-alike', () => {
		const facts = sampleFacts();
		facts.frameworks.push({
			id: 'zeta',
			name: 'Zeta Meeting',
			shortName: 'ZM',
			ref: 'the ZM',
			kind: 'multilateral',
			lists: [
				{
					id: 'zeta.fields',
					section: 'ZM',
					quote: 'energy',
					label: 'fields',
					title: 'the fields of the ZM',
					role: 'topics',
					complete: true,
					items: [{ text: 'energy', concepts: ['energy'] }]
				}
			]
		});
		const neither = generateQuestions(facts).questions.filter((q) => q.id.endsWith('.neither'));
		// Each of the three look-alikes is lacked by the ZM and by a list naming another of them.
		expect(neither.map((q) => q.id).sort()).toEqual([
			'delta.groups-list.disaster-reduction.neither',
			'epsilon.areas.disaster-relief.neither',
			'epsilon.areas.humanitarian-assistance-and-disaster-relief.neither'
		]);
		const relief = neither.find((q) => q.id === 'epsilon.areas.disaster-relief.neither');
		expect(relief).toMatchObject({ answer: 'Neither', framework: 'epsilon' });
		expect(relief?.prompt).toMatch(/of the (ES and the ZM|ZM and the ES) does/);
		expect(relief?.explanation).toContain('The source names it for the GF.');
	});

	it('matches frameworks with who meets in them, each once, leaving out a level inside another', () => {
		// "leaders" (ES) lies inside "leaders and foreign ministers" (Japan-U.S.-Alpha): left out,
		// which leaves two levels, too few for a matching.
		expect(bank.questions.some((q) => q.kind === 'matching' && q.id.includes('who-meets'))).toBe(
			false
		);
		const facts = sampleFacts();
		facts.frameworks.push({
			id: 'zeta',
			name: 'Zeta Talks',
			shortName: 'ZT',
			ref: 'the ZT',
			kind: 'multilateral',
			levels: [{ id: 'zeta.level', section: 'ZT', quote: 'officials', who: 'officials' }]
		});
		const q = generateQuestions(facts).questions.find(
			(x) => x.id === 'alpha.meetings.who-meets.matching'
		);
		expect(q).toMatchObject({
			identity: true,
			items: ['Japan-U.S.-Alpha', 'DM', 'ZT'],
			answer: ['Leaders and foreign ministers', 'Defense ministers', 'Officials']
		});
	});

	it('asks which framework meets at a level as an identity question, among these frameworks only', () => {
		expect(byId('delta.level.who.which')).toMatchObject({
			prompt: 'According to the source, in which of these frameworks do defense ministers meet?',
			answer: 'DM',
			identity: true
		});
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
		const statement = bank.questions.find(
			(q) => q.kind === 'truefalse' && q.id.startsWith('beta.summit.date.')
		);
		expect(statement?.prompt).toMatch(/held on \w+ \d+, \d{4}\.$/);
	});

	it('offer as a wrong place only another meeting of the same framework, and no True place statement', () => {
		// Lisbon (Alpha) beside Oslo (Beta) would be eliminated by country, without the source.
		const ids = bank.questions.map((q) => q.id);
		expect(ids).toContain('alpha.dialogue-3.place.cloze');
		expect(ids.filter((id) => /\.place\.(?!cloze$)/.test(id))).toEqual([]);
		const facts = sampleFacts();
		const alpha = facts.frameworks.find((f) => f.id === 'alpha')!;
		alpha.meetings!.push({
			id: 'alpha.summit-2',
			section: 'Alpha',
			quote: 'Alpha Summit (May 2, 2014 in Porto)',
			name: 'Alpha Summit',
			ref: 'the Alpha Summit',
			date: '2014-05-02',
			place: 'Porto'
		});
		const places = generateQuestions(facts).questions.filter((q) => q.id.includes('.place.'));
		expect(places.map((q) => q.id).sort()).toEqual([
			'alpha.dialogue-3.place.cloze',
			'alpha.dialogue-3.place.not-porto.truefalse',
			'alpha.summit-2.place.cloze',
			'alpha.summit-2.place.not-lisbon.truefalse',
			'beta.summit.place.cloze'
		]);
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

	it('gives a true and a false statement different ids, the false one naming what it states', () => {
		// Quiz history is kept by id: an id that switched from "X is …" (True) to "Y is …" (False)
		// would credit one statement's answers to another.
		const tf = bank.questions.filter((q) => q.kind === 'truefalse');
		for (const q of tf) {
			const stated = /\.not-([a-z0-9-]+)\.truefalse$/.exec(q.id)?.[1];
			if (q.answer === 'True') expect(stated, q.id).toBeUndefined();
			else expect(slugify(q.prompt), q.id).toContain(stated);
		}
		expect(tf.some((q) => q.answer === 'False')).toBe(true);
	});

	it('serializes the same facts to the same bytes', () => {
		expect(serializeBank(generateQuestions(sampleFacts()))).toBe(serializeBank(bank));
	});
});
