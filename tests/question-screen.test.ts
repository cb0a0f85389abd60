// Every review card and every quiz item of the real bank, as the screen shows it before it is
// answered: its visible text, the framework header included, never holds its answer or a form
// of it the app accepts. The options of a choice question are the answer's rivals, so there only
// the words every option shares count; a matching item must not name its own partner.
import { readFileSync } from 'node:fs';
import { expect, type Locator, type Page, START, test } from './support/clock';
import type { Bank, Question } from '../src/lib/domain/bank';
import { reviewQuestionIds } from '../src/lib/domain/queue';
import { quizKindOf } from '../src/lib/domain/quiz-sample';
import { reviewQueryFor } from '../src/lib/domain/review-link';
import { mentions } from '../src/lib/domain/text';

const bank = JSON.parse(readFileSync('questions/bank.json', 'utf8')) as Bank;
const answers = (q: Question) => (typeof q.answer === 'string' ? [q.answer] : q.answer);
const forms = (q: Question) => [...answers(q), ...(q.accept ?? [])];
const byPrompt = new Map(bank.questions.map((q) => [q.prompt, q]));

/** The forms of `q`'s answer that `text` shows. */
function shownForms(q: Question, text: string): string[] {
	return forms(q).filter((form) => mentions(text, form));
}

/** The words (lower case) every one of `labels` has. */
function sharedWords(labels: string[]): string {
	const sets = labels.map((label) => new Set(label.toLowerCase().split(/\s+/).filter(Boolean)));
	const [first = new Set<string>(), ...rest] = sets;
	return [...first].filter((word) => rest.every((set) => set.has(word))).join(' ');
}

async function texts(locator: Locator): Promise<string[]> {
	return (await locator.allInnerTexts()).map((text) => text.trim());
}

async function midday(page: Page) {
	const noon = new Date(START);
	noon.setHours(12, 0, 0, 0);
	await page.clock.setFixedTime(noon);
}

test('no review card shows its answer before it is turned, header included', async ({ page }) => {
	test.setTimeout(240_000);
	await midday(page);
	const ids = reviewQuestionIds(bank.questions);
	await page.goto(`/review${reviewQueryFor(ids)}`);
	const card = page.locator('article.card');
	const seen: string[] = [];
	for (let i = 0; i < ids.length; i += 1) {
		await expect(page.getByRole('button', { name: 'Show answer' })).toBeVisible();
		const front = (await page.locator('#card-front').innerText()).trim();
		const q = byPrompt.get(front);
		expect(q, front).toBeDefined();
		if (!q) return;
		seen.push(q.id);
		// Everything the card shows before it is turned: its header and its front.
		const visible = await card.innerText();
		expect(shownForms(q, visible), `${q.id}: ${visible}`).toEqual([]);
		await page.getByRole('button', { name: 'Show answer' }).click();
		await page.getByRole('button', { name: 'Easy', exact: true }).click();
	}
	await expect(page.getByRole('heading', { name: 'Session complete' })).toBeVisible();
	expect(seen.sort()).toEqual([...ids].sort());
});

test('no quiz item shows its answer before it is checked, header and hints included', async ({
	page
}) => {
	test.setTimeout(240_000);
	await midday(page);
	const quizzed = bank.questions.filter((q) => quizKindOf(q) !== null);
	await page.goto('/quiz?n=all');
	const seen: string[] = [];
	for (let i = 1; i <= quizzed.length; i += 1) {
		const region = page.getByRole('region', { name: `Question ${i} of ${quizzed.length}` });
		await expect(region).toBeVisible();
		const prompt = (await region.locator('legend, .prompt').first().innerText()).trim();
		const q = byPrompt.get(prompt);
		expect(q, prompt).toBeDefined();
		if (!q) return;
		seen.push(q.id);
		const header = await texts(region.locator('.framework'));
		const hints = await texts(region.locator('.hint'));
		const choices = await texts(region.locator('.choice .text'));
		const items = await texts(region.locator('li > label'));
		const selects = await region.getByRole('combobox').all();
		if (q.kind === 'cloze') {
			// A typed answer: nothing on the screen may hold it, but for the quiz's position line
			// ("6 / 102"), which counts questions and says nothing of this one's answer.
			const visible = (await region.innerText()).replace(/^\d+ \/ \d+$/m, '');
			expect(shownForms(q, visible), `${q.id}: ${visible}`).toEqual([]);
			await region.getByLabel('Your answer').fill('x');
		} else if (q.kind === 'matching') {
			const around = [...header, prompt, ...hints].join('\n');
			expect(shownForms(q, around), `${q.id}: ${around}`).toEqual([]);
			items.forEach((item, k) => {
				expect(mentions(item, answers(q)[k] ?? ''), `${q.id}: ${item}`).toBe(false);
			});
			// Each answer once: an option taken by one item is not offered to another.
			for (const [k, select] of selects.entries()) {
				const options = (await select.locator('option').allInnerTexts()).slice(1);
				await select.selectOption(options[k]!);
			}
			const taken = await selects[0]!.inputValue();
			const disabled = await selects
				.at(-1)!
				.evaluate(
					(select: HTMLSelectElement, value) =>
						[...select.options].find((option) => option.value === value)?.disabled,
					taken
				);
			expect(disabled, `${q.id}: “${taken}” offered twice`).toBe(true);
		} else {
			const around = [...header, prompt, ...hints, sharedWords(choices)].join('\n');
			const picked = q.kind === 'truefalse' ? [] : shownForms(q, around);
			expect(picked, `${q.id}: ${around}`).toEqual([]);
			await region.locator('.choice').first().click();
		}
		await region.getByRole('button', { name: 'Check' }).click();
		await region.getByRole('button', { name: 'Next' }).click();
	}
	await expect(page.getByRole('heading', { name: /^Score: \d+ \/ \d+$/ })).toBeVisible();
	expect(seen.sort()).toEqual(quizzed.map((q) => q.id).sort());
});
