/**
 * Resolves once the browser has painted the DOM as it is now: a requestAnimationFrame callback
 * runs just before that frame's paint, and a message posted from it is handled just after.
 */
export function afterPaint(): Promise<void> {
	return new Promise((resolve) =>
		requestAnimationFrame(() => {
			const channel = new MessageChannel();
			channel.port1.onmessage = () => resolve();
			channel.port2.postMessage(undefined);
		})
	);
}
