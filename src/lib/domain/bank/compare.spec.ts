import { describe, expect, it } from 'vitest';
import type { Question } from './bank';
import { buildComparison, type Comparison } from './compare';
import type { Facts } from './facts';
import { sampleFacts } from './facts.fixture';
import { generateQuestions } from '../../bank-generator/generate-questions';

/** The sample facts, with maritime security also among the ES's areas: three frameworks share it. */
function facts(): Facts {
	const sample = sampleFacts();
	const epsilon = sample.frameworks.find((f) => f.id === 'epsilon');
	const list = epsilon?.lists?.[0];
	if (!list) throw new Error('the sample ES has no list');
	list.items = [...list.items, { text: 'maritime security', concepts: ['maritime-security'] }];
	return sample;
}

const sample = facts();
const bank = generateQuestions(sample);
const table = buildComparison(sample, bank.questions);
const byId = new Map(bank.questions.map((q) => [q.id, q]));

function row(table: Comparison, id: string) {
	const found = table.rows.find((r) => r.id === id);
	if (!found) throw new Error(`no row ${id}`);
	return found;
}

/** Framework short name → the cell's text, for the marked cells of a row. */
function marks(table: Comparison, id: string): Record<string, string> {
	const entries = row(table, id).cells.flatMap((cell, i) =>
		cell ? [[table.columns[i]?.shortName ?? '?', cell.text] as const] : []
	);
	return Object.fromEntries(entries);
}

const text = (q: Question) =>
	[q.prompt, ...[q.answer].flat(), ...(q.choices ?? []), ...(q.items ?? [])].join(' ');

describe('the comparison table', () => {
	it('has a column per framework in the facts’ order, none for the policy overview', () => {
		expect(table.columns.map((c) => c.id)).toEqual(['alpha', 'beta', 'gamma', 'delta', 'epsilon']);
	});

	it('gives a concept shared by three frameworks one row with three marks', () => {
		expect(table.rows.filter((r) => r.label === 'maritime security')).toHaveLength(1);
		expect(marks(table, 'concept-maritime-security')).toEqual({
			GF: 'recent areas',
			DM: 'working groups',
			ES: 'priority areas'
		});
		expect(row(table, 'concept-maritime-security').shared).toBe(true);
		expect(row(table, 'concept-energy').shared).toBe(false);
	});

	it('marks a concept of an open list as open, and of a complete list not', () => {
		const [, , gamma, delta] = row(table, 'concept-maritime-security').cells;
		expect(gamma?.open).toBe(true);
		expect(delta?.open).toBeUndefined();
	});

	it('puts confusable concepts on adjacent rows, each with a note naming the others', () => {
		const ids = table.rows.map((r) => r.id);
		const at = ids.indexOf('concept-disaster-relief');
		expect(ids.slice(at, at + 3)).toEqual([
			'concept-disaster-relief',
			'concept-disaster-reduction',
			'concept-hadr'
		]);
		expect(row(table, 'concept-disaster-relief').note).toBe(
			'Not the same as disaster reduction, humanitarian assistance and disaster relief.'
		);
		expect(row(table, 'concept-hadr').note).toContain('Includes disaster relief.');
	});

	it('has rows for who meets, the members of a trilateral, and the 2014 meeting', () => {
		expect(marks(table, 'who')).toEqual({
			'Japan-U.S.-Alpha': 'leaders and foreign ministers',
			DM: 'defense ministers',
			ES: 'leaders'
		});
		expect(marks(table, 'members')['Japan-U.S.-Beta']).toBe('Japan, the United States and Beta');
		expect(marks(table, 'meeting-ordinal')).toEqual({ 'Japan-U.S.-Alpha': '3rd', GF: '21st' });
		expect(marks(table, 'meeting-date')).toEqual({
			'Japan-U.S.-Alpha': 'March 25, 2014',
			'Japan-U.S.-Beta': 'November 16, 2014',
			GF: 'August 2014'
		});
		expect(marks(table, 'meeting-place')).toEqual({
			'Japan-U.S.-Alpha': 'Lisbon',
			'Japan-U.S.-Beta': 'Oslo'
		});
	});

	it('links each concept cell to questions on that list that name the concept', () => {
		const delta = row(table, 'concept-maritime-security').cells[3];
		expect(delta?.questions.length).toBeGreaterThan(0);
		for (const id of delta?.questions ?? []) {
			const question = byId.get(id)!;
			const quotes = [question.source, ...(question.alsoSources ?? [])].map((s) => s.quote);
			expect(
				question.fact === 'delta.groups-list' ||
					quotes.includes(sample.frameworks[4]!.lists![0]!.quote)
			).toBe(true);
			expect(text(question).toLowerCase()).toContain('maritime security');
		}
		// A question on the same list that names only another item is not behind this cell.
		const energyOnly = bank.questions.find(
			(q) => q.fact === 'delta.groups-list' && !text(q).toLowerCase().includes('maritime security')
		);
		expect(energyOnly).toBeDefined();
		expect(delta?.questions).not.toContain(energyOnly?.id);
	});

	it('links a date cell to the questions on that meeting that name the date', () => {
		const [alpha] = row(table, 'meeting-date').cells;
		expect(alpha?.questions.length).toBeGreaterThan(0);
		for (const id of alpha?.questions ?? [])
			expect(text(byId.get(id)!)).toContain('March 25, 2014');
	});
});
