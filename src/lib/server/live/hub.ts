// Server-sent-event fan-out inside this one process: who is listening to which session.
// (Past one server this becomes a pub/sub channel per session; see the README.)
import type { StreamEvent } from '$lib/live/types';

export interface StreamClient {
	sessionId: string;
	role: 'host' | 'participant';
	participantId?: string;
	send(event: StreamEvent): void;
	close(): void;
}

export class LiveHub {
	private readonly sessions = new Map<string, Set<StreamClient>>();

	add(client: StreamClient): void {
		let set = this.sessions.get(client.sessionId);
		if (!set) this.sessions.set(client.sessionId, (set = new Set()));
		set.add(client);
	}

	remove(client: StreamClient): void {
		const set = this.sessions.get(client.sessionId);
		set?.delete(client);
		if (set?.size === 0) this.sessions.delete(client.sessionId);
	}

	clients(sessionId: string): StreamClient[] {
		return [...(this.sessions.get(sessionId) ?? [])];
	}

	toHosts(sessionId: string, event: StreamEvent): void {
		for (const c of this.clients(sessionId)) if (c.role === 'host') c.send(event);
	}

	/** Closes every stream of a session, e.g. when it is deleted. */
	end(sessionId: string): void {
		for (const c of this.clients(sessionId)) {
			c.send({ type: 'ended' });
			c.close();
			this.remove(c);
		}
	}
}

const encoder = new TextEncoder();

/** An SSE response that registers a client with the hub until the browser goes away. */
export function eventStream(
	hub: LiveHub,
	who: Omit<StreamClient, 'send' | 'close'>,
	first: StreamEvent
): Response {
	let client: StreamClient | undefined;
	let heartbeat: ReturnType<typeof setInterval> | undefined;
	const stop = () => {
		if (heartbeat) clearInterval(heartbeat);
		if (client) hub.remove(client);
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
				send: (event) => write(`data: ${JSON.stringify(event)}\n\n`),
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
			client.send(first);
			hub.add(client);
			// A comment line every 20 s keeps proxies and phones from dropping an idle stream.
			heartbeat = setInterval(() => write(': ping\n\n'), 20_000);
		},
		cancel: stop
	});
	return new Response(stream, {
		headers: {
			'content-type': 'text/event-stream; charset=utf-8',
			'cache-control': 'no-cache, no-transform',
			connection: 'keep-alive',
			'x-accel-buffering': 'no'
		}
	});
}
