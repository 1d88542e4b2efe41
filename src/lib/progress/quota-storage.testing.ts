// For unit tests: Web Storage with a quota, counted the way browsers count it.
import { storedBytes } from './backups';

/** Web Storage as browsers keep it: a quota in bytes (2 per character, keys included). */
export class QuotaStorage implements Storage {
	#items = new Map<string, string>();
	constructor(readonly quota = 10 * 1024 * 1024) {}
	get length() {
		return this.#items.size;
	}
	#used(except?: string) {
		let sum = 0;
		for (const [k, v] of this.#items) if (k !== except) sum += storedBytes(k, v);
		return sum;
	}
	key(i: number) {
		return [...this.#items.keys()][i] ?? null;
	}
	getItem(key: string) {
		return this.#items.get(key) ?? null;
	}
	setItem(key: string, value: string) {
		if (this.#used(key) + storedBytes(key, value) > this.quota)
			throw new DOMException('full', 'QuotaExceededError');
		this.#items.set(key, value);
	}
	removeItem(key: string) {
		this.#items.delete(key);
	}
	clear() {
		this.#items.clear();
	}
}
