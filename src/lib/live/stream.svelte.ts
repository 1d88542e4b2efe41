// A live-session stream in the browser. The status is what the stream last did, never assumed:
// 'open' only while events arrive (the server pings every 15 s, so 40 s of silence is a dead
// connection), 'offline' while the device says it has no network, 'reconnecting' otherwise.
// EventSource reconnects by itself after a dropped connection; when the server refuses or is down
// (the source closes), we retry with a backoff.
import type { StreamEvent } from './types';

export type StreamStatus = 'connecting' | 'open' | 'reconnecting' | 'offline' | 'ended';

/** Silence after which an open stream counts as dead. */
const staleMs = 40_000;

export class LiveStream {
	status = $state<StreamStatus>('connecting');
	private source: EventSource | undefined;
	private retryTimer: ReturnType<typeof setTimeout> | undefined;
	private watchdog: ReturnType<typeof setInterval> | undefined;
	private failures = 0;
	private lastSeen = 0;
	private readonly offDevice: () => void;

	constructor(
		private readonly url: string,
		private readonly onEvent: (event: StreamEvent) => void,
		/** Called each time the stream (re)opens: the moment to resend what waited. */
		private readonly onOpen: () => void = () => {}
	) {
		const offline = () => {
			if (this.status === 'ended') return;
			this.status = 'offline';
			this.source?.close();
			clearTimeout(this.retryTimer);
		};
		const online = () => {
			if (this.status === 'ended') return;
			this.status = 'reconnecting';
			this.connect();
		};
		addEventListener('offline', offline);
		addEventListener('online', online);
		this.offDevice = () => {
			removeEventListener('offline', offline);
			removeEventListener('online', online);
		};
		this.watchdog = setInterval(() => {
			if (this.status === 'open' && Date.now() - this.lastSeen > staleMs) {
				this.status = 'reconnecting';
				this.connect();
			}
		}, 5000);
		if (navigator.onLine === false) this.status = 'offline';
		else this.connect();
	}

	private seen(): void {
		this.lastSeen = Date.now();
		if (this.status !== 'open') {
			this.status = 'open';
			this.failures = 0;
			this.onOpen();
		}
	}

	private connect(): void {
		clearTimeout(this.retryTimer);
		this.source?.close();
		const source = new EventSource(this.url);
		this.source = source;
		source.onopen = () => this.seen();
		source.onmessage = (message) => {
			if (this.source !== source) return;
			this.seen();
			const event = JSON.parse(message.data) as StreamEvent;
			if (event.type === 'ping') return;
			if (event.type === 'ended') this.close('ended');
			this.onEvent(event);
		};
		source.onerror = () => {
			if (this.source !== source || this.status === 'ended' || this.status === 'offline') return;
			this.status = 'reconnecting';
			if (source.readyState === EventSource.CLOSED) {
				this.failures += 1;
				const wait = Math.min(15_000, 1000 * 2 ** Math.min(this.failures, 4));
				this.retryTimer = setTimeout(() => this.connect(), wait);
			}
		};
	}

	close(status: StreamStatus = 'ended'): void {
		clearTimeout(this.retryTimer);
		clearInterval(this.watchdog);
		this.offDevice();
		this.source?.close();
		this.status = status;
	}
}

/** The request never reached the server (no network, server down): worth trying again later. */
export class NetworkError extends Error {
	constructor() {
		super('Could not reach the session. Check your connection; we will keep trying.');
	}
}

/** POSTs JSON to the live API; throws the server's message, or a NetworkError, on failure. */
export async function postJson<T>(url: string, body: unknown, method = 'POST'): Promise<T> {
	let response: Response;
	try {
		response = await fetch(url, {
			method,
			headers: { 'content-type': 'application/json' },
			body: body === undefined ? undefined : JSON.stringify(body)
		});
	} catch {
		throw new NetworkError();
	}
	const data = (await response.json().catch(() => ({}))) as T & { error?: string };
	if (!response.ok) {
		if (data.error) throw new Error(data.error);
		if (response.status >= 500) throw new NetworkError();
		throw new Error('Something went wrong. Try again in a moment.');
	}
	return data;
}
