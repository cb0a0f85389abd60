import type { Progress } from './progress.svelte';
import { Ratings } from './ratings.svelte';
import { Writer } from './writer';

/** For tests: a rating path on `progress`, with a write path of its own. */
export function ratingsOn(progress: Progress): Ratings {
	const writer = new Writer(progress);
	return new Ratings(progress, async () => writer);
}
