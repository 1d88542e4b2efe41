import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { LiveItem } from '$lib/live/types';
import { Admission } from './admission';
import { LiveHub, type StreamClient } from './hub';
import { broadcast, hostState, screenState, type Live } from './service';
import { LiveStore } from './store';
import { LiveError } from './validation';

const day = 24 * 60 * 60 * 1000;
const prompt: LiveItem = { key: 'reflect', kind: 'prompt', title: 'Reflect', prompt: 'Why?' };

interface FakeStream extends StreamClient {
	frames: string[];
	closed: boolean;
}

function streamOf(hub: LiveHub, who: Omit<StreamClient, 'write' | 'close'>): FakeStream {
	hub.admit(who);
	const client: FakeStream = {
		...who,
		frames: [],
		closed: false,
		write: (text) => client.frames.push(text),
		close: () => {
			client.closed = true;
			hub.remove(client);
		}
	};
	hub.add(client);
	return client;
}

function refusal(run: () => unknown): LiveError | undefined {
	try {
		run();
	} catch (e) {
		if (e instanceof LiveError) return e;
		throw e;
	}
}

describe('the stream caps', () => {
	const caps = { perParticipant: 3, perAddress: 5, perSession: 4 };

	it('keeps a participant’s newest streams and closes the oldest', () => {
		const hub = new LiveHub({ ...caps, perSession: 100, perAddress: 100 });
		const who = { sessionId: 's', role: 'participant' as const, participantId: 'p', address: 'a' };
		const tabs = Array.from({ length: 5 }, () => streamOf(hub, who));
		expect(tabs.map((t) => t.closed)).toEqual([true, true, false, false, false]);
		expect(hub.size).toBe(3);
	});

	it('refuses a stream past the address cap (429) and past the session cap (503)', () => {
		const hub = new LiveHub(caps);
		const on = (sessionId: string, participantId: string, address: string) => ({
			sessionId,
			role: 'participant' as const,
			participantId,
			address
		});
		for (let i = 0; i < 4; i++) streamOf(hub, on('s1', `p${i}`, 'a'));
		expect(refusal(() => streamOf(hub, on('s1', 'p9', 'b')))?.status).toBe(503);
		streamOf(hub, on('s2', 'q0', 'a'));
		const tooMany = refusal(() => streamOf(hub, on('s2', 'q1', 'a')));
		expect(tooMany?.status).toBe(429);
		expect(tooMany?.retryAfterS).toBeGreaterThan(0);
		// Another address is not held to a's count, and a stream that ends frees its place.
		streamOf(hub, on('s2', 'q1', 'b'));
		hub.clients('s1')[0].close();
		expect(refusal(() => streamOf(hub, on('s3', 'r0', 'a')))).toBeUndefined();
	});

	it('closes every stream on shutdown', () => {
		const hub = new LiveHub({ perParticipant: 3, perAddress: 100, perSession: 100 });
		const streams = ['s1', 's2'].flatMap((sessionId) => [
			streamOf(hub, { sessionId, role: 'host', address: 'h' }),
			streamOf(hub, { sessionId, role: 'participant', participantId: 'p', address: 'a' })
		]);
		hub.closeAll();
		expect(streams.every((s) => s.closed)).toBe(true);
		expect(hub.size).toBe(0);
	});
});

describe('the fan-out', () => {
	let dir: string;
	let store: LiveStore;
	let live: Live;

	beforeEach(() => {
		vi.useFakeTimers({ toFake: ['setTimeout'] });
		dir = mkdtempSync(join(tmpdir(), 'live-hub-'));
		store = new LiveStore(join(dir, 'live.sqlite'), { retentionMs: 7 * day });
		live = {
			store,
			hub: new LiveHub({ perParticipant: 3, perAddress: 1000, perSession: 1000 }),
			admission: new Admission(store.db),
			retentionMs: 7 * day,
			coalesceMs: 100,
			pending: new Map()
		};
	});
	afterEach(() => {
		vi.useRealTimers();
		store.close();
		rmSync(dir, { recursive: true, force: true });
	});

	function room(people: number, tabs: number) {
		const { session } = store.createSession('the-sandwich');
		const host = streamOf(live.hub, { sessionId: session.id, role: 'host', address: 'h' });
		const phones: FakeStream[] = [];
		const ids: string[] = [];
		for (let i = 0; i < people; i++) {
			const { participant } = store.join(session.id);
			ids.push(participant.id);
			for (let t = 0; t < tabs; t++)
				phones.push(
					streamOf(live.hub, {
						sessionId: session.id,
						role: 'participant',
						participantId: participant.id,
						address: 'a'
					})
				);
		}
		return { session, host, phones, ids };
	}

	it('sends renames to the facilitator only, as one update per burst', () => {
		const { session, host, phones, ids } = room(20, 3);
		for (const [i, id] of ids.entries()) {
			store.rename(id, `Renamed ${i}`);
			broadcast(live, session.id, 'hosts');
		}
		expect(host.frames).toHaveLength(0);
		vi.advanceTimersByTime(100);
		expect(host.frames).toHaveLength(1);
		expect(phones.every((p) => p.frames.length === 0)).toBe(true);
	});

	it('builds one view per participant and sends it to each of their streams', () => {
		const { session, host, phones, ids } = room(3, 2);
		store.push(session.id, prompt);
		broadcast(live, session.id);
		broadcast(live, session.id, 'hosts');
		broadcast(live, session.id);
		vi.advanceTimersByTime(100);
		expect(host.frames).toHaveLength(1);
		expect(phones.every((p) => p.frames.length === 1)).toBe(true);
		const state = (p: FakeStream) => JSON.parse(p.frames[0].slice(6)).state;
		expect(phones.map((p) => state(p).participantId)).toEqual(ids.flatMap((id) => [id, id]));
		expect(state(phones[0]).current.key).toBe('reflect');
	});

	it('widens a waiting hosts-only update when a change for everyone comes in', () => {
		const { session, host, phones } = room(2, 1);
		broadcast(live, session.id, 'hosts');
		broadcast(live, session.id, 'all');
		vi.advanceTimersByTime(100);
		expect(host.frames).toHaveLength(1);
		expect(phones.every((p) => p.frames.length === 1)).toBe(true);
	});

	it('gives the screen only what the room may see: no unapproved text, no handles when anonymous', () => {
		const { session, ids } = room(2, 1);
		const screen = streamOf(live.hub, { sessionId: session.id, role: 'screen', address: 'h' });
		store.push(session.id, prompt);
		store.answer(session.id, ids[0], 'reflect', 'Mrs Jones in bed 4');
		store.answer(session.id, ids[1], 'reflect', 'Ask first');
		store.approve(session.id, 'reflect', ids[1]);
		broadcast(live, session.id, 'hosts');
		vi.advanceTimersByTime(100);
		expect(screen.frames).toHaveLength(1);
		expect(screen.frames[0]).not.toContain('Mrs Jones');
		const view = JSON.parse(screen.frames[0].slice(6)).state;
		expect(view.cards).toEqual([{ id: '1', text: 'Ask first' }]);
		store.setAnonymous(session.id, false);
		const named = screenState(live, store.getSession(session.id)!);
		expect(named.cards?.[0].handle).toBe(store.handles(session.id).get(ids[1]));
	});

	it('hides a question’s tally from the screen until the results are shown', () => {
		const { session, ids } = room(1, 1);
		const question: LiveItem = {
			key: 'q',
			kind: 'question',
			title: 'Q',
			prompt: 'Which?',
			options: [
				{ id: 'a', text: 'A' },
				{ id: 'b', text: 'B' }
			],
			multiple: false,
			correct: ['a']
		};
		store.push(session.id, question);
		store.answer(session.id, ids[0], 'q', ['b']);
		const hidden = screenState(live, store.getSession(session.id)!);
		expect(hidden).toMatchObject({ answered: 1, resultsShown: false });
		expect(hidden.tally).toBeUndefined();
		expect(hidden.correct).toBeUndefined();
		expect(JSON.stringify(hidden)).not.toContain('"correct"');
		store.showResults(session.id, true);
		expect(screenState(live, store.getSession(session.id)!).tally).toEqual({ a: 0, b: 1 });
	});

	it('counts the phones connected now, not everyone who joined', () => {
		const { session, phones } = room(3, 2);
		expect(hostState(live, store.getSession(session.id)!)).toMatchObject({
			participants: 3,
			joined: 3
		});
		phones[0].close();
		phones[1].close();
		expect(hostState(live, store.getSession(session.id)!).participants).toBe(2);
	});
});
