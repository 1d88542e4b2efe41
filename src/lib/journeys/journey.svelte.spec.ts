import { flushSync } from 'svelte';
import { afterEach, beforeAll, describe, expect, test, vi } from 'vitest';
import { resetWrites } from '$lib/progress/writes';
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

// The damaged-data notice loads its sentences on demand; loaded up front here, a test that shows
// one does not leave an import running after the test environment is gone.
beforeAll(async () => {
	await import('$lib/progress/notice-strings');
});

afterEach(() => {
	vi.restoreAllMocks();
	localStorage.clear();
	resetWrites();
});

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

	test('a write that fails is reported for that item, never swallowed; the next one that works clears it', async () => {
		const journey = new JourneyStore();
		const leave = onPage(journey);
		await tick();
		const setItem = vi.spyOn(Storage.prototype, 'setItem').mockImplementation(() => {
			throw new DOMException('full', 'QuotaExceededError');
		});
		expect(journey.setPlan('one', 'Ask first', 7)).toEqual(
			expect.objectContaining({ ok: false, failure: 'full' })
		);
		expect(journey.failure('plan:one')).toBe('full');
		expect(journey.failure('name')).toBeUndefined();
		expect(journey.data.plans.one.text).toBe('Ask first');
		expect(localStorage.getItem(journeyKey)).toBeNull();

		setItem.mockRestore();
		expect(journey.setName('Ana', 8)).toEqual({ ok: true });
		expect(journey.failure('plan:one')).toBeUndefined();
		expect(JSON.parse(localStorage.getItem(journeyKey)!).plans.one.text).toBe('Ask first');
		leave();
	});

	test('one bad plan costs only that plan: the rest is shown, backed up, and the notice says what was kept', async () => {
		const raw = JSON.stringify({
			v: 1,
			name: { text: 'Dr Ada', t: 1 },
			completedAt: 2,
			plans: { one: { text: 'KEEP', t: 3 }, two: { text: 42, t: 3 } }
		});
		localStorage.setItem(journeyKey, raw);
		const journey = new JourneyStore();
		const leave = onPage(journey);
		await tick();
		expect(journey.data).toEqual({
			v: 1,
			name: { text: 'Dr Ada', t: 1 },
			completedAt: 2,
			plans: { one: { text: 'KEEP', t: 3 } }
		});
		expect(journey.notice).toMatchObject({
			kept: { name: true, completedAt: true, plans: 1 },
			dropped: 1,
			backup: 'kept'
		});
		const backups = Object.keys(localStorage).filter((k) => k.startsWith(`${journeyKey}:backup`));
		expect(backups.map((k) => localStorage.getItem(k))).toEqual([raw]);
		leave();
	});
});
