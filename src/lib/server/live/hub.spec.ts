import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { LiveItem } from '$lib/live/types';
import { Admission } from './admission';
import { LiveHub, type StreamClient } from './hub';
import { broadcast, type Live } from './service';
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
});
