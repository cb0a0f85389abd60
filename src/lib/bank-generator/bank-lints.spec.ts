import { describe, expect, it } from 'vitest';
import type { Bank, BankFramework, Question } from '../domain/bank/bank';
import { type LintRule, lintBank } from './bank-lints';

const source = { section: 'S', quote: 'q' };
let n = 0;
function q(partial: Partial<Question> & Pick<Question, 'kind' | 'prompt' | 'answer'>): Question {
	n += 1;
	return {
		id: `f${n}.form`,
		framework: 'eas',
		fact: `f${n}`,
		explanation: 'Why.',
		source,
		...partial
	};
}
/** A cloze, a recall or a single choice, of which most lints read only the prompt and the answers. */
const cloze = (prompt: string, answer: string, accept?: string[]) =>
	q({ kind: 'cloze', prompt, answer, ...(accept && { accept }) });
const recall = (prompt: string, answer: string) => q({ kind: 'recall', prompt, answer });
const single = (prompt: string, answer: string, choices: string[]) =>
	q({ kind: 'single', prompt, answer, choices });
const FRAMEWORKS: BankFramework[] = [
	{ id: 'eas', name: 'East Asia Summit', shortName: 'EAS', kind: 'multilateral' },
	{ id: 'arf', name: 'ASEAN Regional Forum', shortName: 'ARF', kind: 'multilateral' },
	{
		id: 'aus',
		name: 'Japan, the United States and Australia',
		shortName: 'Japan-U.S.-Australia',
		kind: 'trilateral'
	},
	{
		id: 'rok',
		name: 'Japan, the United States and the ROK',
		shortName: 'Japan-U.S.-ROK',
		kind: 'trilateral'
	}
];
const bankOf = (...questions: Question[]): Bank => ({
	schema: 1,
	version: 'v',
	source: { title: 'T', publisher: 'P', date: '2016-04-06' },
	frameworks: FRAMEWORKS,
	questions
});
const rules = (bank: Bank): LintRule[] => lintBank(bank).map((lint) => lint.rule);
const good = q({
	kind: 'recall',
	prompt: 'What does the EAS advance?',
	answer: 'Concrete cooperation'
});

describe('lintBank', () => {
	it('passes a clean bank', () => {
		expect(lintBank(bankOf(good))).toEqual([]);
	});

	it('duplicate-prompt: names the second question and the first', () => {
		const twin = cloze(good.prompt, 'x');
		expect(lintBank(bankOf(good, twin))).toEqual([
			{ rule: 'duplicate-prompt', question: twin.id, message: `same prompt as ${good.id}` }
		]);
	});

	it('card-shows-answer: in the prompt, or an accepted form in the header', () => {
		const bad = single('Which holds TSDs with summit meetings?', 'summit meetings', [
			'summit meetings',
			'talks',
			'forums'
		]);
		// The header of an EAS card is "EAS": a cloze accepting "EAS" shows its answer there.
		const header = cloze('The ____ is a summit.', 'East Asia Summit', ['EAS']);
		// An identity card has no header, so the same cloze is sound as one.
		const identity = {
			...header,
			id: 'x.identity',
			fact: 'x',
			prompt: 'It is the ____.',
			identity: true as const
		};
		const lints = lintBank(bankOf(bad, header, identity));
		expect(lints.filter((l) => l.rule === 'card-shows-answer').map((l) => l.question)).toEqual([
			bad.id,
			header.id
		]);
	});

	it('card-shows-answer: in the words every choice shares, or a matching item naming its partner', () => {
		const shared = single('Which is it?', 'cooperation', [
			'concrete cooperation',
			'cooperation',
			'close cooperation'
		]);
		const matching = q({
			kind: 'matching',
			prompt: 'Match each meeting with its place.',
			items: ['Brisbane summit', 'Lisbon dialogue', 'Oslo forum'],
			answer: ['Brisbane', 'Oslo', 'Lisbon'],
			choices: ['Brisbane', 'Oslo', 'Lisbon']
		});
		expect(lintBank(bankOf(shared, matching)).map((l) => [l.question, l.rule])).toEqual([
			[shared.id, 'card-shows-answer'],
			[matching.id, 'card-shows-answer']
		]);
	});

	it('answer-stands-out: a month-only date among full dates', () => {
		const bad = single('When?', 'August 2014', [
			'August 2014',
			'March 25, 2014',
			'November 16, 2014'
		]);
		expect(rules(bankOf(bad))).toEqual(['answer-stands-out']);
	});

	it('answer-stands-out: a far longer answer, and an article only the answer has', () => {
		const long = single('Which?', 'measures to deal with avian influenza', [
			'measures to deal with avian influenza',
			'energy',
			'finance'
		]);
		const article = single('Which one?', 'The rule of law', [
			'The rule of law',
			'Democracy',
			'Energy'
		]);
		expect(lintBank(bankOf(long, article)).map((l) => l.question)).toEqual([long.id, article.id]);
	});

	it('answer-printed-elsewhere: an ordinal another prompt of the framework prints', () => {
		const ordinal = cloze('It was the ____ meeting.', 'sixth');
		const other = recall('Where was the sixth meeting held?', 'New Delhi');
		expect(lintBank(bankOf(ordinal, other))).toEqual([
			{
				rule: 'answer-printed-elsewhere',
				question: ordinal.id,
				message: `“sixth” is shown on ${other.id}`
			}
		]);
		// Another framework may print it.
		expect(rules(bankOf(ordinal, { ...other, framework: 'arf' }))).toEqual([]);
	});

	it('answer-printed-elsewhere: a typed answer or accepted form another card of the framework shows', () => {
		const topics = cloze(
			'The topics included maritime security, ____ and connectivity.',
			'regional affairs'
		);
		const views = recall(
			'Besides regional affairs, on what do they exchange views?',
			'Global-scale challenges'
		);
		const leaders = cloze('____ meet in it.', 'leaders', ['leader']);
		const forum = recall('What is its leader-initiated forum on?', 'Issues');
		expect(
			lintBank(bankOf(topics, views, leaders, forum)).map((l) => [l.question, l.message])
		).toEqual([
			[topics.id, `“regional affairs” is shown on ${views.id}`],
			[leaders.id, `“leader” is shown on ${forum.id}`]
		]);
		// The same fact's other forms may show it (they are siblings, one per study day).
		expect(rules(bankOf(topics, { ...views, fact: topics.fact }))).toEqual([]);
	});

	it('acronym-printed-elsewhere: an abbreviation a cloze accepts, shown on a card of any framework', () => {
		const meetings = cloze(
			'They hold summit meetings and ____.',
			'Trilateral Strategic Dialogues (TSDs)',
			['TSDs', 'Trilateral Strategic Dialogues', 'TSD']
		);
		const acronym = q({
			kind: 'recall',
			framework: 'arf',
			prompt: 'What does the abbreviation TSD stand for?',
			answer: 'Trilateral Strategic Dialogue'
		});
		expect(lintBank(bankOf(meetings, acronym)).map((l) => [l.rule, l.message])).toEqual([
			['acronym-printed-elsewhere', `“TSD” is shown on ${acronym.id}`]
		]);
	});

	it('accept-keeps-qualifier: the answer without the word that carries the fact', () => {
		const concrete = cloze('It aims at advancing ____.', 'concrete cooperation', ['cooperation']);
		const regional = cloze('Japan seeks to achieve ____.', 'regional stability and peace', [
			'peace and stability',
			'regional peace and stability'
		]);
		// A compound is no qualifier: each half names a field of its own.
		const compound = cloze('The areas include ____.', 'disarmament and non-proliferation', [
			'non-proliferation'
		]);
		expect(
			lintBank(bankOf(concrete, regional, compound)).map((l) => [l.question, l.message])
		).toEqual([
			[concrete.id, 'accepts “cooperation” without “concrete”'],
			[regional.id, 'accepts “peace and stability” without “regional”']
		]);
	});

	it('elimination: another framework’s place among the choices or as the False statement', () => {
		const place = (framework: string, fact: string, answer: string) =>
			q({
				id: `${fact}.place.cloze`,
				fact,
				framework,
				kind: 'cloze',
				prompt: `${fact} was held in ____.`,
				answer
			});
		const rok = place('rok', 'rok.summit', 'The Hague');
		const aus = place('aus', 'aus.leaders', 'Brisbane');
		const aus2 = place('aus', 'aus.dialogue', 'Sydney');
		const single = q({
			id: 'rok.summit.place.single',
			fact: 'rok.summit',
			framework: 'rok',
			kind: 'single',
			prompt: 'Where was the summit held?',
			answer: 'The Hague',
			choices: ['The Hague', 'Brisbane']
		});
		const statement = q({
			id: 'rok.summit.place.not-brisbane.truefalse',
			fact: 'rok.summit',
			framework: 'rok',
			kind: 'truefalse',
			prompt: 'True or false: the summit was held in Brisbane.',
			answer: 'False',
			choices: ['True', 'False']
		});
		// Sydney is a place of another Japan-U.S.-Australia meeting: a fair wrong choice.
		const fair = q({
			id: 'aus.leaders.place.single',
			fact: 'aus.leaders',
			framework: 'aus',
			kind: 'single',
			prompt: 'Where was the leaders meeting held?',
			answer: 'Brisbane',
			choices: ['Brisbane', 'Sydney']
		});
		const date = q({
			id: 'rok.summit.date.single',
			fact: 'rok.summit',
			framework: 'rok',
			kind: 'single',
			prompt: 'On which date was the summit held?',
			answer: 'March 25, 2014',
			choices: ['March 25, 2014', 'May 1, 2014']
		});
		const bank = bankOf(rok, aus, aus2, single, statement, fair, date);
		expect(
			lintBank(bank)
				.filter((l) => l.rule === 'elimination')
				.map((l) => [l.question, l.message])
		).toEqual([
			[single.id, '“Brisbane” is no place of a rok meeting'],
			[statement.id, '“Brisbane” is no place of a rok meeting'],
			[date.id, '“May 1, 2014” is the date of no meeting asked']
		]);
	});

	it('matching-each-once: two pairs, or one answer for two items', () => {
		const matching = (prompt: string, items: string[], answer: string[]) =>
			q({ kind: 'matching', prompt, items, answer, choices: ['x', 'y'] });
		const two = matching('Match each.', ['A', 'B'], ['x', 'y']);
		const twice = matching('Match each one.', ['A', 'B', 'C'], ['x', 'y', 'x']);
		expect(rules(bankOf(two, twice))).toEqual(['matching-each-once', 'matching-each-once']);
	});

	it('comparison-filing: a comparison filed under a framework it does not compare', () => {
		const compare = (framework: string) =>
			q({
				kind: 'single',
				framework,
				prompt: `For which of the ARF and Japan-U.S.-ROK does the source name it (${framework})?`,
				answer: 'Both',
				choices: ['Both', 'Only the ARF', 'Only Japan-U.S.-ROK', 'Neither']
			});
		expect(lintBank(bankOf(compare('eas'), compare('arf'), compare('rok')))).toEqual([
			expect.objectContaining({
				rule: 'comparison-filing',
				message: 'filed under EAS, comparing the ARF and Japan-U.S.-ROK'
			})
		]);
	});

	it('truefalse-repeats-cloze: a True statement that is a cloze with its gap filled', () => {
		const held = cloze('The meeting was held in ____.', 'Brisbane');
		const same = q({
			kind: 'truefalse',
			fact: held.fact,
			prompt: 'True or false: the meeting was held in Brisbane.',
			answer: 'True',
			choices: ['True', 'False']
		});
		const other = q({
			kind: 'truefalse',
			prompt: 'True or false: the meeting was held in Oslo.',
			answer: 'False',
			choices: ['True', 'False']
		});
		expect(lintBank(bankOf(held, same, other))).toEqual([
			expect.objectContaining({ rule: 'truefalse-repeats-cloze', question: same.id })
		]);
	});

	it('cloze-hides-filler: a gap of words that say how wide, not what', () => {
		const filler = cloze(
			'They deepen cooperation on ____, given the changing environment.',
			'a wide range of areas',
			['many areas']
		);
		expect(rules(bankOf(filler))).toEqual(['cloze-hides-filler']);
	});

	it('multi-right-share: 7 of 10 right, or a single right one', () => {
		const choices = 'abcdefghij'.split('');
		const many = q({ kind: 'multi', prompt: 'Many?', answer: choices.slice(0, 7), choices });
		const one = q({ kind: 'multi', prompt: 'One?', answer: ['a'], choices: ['a', 'b', 'c'] });
		expect(rules(bankOf(many, one))).toEqual(['multi-right-share', 'multi-right-share']);
	});

	it('truefalse-balance: a bank of mostly True', () => {
		const tf = (answer: string) =>
			q({ kind: 'truefalse', prompt: `True or false: ${n}.`, answer, choices: ['True', 'False'] });
		expect(rules(bankOf(tf('True'), tf('True'), tf('True'), tf('False')))).toEqual([
			'truefalse-balance'
		]);
		expect(rules(bankOf(tf('True'), tf('False')))).toEqual([]);
	});

	it('prompt-length: over 40 words', () => {
		const bad = q({ kind: 'recall', prompt: `${'word '.repeat(41)}?`, answer: 'x' });
		expect(rules(bankOf(bad))).toEqual(['prompt-length']);
	});

	it('cloze-short-forms: a long answer with no shorter form, an abbreviation not accepted', () => {
		const long = cloze('The ____ group.', 'humanitarian assistance and disaster relief');
		const abbr = cloze('They hold ____.', 'Strategic Dialogues (TSDs)', ['Strategic']);
		const fine = cloze('The ____ groups.', 'humanitarian assistance and disaster relief', ['HADR']);
		// Three words that all carry the fact: the same words reordered are the other wording.
		const reordered = cloze('Japan seeks ____.', 'regional stability and peace', [
			'regional peace and stability'
		]);
		expect(lintBank(bankOf(long, abbr, fine, reordered)).map((l) => [l.question, l.rule])).toEqual([
			[long.id, 'cloze-short-forms'],
			[abbr.id, 'cloze-short-forms']
		]);
	});
});
