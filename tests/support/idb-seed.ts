// Shared by the browser tests and the benchmark: data written the way the app stores it, before
// the app first opens the database.

/** Writes [key, value] entries into the app's database and store in one transaction. */
export const SEED = `async (entries) => {
	const db = await new Promise((resolve, reject) => {
		const request = indexedDB.open('kizuna');
		request.onupgradeneeded = () => request.result.createObjectStore('kizuna');
		request.onsuccess = () => resolve(request.result);
		request.onerror = () => reject(request.error);
	});
	await new Promise((resolve, reject) => {
		const tx = db.transaction('kizuna', 'readwrite');
		const store = tx.objectStore('kizuna');
		for (const [key, value] of entries) store.put(value, key);
		tx.oncomplete = resolve;
		tx.onerror = () => reject(tx.error);
	});
	db.close();
}`;
