// A live-session stream in the browser: EventSource reconnects by itself after a dropped
// connection; when the server refuses or is down (the source closes), we retry with a backoff.
import type { StreamEvent } from './types';

export type StreamStatus = 'connecting' | 'open' | 'reconnecting' | 'ended';

export class LiveStream {
	status = $state<StreamStatus>('connecting');
	private source: EventSource | undefined;
	private retryTimer: ReturnType<typeof setTimeout> | undefined;
	private failures = 0;

	constructor(
		private readonly url: string,
		private readonly onEvent: (event: StreamEvent) => void
	) {
		this.connect();
	}

	private connect(): void {
		const source = new EventSource(this.url);
		this.source = source;
		source.onopen = () => {
			this.failures = 0;
			this.status = 'open';
		};
		source.onmessage = (message) => {
			const event = JSON.parse(message.data) as StreamEvent;
			if (event.type === 'ended') this.close('ended');
			this.onEvent(event);
		};
		source.onerror = () => {
			if (this.status === 'ended') return;
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
		this.source?.close();
		this.status = status;
	}
}

/** POSTs JSON to the live API; throws the server's message on failure. */
export async function postJson<T>(url: string, body: unknown, method = 'POST'): Promise<T> {
	const response = await fetch(url, {
		method,
		headers: { 'content-type': 'application/json' },
		body: body === undefined ? undefined : JSON.stringify(body)
	});
	const data = (await response.json().catch(() => ({}))) as T & { error?: string };
	if (!response.ok) throw new Error(data.error ?? `The server answered ${response.status}.`);
	return data;
}
