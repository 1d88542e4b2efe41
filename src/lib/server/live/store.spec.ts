import Database from 'better-sqlite3';
import { chmodSync, existsSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { LiveItem } from '$lib/live/types';
import { csvHeader, toCsv, toMarkdown } from './export';
import { LiveStore } from './store';
import { LiveError } from './validation';

const day = 24 * 60 * 60 * 1000;

const question: LiveItem = {
	key: 'check.q1',
	kind: 'question',
	title: 'Check',
	prompt: 'Services are…',
	options: [
		{ id: 'a', text: 'always coproduced' },
		{ id: 'b', text: 'cheaper' }
	],
	multiple: false,
	correct: ['a']
};
const prompt: LiveItem = { key: 'reflect', kind: 'prompt', title: 'Reflect', prompt: 'Why?' };

let dir: string;
let file: string;
let clock: number;
const open = () => new LiveStore(file, { retentionMs: 7 * day, now: () => clock });

beforeEach(() => {
	dir = mkdtempSync(join(tmpdir(), 'live-store-'));
	file = join(dir, 'nested', 'live.sqlite');
	clock = Date.UTC(2026, 10, 26, 9);
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('the live session store, on a real SQLite file', () => {
	it('creates the file in WAL mode and a session with a join code and a host token', () => {
		const store = open();
		expect(existsSync(file)).toBe(true);
		expect(store.db.pragma('journal_mode', { simple: true })).toBe('wal');
		const { session, hostToken } = store.createSession('the-sandwich');
		expect(session.code).toMatch(/^[A-Z2-9]{6}$/);
		expect(store.findByCode(session.code)?.lessonSlug).toBe('the-sandwich');
		expect(store.isHost(session.id, hostToken)).toBe(true);
		expect(store.isHost(session.id, 'guess')).toBe(false);
		expect(store.isHost(session.id, undefined)).toBe(false);
		store.close();
	});

	it('joins with a random handle, rejoins with the same token, and renames', () => {
		const store = open();
		const { session } = store.createSession('the-sandwich');
		const first = store.join(session.id);
		expect(first.rejoined).toBe(false);
		expect(first.participant.handle).toMatch(/^\w+ \w+ \d\d$/);
		const again = store.join(session.id, first.token);
		expect(again).toMatchObject({ rejoined: true, participant: { id: first.participant.id } });
		const other = store.join(session.id, 'not-a-token');
		expect(other.participant.id).not.toBe(first.participant.id);
		expect(store.participantCount(session.id)).toBe(2);
		expect(store.rename(first.participant.id, '  Ward   7 nurse ')).toBe('Ward 7 nurse');
		expect(() => store.rename(first.participant.id, '   ')).toThrow(LiveError);
		expect(() => store.rename(first.participant.id, 'x'.repeat(31))).toThrow(LiveError);
		store.close();
	});

	it('takes one answer per participant per item, changeable, and only for the current item', () => {
		const store = open();
		const { session } = store.createSession('the-sandwich');
		const { participant } = store.join(session.id);
		expect(() => store.answer(session.id, participant.id, question.key, ['a'])).toThrow(
			/no longer open/
		);
		store.push(session.id, question);
		expect(store.getSession(session.id)?.current?.key).toBe(question.key);
		store.answer(session.id, participant.id, question.key, ['b']);
		clock += 1000;
		store.answer(session.id, participant.id, question.key, ['a']);
		const responses = store.responses(session.id, question.key);
		expect(responses).toHaveLength(1);
		expect(responses[0]).toMatchObject({ answer: ['a'], hidden: false, updatedAt: clock });
		expect(() => store.answer(session.id, participant.id, question.key, ['a', 'b'])).toThrow(
			/one option/
		);
		expect(() => store.answer(session.id, participant.id, question.key, ['z'])).toThrow(
			/not part of this question/
		);
		expect(() => store.answer(session.id, participant.id, question.key, 'a')).toThrow(LiveError);

		store.push(session.id, prompt);
		expect(() => store.answer(session.id, participant.id, question.key, ['a'])).toThrow(
			/no longer open/
		);
		expect(() => store.answer(session.id, participant.id, prompt.key, 'x'.repeat(501))).toThrow(
			/at most 500/
		);
		const card = store.answer(session.id, participant.id, prompt.key, '<script>alert(1)</script>');
		expect(card.answer).toBe('<script>alert(1)</script>');
		store.push(session.id, null);
		expect(store.getSession(session.id)?.current).toBeNull();
		store.close();
	});

	it('reveals, resets the reveal on a new push, and hides and unhides a response', () => {
		const store = open();
		const { session } = store.createSession('the-sandwich');
		const { participant } = store.join(session.id);
		store.push(session.id, prompt);
		store.answer(session.id, participant.id, prompt.key, 'Shared plans');
		store.reveal(session.id, true);
		expect(store.getSession(session.id)?.revealed).toBe(true);
		expect(store.hide(session.id, prompt.key, participant.id, true).hidden).toBe(true);
		expect(store.responses(session.id, prompt.key)[0].hidden).toBe(true);
		expect(store.hide(session.id, prompt.key, participant.id, false).hidden).toBe(false);
		expect(() => store.hide(session.id, prompt.key, 'nobody', true)).toThrow(/No such response/);
		store.push(session.id, question);
		expect(store.getSession(session.id)?.revealed).toBe(false);
		store.close();
	});

	it('exports every pushed item with its responses as CSV rows and Markdown', () => {
		const store = open();
		const { session } = store.createSession('the-sandwich');
		const a = store.join(session.id).participant;
		const b = store.join(session.id).participant;
		store.push(session.id, question);
		store.answer(session.id, a.id, question.key, ['a']);
		store.answer(session.id, b.id, question.key, ['b']);
		store.push(session.id, prompt);
		store.answer(session.id, a.id, prompt.key, '=SUM(1,2), "quoted"');
		store.answer(session.id, b.id, prompt.key, 'hide me');
		store.approve(session.id, prompt.key, a.id);
		store.approve(session.id, prompt.key, b.id);
		store.hide(session.id, prompt.key, b.id, true);

		const results = store.results(session.id);
		expect(results.map((r) => r.item.key)).toEqual([question.key, prompt.key]);
		const lines = toCsv(results).trimEnd().split('\r\n');
		expect(lines[0]).toBe(csvHeader.map((h) => `"${h}"`).join(','));
		expect(lines).toHaveLength(5);
		expect(lines[1]).toContain(
			`"check.q1","question","Check","Services are…","1","${a.handle}","always coproduced","yes","shown",`
		);
		expect(lines[2]).toContain(`,"cheaper","no","shown",`);
		expect(lines[3]).toContain(`"'=SUM(1,2), ""quoted"""`);
		expect(lines[4]).toContain(`,"hide me","","hidden",`);

		const md = toMarkdown(results, {
			code: session.code,
			lessonTitle: 'Sandwich',
			exportedAt: new Date(clock)
		});
		expect(md).toContain('| always coproduced | 1 | 50% | yes |');
		expect(md).toContain('1 response hidden by the facilitator.');
		expect(md).not.toContain('hide me');
		store.close();
	});

	it('deletes a session with everything in it, and expires sessions after the retention period', () => {
		const store = open();
		const kept = store.createSession('the-sandwich').session;
		const gone = store.createSession('the-sandwich').session;
		const p = store.join(gone.id).participant;
		store.push(gone.id, prompt);
		store.answer(gone.id, p.id, prompt.key, 'text');
		store.deleteSession(gone.id);
		expect(store.findByCode(gone.code)).toBeUndefined();
		const count = (table: string) =>
			(store.db.prepare(`SELECT COUNT(*) AS n FROM ${table}`).get() as { n: number }).n;
		expect([count('participants'), count('items'), count('responses')]).toEqual([0, 0, 0]);

		clock += 7 * day - 1;
		expect(store.purgeExpired()).toBe(0);
		expect(store.findByCode(kept.code)).toBeDefined();
		clock += 1;
		// Past its time a session is invisible at once, and gone from the file at the next purge.
		expect(store.findByCode(kept.code)).toBeUndefined();
		expect(store.purgeExpired()).toBe(1);
		expect(count('sessions')).toBe(0);
		store.close();
	});

	it('loses nothing when the store is restarted on the same file', () => {
		const before = open();
		const { session, hostToken } = before.createSession('what-is-coproduction');
		const joined = before.join(session.id);
		before.rename(joined.participant.id, 'Night shift');
		before.push(session.id, question);
		before.answer(session.id, joined.participant.id, question.key, ['a']);
		before.reveal(session.id, true);
		before.close();

		const after = open();
		const reopened = after.findByCode(session.code);
		expect(reopened).toMatchObject({ id: session.id, revealed: true, current: question });
		expect(after.isHost(session.id, hostToken)).toBe(true);
		const rejoined = after.join(session.id, joined.token);
		expect(rejoined).toMatchObject({
			rejoined: true,
			participant: { id: joined.participant.id, handle: 'Night shift' }
		});
		expect(after.response(session.id, question.key, joined.participant.id)?.answer).toEqual(['a']);
		after.close();
	});
});

describe('the live session store’s limits', () => {
	const hour = 60 * 60 * 1000;

	it('creates the database and its WAL files readable by their owner only, and tightens old ones', () => {
		const store = open();
		const { session } = store.createSession('the-sandwich');
		store.join(session.id);
		for (const f of [file, `${file}-wal`, `${file}-shm`])
			expect((statSync(f).mode & 0o777).toString(8), f).toBe('600');
		store.close();
		chmodSync(file, 0o644);
		open().close();
		expect((statSync(file).mode & 0o777).toString(8)).toBe('600');
	});

	it('reports a session open, locked, ended or idle, and takes an older database file as it is', () => {
		const store = open();
		const { session } = store.createSession('the-sandwich');
		expect(store.getSession(session.id)?.status).toBe('open');
		store.setLocked(session.id, true);
		expect(store.getSession(session.id)?.status).toBe('locked');
		store.setLocked(session.id, false);
		clock += 4 * hour;
		expect(store.getSession(session.id)?.status).toBe('idle');
		store.touchHost(session.id);
		expect(store.getSession(session.id)?.status).toBe('open');
		store.end(session.id);
		expect(store.getSession(session.id)?.status).toBe('ended');
		store.close();

		// A file from before these columns existed gains them in place.
		const oldFile = join(dir, 'old.sqlite');
		const db = new Database(oldFile);
		db.exec(
			`CREATE TABLE sessions (id TEXT PRIMARY KEY, code TEXT NOT NULL UNIQUE, lesson_slug TEXT NOT NULL,
			 host_hash TEXT NOT NULL, created_at INTEGER NOT NULL, expires_at INTEGER NOT NULL,
			 current_key TEXT, revealed INTEGER NOT NULL DEFAULT 0);
			 INSERT INTO sessions VALUES ('s1', 'ABCDEF', 'the-sandwich', 'x', ${clock}, ${clock + day}, NULL, 0);`
		);
		db.close();
		const upgraded = new LiveStore(oldFile, { retentionMs: day, now: () => clock });
		expect(upgraded.findByCode('ABCDEF')).toMatchObject({ status: 'open', locked: false });
		upgraded.close();
	});

	it('refuses answers once answers are closed or the session has ended', () => {
		const store = open();
		const { session } = store.createSession('the-sandwich');
		const p = store.join(session.id).participant;
		store.push(session.id, prompt);
		store.setClosed(session.id, true);
		expect(() => store.answer(session.id, p.id, prompt.key, 'late')).toThrow(/closed answers/);
		store.push(session.id, prompt);
		expect(store.answer(session.id, p.id, prompt.key, 'reopened by the push').answer).toBe(
			'reopened by the push'
		);
		store.end(session.id);
		expect(() => store.answer(session.id, p.id, prompt.key, 'after')).toThrow(/ended/);
		store.close();
	});

	it('hides every response to an item at once', () => {
		const store = open();
		const { session } = store.createSession('the-sandwich');
		store.push(session.id, prompt);
		for (let i = 0; i < 5; i++)
			store.answer(session.id, store.join(session.id).participant.id, prompt.key, `flood ${i}`);
		expect(store.hideAll(session.id, prompt.key, true)).toBe(5);
		expect(store.responses(session.id, prompt.key).every((r) => r.hidden)).toBe(true);
		store.close();
	});

	it('caps the bytes and the responses one session stores, with a clear refusal', () => {
		const capped = new LiveStore(file, {
			retentionMs: day,
			now: () => clock,
			maxSessionBytes: 2000,
			maxSessionResponses: 4
		});
		const { session } = capped.createSession('the-sandwich');
		capped.push(session.id, prompt);
		const people = Array.from({ length: 6 }, () => capped.join(session.id).participant);
		capped.answer(session.id, people[0].id, prompt.key, 'x'.repeat(500));
		capped.answer(session.id, people[1].id, prompt.key, 'x'.repeat(500));
		// Rewriting one's own answer does not grow the session past what it held.
		capped.answer(session.id, people[1].id, prompt.key, 'y'.repeat(500));
		expect(() => capped.answer(session.id, people[2].id, prompt.key, 'é'.repeat(500))).toThrow(
			/stored as much as it can/
		);
		capped.answer(session.id, people[2].id, prompt.key, 'short');
		capped.answer(session.id, people[3].id, prompt.key, 'short');
		expect(() => capped.answer(session.id, people[4].id, prompt.key, 'one more')).toThrow(
			/as many answers as it can/
		);
		expect(capped.getSession(session.id)?.responseCount).toBe(4);
		capped.close();
	});

	it('refuses new sessions, joins and answers when the whole database is at its cap', () => {
		const store = new LiveStore(file, { retentionMs: day, now: () => clock, maxDbBytes: 1 });
		expect(() => store.createSession('the-sandwich')).toThrow(/storage of this course is full/);
		store.close();
	});

	it('counts the retention from the last activity, not from the start', () => {
		const store = open();
		const { session } = store.createSession('the-sandwich');
		const p = store.join(session.id).participant;
		store.push(session.id, prompt);
		clock += 6 * day;
		store.answer(session.id, p.id, prompt.key, 'still here');
		clock += 6 * day;
		expect(store.findByCode(session.code)).toBeDefined();
		clock += 1 * day;
		expect(store.findByCode(session.code)).toBeUndefined();
		store.close();
	});

	it('keeps handles apart within a session, look-alikes included', () => {
		const store = open();
		const { session } = store.createSession('the-sandwich');
		const a = store.join(session.id).participant;
		const b = store.join(session.id).participant;
		store.rename(a.id, 'Night Shift');
		expect(() => store.rename(b.id, 'night  shift')).toThrow(/already has that handle/);
		expect(() => store.rename(b.id, 'Facilitator (host)')).toThrow(/mistaken for the facilitator/);
		expect(store.rename(a.id, 'Night Shift 2')).toBe('Night Shift 2');
		store.close();
	});
});

describe('what the room sees, in the store', () => {
	it('pre-moderates free text: a new or changed answer waits, a rejected one is deleted from the file', () => {
		const store = open();
		const { session } = store.createSession('l');
		const a = store.join(session.id).participant;
		const b = store.join(session.id).participant;
		store.push(session.id, prompt);
		expect(store.getSession(session.id)?.resultsShown).toBe(true);
		expect(store.answer(session.id, a.id, 'reflect', 'Fine').approved).toBe(false);
		store.answer(session.id, b.id, 'reflect', 'Mrs Jones in bed 4');
		expect(store.approve(session.id, 'reflect', a.id).approved).toBe(true);
		// Changing an approved answer sends it back to the queue.
		expect(store.answer(session.id, a.id, 'reflect', 'Changed').approved).toBe(false);
		store.reject(session.id, 'reflect', b.id);
		expect(store.responses(session.id, 'reflect').map((r) => r.answer)).toEqual(['Changed']);
		const raw = new Database(file, { readonly: true });
		const rows = raw.prepare('SELECT answer_json FROM responses').all() as {
			answer_json: string;
		}[];
		raw.close();
		expect(rows.some((r) => r.answer_json.includes('Mrs Jones'))).toBe(false);
		expect(toCsv(store.results(session.id))).not.toContain('Mrs Jones');
		store.close();
	});

	it('hides a question’s results until shown, and locks answers at the reveal and at the end of the countdown', () => {
		const store = open();
		const { session } = store.createSession('l');
		const a = store.join(session.id).participant;
		store.push(session.id, question);
		expect(store.getSession(session.id)?.resultsShown).toBe(false);
		expect(store.answer(session.id, a.id, question.key, ['b']).approved).toBe(true);
		store.reveal(session.id, true);
		expect(store.getSession(session.id)?.resultsShown).toBe(true);
		expect(() => store.answer(session.id, a.id, question.key, ['a'])).toThrow(/answers .* closed/);
		store.push(session.id, question);
		store.setTimer(session.id, 30);
		store.answer(session.id, a.id, question.key, ['a']);
		clock += 30_000;
		expect(() => store.answer(session.id, a.id, question.key, ['b'])).toThrow(/Time is up/);
		store.close();
	});

	it('numbers participants in the order they joined', () => {
		const store = open();
		const { session } = store.createSession('l');
		const first = store.join(session.id).participant;
		clock += 1;
		const second = store.join(session.id).participant;
		store.push(session.id, question);
		store.answer(session.id, second.id, question.key, ['a']);
		store.answer(session.id, first.id, question.key, ['a']);
		expect(store.responses(session.id, question.key).map((r) => r.number)).toEqual([2, 1]);
		store.close();
	});
});
