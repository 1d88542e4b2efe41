import { describe, expect, test } from 'vitest';
import {
	BackupTooLarge,
	backupBudget,
	backupSlots,
	backupSlotsOf,
	keepBackup,
	storedBytes
} from './backups';
import { QuotaStorage } from './quota-storage.testing';

const key = 'course:progress';

describe('backup slots', () => {
	test(`keeps up to ${backupSlots} copies, dropping the oldest first`, () => {
		const store = new QuotaStorage();
		for (let i = 1; i <= backupSlots + 2; i++) keepBackup(store, key, `damaged ${i}`, i * 1000);
		const kept = backupSlotsOf(store, key).map((slot) => store.getItem(slot.key));
		expect(kept).toEqual(['damaged 3', 'damaged 4', 'damaged 5']);
	});

	test('keeps the single slot of older versions as the oldest copy', () => {
		const store = new QuotaStorage();
		store.setItem(`${key}:backup`, 'from the old slot');
		keepBackup(store, key, 'new', 5);
		expect(backupSlotsOf(store, key).map((s) => store.getItem(s.key))).toEqual([
			'from the old slot',
			'new'
		]);
	});

	test('stays within the byte budget: older copies go to make room', () => {
		const store = new QuotaStorage();
		const third = 'x'.repeat(Math.floor(backupBudget / 2 / 3) - 40);
		keepBackup(store, key, `a${third}`, 1);
		keepBackup(store, key, `b${third}`, 2);
		keepBackup(store, key, 'c'.repeat(Math.floor(backupBudget / 2 / 2)), 3);
		const slots = backupSlotsOf(store, key);
		const bytes = slots.reduce((sum, s) => sum + storedBytes(s.key, store.getItem(s.key)!), 0);
		expect(bytes).toBeLessThanOrEqual(backupBudget);
		expect(slots.map((s) => store.getItem(s.key)![0])).toEqual(['b', 'c']);
	});

	test('a value larger than the budget is refused before anything is touched', () => {
		const store = new QuotaStorage();
		keepBackup(store, key, 'earlier copy', 1);
		expect(() => keepBackup(store, key, 'y'.repeat(backupBudget), 2)).toThrow(BackupTooLarge);
		expect(backupSlotsOf(store, key).map((s) => store.getItem(s.key))).toEqual(['earlier copy']);
	});

	test('when storage is full the error is thrown and older copies are not given up', () => {
		const store = new QuotaStorage(2000);
		keepBackup(store, key, 'old', 1);
		store.setItem('another-site-thing', 'z'.repeat(900));
		expect(() => keepBackup(store, key, 'n'.repeat(200), 2)).toThrow(/full/);
		expect(backupSlotsOf(store, key).map((s) => store.getItem(s.key))).toEqual(['old']);
	});

	test('the same damaged value seen again is not copied twice', () => {
		const store = new QuotaStorage();
		keepBackup(store, key, 'same', 1);
		keepBackup(store, key, 'same', 2);
		expect(backupSlotsOf(store, key)).toHaveLength(1);
	});
});
