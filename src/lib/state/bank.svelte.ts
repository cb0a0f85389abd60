import type { Bank, BankFramework, Question } from '$lib/domain/bank/bank';
import { afterStorageAsked } from './startup';
// Emitted as a hashed asset rather than bundled: the bank stays out of every page's JavaScript,
// and the service worker precaches it with the rest of the build.
import bankUrl from '../../../questions/bank.json?url';
import { errorMessage } from '../error-message';

/** For the layout's preload link: every page needs the bank, so it is fetched with the page. */
export const BANK_URL = bankUrl;

/** The question bank, loaded once and shared by every page. */
class BankState {
	#bank = $state.raw<Bank | undefined>(undefined);
	#error = $state<string | undefined>(undefined);
	#loading: Promise<Bank> | undefined;

	get bank() {
		return this.#bank;
	}

	get error() {
		return this.#error;
	}

	get questions(): Question[] {
		return this.#bank?.questions ?? [];
	}

	get frameworks(): BankFramework[] {
		return this.#bank?.frameworks ?? [];
	}

	#byId = $derived(new Map(this.questions.map((q) => [q.id, q])));

	question(id: string): Question | undefined {
		return this.#byId.get(id);
	}

	#cardOfFact = $derived(
		new Map(this.questions.filter((q) => q.kind === 'recall').map((q) => [q.fact, q.id]))
	);

	/** The flashcard that stands for a question's fact: its recall card. */
	cardFor(question: Question): string | undefined {
		return this.#cardOfFact.get(question.fact);
	}

	frameworkName(id: string): string {
		return this.frameworks.find((f) => f.id === id)?.name ?? id;
	}

	/** Loads the bank once; later calls share the same request. */
	load(): Promise<Bank> {
		this.#loading ??= fetch(bankUrl)
			.then((response) => {
				if (!response.ok)
					throw new Error(`the question bank could not be loaded (${response.status})`);
				return afterStorageAsked().then(() => response.json() as Promise<Bank>);
			})
			.then((bank) => {
				this.#bank = bank;
				// A retry that worked: the page stops saying the bank could not be loaded.
				this.#error = undefined;
				return bank;
			})
			.catch((error: unknown) => {
				this.#loading = undefined;
				this.#error = errorMessage(error);
				throw error;
			});
		return this.#loading;
	}
}

/** The app's bank; src/hooks.client.ts starts its fetch. */
export const bankState = new BankState();
