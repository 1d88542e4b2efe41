import { flushSync } from 'svelte';
import { afterEach, describe, expect, test } from 'vitest';
import { JourneyStore } from './journey.svelte';
import { journeyKey } from './record';

/** Reads the store from an effect, as a page's template does; returns the way to leave the page. */
function onPage(journey: JourneyStore, seen: unknown[] = []): () => void {
	const leave = $effect.root(() => {
		$effect(() => void seen.push(journey.data.name));
	});
	flushSync();
	return leave;
}

const tick = () => new Promise((resolve) => setTimeout(resolve));

afterEach(() => localStorage.clear());

describe('JourneyStore', () => {
	test('a page that reads it gets what is stored, after the first render, with no connect()', async () => {
		localStorage.setItem(
			journeyKey,
			JSON.stringify({ v: 1, plans: {}, name: { text: 'Ana', t: 1 } })
		);
		const journey = new JourneyStore();
		const seen: unknown[] = [];
		const leave = onPage(journey, seen);
		expect(journey.ready).toBe(false);
		// What the page renders first is what the server wrote: no name yet.
		expect(seen).toEqual([undefined]);
		await tick();
		expect(journey.ready).toBe(true);
		expect(journey.data.name?.text).toBe('Ana');
		leave();
	});

	test('read outside a page (an Export click), it gives what is stored at once', () => {
		localStorage.setItem(
			journeyKey,
			JSON.stringify({ v: 1, plans: {}, name: { text: 'Ana', t: 1 } })
		);
		expect(new JourneyStore().data.name?.text).toBe('Ana');
	});

	test('follows another tab while a page reads it, and stops when the page goes', async () => {
		const journey = new JourneyStore();
		const leave = onPage(journey);
		await tick();
		const other = JSON.stringify({ v: 1, plans: {}, name: { text: 'Bo', t: 2 } });
		window.dispatchEvent(new StorageEvent('storage', { key: journeyKey, newValue: other }));
		expect(journey.data.name?.text).toBe('Bo');
		leave();
		await tick();
		const later = JSON.stringify({ v: 1, plans: {}, name: { text: 'Cy', t: 3 } });
		window.dispatchEvent(new StorageEvent('storage', { key: journeyKey, newValue: later }));
		expect(journey.data.name?.text).toBe('Bo');
	});

	test('a change is merged with what another tab stored meanwhile, and saved', async () => {
		const journey = new JourneyStore();
		const leave = onPage(journey);
		await tick();
		localStorage.setItem(journeyKey, JSON.stringify({ v: 1, plans: { a: { text: 'Ask', t: 5 } } }));
		journey.setName('Dee', 6);
		const stored = JSON.parse(localStorage.getItem(journeyKey)!);
		expect(stored.name.text).toBe('Dee');
		expect(stored.plans.a.text).toBe('Ask');
		leave();
	});
});
