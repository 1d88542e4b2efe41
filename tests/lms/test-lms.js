// A test LMS: a plain HTTP server that serves one package from its zip at a deep path, as LMSs
// do (files exactly as named, a folder's index.html, nothing else), and a player page that hosts
// scorm-again's SCORM 1.2 or 2004 runtime in the parent frame with the SCO in an iframe. Plain
// JavaScript, so that `npm run bench` (scripts/bench/package-page.js) launches packages in it too.
import { createServer } from 'node:http';
import { readFileSync } from 'node:fs';
import { extname } from 'node:path';

/** @type {Record<string, string>} */
const types = {
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

/**
 * A file of the package under `contentPath`, as LMSs serve them (files exactly as named, a
 * folder's index.html, nothing else). False when the address is not one of the package's files.
 * @param {Map<string, Uint8Array>} files
 * @param {URL} url
 * @param {import('node:http').ServerResponse} res
 */
export function servePackageFile(files, url, res) {
	if (!url.pathname.startsWith(contentPath)) return false;
	let path = decodeURIComponent(url.pathname.slice(contentPath.length));
	if (path === '' || path.endsWith('/')) path += 'index.html';
	const body = files.get(path);
	if (!body) return false;
	res.writeHead(200, { 'content-type': types[extname(path)] ?? 'application/octet-stream' });
	res.end(body);
	return true;
}

/**
 * @typedef {object} Manifest
 * @property {'1.2' | '2004'} version
 * @property {string} launch
 * @property {string} passingScore SCORM 1.2's adlcp:masteryscore (0–100), or 2004's
 *   minNormalizedMeasure (0–1).
 */

/**
 * What an LMS takes from imsmanifest.xml: the version, the SCO's launch file, the pass mark.
 * @param {Map<string, Uint8Array>} files
 * @returns {Manifest}
 */
export function readManifest(files) {
	const xml = new TextDecoder().decode(files.get('imsmanifest.xml'));
	const version = xml.includes('<schemaversion>2004 4th Edition</schemaversion>') ? '2004' : '1.2';
	const launch = /adlcp:scorm[tT]ype="sco"[^>]*href="([^"]+)"/.exec(xml)?.[1];
	if (!launch) throw new Error('imsmanifest.xml: no SCO resource with an href');
	const passing =
		version === '2004'
			? /satisfiedByMeasure="true">\s*<imsss:minNormalizedMeasure>([^<]*)</.exec(xml)
			: /<adlcp:masteryscore>([^<]*)</.exec(xml);
	return { version, launch, passingScore: passing?.[1] ?? '' };
}

const runtimes = {
	1.2: readFileSync('node_modules/scorm-again/dist/scorm12.min.js'),
	2004: readFileSync('node_modules/scorm-again/dist/scorm2004.min.js')
};

/** The LMS's side of each version: the runtime's class, its API's name and methods, launch data. */
const sides = {
	1.2: {
		api: 'API',
		make: 'new Scorm12API({ autocommit: false, logLevel: 5 })',
		commit: 'LMSCommit',
		set: 'LMSSetValue',
		finish: 'LMSFinish',
		launchData: `{ ...saved, core: { ...(saved.core ?? {}), student_id: learner,
		student_name: 'Doe, Jo', entry: saved.core ? 'resume' : 'ab-initio' },
	student_data: { mastery_score: passing } }`
	},
	2004: {
		api: 'API_1484_11',
		make: 'new Scorm2004API({ autocommit: false, logLevel: 5 })',
		commit: 'Commit',
		set: 'SetValue',
		finish: 'Terminate',
		launchData: `{ ...saved, learner_id: learner, learner_name: 'Doe, Jo',
	entry: saved.suspend_data ? 'resume' : 'ab-initio', scaled_passing_score: passing }`
	}
};

/** @param {Manifest} manifest */
function playerPage(manifest) {
	const side = sides[manifest.version];
	return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Test LMS</title>
<script src="/vendor/runtime.js"></script>
<style>body{margin:0;font:16px system-ui}iframe{width:100%;height:90vh;border:0}</style></head>
<body><h1>Test LMS</h1><div id="frame"></div>
<script>
const params = new URLSearchParams(location.search);
const api = ${side.make};
// What this LMS kept from an earlier attempt (set by the test), then this learner's launch data.
const saved = window.__savedCmi ?? {};
const learner = params.get('learner') ?? 'learner-1';
const passing = ${JSON.stringify(manifest.passingScore)};
api.loadFromJSON(${side.launchData}, '');
const log = (window.lmsLog = { commits: 0, refused: 0, finishes: 0, maxSuspend: 0 });
window.failCommits = params.get('commit') === 'fail';
const commit = api.${side.commit}.bind(api);
api.${side.commit} = (arg) => {
	if (window.failCommits) { log.refused++; return 'false'; }
	log.commits++;
	return commit(arg);
};
const setValue = api.${side.set}.bind(api);
api.${side.set} = (name, value) => {
	if (name === 'cmi.suspend_data') log.maxSuspend = Math.max(log.maxSuspend, String(value).length);
	return setValue(name, value);
};
const finish = api.${side.finish}.bind(api);
api.${side.finish} = (arg) => { log.finishes++; return finish(arg); };
window.${side.api} = api;
/** What the LMS would store: the CMI data model as JSON. */
window.lmsData = () => JSON.parse(JSON.stringify(api.renderCMIToJSONObject()));
const frame = document.createElement('iframe');
frame.title = 'Course';
frame.src = ${JSON.stringify(contentPath)} + ${JSON.stringify(manifest.launch)};
document.getElementById('frame').append(frame);
window.closeSco = () => frame.remove();
</script></body></html>`;
}

/**
 * Serves `files` (a package, by path) on 127.0.0.1:`port`, with its player at /player.html,
 * launching the manifest's SCO or, given `launch`, that page of the package.
 * @param {Map<string, Uint8Array>} files
 * @param {number} port
 * @param {{ launch?: string }} [options]
 * @returns {Promise<import('node:http').Server>}
 */
export function startTestLms(files, port, { launch } = {}) {
	const manifest = { ...readManifest(files), ...(launch && { launch }) };
	const server = createServer((req, res) => {
		const url = new URL(req.url ?? '/', 'http://lms');
		if (url.pathname === '/player.html') {
			res.writeHead(200, { 'content-type': types['.html'] });
			return res.end(playerPage(manifest));
		}
		if (url.pathname === '/vendor/runtime.js') {
			res.writeHead(200, { 'content-type': types['.js'] });
			return res.end(runtimes[manifest.version]);
		}
		if (servePackageFile(files, url, res)) return;
		res.writeHead(404, { 'content-type': 'text/plain' });
		res.end('Not found');
	});
	return new Promise((resolve) => server.listen(port, '127.0.0.1', () => resolve(server)));
}
