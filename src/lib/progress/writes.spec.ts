import { afterEach, describe, expect, test } from 'vitest';
import {
	failureOf,
	reportWrite,
	reportWriteNow,
	resetWrites,
	retryWhenWritesWork,
	storageFailure,
	watchWrites,
	writeItem
} from './writes';
import { QuotaStorage } from './quota-storage.testing';

const full = () => new DOMException('full', 'QuotaExceededError');
const blocked = () => new DOMException('no', 'SecurityError');
const throwing = (error: unknown) => () => {
	throw error;
};

afterEach(() => resetWrites());

describe('write reporting', () => {
	test('names a full store, a blocked one and anything else, across browsers', () => {
		expect(failureOf(full())).toBe('full');
		expect(failureOf({ name: 'NS_ERROR_DOM_QUOTA_REACHED' })).toBe('full');
		expect(failureOf({ code: 22 })).toBe('full');
		expect(failureOf({ code: 1014 })).toBe('full');
		expect(failureOf(blocked())).toBe('blocked');
		expect(failureOf(new Error('LMS commit failed'))).toBe('failed');
		expect(failureOf(undefined)).toBe('failed');
	});

	test('a failed write is reported to every listener and returned, never swallowed', async () => {
		const heard: unknown[] = [];
		const stop = watchWrites((target, result) => heard.push([target, result.ok]));
		const now = reportWriteNow('journey', throwing(full()));
		const later = await reportWrite('progress', async () => {
			throw blocked();
		});
		stop();
		expect(now).toMatchObject({ ok: false, failure: 'full' });
		expect(later).toMatchObject({ ok: false, failure: 'blocked' });
		expect(heard).toEqual([
			['journey', false],
			['progress', false]
		]);
		expect(storageFailure()).toBe('full');
	});

	test('a later successful write of the same target clears its failure', async () => {
		reportWriteNow('journey', throwing(full()));
		await reportWrite('progress', throwing(blocked()));
		expect(storageFailure()).toBe('full');
		reportWriteNow('journey', () => {});
		expect(storageFailure()).toBe('blocked');
		expect(await reportWrite('progress', async () => {})).toEqual({ ok: true });
		expect(storageFailure()).toBeNull();
	});

	test('a one-off write (a backup) is reported to its caller but does not mark storage as failing', () => {
		const result = reportWriteNow('backup', throwing(full()), { oneOff: true });
		expect(result).toMatchObject({ ok: false, failure: 'full' });
		expect(storageFailure()).toBeNull();
	});
});

describe('writeItem', () => {
	test('stores the item, or reports that it did not fit and leaves what was stored', () => {
		const store = new QuotaStorage(2 * ('k'.length + 10));
		expect(writeItem('journey', store, 'k', 'short')).toEqual({ ok: true });
		expect(writeItem('journey', store, 'k', 'far too long to fit')).toMatchObject({
			ok: false,
			failure: 'full'
		});
		expect(store.getItem('k')).toBe('short');
		expect(storageFailure()).toBe('full');
	});
});

describe('retrying after space is freed', () => {
	test('a target whose write failed is retried when another target’s write works', () => {
		let retries = 0;
		const stop = retryWhenWritesWork('progress', () => retries++);
		reportWriteNow('journey', () => {}); // progress is not failing: nothing to retry
		reportWriteNow('progress', throwing(full()));
		reportWriteNow('journey', throwing(full())); // still full: no retry
		reportWriteNow('journey', () => {});
		stop();
		expect(retries).toBe(1);
	});
});
