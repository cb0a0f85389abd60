/**
 * /compare's table as a Svelte component of plain markup, written by `npm run questions` to
 * src/lib/generated/CompareTable.svelte. Bound from data, the 29 × 7 table made several effects
 * per cell for Svelte to create when the page hydrated: the page's longest task on a phone. Written
 * out, it hydrates with no work per cell. The one thing that changes on the page, the "Shared
 * only" filter, is an `{#if}` around each topic row that fewer than two frameworks name.
 */
import {
	type Comparison,
	type CompareCell,
	type CompareRow,
	SECTION_TITLES,
	buildComparison
} from '../src/lib/domain/bank/compare';
import type { Facts } from '../src/lib/domain/bank/facts';
import type { Bank } from '../src/lib/domain/bank/bank';
import { quizQueryFor } from '../src/lib/domain/quiz/quiz-config';
import { askableTogether, quizKindOf } from '../src/lib/domain/quiz/quiz-sample';
import { writeAtomically } from './build-bank';

export const COMPARE_TABLE = 'src/lib/generated/CompareTable.svelte';

/**
 * Text as Svelte reads it back, in an element or a double-quoted attribute: no tag, no entity,
 * no `{expression}`.
 */
export function markup(text: string): string {
	return text.replace(/[&<>"{}]/g, (char) => `&#${char.charCodeAt(0)};`);
}

/** The comparison of the facts, each cell listing the quiz questions behind it. */
export function comparisonOf(facts: Facts, bank: Bank): Comparison {
	// A cell links to a quiz, so it lists quiz questions only (flashcards are reviewed, not quizzed),
	// and of those the ones a quiz can ask together: the quiz then asks every one the link names.
	const comparison = buildComparison(
		facts,
		bank.questions.filter((question) => quizKindOf(question) !== null)
	);
	for (const row of comparison.rows) {
		for (const cell of row.cells) if (cell) cell.questions = askableTogether(bank, cell.questions);
	}
	return comparison;
}

// Explicit roles: shown as blocks on a phone, a table loses its implicit roles in some browsers.
const REDUNDANT_ROLE = '<!-- svelte-ignore a11y_no_redundant_roles -->';

function cellMarkup(
	row: CompareRow,
	column: Comparison['columns'][number],
	cell: CompareCell | null
) {
	if (!cell)
		return '<td class="empty" role="cell"><span class="visually-hidden">Not named</span></td>';
	const count = cell.questions.length;
	return [
		'<td role="cell">',
		`<span class="framework" aria-hidden="true">${markup(column.shortName)}</span>`,
		` <span class="text">${markup(cell.text)}</span>`,
		cell.open ? ' <span class="open">open list</span>' : '',
		count > 0
			? ` <a class="quiz" href="{quiz}${markup(quizQueryFor(cell.questions))}">Quiz these<span class="visually-hidden">: ${count} ${count === 1 ? 'question' : 'questions'} on ${markup(row.label)}, ${markup(column.shortName)}</span></a>`
			: '',
		'</td>'
	].join('');
}

function rowMarkup(row: CompareRow, columns: Comparison['columns']): string {
	const note = row.note ? ` <span class="note">${markup(row.note)}</span>` : '';
	const cells = row.cells.map((c, i) => `\t\t\t${cellMarkup(row, columns[i]!, c)}`).join('\n');
	const tr = [
		`\t\t${REDUNDANT_ROLE}`,
		`\t\t<tr id="${markup(row.id)}"${row.note ? ' class="confusable"' : ''} role="row">`,
		`\t\t\t<th scope="row" role="rowheader">${markup(row.label)}${note}</th>`,
		cells,
		'\t\t</tr>'
	].join('\n');
	// The filter thins the topic rows only: the other rows compare every framework.
	return row.section === 'concepts' && !row.shared ? `\t\t{#if !sharedOnly}\n${tr}\n\t\t{/if}` : tr;
}

/** The component's source. */
export function compareTableSource({ columns, rows }: Comparison): string {
	const topics = rows.filter((row) => row.section === 'concepts');
	const sections = Object.entries(SECTION_TITLES)
		.map(([section, title]) => ({
			section,
			title,
			rows: rows.filter((row) => row.section === section)
		}))
		.filter((group) => group.rows.length > 0);
	// A short name spelt out in a tooltip; a name the same either way needs none.
	const heading = ({ name, shortName }: Comparison['columns'][number]) =>
		name === shortName ? markup(name) : `<abbr title="${markup(name)}">${markup(shortName)}</abbr>`;
	const headers = columns
		.map((column) => `\t\t\t<th scope="col" role="columnheader">${heading(column)}</th>`)
		.join('\n');
	const bodies = sections
		.map((group) =>
			[
				`\t${REDUNDANT_ROLE}`,
				'\t<tbody role="rowgroup">',
				`\t\t${REDUNDANT_ROLE}`,
				// Its id is the target of the page's jump link to the section.
				`\t\t<tr class="section" id="section-${group.section}" role="row">`,
				`\t\t\t<th scope="rowgroup" role="rowheader" colspan="${columns.length + 1}">${markup(group.title)}</th>`,
				'\t\t</tr>',
				...group.rows.map((row) => rowMarkup(row, columns)),
				'\t</tbody>'
			].join('\n')
		)
		.join('\n');
	return `<!-- Written by \`npm run questions\` (questions/compare-table.ts) from the facts: do not edit. -->
<script module lang="ts">
	/** Topic rows: all of them, and those two or more frameworks share. */
	export const TOPICS: number = ${topics.length};
	export const SHARED_TOPICS: number = ${topics.filter((row) => row.shared).length};
</script>

<script lang="ts">
	import { resolve } from '$app/paths';

	let { sharedOnly }: { sharedOnly: boolean } = $props();
	const quiz = resolve('/quiz');
</script>

${REDUNDANT_ROLE}
<table role="table">
	<caption>The frameworks side by side</caption>
	${REDUNDANT_ROLE}
	<thead role="rowgroup">
		${REDUNDANT_ROLE}
		<tr role="row">
			<td role="cell"></td>
${headers}
		</tr>
	</thead>
${bodies}
</table>
`;
}

/** Writes the component for the app's bank, whole or not at all. */
export function writeCompareTable(facts: Facts, bank: Bank, path = COMPARE_TABLE): void {
	writeAtomically(path, compareTableSource(comparisonOf(facts, bank)));
}
