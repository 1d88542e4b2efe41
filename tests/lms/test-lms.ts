// A test LMS: a plain HTTP server that serves one package from its zip at a deep path, as LMSs
// do (files exactly as named, a folder's index.html, nothing else), and a player page that hosts
// scorm-again's SCORM 1.2 runtime in the parent frame with the SCO in an iframe.
import { createServer, type Server } from 'node:http';
import { readFileSync } from 'node:fs';
import { extname } from 'node:path';

const types: Record<string, string> = {
	'.html': 'text/html; charset=utf-8',
	'.js': 'text/javascript',
	'.css': 'text/css',
	'.json': 'application/json',
	'.svg': 'image/svg+xml',
	'.xml': 'application/xml',
	'.xsd': 'application/xml',
	'.txt': 'text/plain',
	'.vtt': 'text/vtt',
	'.webm': 'video/webm',
	'.ris': 'application/x-research-info-systems',
	'.bib': 'application/x-bibtex'
};

/** Where the package sits on the LMS: deep, like Moodle's pluginfile paths. */
export const contentPath = '/pluginfile.php/27/mod_scorm/content/3/';

export interface Manifest {
	launch: string;
	masteryScore: string;
}

/** What an LMS takes from imsmanifest.xml: the SCO's launch file and the mastery score. */
export function readManifest(files: Map<string, Uint8Array>): Manifest {
	const xml = new TextDecoder().decode(files.get('imsmanifest.xml'));
	const launch = /adlcp:scormtype="sco"[^>]*href="([^"]+)"/.exec(xml)?.[1];
	if (!launch) throw new Error('imsmanifest.xml: no SCO resource with an href');
	return { launch, masteryScore: /<adlcp:masteryscore>([^<]*)</.exec(xml)?.[1] ?? '' };
}

const runtime = readFileSync('node_modules/scorm-again/dist/scorm12.min.js');

function playerPage(manifest: Manifest) {
	return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Test LMS</title>
<script src="/vendor/scorm12.min.js"></script>
<style>body{margin:0;font:16px system-ui}iframe{width:100%;height:90vh;border:0}</style></head>
<body><h1>Test LMS</h1><div id="frame"></div>
<script>
const params = new URLSearchParams(location.search);
const api = new Scorm12API({ autocommit: false, logLevel: 5 });
// What this LMS kept from an earlier attempt (set by the test), then this learner's launch data.
const saved = window.__savedCmi ?? {};
api.loadFromJSON({
	...saved,
	core: { ...(saved.core ?? {}), student_id: params.get('learner') ?? 'learner-1',
		student_name: 'Doe, Jo', entry: saved.core ? 'resume' : 'ab-initio' },
	student_data: { mastery_score: ${JSON.stringify(manifest.masteryScore)} }
}, '');
const log = (window.lmsLog = { commits: 0, refused: 0, finishes: 0, maxSuspend: 0 });
window.failCommits = params.get('commit') === 'fail';
const commit = api.LMSCommit.bind(api);
api.LMSCommit = (arg) => {
	if (window.failCommits) { log.refused++; return 'false'; }
	log.commits++;
	return commit(arg);
};
const setValue = api.LMSSetValue.bind(api);
api.LMSSetValue = (name, value) => {
	if (name === 'cmi.suspend_data') log.maxSuspend = Math.max(log.maxSuspend, String(value).length);
	return setValue(name, value);
};
const finish = api.LMSFinish.bind(api);
api.LMSFinish = (arg) => { log.finishes++; return finish(arg); };
window.API = api;
/** What the LMS would store: the CMI data model as JSON. */
window.lmsData = () => JSON.parse(JSON.stringify(api.renderCMIToJSONObject()));
const frame = document.createElement('iframe');
frame.title = 'Course';
frame.src = ${JSON.stringify(contentPath)} + ${JSON.stringify(manifest.launch)};
document.getElementById('frame').append(frame);
window.closeSco = () => frame.remove();
</script></body></html>`;
}

export function startTestLms(files: Map<string, Uint8Array>, port: number): Promise<Server> {
	const manifest = readManifest(files);
	const server = createServer((req, res) => {
		const url = new URL(req.url ?? '/', 'http://lms');
		if (url.pathname === '/player.html') {
			res.writeHead(200, { 'content-type': types['.html'] });
			return res.end(playerPage(manifest));
		}
		if (url.pathname === '/vendor/scorm12.min.js') {
			res.writeHead(200, { 'content-type': types['.js'] });
			return res.end(runtime);
		}
		if (url.pathname.startsWith(contentPath)) {
			let path = decodeURIComponent(url.pathname.slice(contentPath.length));
			if (path === '' || path.endsWith('/')) path += 'index.html';
			const body = files.get(path);
			if (body) {
				res.writeHead(200, { 'content-type': types[extname(path)] ?? 'application/octet-stream' });
				return res.end(body);
			}
		}
		res.writeHead(404, { 'content-type': 'text/plain' });
		res.end('Not found');
	});
	return new Promise((resolve) => server.listen(port, '127.0.0.1', () => resolve(server)));
}
