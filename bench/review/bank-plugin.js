// The review benchmark builds the app with a generated bank of 10,000 questions: with KIZUNA_BANK
// set (an absolute path), the bank import resolves to that file. Unset, the plugin is absent and
// the build is the normal one. The app's type check reads this file without Node's types, hence
// the cast to reach `process`.

/** @returns {import('vite').Plugin[]} */
export function benchBank() {
	/** @type {{ env: Record<string, string | undefined> }} */
	const { env } = /** @type {any} */ (globalThis).process;
	const file = env.KIZUNA_BANK;
	if (!file) return [];
	return [
		{
			name: 'kizuna-bench-bank',
			enforce: 'pre',
			resolveId(source) {
				if (source.endsWith('/questions/bank.json?url')) return `${file}?url`;
			}
		}
	];
}
