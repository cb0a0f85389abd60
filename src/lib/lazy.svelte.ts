/**
 * A component that loads the first time `wanted()` is true, so that what a page seldom shows (a
 * banner, an offer, a tip, an outlook) stays out of its first load. Called while a component
 * initialises: the check is one of its effects, so it runs again as what it reads changes. A
 * load that fails is asked again at the next change, as a page loaded offline may come online.
 */
export function lazy<T>(
	wanted: () => unknown,
	load: () => Promise<{ default: T }>
): { readonly current: T | undefined } {
	let current = $state.raw<T>();
	$effect(() => {
		if (wanted() && !current) void load().then((module) => (current = module.default));
	});
	return {
		get current() {
			return current;
		}
	};
}
