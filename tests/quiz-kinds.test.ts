// The examiner kinds in a quiz: ordering and who-meets matchings, which-framework odd ones out
// and "both / only one" comparisons, answered by mouse and by keyboard, and laid out at 320 px.
import { readFileSync } from 'node:fs';
import { expect, test, type Locator } from './support/clock';
import { questionRegion as region, questionTotal } from './support/app-pages';
import type { Bank, Question } from '../src/lib/domain/bank/bank';

const bank = JSON.parse(readFileSync('questions/bank.json', 'utf8')) as Bank;

/** The bank's question shown in `area`, found by its prompt (the legend or the typed prompt). */
async function shown(area: Locator): Promise<Question> {
	const prompt = ((await area.locator('legend, .prompt').first().textContent()) ?? '').trim();
	const found = bank.questions.find((q) => q.prompt === prompt);
	if (!found) throw new Error(`no question with prompt “${prompt}”`);
	return found;
}

const answers = (q: Question) => (typeof q.answer === 'string' ? [q.answer] : q.answer);

test('which-framework questions (odd one out, who meets) answered right with the mouse', async ({
	page
}) => {
	await page.goto('/quiz?framework=admm-plus&kind=which-framework&n=all');
	// As many as can be asked together: two odd ones out quote the same passages.
	const count = await questionTotal(page);
	expect(count).toBeGreaterThanOrEqual(2);
	const forms = new Set<string>();
	for (let i = 1; i <= count; i += 1) {
		const area = region(page);
		await expect(area).toHaveAccessibleName(`Question ${i} of ${count}`);
		const q = await shown(area);
		forms.add(q.id.split('.').at(-1) ?? '');
		for (const answer of answers(q)) await area.getByText(answer, { exact: true }).click();
		await area.getByRole('button', { name: 'Check' }).click();
		await expect(area.getByRole('status')).toContainText('Right!');
		await expect(area.getByRole('status')).toContainText(`“${q.source.quote}”`);
		await area.getByRole('button', { name: 'Next' }).click();
	}
	expect(forms).toContain('odd-framework-out');
	await expect(page.getByRole('heading', { name: `Score: ${count} / ${count}` })).toBeVisible();
});

test('the 2014 meetings put in order with the keyboard alone, graded per meeting', async ({
	page
}) => {
	await page.goto('/quiz?framework=arf&kind=matching&n=all');
	const area = region(page);
	const q = await shown(area);
	expect(q.id).toMatch(/\.order$/);
	const selects = await area.getByRole('combobox').all();
	expect(selects).toHaveLength(q.items?.length ?? 0);
	await expect(area.getByText('Use each answer once.')).toBeVisible();
	// Right for every meeting but the last two, whose positions are swapped (both wrong): each
	// position goes to one meeting, so the arrow keys pass over those already given.
	const wanted = answers(q).slice();
	const n = wanted.length;
	[wanted[n - 2], wanted[n - 1]] = [wanted[n - 1]!, wanted[n - 2]!];
	for (const [i, select] of selects.entries()) {
		await select.focus();
		for (let k = 0; k < n && (await select.inputValue()) !== wanted[i]; k += 1) {
			await page.keyboard.press('ArrowDown');
		}
		await expect(select).toHaveValue(wanted[i]!);
	}
	await page.keyboard.press('Enter');
	await expect(area.getByRole('status')).toContainText('Not quite.');
	await expect(area.getByText('right', { exact: true })).toHaveCount(n - 2);
	await expect(area.getByText('wrong', { exact: true })).toHaveCount(2);
	await page.keyboard.press('Enter');
	await expect(page.getByRole('heading', { name: 'Score: 0 / 1' })).toBeVisible();
	await expect(page.getByRole('listitem').filter({ hasText: 'Answer:' })).toHaveCount(1);
});

test('at 320 px the matchings and comparisons fit without sideways scrolling', async ({ page }) => {
	await page.setViewportSize({ width: 320, height: 640 });
	for (const url of [
		'/quiz?kind=matching&n=all',
		'/quiz?framework=japan-us-india&kind=single&n=all'
	]) {
		await page.goto(url);
		const total = await questionTotal(page);
		for (let i = 1; i <= total; i += 1) {
			const area = region(page);
			await expect(area).toHaveAccessibleName(`Question ${i} of ${total}`);
			const width = await page.evaluate(() => ({
				scroll: document.documentElement.scrollWidth,
				client: document.documentElement.clientWidth
			}));
			expect(width.scroll, `${url} question ${i}`).toBeLessThanOrEqual(width.client);
			const q = await shown(area);
			if (q.kind === 'matching') {
				for (const [k, select] of (await area.getByRole('combobox').all()).entries()) {
					await select.selectOption(answers(q)[k]!);
				}
			} else await area.getByText(answers(q)[0]!, { exact: true }).click();
			await area.getByRole('button', { name: 'Check' }).click();
			await expect(area.getByRole('status')).toContainText('Right!');
			await area.getByRole('button', { name: 'Next' }).click();
		}
		await expect(page.getByRole('heading', { name: `Score: ${total} / ${total}` })).toBeVisible();
	}
});
