// A loopback proxy that counts what crosses the network, whoever asks for it: the page or its
// service worker (whose own fetches a page's request events do not show).
import http from 'node:http';

/**
 * @param {string} target the origin to forward to
 * @param {number} port where the proxy listens on 127.0.0.1
 */
export async function countingProxy(target, port) {
	/** @type {{ path: string, type: string, bytes: number }[]} */
	let seen = [];
	const server = http.createServer((req, res) => {
		const upstream = http.request(
			new URL(req.url ?? '/', target),
			{ method: req.method, headers: { ...req.headers, host: new URL(target).host } },
			(response) => {
				res.writeHead(response.statusCode ?? 502, response.headers);
				const entry = {
					path: (req.url ?? '/').split('?')[0],
					type: String(response.headers['content-type'] ?? ''),
					bytes: 0
				};
				seen.push(entry);
				response.on('data', (chunk) => (entry.bytes += chunk.length));
				response.pipe(res);
			}
		);
		upstream.on('error', () => res.destroy());
		req.pipe(upstream);
	});
	await new Promise((resolve) => server.listen(port, '127.0.0.1', () => resolve(undefined)));
	return {
		origin: `http://127.0.0.1:${port}`,
		/** Forgets what has been counted so far. */
		reset: () => (seen = []),
		/** Responses since the last reset, with the bytes each sent (as sent, compressed or not). */
		taken: () => [...seen],
		close: () => new Promise((resolve) => server.close(() => resolve(undefined)))
	};
}
