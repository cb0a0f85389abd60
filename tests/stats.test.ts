import { expect, newContext, type Page, test } from './support/clock';
import { questionTotal, reviewCards } from './support/app-pages';

/** uPlot's cursor class: present in the chart library's code, nowhere else in the app. */
const CHART_MARKER = 'u-cursor-pt';

/** Answers with the first option until one is wrong; returns the answer and the wrong pick. */
async function answerWrongOnce(page: Page): Promise<{ picked: string; answer: string }> {
	// At least six of these can always be asked together: a wrong first option is all but certain.
	await page.goto('/quiz?kind=single,which-framework&n=10');
	const total = await questionTotal(page);
	for (let i = 1; i <= total; i += 1) {
		const region = page.getByRole('region', { name: `Question ${i} of ${total}` });
		// Some which-framework questions have several answers (checkboxes).
		await region.getByRole('radio').or(region.getByRole('checkbox')).first().check();
		await region.getByRole('button', { name: 'Check' }).click();
		await expect(region.getByRole('button', { name: 'Next' })).toBeVisible();
		const wrong = region.locator('.choice.wrong .text');
		if (await wrong.count()) {
			const picked = (await wrong.textContent()) ?? '';
			const answer =
				(await region.getByText('Correct answer:').locator('strong').textContent()) ?? '';
			return { picked, answer };
		}
		await region.getByRole('button', { name: 'Next' }).click();
	}
	throw new Error('every first option was right: no wrong pick to look for');
}

/** Today's study day in the page's time zone, as the heatmap keys it (days start at 4 a.m.). */
function studyDay(page: Page): Promise<string> {
	return page.evaluate(() => {
		const d = new Date();
		if (d.getHours() < 4) d.setDate(d.getDate() - 1);
		const pad = (n: number) => String(n).padStart(2, '0');
		return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
	});
}

/** Script URLs the page requests while `load` runs, bodies fetched from the server. */
async function scriptBodies(
	page: Page,
	load: () => Promise<unknown>
): Promise<Map<string, string>> {
	const urls = new Set<string>();
	page.on('request', (request) => {
		if (request.resourceType() === 'script' || request.url().endsWith('.js'))
			urls.add(request.url());
	});
	await load();
	const bodies = new Map<string, string>();
	for (const url of urls) bodies.set(url, await (await page.request.get(url)).text());
	return bodies;
}

test('after reviews and a quiz, stats show today, retention, tables and a confused pair', async ({
	page
}) => {
	await reviewCards(page, 3);
	const pair = await answerWrongOnce(page);
	// In-app navigation, so the quiz answer's write is never cut short by a page unload.
	await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Stats' }).click();
	await expect(page.getByRole('heading', { name: 'Stats', level: 1 })).toBeVisible();

	const today = await studyDay(page);
	// 3 ratings in the review, plus the quiz's Again on a new card when the quiz counts toward it.
	const cell = page.locator(`.cell[data-day="${today}"]`);
	await expect(cell).toHaveAttribute('title', /: [34] reviews$/);
	const heatmap = page.getByRole('figure', { name: /Reviews per day over the last 12 weeks/ });
	await heatmap.getByText('Show as table').click();
	const lastWeek = heatmap.getByRole('table').getByRole('row').last();
	await expect(lastWeek.getByRole('cell', { name: /^[34]$/ })).toHaveCount(1);

	const forecast = page.getByRole('figure', { name: /Cards due per day over the next 30 days/ });
	await expect(forecast.locator('canvas').first()).toBeVisible();
	await forecast.getByText('Show as table').click();
	await expect(forecast.getByRole('table').getByRole('row')).toHaveCount(31);

	await expect(page.getByRole('heading', { name: 'True retention' })).toBeVisible();
	await expect(page.getByText('Last 7 days', { exact: true })).toBeVisible();
	await expect(page.getByText('Last 30 days', { exact: true })).toBeVisible();
	await expect(
		page
			.getByRole('region', { name: 'Quiz accuracy' })
			.getByRole('row', { name: /\d+ \/ \d+ \d+%$/ })
			.first()
	).toBeVisible();
	await expect(
		page.getByRole('region', { name: 'Cards by framework' }).getByRole('row').nth(1)
	).toHaveText(/\d+ \/ \d+/);
	await expect(
		page
			.getByRole('listitem')
			.filter({ hasText: `${pair.picked} picked instead of ${pair.answer}` })
	).toBeVisible();
});

test('an open stats page follows ratings and quiz answers made in another tab', async ({
	context
}) => {
	const stats = await context.newPage();
	const other = await context.newPage();
	await stats.goto('/stats');
	// A mark that a reload would wipe: the updates below must come without one.
	await stats.evaluate(() => Object.assign(window, { notReloaded: true }));
	const today = stats.locator(`.cell[data-day="${await studyDay(stats)}"]`);
	const heatmap = stats.getByRole('figure', { name: /Reviews per day over the last 12 weeks/ });
	await expect(today).toHaveAttribute('title', /: 0 reviews$/);
	await expect(heatmap).toContainText('(0 in all)');
	const quiz = stats.getByRole('region', { name: 'Quiz accuracy' });
	await expect(quiz.getByText(/^No quiz answered yet/)).toBeVisible();

	await reviewCards(other, 2);
	await expect(today).toHaveAttribute('title', /: 2 reviews$/);
	await expect(heatmap).toContainText('(2 in all)');

	await other.goto('/quiz?kind=truefalse&n=10');
	const question = other.getByRole('region', { name: /^Question 1 of \d+$/ });
	await question.getByText('True', { exact: true }).click();
	await question.getByRole('button', { name: 'Check' }).click();
	await expect(question.getByRole('status')).toBeVisible();
	await expect(quiz.getByRole('row', { name: /[01] \/ 1 \d+%$/ })).toHaveCount(1);
	// Nothing was lost or counted twice by reading again.
	await expect(today).toHaveAttribute('title', /: 2 reviews$/);
	expect(await stats.evaluate(() => 'notReloaded' in window)).toBe(true);
});

test('the chart library loads on /stats only, never with /review', async ({ page, browser }) => {
	const stats = await scriptBodies(page, async () => {
		await page.goto('/stats');
		// Charts draw once they are on screen.
		await page.getByRole('figure', { name: /Cards due per day/ }).scrollIntoViewIfNeeded();
		await expect(page.locator('figure canvas').first()).toBeVisible();
	});
	const chartChunks = [...stats].filter(([, body]) => body.includes(CHART_MARKER));
	expect(chartChunks.length).toBeGreaterThan(0);

	// A new context: no service worker or cache from the stats visit hides a request.
	const fresh = await (await newContext(browser)).newPage();
	const reviewScripts = await scriptBodies(fresh, async () => {
		await fresh.goto('/review');
		await expect(fresh.getByRole('button', { name: 'Show answer' })).toBeVisible();
	});
	expect(reviewScripts.size).toBeGreaterThan(0);
	for (const [url, body] of reviewScripts) {
		expect(body.includes(CHART_MARKER), url).toBe(false);
		expect(chartChunks.map(([chunk]) => chunk)).not.toContain(url);
	}
});

test('stats and browse pass axe checks, contrast included, in light and dark themes', async ({
	page
}) => {
	// axe's contrast check over the whole bank on /browse takes a while.
	test.setTimeout(90_000);
	const { default: AxeBuilder } = await import('@axe-core/playwright');
	await reviewCards(page, 2);
	for (const colorScheme of ['light', 'dark'] as const) {
		await page.emulateMedia({ colorScheme });
		for (const path of ['/stats', '/browse']) {
			await page.goto(path);
			await expect(page.locator('main h2').first()).toBeVisible();
			await page
				.locator('details summary')
				.evaluateAll((summaries) => summaries.forEach((s) => (s as HTMLElement).click()));
			const results = await new AxeBuilder({ page }).analyze();
			expect(
				results.violations.map((v) => `${v.id}: ${v.nodes.length}`),
				`${path} ${colorScheme}`
			).toEqual([]);
		}
	}
});
