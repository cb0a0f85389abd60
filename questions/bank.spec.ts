import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Bank, QuestionKind } from '../src/lib/domain/bank';
import { serializeBank } from '../src/lib/domain/generate-questions';
import { buildBank } from './build-bank';

const committed = readFileSync('questions/bank.json', 'utf8');
const bank = JSON.parse(committed) as Bank;

describe('questions/bank.json', () => {
	it('is what the facts generate (run `npm run questions` when this fails)', () => {
		expect(committed).toBe(serializeBank(buildBank('questions/facts')));
	});

	it('has questions of every kind each framework’s facts allow', () => {
		const all: QuestionKind[] = ['recall', 'cloze', 'single', 'multi', 'truefalse'];
		const expected: Record<string, QuestionKind[]> = {
			overview: ['recall', 'cloze', 'multi'],
			'japan-us-rok': [...all, 'matching', 'which-framework'],
			'japan-us-australia': [...all, 'matching', 'which-framework'],
			'japan-us-india': [...all, 'matching', 'which-framework'],
			eas: [...all, 'which-framework'],
			arf: [...all, 'matching', 'which-framework'],
			'admm-plus': [...all, 'which-framework'],
			g7: [...all, 'which-framework']
		};
		for (const [framework, kinds] of Object.entries(expected)) {
			const found = new Set(
				bank.questions.filter((q) => q.framework === framework).map((q) => q.kind)
			);
			expect([...found].sort(), framework).toEqual([...kinds].sort());
		}
	});

	it('asks every fact as a recall card and in at least one other form', () => {
		const facts = new Set(bank.questions.map((q) => q.fact));
		expect(facts.size).toBeGreaterThan(30);
		for (const fact of facts) {
			const kinds = new Set(bank.questions.filter((q) => q.fact === fact).map((q) => q.kind));
			expect(kinds.has('recall'), fact).toBe(true);
			expect(kinds.size, fact).toBeGreaterThan(1);
		}
	});

	it('has no question twice and no empty or unfinished text', () => {
		const seen = new Set<string>();
		for (const q of bank.questions.filter((q) => q.kind !== 'matching')) {
			const key = `${q.prompt}|${[...(q.choices ?? [])].sort().join('|')}`;
			expect(seen.has(key), q.id).toBe(false);
			seen.add(key);
			for (const text of [q.prompt, q.explanation]) {
				expect(text, q.id).toMatch(/^[A-Z0-9“].*[.?!”]$/);
				expect(text, q.id).not.toMatch(/\[|\]|undefined|\s{2}| ,/);
			}
			if (q.kind === 'cloze') expect(q.prompt).toContain('____');
		}
	});

	it('cites the source sections the facts name, the lost G7 heading included', () => {
		const sections = new Set(bank.questions.map((q) => q.source.section));
		expect(sections).toContain('G7 (seven major developed countries)');
		expect(sections).toContain('EAS (East Asia Summit)');
		expect(bank.source).toEqual({
			title: "Japan's Security Policy",
			publisher: 'Ministry of Foreign Affairs of Japan',
			date: '2016-04-06'
		});
	});
});
