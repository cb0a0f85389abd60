// The comparison table: a table on a wide screen, stacked rows at 320 px, a study sheet of one or
// two A4 pages in print, the "Shared only" filter, and a cell's "Quiz these".
import { readFileSync } from 'node:fs';
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Locator, type Page } from './support/clock';
import type { Bank, Question } from '../src/lib/domain/bank/bank';

const bank = JSON.parse(readFileSync('questions/bank.json', 'utf8')) as Bank;
const table = (page: Page) => page.getByRole('table', { name: 'The frameworks side by side' });
const conceptRows = (page: Page) => table(page).locator('tr[id^="concept-"]');
const answers = (q: Question) => (typeof q.answer === 'string' ? [q.answer] : q.answer);

/** The framework columns, by their header text. */
async function columnNames(page: Page): Promise<string[]> {
	return (await table(page).getByRole('columnheader').allTextContents()).map((t) => t.trim());
}

/** Answers the question shown in `area` right, whatever its kind. */
async function answerRight(area: Locator, q: Question) {
	if (q.kind === 'cloze') await area.getByRole('textbox').fill(answers(q)[0]!);
	else if (q.kind === 'matching') {
		for (const [i, select] of (await area.getByRole('combobox').all()).entries()) {
			await select.selectOption(answers(q)[i]!);
		}
	} else for (const answer of answers(q)) await area.getByText(answer, { exact: true }).click();
}

test('the table has a column per framework and one row per shared concept', async ({ page }) => {
	await page.goto('/compare');
	expect(await columnNames(page)).toEqual(
		bank.frameworks.filter((f) => f.kind !== 'policy').map((f) => f.shortName)
	);
	const maritime = table(page).getByRole('row', { name: /^maritime security/ });
	await expect(maritime).toHaveCount(1);
	// Marked for the four frameworks the source names it for, empty for the other three.
	await expect(maritime.locator('td:not(.empty)')).toHaveCount(4);
	await expect(maritime.locator('td.empty')).toHaveCount(3);
	// The confusable concepts sit together, each with its note.
	const ids = await conceptRows(page).evaluateAll((rows) => rows.map((row) => row.id));
	const at = ids.indexOf('concept-disaster-relief');
	expect(ids.slice(at, at + 3).sort()).toEqual([
		'concept-disaster-reduction',
		'concept-disaster-relief',
		'concept-humanitarian-assistance-and-disaster-relief'
	]);
	await expect(table(page).locator('#concept-disaster-relief')).toContainText('Not the same as');
});

test('"Shared only" keeps the concepts two or more frameworks share', async ({ page }) => {
	await page.goto('/compare');
	const all = await conceptRows(page).count();
	await page.getByRole('checkbox', { name: 'Shared only' }).check();
	const shared = await conceptRows(page).count();
	expect(shared).toBeGreaterThan(0);
	expect(shared).toBeLessThan(all);
	await expect(page.getByRole('status').filter({ hasText: 'topics' })).toHaveText(
		`${shared} topics shared by two or more frameworks`
	);
	for (const row of await conceptRows(page).all()) {
		expect(await row.locator('td:not(.empty)').count()).toBeGreaterThanOrEqual(2);
	}
	await expect(table(page).locator('#concept-energy')).toHaveCount(0);
	await expect(table(page).locator('#concept-maritime-security')).toHaveCount(1);
	// The rows that compare every framework stay.
	await expect(table(page).getByRole('row', { name: /^Who meets/ })).toHaveCount(1);
	await page.getByRole('checkbox', { name: 'Shared only' }).uncheck();
	await expect(conceptRows(page)).toHaveCount(all);
});

test("a cell's Quiz these starts a quiz of exactly the questions behind it", async ({ page }) => {
	await page.goto('/compare');
	const column = (await columnNames(page)).indexOf('ADMM-Plus');
	const cell = table(page).locator('#concept-maritime-security td').nth(column);
	const link = cell.getByRole('link', { name: /^Quiz these/ });
	const ids = new URL((await link.getAttribute('href'))!, page.url()).searchParams
		.get('ids')!
		.split(',');
	expect(ids.length).toBeGreaterThan(0);
	await link.click();
	// The link names only questions a quiz can ask together, so the quiz asks each of them.
	await expect(page.getByText(/not the \d+ asked for/)).toHaveCount(0);

	const asked: string[] = [];
	for (let i = 1; i <= ids.length; i += 1) {
		const area = page.getByRole('region', { name: `Question ${i} of ${ids.length}` });
		const prompt = ((await area.locator('legend, .prompt').first().textContent()) ?? '').trim();
		const candidates = bank.questions.filter((q) => q.prompt === prompt && ids.includes(q.id));
		expect(candidates.length, `“${prompt}” is one of the cell's questions`).toBeGreaterThan(0);
		const q = candidates.find((c) => !asked.includes(c.id)) ?? candidates[0]!;
		asked.push(q.id);
		await answerRight(area, q);
		await area.getByRole('button', { name: 'Check' }).click();
		await expect(area.getByRole('status')).toContainText('Right!');
		await area.getByRole('button', { name: 'Next' }).click();
	}
	await expect(
		page.getByRole('heading', { name: `Score: ${ids.length} / ${ids.length}` })
	).toBeVisible();
	expect(asked.sort()).toEqual([...ids].sort());
	// Each question behind the cell is about maritime security.
	for (const id of ids) {
		const q = bank.questions.find((question) => question.id === id)!;
		expect(JSON.stringify([q.prompt, q.answer, q.choices, q.items])).toMatch(/maritime security/i);
	}
});

test.describe('at 320 px', () => {
	test.use({ viewport: { width: 320, height: 640 }, hasTouch: true, isMobile: true });

	test('the rows stack, naming each framework, and the page does not scroll sideways', async ({
		page
	}) => {
		await page.goto('/compare');
		const maritime = table(page).locator('#concept-maritime-security');
		await expect(maritime.locator('.framework:visible')).toHaveText([
			'Japan-U.S.-India',
			'ARF',
			'ADMM-Plus',
			'Meeting of seven major developed countries'
		]);
		const { scrollWidth, clientWidth } = await page.evaluate(() => ({
			scrollWidth: document.scrollingElement!.scrollWidth,
			clientWidth: document.scrollingElement!.clientWidth
		}));
		expect(scrollWidth).toBeLessThanOrEqual(clientWidth);
		// The stacked layout keeps the table's roles, so a screen reader still reads a table.
		await expect(table(page)).toBeVisible();
		for (const scheme of ['light', 'dark'] as const) {
			await page.emulateMedia({ colorScheme: scheme });
			const results = await new AxeBuilder({ page }).analyze();
			expect(results.violations.map((v) => `${scheme}: ${v.id}: ${v.help}`)).toEqual([]);
		}
	});
});

test('printed, it is the table alone on one or two A4 pages', async ({ page }) => {
	await page.goto('/compare');
	await page.emulateMedia({ media: 'print' });
	await expect(page.getByRole('navigation', { name: 'Main' })).toBeHidden();
	await expect(page.getByRole('checkbox', { name: 'Shared only' })).toBeHidden();
	await expect(
		table(page)
			.getByRole('link', { name: /^Quiz these/ })
			.first()
	).toBeHidden();
	expect(await table(page).evaluate((t) => getComputedStyle(t).display)).toBe('table');
	// The table's colours are the light theme's, even when the screen was dark.
	await page.emulateMedia({ media: 'print', colorScheme: 'dark' });
	expect(await page.evaluate(() => getComputedStyle(document.body).color)).toBe('rgb(0, 0, 0)');
	const pdf = (await page.pdf({ preferCSSPageSize: true, printBackground: false })).toString(
		'latin1'
	);
	const pages = pdf.match(/\/Type\s*\/Page(?!s)/g)?.length ?? 0;
	console.log(`/compare prints on ${pages} A4 page(s)`);
	expect(pages).toBeGreaterThanOrEqual(1);
	expect(pages).toBeLessThanOrEqual(2);
});
