// The production server (`npm start`, the e2e tests, bench:live): adapter-node's request handler
// in a server of our own, so that every response, prerendered files included, gets the security
// headers (serve-headers.js), bodies and slow clients are bounded, and a stop takes about a second
// instead of waiting for open event streams.
// Environment: as adapter-node (HOST, PORT, ORIGIN, ADDRESS_HEADER, XFF_DEPTH, BODY_SIZE_LIMIT…),
// plus FRAME_ANCESTORS, OPENER_POLICY, REQUEST_TIMEOUT (s, default 15), SHUTDOWN_TIMEOUT (s, default 5).
import http from 'node:http';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { securityHeaders } from './serve-headers.js';

const seconds = (name, fallback) => {
	const n = Number(process.env[name]);
	return Number.isFinite(n) && n > 0 ? n : fallback;
};

// The live API takes at most 4 KB (src/lib/live/types.ts limits.bodyBytes); twice that leaves
// room for form encoding and keeps anything larger from being buffered at all.
process.env.BODY_SIZE_LIMIT ??= '8K';
const bodyLimit = 8 * 1024;
const buildDir = process.env.BUILD_DIR ?? 'build';
const { handler } = await import(pathToFileURL(resolve(buildDir, 'handler.js')).href);

/** Adds the course's headers just before the app's own go out, whichever part wrote them. */
function withHeaders(req, res) {
	const pathname = new URL(req.url ?? '/', 'http://x').pathname;
	const writeHead = res.writeHead;
	res.writeHead = function (status, ...rest) {
		const headers = rest.find((r) => r && typeof r === 'object') ?? {};
		const existing = { ...res.getHeaders() };
		for (const [k, v] of Object.entries(headers)) existing[k.toLowerCase()] = v;
		for (const [k, v] of Object.entries(securityHeaders(pathname, existing))) {
			res.setHeader(k, v);
			for (const name of Object.keys(headers)) if (name.toLowerCase() === k) delete headers[name];
		}
		return writeHead.call(this, status, ...rest);
	};
}

function refuse(res, status, message) {
	res.writeHead(status, { 'content-type': 'text/plain; charset=utf-8', connection: 'close' });
	res.end(`${message}\n`);
}

const requestTimeout = seconds('REQUEST_TIMEOUT', 15) * 1000;
const server = http.createServer(
	{
		// Node checks the two timeouts below only this often (30 s by default, which let a slow body
		// hold its connection for up to 45 s).
		connectionsCheckingInterval: Math.min(1000, requestTimeout / 2)
	},
	(req, res) => {
		withHeaders(req, res);
		if (Number(req.headers['content-length'] ?? 0) > bodyLimit)
			return refuse(res, 413, 'That request is too large.');
		handler(req, res, () => refuse(res, 404, 'Not found.'));
	}
);
// A slow or stalled body, or slow headers, do not hold a connection for minutes.
server.requestTimeout = requestTimeout;
server.headersTimeout = Math.min(server.requestTimeout, 10_000);
server.keepAliveTimeout = 5_000;

const host = process.env.HOST ?? '0.0.0.0';
const port = Number(process.env.PORT ?? 3000);
// PORT=0 takes any free port; the line below says which (tests read it).
server.listen(port, host, () =>
	console.log(`Listening on http://${host}:${server.address().port}`)
);

let stopping = false;
function stop(signal) {
	if (stopping) return;
	stopping = true;
	const started = Date.now();
	// The live hub ends its event streams on the same signal; connections left idle by that are
	// closed as they become idle, and whatever is left at the timeout is cut.
	server.close(() => {
		process.emit('sveltekit:shutdown', signal);
		if (process.env.LOG_SHUTDOWN) console.log(`Stopped in ${Date.now() - started} ms`);
		process.exit(0);
	});
	const idle = setInterval(() => server.closeIdleConnections(), 50);
	idle.unref();
	setTimeout(() => server.closeAllConnections(), seconds('SHUTDOWN_TIMEOUT', 5) * 1000).unref();
}
for (const signal of ['SIGTERM', 'SIGINT']) process.on(signal, () => stop(signal));
