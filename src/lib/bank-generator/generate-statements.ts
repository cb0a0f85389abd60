/**
 * Questions from single statements: every statement gives a recall card (its own question, the
 * key phrase as answer) and a cloze (the key as a gap), and one with a `which` question a recall
 * card naming the framework it describes; an acronym gives a recall card and a single choice among
 * decoy expansions; a framework's level gives a recall card (who meets, or which meetings it
 * holds) and, for two kinds of meeting, a cloze of the second. Acronym, level and `which` cards
 * ask what a framework is: they are identity questions, shown without the framework's name.
 */
import { type GenerationContext, frameworkLabel } from './generate-context';
import { alternatives, capitalize, plain, slugify } from '../domain/bank/text';

const KEY = /\[([^\]]+)\]/;

export function generateStatementQuestions(ctx: GenerationContext): void {
	for (const entry of ctx.statements) {
		const fact = entry.fact;
		const key = KEY.exec(fact.text)?.[1] ?? '';
		// The sentence itself says why; the quote under it shows the source's own words.
		const explanation = plain(fact.text);
		ctx.add(entry, 'recall', 'recall', {
			prompt: fact.question,
			answer: capitalize(key),
			explanation
		});
		ctx.add(entry, 'cloze', 'cloze', {
			prompt: fact.text.replace(KEY, '____'),
			answer: key,
			accept: [...(fact.accept ?? []), ...alternatives(key)],
			explanation
		});
		if (fact.which) {
			ctx.add(entry, 'which.recall', 'recall', {
				prompt: fact.which,
				answer: capitalize(entry.framework.ref),
				identity: true,
				explanation
			});
		}
	}
	for (const entry of ctx.acronyms) {
		const { short, full, decoys } = entry.fact;
		const explanation = `the source spells out ${short} as ${full}.`;
		ctx.add(entry, 'recall', 'recall', {
			prompt: `What does the abbreviation ${short} stand for?`,
			answer: full,
			identity: true,
			explanation
		});
		ctx.add(entry, 'single', 'single', {
			prompt: `Which of these does the abbreviation ${short} stand for in the source?`,
			answer: full,
			choices: [full, ...decoys],
			identity: true,
			explanation
		});
	}
	for (const entry of ctx.levels) {
		const { who, meetings } = entry.fact;
		const framework = entry.framework;
		const plural = framework.kind === 'trilateral';
		if (meetings) {
			const [hold, what] = plural ? ['hold', 'do'] : ['holds', 'does'];
			const explanation = `according to the source, ${framework.ref} ${hold} ${meetings}.`;
			ctx.add(entry, 'recall', 'recall', {
				prompt: `Which meetings ${what} ${framework.ref} hold, according to the source?`,
				answer: capitalize(meetings),
				identity: true,
				explanation
			});
			const cut = meetings.indexOf(' and ');
			const [first, second] = cut < 0 ? [] : [meetings.slice(0, cut), meetings.slice(cut + 5)];
			if (first && second) {
				ctx.add(entry, `${slugify(second)}.cloze`, 'cloze', {
					prompt: `${framework.ref} ${hold} ${first} and ____.`,
					answer: second,
					accept: [...(entry.fact.accept ?? []), ...alternatives(second)],
					identity: true,
					explanation
				});
			}
		} else if (who) {
			const explanation = `according to the source, ${who} meet in ${frameworkLabel(framework)}.`;
			ctx.add(entry, 'recall', 'recall', {
				prompt: `Who meets in ${frameworkLabel(framework)}, according to the source?`,
				answer: capitalize(who),
				identity: true,
				explanation
			});
			ctx.add(entry, 'cloze', 'cloze', {
				prompt: `According to the source, ____ meet in ${frameworkLabel(framework)}.`,
				answer: who,
				accept: entry.fact.accept ?? [],
				identity: true,
				explanation
			});
		}
	}
}
