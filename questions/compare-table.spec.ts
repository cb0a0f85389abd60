import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { parse } from 'svelte/compiler';
import { describe, expect, it } from 'vitest';
import type { Bank } from '../src/lib/domain/bank/bank';
import type { Comparison } from '../src/lib/domain/bank/compare';
import { readFacts } from './build-bank';
import { COMPARE_TABLE, compareTableSource, comparisonOf, markup } from './compare-table';

interface Node {
	type: string;
	[key: string]: unknown;
}

/** Every node of a Svelte AST of `type`, depth first. */
function nodesOf(tree: unknown, type: string): Node[] {
	if (Array.isArray(tree)) return tree.flatMap((child) => nodesOf(child, type));
	if (tree === null || typeof tree !== 'object') return [];
	const node = tree as Node;
	const found = node.type === type ? [node] : [];
	return [...found, ...Object.values(node).flatMap((child) => nodesOf(child, type))];
}

const ast = (source: string) => parse(source, { modern: true });

/** Any character, often one that means something in Svelte markup. */
const markupish = fc.oneof(
	fc.constantFrom('{', '}', '<', '>', '&', '"', "'", '#', ';', '/', '@', ':', ' ', '\n'),
	fc.string({ unit: 'grapheme', minLength: 1, maxLength: 1 })
);

describe('/compare table component', () => {
	it('is what the facts generate (run `npm run questions` when this fails)', () => {
		const bank = JSON.parse(readFileSync('questions/bank.json', 'utf8')) as Bank;
		expect(readFileSync(COMPARE_TABLE, 'utf8')).toBe(
			compareTableSource(comparisonOf(readFacts('questions/facts'), bank))
		);
	});

	it('reads any text back as written, in an element and in an attribute', () => {
		fc.assert(
			fc.property(fc.string({ unit: markupish }), (text) => {
				const source = `<p title="${markup(text)}">${markup(text)}</p>`;
				const [p] = nodesOf(ast(source).fragment, 'RegularElement');
				const [title] = (p!.attributes as Node[]) ?? [];
				const data = (nodes: unknown) => (nodes as Node[]).map((n) => n.data ?? '').join('');
				expect(nodesOf(p, 'ExpressionTag')).toEqual([]);
				expect(data(title!.value)).toBe(text);
				expect(data((p!.fragment as Node).nodes)).toBe(text);
			})
		);
	});

	it('writes facts that look like markup as text: no tag, expression or block of theirs', () => {
		const hostile = (what: string) => `${what} {alert(1)} <script>x</script> &amp; "}{#if`;
		const comparison: Comparison = {
			columns: [{ id: 'x', shortName: hostile('short'), name: hostile('name') }],
			rows: [
				{
					id: 'concept-x',
					section: 'concepts',
					label: hostile('label'),
					note: hostile('note'),
					shared: false,
					cells: [{ text: hostile('text'), open: true, questions: [hostile('id')] }]
				}
			]
		};
		const tree = ast(compareTableSource(comparison));
		// The only expressions are the component's own: the quiz link's address and the filter.
		const expressions = nodesOf(tree.fragment, 'ExpressionTag').map((tag) => tag.expression);
		expect(expressions).toEqual([expect.objectContaining({ type: 'Identifier', name: 'quiz' })]);
		expect(nodesOf(tree.fragment, 'IfBlock')).toHaveLength(1);
		expect(nodesOf(tree.fragment, 'RegularElement').map((el) => el.name)).not.toContain('script');
		const texts = nodesOf(tree.fragment, 'Text').map((text) => text.data);
		for (const what of ['short', 'name', 'label', 'note', 'text']) {
			expect(texts.some((text) => String(text).includes(hostile(what)))).toBe(true);
		}
	});

	it('spells out a short name in a tooltip, and writes a name the same either way once', () => {
		const comparison: Comparison = {
			columns: [
				{ id: 'eas', shortName: 'EAS', name: 'East Asia Summit' },
				{ id: 'm', shortName: 'Meeting of seven', name: 'Meeting of seven' }
			],
			rows: []
		};
		const headers = nodesOf(ast(compareTableSource(comparison)).fragment, 'RegularElement')
			.filter((el) => el.name === 'th')
			.map((th) => nodesOf(th.fragment, 'RegularElement').map((el) => el.name));
		expect(headers).toEqual([['abbr'], []]);
	});
});
