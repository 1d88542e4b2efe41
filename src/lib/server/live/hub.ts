// Server-sent-event fan-out inside this one process: who is listening to which session.
// (Past one server this becomes a pub/sub channel per session; see the README.)
import type { StreamEvent } from '$lib/live/types';
import { LiveError } from './validation';

export interface StreamClient {
	sessionId: string;
	/** 'screen': the audience view on the projector, which gets only what the room may see. */
	role: 'host' | 'participant' | 'screen';
	participantId?: string;
	/** The client address the stream came from, for the per-address cap. */
	address: string;
	/** Sends one event already serialised with `frame`, so a state built once goes to many streams. */
	write(frame: string): void;
	close(): void;
}

export interface StreamCaps {
	/** Streams one participant may hold (tabs); a further one replaces the oldest. */
	perParticipant: number;
	/** Streams one address may hold (a venue's network shares one address, so this is generous). */
	perAddress: number;
	/** Streams one session may hold, hosts included. */
	perSession: number;
}

/** One SSE frame for an event. */
export const frame = (event: StreamEvent) => `data: ${JSON.stringify(event)}\n\n`;

export class LiveHub {
	private readonly sessions = new Map<string, Set<StreamClient>>();
	private readonly perAddress = new Map<string, number>();
	private total = 0;

	constructor(readonly caps: StreamCaps) {}

	get size(): number {
		return this.total;
	}

	/** Refuses a stream over the address or session cap; makes room within a participant's own cap. */
	admit(who: Pick<StreamClient, 'sessionId' | 'role' | 'participantId' | 'address'>): void {
		if ((this.perAddress.get(who.address) ?? 0) >= this.caps.perAddress)
			throw new LiveError(429, 'Too many live connections from this network.', 30);
		const set = this.sessions.get(who.sessionId);
		const mine = who.participantId
			? [...(set ?? [])].filter((c) => c.participantId === who.participantId)
			: [];
		// The newest tab wins: the oldest of this participant's streams is closed.
		const over = mine.length - this.caps.perParticipant + 1;
		for (const old of mine.slice(0, Math.max(0, over))) old.close();
		if ((this.sessions.get(who.sessionId)?.size ?? 0) >= this.caps.perSession)
			throw new LiveError(503, 'This session has as many connections as it can take.', 30);
	}

	add(client: StreamClient): void {
		let set = this.sessions.get(client.sessionId);
		if (!set) this.sessions.set(client.sessionId, (set = new Set()));
		if (set.has(client)) return;
		set.add(client);
		this.perAddress.set(client.address, (this.perAddress.get(client.address) ?? 0) + 1);
		this.total++;
	}

	remove(client: StreamClient): void {
		const set = this.sessions.get(client.sessionId);
		if (!set?.delete(client)) return;
		if (set.size === 0) this.sessions.delete(client.sessionId);
		const n = (this.perAddress.get(client.address) ?? 1) - 1;
		if (n > 0) this.perAddress.set(client.address, n);
		else this.perAddress.delete(client.address);
		this.total--;
	}

	clients(sessionId: string): StreamClient[] {
		return [...(this.sessions.get(sessionId) ?? [])];
	}

	/** Participants with a stream open now (several tabs count once). */
	connected(sessionId: string): number {
		const ids = new Set<string>();
		for (const c of this.sessions.get(sessionId) ?? [])
			if (c.role === 'participant' && c.participantId) ids.add(c.participantId);
		return ids.size;
	}

	toHosts(sessionId: string, event: StreamEvent): void {
		const text = frame(event);
		for (const c of this.clients(sessionId)) if (c.role === 'host') c.write(text);
	}

	/** The session's audience screens. */
	toScreens(sessionId: string, text: string): void {
		for (const c of this.clients(sessionId)) if (c.role === 'screen') c.write(text);
	}

	/** Tells the participants of a session it has ended, and closes their streams. */
	endParticipants(sessionId: string): void {
		const text = frame({ type: 'ended' });
		for (const c of this.clients(sessionId))
			if (c.role === 'participant') {
				c.write(text);
				c.close();
			}
	}

	/** Closes every stream of a session, e.g. when it is deleted. */
	end(sessionId: string): void {
		const text = frame({ type: 'ended' });
		for (const c of this.clients(sessionId)) {
			c.write(text);
			c.close();
		}
	}

	/** Closes every stream (on shutdown): browsers reconnect by themselves to the next server. */
	closeAll(): void {
		for (const set of [...this.sessions.values()]) for (const c of [...set]) c.close();
	}
}

const encoder = new TextEncoder();
const pingFrame = frame({ type: 'ping' });

/** An SSE response that registers a client with the hub until the browser goes away. */
export function eventStream(
	hub: LiveHub,
	who: Omit<StreamClient, 'write' | 'close'>,
	first: StreamEvent,
	options: {
		endAfterFirst?: boolean;
		onHeartbeat?: () => void;
		/** Called when the stream is registered and when it goes (the room's "connected now"). */
		onPresence?: () => void;
	} = {}
): Response {
	if (!options.endAfterFirst) hub.admit(who);
	let client: StreamClient | undefined;
	let heartbeat: ReturnType<typeof setInterval> | undefined;
	let stopped = false;
	const stop = () => {
		if (heartbeat) clearInterval(heartbeat);
		if (client) hub.remove(client);
		if (!stopped && client && !options.endAfterFirst) {
			stopped = true;
			options.onPresence?.();
		}
	};
	const stream = new ReadableStream<Uint8Array>({
		start(controller) {
			const write = (text: string) => {
				try {
					controller.enqueue(encoder.encode(text));
				} catch {
					stop();
				}
			};
			client = {
				...who,
				write,
				close: () => {
					stop();
					try {
						controller.close();
					} catch {
						// already closed by the browser
					}
				}
			};
			// EventSource reconnects by itself; `retry` sets how soon.
			write('retry: 2000\n\n');
			write(frame(first));
			if (options.endAfterFirst) return client.close();
			hub.add(client);
			options.onPresence?.();
			// A ping event every 15 s keeps proxies and phones from dropping an idle stream, and lets
			// the browser tell a live stream from a dead one that never said it closed.
			heartbeat = setInterval(() => {
				write(pingFrame);
				options.onHeartbeat?.();
			}, 15_000);
		},
		cancel: stop
	});
	return new Response(stream, {
		headers: {
			'content-type': 'text/event-stream; charset=utf-8',
			'cache-control': 'private, no-store, no-transform',
			connection: 'keep-alive',
			'x-accel-buffering': 'no'
		}
	});
}
