// The source reader: every sentence with the questions resting on it, one sentence's "Review
// these" session (saving only the ratings of cards due), and citations that lead to their sentence.
import { readFileSync } from 'node:fs';
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from './support/clock';
import type { Bank } from '../src/lib/domain/bank/bank';
import { reviewQuestionIds } from '../src/lib/domain/schedule/queue';
import { questionsBySentence } from '../src/lib/domain/bank/source-coverage';
import { parseSource } from '../src/lib/domain/bank/source-text';
import { DAY, ratedCard, seedProgress } from './support/progress-seed';
import { storedRecords } from './support/stored';

const bank = JSON.parse(readFileSync('questions/bank.json', 'utf8')) as Bank;
const source = parseSource(
	readFileSync('questions/source/japans-security-policy-2016.txt', 'utf8')
);
const bySentence = questionsBySentence(source, bank.questions);
const reviewIds = new Set(reviewQuestionIds(bank.questions));

const sentence = (page: Page, index: number) => page.locator(`[id="s-${index}"]`);
const countButton = (page: Page, index: number) =>
	sentence(page, index)
		.or(page.locator(`h2:has([id="s-${index}"])`))
		.getByRole('button', { name: /questions? on this sentence$/ });

/**
 * Opens a sentence's question list. The page is prerendered, so its buttons show before its script
 * has hydrated them, and a click in between does nothing: click until the list says it is open.
 */
async function open(page: Page, index: number) {
	const button = countButton(page, index);
	await expect(async () => {
		if ((await button.getAttribute('aria-expanded')) !== 'true') await button.click();
		await expect(button).toHaveAttribute('aria-expanded', 'true', { timeout: 1000 });
	}).toPass();
}

test('every sentence is shown with how many questions rest on it, none uncovered', async ({
	page
}) => {
	await page.goto('/source');
	await expect(page.getByText('Every sentence is covered by at least one question.')).toBeVisible();
	await expect(page.getByText('No question covers this sentence')).toHaveCount(0);
	for (const item of source.sentences) {
		await expect(sentence(page, item.index)).toContainText(item.text.slice(0, 40));
		const n = bySentence[item.index]?.length ?? 0;
		if (item.kind !== 'heading') expect(n, item.text).toBeGreaterThan(0);
		if (n > 0) {
			await expect(countButton(page, item.index)).toHaveAccessibleName(
				`${n} ${n === 1 ? 'question' : 'questions'} on this sentence`
			);
		}
	}
	// The headless last paragraph is named as the app's, not the source's.
	await expect(page.getByRole('heading', { name: /^Untitled last paragraph/ })).toBeVisible();
});

test("a sentence's questions, and its Review these session saving only due cards", async ({
	page
}) => {
	// A sentence with two or more review cards: the first is seeded as not due for ten days.
	const index = bySentence.findIndex(
		(ids, i) =>
			source.sentences[i]?.kind !== 'heading' && ids.filter((id) => reviewIds.has(id)).length >= 2
	);
	const cards = bySentence[index]!.filter((id) => reviewIds.has(id));
	const notDue = ratedCard(cards[0]!, 'review', 10 * DAY, 30);
	await seedProgress(page, { cards: [notDue] });

	await page.goto('/source');
	await open(page, index);
	const panel = page.locator(`#questions-${index}`);
	await expect(panel.getByRole('listitem')).toHaveCount(bySentence[index]!.length);
	const quizzable = bank.questions.filter(
		(q) => bySentence[index]!.includes(q.id) && q.kind !== 'recall'
	);
	await expect(panel.getByRole('link', { name: /^Quiz these/ })).toHaveCount(
		quizzable.length > 0 ? 1 : 0
	);
	await panel
		.getByRole('link', {
			name: `Review these ${cards.length} cards (ratings saved only for cards due)`
		})
		.click();

	await expect(page).toHaveURL(/\/review\?cards=/);
	await expect(page.getByText(`Reviewing ${cards.length} chosen cards.`)).toBeVisible();
	for (const [i, id] of cards.entries()) {
		const prompt = bank.questions.find((q) => q.id === id)!.prompt;
		await expect(page.locator('#card-front')).toContainText(prompt.replace(/_+/g, '').slice(0, 20));
		const practice = page.getByText('Practice: this card is not due, so your rating is not saved.');
		if (i === 0) await expect(practice).toBeVisible();
		else await expect(practice).toBeHidden();
		await page.getByRole('button', { name: 'Show answer' }).click();
		if (i === 0) {
			await expect(
				page.getByRole('button', { name: 'Good', exact: true })
			).toHaveAccessibleDescription('not saved');
		}
		await page.getByRole('button', { name: 'Good', exact: true }).click();
	}
	await expect(page.getByRole('heading', { name: 'Session complete' })).toBeVisible();
	await expect(page.getByText(`Reviewed: ${cards.length}`)).toBeVisible();

	// The card not due is as seeded; every other card was rated into the schedule.
	const stored = (await storedRecords(page, 'card')) as { id: string; due: number; reps: number }[];
	const byId = new Map(stored.map((card) => [card.id, card]));
	expect(byId.get(notDue.id)).toMatchObject({ due: notDue.due, reps: notDue.reps });
	for (const id of cards.slice(1)) expect(byId.get(id)?.reps).toBe(1);
});

test('a citation under an answer leads to its sentence in the source', async ({ page }) => {
	await page.goto('/review');
	await page.getByRole('button', { name: 'Show answer' }).click();
	const prompt = ((await page.locator('#card-front').textContent()) ?? '').trim();
	const question = bank.questions.find(
		(q) => reviewIds.has(q.id) && prompt.includes(q.prompt.replace(/_+/g, '').slice(0, 20))
	)!;
	const target = bySentence.findIndex((ids) => ids.includes(question.id));
	await page
		.getByRole('link', { name: new RegExp(`section “${question.source.section}”`) })
		.first()
		.click();

	await expect(page).toHaveURL(/\/source\?quote=/);
	await expect(sentence(page, target)).toBeFocused();
	await expect(sentence(page, target)).toBeInViewport();
	await expect(countButton(page, target)).toHaveAttribute('aria-expanded', 'true');
});

for (const scheme of ['light', 'dark'] as const) {
	test(`a sentence's open question list has no axe violations in ${scheme}`, async ({ page }) => {
		await page.emulateMedia({ colorScheme: scheme });
		await page.goto('/source');
		const index = bySentence.findIndex(
			(ids, i) => source.sentences[i]?.kind !== 'heading' && ids.length > 0
		);
		await open(page, index);
		await expect(page.locator(`#questions-${index}`).getByRole('listitem').first()).toBeVisible();
		const results = await new AxeBuilder({ page }).analyze();
		expect(results.violations.map((v) => `${v.id}: ${v.help}`)).toEqual([]);
	});
}
