// A quiz that bends: skip, "I don't know", "I was right", quit, resume a quiz left mid-way, the
// last set-up remembered, the summary with the learner's own answers, and the keys that do it.
import { readFileSync } from 'node:fs';
import { expect, type Locator, type Page, START, test } from './support/clock';
import type { Bank, Question } from '../src/lib/domain/bank/bank';
import { openFromMenu, questionRegion as region, questionTotal } from './support/app-pages';
import { seedProgress } from './support/progress-seed';
import { keptQuiz, storedRecords } from './support/stored';

const bank = JSON.parse(readFileSync('questions/bank.json', 'utf8')) as Bank;
const feedback = (page: Page) => region(page).getByRole('status');

/** The bank's question shown in `area`, found by its prompt (the legend or the typed prompt). */
async function shown(area: Locator): Promise<Question> {
	const prompt = ((await area.locator('legend, .prompt').first().textContent()) ?? '').trim();
	const found = bank.questions.find((q) => q.prompt === prompt);
	if (!found) throw new Error(`no question with prompt “${prompt}”`);
	return found;
}

test.beforeEach(async ({ page }) => {
	// A fixed clock: the quiz's times, and the flashcard a quiz answer grades, are the same each run.
	const midday = new Date(START);
	midday.setHours(12, 0, 0, 0);
	await page.clock.setFixedTime(midday);
});

test('typing goes straight into a typed question, and S, D, R and Enter work the quiz', async ({
	page
}) => {
	await page.goto('/quiz?framework=g7&n=3&kind=cloze');
	await expect(region(page)).toHaveAccessibleName('Question 1 of 3');
	// No click first: the answer field has the focus.
	await expect(region(page).getByLabel('Your answer')).toBeFocused();
	await page.keyboard.type('zzzz');
	await expect(region(page).getByLabel('Your answer')).toHaveValue('zzzz');
	await page.keyboard.press('Enter');
	await expect(feedback(page)).toContainText('Not quite.');
	await expect(feedback(page)).toContainText('You wrote: “zzzz”.');
	// R: "I was right" (the focus is on Next, a button: its own key is only Enter).
	await page.keyboard.press('r');
	await expect(feedback(page)).toContainText('Counted as right.');
	await expect(region(page).getByRole('button', { name: 'I was right' })).toHaveCount(0);
	await expect(region(page).getByRole('button', { name: 'Next' })).toBeFocused();
	await page.keyboard.press('Enter');

	// The next typed question has the focus in its field too; S and D are letters there.
	await expect(region(page)).toHaveAccessibleName('Question 2 of 3');
	await expect(region(page).getByLabel('Your answer')).toBeFocused();
	await page.keyboard.type('sd');
	await expect(region(page).getByLabel('Your answer')).toHaveValue('sd');
	await expect(feedback(page)).toHaveCount(0);
	// Out of the field, S skips.
	await region(page).getByLabel('Your answer').fill('');
	await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
	await page.keyboard.press('s');
	await expect(region(page)).toHaveAccessibleName('Question 3 of 3');
	await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
	await page.keyboard.press('d');
	await expect(feedback(page)).toContainText('Here is the answer.');
	await page.keyboard.press('Enter');

	await expect(page.getByRole('heading', { name: 'Score: 1 / 2' })).toBeFocused();
	await expect(page.getByRole('heading', { name: 'Skipped questions' })).toBeVisible();
	const missed = page.getByRole('listitem').filter({ hasText: 'Your answer:' });
	await expect(missed).toHaveCount(1);
	await expect(missed).toContainText('Your answer: I don’t know');
	// The answer marked "I was right" is stored as such.
	const answers = (await storedRecords(page, 'quiz')) as { overridden?: true; correct: boolean }[];
	expect(answers.map((a) => [a.correct, a.overridden ?? false]).sort()).toEqual([
		[false, false],
		[true, true]
	]);
});

test('the summary puts each wrong answer beside the right one, and Quit ends with what was answered', async ({
	page
}) => {
	await page.goto('/quiz?n=5&kind=single,truefalse');
	const q = await shown(region(page));
	const wrong = (q.choices ?? []).find((choice) => choice !== q.answer) ?? '';
	await region(page).getByText(wrong, { exact: true }).click();
	await region(page).getByRole('button', { name: 'Check' }).click();
	await expect(feedback(page)).toContainText('Not quite.');
	await region(page).getByRole('button', { name: 'Next' }).click();
	await expect(region(page)).toHaveAccessibleName('Question 2 of 5');
	await region(page).getByRole('button', { name: 'Quit' }).click();

	await expect(page.getByRole('heading', { name: 'Score: 0 / 1' })).toBeFocused();
	await expect(page.getByText('You stopped with 4 questions not yet asked')).toBeVisible();
	const missed = page.getByRole('listitem').filter({ hasText: q.prompt });
	await expect(missed).toContainText(`Your answer: ${wrong}`);
	await expect(missed).toContainText(`Answer: ${q.answer as string}`);
	// A quiz quit is over: nothing to resume.
	await openFromMenu(page, 'Today');
	await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Quiz' }).click();
	await expect(page.getByRole('button', { name: 'Start quiz' })).toBeVisible();
	await expect(page.getByRole('heading', { name: 'A quiz in progress' })).toHaveCount(0);
});

test('a quiz left mid-way is offered again, through the menu or a reload, and resumes where it was', async ({
	page
}) => {
	await page.goto('/quiz?n=4&kind=single,truefalse');
	const prompts: string[] = [];
	for (let i = 1; i <= 2; i += 1) {
		await expect(region(page)).toHaveAccessibleName(`Question ${i} of 4`);
		prompts.push((await shown(region(page))).prompt);
		await page.keyboard.press('1');
		await page.keyboard.press('Enter');
		await expect(feedback(page)).toBeVisible();
		await page.keyboard.press('Enter');
	}
	await expect(region(page)).toHaveAccessibleName('Question 3 of 4');
	const third = (await shown(region(page))).prompt;

	await page
		.getByRole('navigation', { name: 'Main' })
		.getByRole('link', { name: 'Browse' })
		.click();
	await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Quiz' }).click();
	const offer = page.getByRole('region', { name: 'A quiz in progress' });
	await expect(offer).toContainText('You left a quiz at question 3 of 4.');
	await page.reload();
	await offer.getByRole('button', { name: 'Resume the quiz' }).click();
	await expect(region(page)).toHaveAccessibleName('Question 3 of 4');
	expect((await shown(region(page))).prompt).toBe(third);
	await page.keyboard.press('1');
	await page.keyboard.press('Enter');
	// Next acts once the answer is stored and its feedback shown.
	await expect(feedback(page)).toBeVisible();
	await page.keyboard.press('Enter');
	await region(page).getByRole('button', { name: 'Skip' }).click();
	// The summary has the answers given before the quiz was left.
	await expect(page.getByRole('heading', { name: /^Score: \d \/ 3$/ })).toBeVisible();
	await expect(page.getByRole('heading', { name: 'Skipped questions' })).toBeVisible();

	// Discard drops a quiz left mid-way.
	await page.goto('/quiz?framework=arf&n=2&kind=single');
	await expect(region(page)).toHaveAccessibleName('Question 1 of 2');
	// Kept at once; a page load before the write is done would cut it short.
	await expect.poll(() => keptQuiz(page)).not.toBeNull();
	await page.goto('/quiz');
	await offer.getByRole('button', { name: 'Discard it' }).click();
	await expect(offer).toHaveCount(0);
	await page.reload();
	await expect(page.getByRole('button', { name: 'Start quiz' })).toBeVisible();
	await expect(offer).toHaveCount(0);
	expect(prompts).toHaveLength(2);
});

test('a quiz link opened while a quiz is under way asks which to do', async ({ page }) => {
	await page.goto('/quiz?framework=arf&n=3&kind=single');
	await expect(region(page)).toHaveAccessibleName('Question 1 of 3');
	await expect.poll(() => keptQuiz(page)).not.toBeNull();
	await page.goto('/quiz?framework=g7&n=2&kind=cloze');
	const offer = page.getByRole('region', { name: 'A quiz in progress' });
	await expect(offer).toContainText('The link you opened starts a new quiz instead.');
	await expect(page.getByRole('button', { name: 'Start quiz' })).toHaveCount(0);
	await offer.getByRole('button', { name: 'Resume the quiz' }).click();
	await expect(region(page)).toHaveAccessibleName('Question 1 of 3');

	await page.goto('/quiz?framework=g7&n=2&kind=cloze');
	await offer.getByRole('button', { name: 'Start the linked quiz' }).click();
	await expect(region(page)).toHaveAccessibleName('Question 1 of 2');
	await expect(region(page).getByLabel('Your answer')).toBeFocused();
});

test('"New quiz" and the next visit offer the frameworks and length chosen last', async ({
	page
}) => {
	// Six frameworks, of which more than 20 questions can always be asked together.
	const six = [
		'East Asia Summit',
		'ASEAN Regional Forum',
		'ASEAN Defense Ministerial Meeting-Plus',
		'Japan, the United States and the ROK',
		'Japan, the United States and Australia',
		'Japan, the United States and India'
	];
	await page.goto('/quiz');
	for (const name of six) await page.getByRole('checkbox', { name }).check();
	await page.getByLabel('20', { exact: true }).check();
	await page.getByLabel('Matching').uncheck();
	await page.getByRole('button', { name: 'Start quiz' }).click();
	await expect(region(page)).toHaveAccessibleName('Question 1 of 20');
	await region(page).getByRole('button', { name: 'Quit' }).click();
	await page.getByRole('button', { name: 'New quiz' }).click();

	const expectChosen = async () => {
		for (const name of six) await expect(page.getByRole('checkbox', { name })).toBeChecked();
		await expect(
			page.getByRole('checkbox', { name: 'Meeting of seven major developed countries' })
		).not.toBeChecked();
		await expect(page.getByLabel('20', { exact: true })).toBeChecked();
		await expect(page.getByLabel('Matching')).not.toBeChecked();
	};
	await expectChosen();
	await page.reload();
	await expectChosen();
});

test('"I was right" re-grades the flashcard when quiz answers count toward the schedule', async ({
	page
}) => {
	await seedProgress(page, { settings: { quizCountsTowardSchedule: true } });
	await page.goto('/quiz?framework=g7&n=2&kind=cloze');
	await expect(region(page).getByLabel('Your answer')).toBeFocused();
	await page.keyboard.type('zzzz');
	await page.keyboard.press('Enter');
	await expect(feedback(page)).toContainText('Not quite.');
	await expect.poll(async () => (await storedRecords(page, 'log')).length).toBe(1);
	expect(await storedRecords(page, 'log')).toMatchObject([{ rating: 'again' }]);
	await region(page).getByRole('button', { name: 'I was right' }).click();
	await expect(feedback(page)).toContainText('Counted as right.');
	await expect
		.poll(async () =>
			((await storedRecords(page, 'log')) as { rating: string }[]).map((l) => l.rating)
		)
		.toEqual(['good']);
	expect(await storedRecords(page, 'quiz')).toMatchObject([
		{ given: 'zzzz', correct: true, overridden: true }
	]);
	// Today counts one review of that card, not two.
	await page.keyboard.press('Enter');
	await openFromMenu(page, 'Today');
	await expect(page.locator('dt', { hasText: 'Reviewed today' }).locator('xpath=../dd')).toHaveText(
		'1'
	);
});

test('a multiple-select question says "Select all that apply." once', async ({ page }) => {
	await page.goto('/quiz?framework=eas,overview,admm-plus&kind=multi&n=all');
	const count = await questionTotal(page);
	expect(count).toBeGreaterThan(0);
	for (let i = 1; i <= count; i += 1) {
		await expect(region(page)).toHaveAccessibleName(`Question ${i} of ${count}`);
		await expect(region(page).getByText(/select all that apply/i)).toHaveCount(1);
		await region(page).getByRole('button', { name: 'Skip' }).click();
	}
});
