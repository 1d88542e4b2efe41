import Database from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { Limiter, Lockout } from './limits';

const start = new Date('2026-12-03T09:00:00Z').getTime();
let db: Database.Database;

beforeEach(() => {
	vi.useFakeTimers({ toFake: ['Date'] });
	vi.setSystemTime(start);
	db = new Database(':memory:');
});
afterEach(() => {
	db.close();
	vi.useRealTimers();
});

async function takeMany(limiter: Limiter, key: string, n: number): Promise<number> {
	let allowed = 0;
	for (let i = 0; i < n; i++) if ((await limiter.take(key)).allowed) allowed++;
	return allowed;
}

describe('Limiter', () => {
	it('allows the window’s points, then refuses with the time left', async () => {
		const limiter = new Limiter(db, 'join', { points: 5, perSeconds: 60 });
		expect(await takeMany(limiter, '10.0.0.1', 5)).toBe(5);
		vi.setSystemTime(start + 20_000);
		const refused = await limiter.take('10.0.0.1');
		expect(refused.allowed).toBe(false);
		expect(refused.retryAfterS).toBe(40);
	});

	it('keeps keys apart and starts afresh after the window', async () => {
		const limiter = new Limiter(db, 'join', { points: 2, perSeconds: 10 });
		expect(await takeMany(limiter, 'a', 5)).toBe(2);
		expect(await takeMany(limiter, 'b', 1)).toBe(1);
		vi.setSystemTime(start + 10_001);
		expect(await takeMany(limiter, 'a', 5)).toBe(2);
	});

	it('keeps limiters with different names apart in one table', async () => {
		const joins = new Limiter(db, 'join', { points: 1, perSeconds: 60 });
		const creates = new Limiter(db, 'create', { points: 1, perSeconds: 60 });
		expect((await joins.take('k')).allowed).toBe(true);
		expect((await creates.take('k')).allowed).toBe(true);
		expect((await joins.take('k')).allowed).toBe(false);
	});

	it('keeps its counts across a restart (same database file)', async () => {
		const dir = mkdtempSync(join(tmpdir(), 'limits-'));
		try {
			const path = join(dir, 'live.sqlite');
			const first = new Database(path);
			expect(
				await takeMany(new Limiter(first, 'join', { points: 3, perSeconds: 60 }), 'a', 3)
			).toBe(3);
			first.close();
			const second = new Database(path);
			const again = new Limiter(second, 'join', { points: 3, perSeconds: 60 });
			expect((await again.take('a')).allowed).toBe(false);
			second.close();
		} finally {
			rmSync(dir, { recursive: true, force: true });
		}
	});
});

describe('Lockout', () => {
	const rule = { points: 3, perSeconds: 600, firstLockS: 60, maxLockS: 3600, memoryS: 86_400 };

	it('locks a key out after its misses, for longer each time', async () => {
		const lockout = new Lockout(db, 'code', rule);
		for (let i = 0; i < 3; i++) expect((await lockout.miss('ip')).allowed).toBe(true);
		expect(await lockout.lockedFor('ip')).toBe(0);
		expect(await lockout.miss('ip')).toEqual({ allowed: false, retryAfterS: 60 });
		expect(await lockout.lockedFor('ip')).toBe(60);
		expect(await lockout.lockedFor('other')).toBe(0);

		vi.setSystemTime(start + 61_000);
		expect(await lockout.lockedFor('ip')).toBe(0);
		for (let i = 0; i < 3; i++) await lockout.miss('ip');
		expect(await lockout.miss('ip')).toEqual({ allowed: false, retryAfterS: 120 });

		vi.setSystemTime(start + 200_000);
		for (let i = 0; i < 3; i++) await lockout.miss('ip');
		expect((await lockout.miss('ip')).retryAfterS).toBe(240);
	});

	it('does not lengthen a lockout for misses during it', async () => {
		const lockout = new Lockout(db, 'code', rule);
		for (let i = 0; i < 4; i++) await lockout.miss('ip');
		for (let i = 0; i < 20; i++) expect((await lockout.miss('ip')).allowed).toBe(false);
		vi.setSystemTime(start + 30_000);
		expect(await lockout.lockedFor('ip')).toBe(30);
	});

	it('never locks out for longer than the maximum', async () => {
		const lockout = new Lockout(db, 'code', { ...rule, maxLockS: 100 });
		let last = 0;
		for (let round = 0; round < 5; round++) {
			for (let i = 0; i < 4; i++) last = (await lockout.miss('ip')).retryAfterS;
			vi.setSystemTime(Date.now() + (last + 1) * 1000);
		}
		expect(last).toBe(100);
	});
});
