import { afterEach, describe, expect, test } from 'vitest';
import { QuotaStorage } from '$lib/progress/quota-storage.testing';
import { backupSlotsOf } from '$lib/progress/backups';
import { resetWrites, storageFailure } from '$lib/progress/writes';
import { JourneyFile } from './journey-file';
import { journeyKey } from './record';

const damaged = JSON.stringify({
	v: 1,
	name: { text: 'Dr Ada Example', t: 5 },
	completedAt: 1764000000000,
	plans: { one: { text: 'KEEP this plan', t: 6 }, two: { text: 42, t: 7 } }
});

afterEach(() => resetWrites());

describe('journey data in storage', () => {
	test('one bad plan: the rest is kept and stored again, the raw value backed up, and it says so', () => {
		const store = new QuotaStorage();
		store.setItem(journeyKey, damaged);
		const file = new JourneyFile(store);
		const data = file.load();
		expect(data.name?.text).toBe('Dr Ada Example');
		expect(data.completedAt).toBe(1764000000000);
		expect(Object.keys(data.plans)).toEqual(['one']);
		expect(file.notice).toEqual({
			kept: { name: true, completedAt: true, plans: 1 },
			dropped: 1,
			backup: 'kept'
		});
		const [slot] = backupSlotsOf(store, journeyKey);
		expect(store.getItem(slot.key)).toBe(damaged);
		expect(JSON.parse(store.getItem(journeyKey)!)).toEqual(data);
	});

	test('no room for a copy: the damaged value is held, offered, and not written over until released', () => {
		const store = new QuotaStorage(2 * (journeyKey.length + damaged.length) + 40);
		store.setItem(journeyKey, damaged);
		const file = new JourneyFile(store);
		file.load();
		expect(file.notice).toMatchObject({ backup: 'noRoom', original: damaged });
		expect(file.write({ v: 1, plans: {} })).toEqual({ ok: false, failure: 'held' });
		expect(store.getItem(journeyKey)).toBe(damaged);
		file.release();
		expect(file.write({ v: 1, plans: {} })).toEqual({ ok: true });
	});

	test('a write that does not fit is reported, and a later one that fits clears it', () => {
		const store = new QuotaStorage(400);
		const file = new JourneyFile(store);
		file.load();
		const big = { v: 1 as const, plans: { one: { text: 'x'.repeat(300), t: 1 } } };
		expect(file.write(big)).toMatchObject({ ok: false, failure: 'full' });
		expect(storageFailure()).toBe('full');
		expect(file.write({ v: 1, plans: { one: { text: 'short', t: 2 } } })).toEqual({ ok: true });
		expect(storageFailure()).toBeNull();
	});
});
