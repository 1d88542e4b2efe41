// A test cmi5 LMS and LRS in the test process: it serves the package from its zip at a deep path,
// launches the AU (a launch page that puts the AU's URL, with the cmi5 launch parameters, in a
// frame), answers the fetch URL once per launch, and keeps statements and State API documents.
// Every statement is validated by Learning Locker's xAPI validator and checked against the cmi5
// rules the course must keep; what breaks them is answered 400 and kept in `errors`.
import { createServer } from 'node:http';
import { randomUUID } from 'node:crypto';
import { createRequire } from 'node:module';
import { contentPath, servePackageFile } from './test-lms.js';

/** @type {(statement: unknown) => Array<{ path: string[], constructor: { name: string } }>} */
const validate = createRequire(import.meta.url)('@learninglocker/xapi-validation').default;

export const cmi5Category = 'https://w3id.org/xapi/cmi5/context/categories/cmi5';
export const moveOnCategory = 'https://w3id.org/xapi/cmi5/context/categories/moveon';
export const sessionIdExtension = 'https://w3id.org/xapi/cmi5/context/extensions/sessionid';
export const masteryExtension = 'https://w3id.org/xapi/cmi5/context/extensions/masteryscore';
const verbs = 'http://adlnet.gov/expapi/verbs/';
const defined = ['initialized', 'completed', 'passed', 'failed', 'terminated'];

/** @typedef {Record<string, any>} Statement */

/**
 * @typedef {object} Session
 * @property {string} id
 * @property {string} registration
 * @property {string} learner
 * @property {Statement[]} statements The AU's statements in the order the LRS stored them.
 * @property {number} fetches
 */

/**
 * @typedef {object} Course
 * @property {string} auId
 * @property {string} auUrl
 * @property {string} moveOn
 * @property {number} [masteryScore]
 */

/**
 * What an LMS takes from cmi5.xml: the AU's id, launch URL, moveOn and masteryScore.
 * @param {Map<string, Uint8Array>} files
 * @returns {Course}
 */
export function readCourse(files) {
	const xml = new TextDecoder().decode(files.get('cmi5.xml'));
	const au = /<au\s([^>]*)>[\s\S]*?<url>([^<]+)<\/url>/.exec(xml);
	if (!au) throw new Error('cmi5.xml: no AU with a url');
	const attr = (/** @type {string} */ name) => new RegExp(`${name}="([^"]*)"`).exec(au[1])?.[1];
	const mastery = attr('masteryScore');
	return {
		auId: /** @type {string} */ (attr('id')),
		auUrl: au[2],
		moveOn: attr('moveOn') ?? 'NotApplicable',
		masteryScore: mastery === undefined ? undefined : Number(mastery)
	};
}

export class TestLrs {
	/** @type {Session[]} */
	sessions = [];
	/** @type {string[]} Every rule a statement broke, with the statement's verb: the tests expect none. */
	errors = [];
	/** @type {Map<string, string>} State documents by `registration|stateId`. */
	state = new Map();
	/** While true, statements (and, with `rejectState`, state writes) are answered 503. */
	rejectStatements = false;
	rejectState = false;
	rejected = 0;
	/** CORS preflights answered (an LRS on another origin than the content). */
	preflights = 0;
	/** @type {Map<string, Session>} */
	#tokens = new Map();
	/** @type {Map<string, Session>} */
	#fetchIds = new Map();

	/** @param {Course} course */
	constructor(course) {
		this.course = course;
	}

	actor = (/** @type {string} */ learner) => ({
		objectType: 'Agent',
		account: { homePage: 'https://lms.example.org', name: learner }
	});

	/**
	 * A launch as the LMS makes it: a session, LMS.LaunchData, a one-time fetch URL, the AU's URL.
	 * @param {string} origin
	 * @param {{ registration: string, learner: string, moveOn?: string, mastery?: number | null, launchMode?: string }} launch
	 */
	launch(origin, { registration, learner, moveOn, mastery, launchMode = 'Normal' }) {
		/** @type {Session} */
		const session = {
			id: randomUUID(),
			registration,
			learner,
			statements: [],
			fetches: 0
		};
		this.sessions.push(session);
		const fetchId = randomUUID();
		this.#fetchIds.set(fetchId, session);
		const masteryScore = mastery === null ? undefined : (mastery ?? this.course.masteryScore);
		this.state.set(
			`${registration}|LMS.LaunchData`,
			JSON.stringify({
				contextTemplate: {
					contextActivities: { grouping: [{ id: this.course.auId }] },
					extensions: { [sessionIdExtension]: session.id }
				},
				launchMode,
				moveOn: moveOn ?? this.course.moveOn,
				...(masteryScore !== undefined && { masteryScore }),
				returnURL: `${origin}/returned.html`
			})
		);
		const params = new URLSearchParams({
			endpoint: `${origin}/xapi/`,
			fetch: `${origin}/fetch/${fetchId}`,
			actor: JSON.stringify(this.actor(learner)),
			registration,
			activityId: this.course.auId
		});
		return `${contentPath}${this.course.auUrl}?${params}`;
	}

	/** The statements of a registration, over all its sessions, in the order stored. */
	statementsOf = (/** @type {string} */ registration) =>
		this.sessions.filter((s) => s.registration === registration).flatMap((s) => s.statements);

	stateOf = (/** @type {string} */ registration, /** @type {string} */ stateId) => {
		const text = this.state.get(`${registration}|${stateId}`);
		return text === undefined ? undefined : JSON.parse(text);
	};

	/** @param {string} id */
	fetchToken(id) {
		const session = this.#fetchIds.get(id);
		if (!session) return { 'error-code': '3', 'error-text': 'Unknown fetch URL' };
		session.fetches++;
		if (session.fetches > 1) return { 'error-code': '1', 'error-text': 'Already used' };
		const token = Buffer.from(`${session.learner}:${randomUUID()}`).toString('base64');
		this.#tokens.set(token, session);
		return { 'auth-token': token };
	}

	sessionOf = (/** @type {string | undefined} */ authorization) =>
		this.#tokens.get(String(authorization).replace(/^Basic /, ''));

	/**
	 * The cmi5 rules a statement breaks, given what its session and registration already hold.
	 * @param {Statement} statement
	 * @param {Session} session
	 * @returns {string[]}
	 */
	check(statement, session) {
		const problems = validate(statement).map(
			(w) => `xAPI: ${w.path.join('.')} (${w.constructor.name})`
		);
		const verb = String(statement.verb?.id ?? '').replace(verbs, '');
		const context = statement.context ?? {};
		/** @type {string[]} */
		const category = (context.contextActivities?.category ?? []).map(
			(/** @type {{ id: string }} */ a) => a.id
		);
		const launchData = JSON.parse(this.state.get(`${session.registration}|LMS.LaunchData`) ?? '{}');
		const mine = session.statements;
		const all = this.statementsOf(session.registration);
		const say = (/** @type {string} */ problem) => problems.push(`${verb}: ${problem}`);
		if (JSON.stringify(statement.actor) !== JSON.stringify(this.actor(session.learner)))
			say('actor is not the launch actor');
		if (context.registration !== session.registration) say('not in the registration');
		if (context.extensions?.[sessionIdExtension] !== session.id) say('no session id');
		if (context.contextActivities?.grouping?.[0]?.id !== this.course.auId)
			say('context template left out');
		if (!mine.length && verb !== 'initialized') say('the first statement is not initialized');
		if (mine.some((s) => s.verb.id === `${verbs}terminated`)) say('sent after terminated');
		if (defined.includes(verb)) {
			if (!category.includes(cmi5Category)) say('no cmi5 category');
			if (statement.object?.id !== this.course.auId) say('object is not the AU');
		} else if (category.includes(cmi5Category) || category.includes(moveOnCategory))
			say('an allowed statement carries a cmi5 category');
		const moveOn = ['completed', 'passed', 'failed'].includes(verb);
		if (moveOn && launchData.launchMode !== 'Normal') say(`in ${launchData.launchMode} mode`);
		if (moveOn !== category.includes(moveOnCategory)) say('moveon category wrong');
		const result = statement.result ?? {};
		const count = (/** @type {string} */ v) =>
			all.filter((s) => s.verb.id === `${verbs}${v}`).length;
		if (verb === 'completed') {
			if (count('completed')) say('completed twice in the registration');
			if (result.completion !== true || !result.duration) say('no completion or duration');
		}
		if (verb === 'passed' || verb === 'failed') {
			if (count('passed')) say('after passed');
			if (typeof result.score?.scaled !== 'number') say('no scaled score');
			if (result.success !== (verb === 'passed')) say('success does not match');
			const mastery = launchData.masteryScore;
			if (mastery !== undefined) {
				if (context.extensions?.[masteryExtension] !== mastery) say('no masteryscore extension');
				if (result.score?.scaled >= mastery !== (verb === 'passed'))
					say('score against the mastery score');
			}
		}
		if (verb === 'terminated' && !result.duration) say('no duration');
		return problems;
	}

	/**
	 * Stores what passes; returns the problems (none: stored). A known id is not stored twice.
	 * @param {Statement[]} statements
	 * @param {Session} session
	 * @returns {string[]}
	 */
	receive(statements, session) {
		/** @type {string[]} */
		const problems = [];
		for (const statement of statements) {
			const known = this.sessions
				.flatMap((s) => s.statements)
				.find((s) => s.id && s.id === statement.id);
			if (known) {
				if (JSON.stringify(known) !== JSON.stringify(statement))
					problems.push(`${statement.id}: a different statement with a known id`);
				continue;
			}
			const found = this.check(statement, session);
			if (found.length) {
				problems.push(...found);
				break;
			}
			session.statements.push(statement);
		}
		this.errors.push(...problems);
		return problems;
	}
}

/** @param {import('node:http').IncomingMessage} req @returns {Promise<string>} */
const body = (req) =>
	new Promise((resolve) => {
		let text = '';
		req.on('data', (chunk) => (text += chunk));
		req.on('end', () => resolve(text));
	});

/**
 * The test LMS and LRS (on the content's origin, or on localhost); `lrs` holds what it was sent.
 * It launches the AU of cmi5.xml or, given `launch`, that page of the package.
 * @param {Map<string, Uint8Array>} files
 * @param {number} port
 * @param {{ launch?: string }} [options]
 * @returns {Promise<import('node:http').Server & { lrs: TestLrs }>}
 */
export function startTestLrs(files, port, { launch } = {}) {
	const lrs = new TestLrs({ ...readCourse(files), ...(launch && { auUrl: launch }) });
	const origin = `http://127.0.0.1:${port}`;
	const server = createServer(async (req, res) => {
		const url = new URL(req.url ?? '/', origin);
		// The LRS may sit on another origin than the content (`?lrs=cross` at launch: localhost):
		// it answers CORS, preflights included, as an LRS must.
		const cors = {
			'access-control-allow-origin': req.headers.origin ?? '*',
			'access-control-allow-headers': 'Authorization, Content-Type, X-Experience-API-Version',
			'access-control-allow-methods': 'GET, PUT, POST, DELETE'
		};
		if (req.method === 'OPTIONS') {
			lrs.preflights++;
			res.writeHead(204, cors);
			return res.end();
		}
		const json = (/** @type {number} */ status, /** @type {unknown} */ value = undefined) => {
			res.writeHead(status, { 'content-type': 'application/json', ...cors });
			res.end(value === undefined ? undefined : JSON.stringify(value));
		};
		if (url.pathname === '/launch.html') {
			const q = url.searchParams;
			const mastery = q.get('mastery');
			const lrsOrigin = q.get('lrs') === 'cross' ? `http://localhost:${port}` : origin;
			const src = lrs.launch(lrsOrigin, {
				registration: q.get('registration') ?? '',
				learner: q.get('learner') ?? 'learner-1',
				moveOn: q.get('moveOn') ?? undefined,
				mastery: mastery === 'none' ? null : mastery ? Number(mastery) : undefined,
				launchMode: q.get('launchMode') ?? undefined
			});
			res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
			return res.end(`<!doctype html><html lang="en"><head><meta charset="utf-8">
<title>Test cmi5 LMS</title><style>body{margin:0;font:16px system-ui}iframe{width:100%;height:90vh;border:0}</style>
</head><body><h1>Test cmi5 LMS</h1><iframe title="Course" src="${src.replace(/&/g, '&amp;').replace(/"/g, '&quot;')}"></iframe>
<script>window.closeAu = () => document.querySelector('iframe').remove();</script></body></html>`);
		}
		if (url.pathname.startsWith('/fetch/') && req.method === 'POST')
			return json(200, lrs.fetchToken(url.pathname.slice('/fetch/'.length)));
		if (url.pathname.startsWith('/xapi/')) {
			const session = lrs.sessionOf(req.headers.authorization);
			if (!session) return json(401, { error: 'no or unknown token' });
			if (req.headers['x-experience-api-version'] !== '1.0.3')
				return json(400, { error: 'X-Experience-API-Version' });
			const text = await body(req);
			if (url.pathname === '/xapi/statements' && req.method === 'POST') {
				if (lrs.rejectStatements) {
					lrs.rejected++;
					return json(503, { error: 'rejected by the test' });
				}
				const parsed = JSON.parse(text);
				/** @type {Statement[]} */
				const list = Array.isArray(parsed) ? parsed : [parsed];
				const problems = lrs.receive(list, session);
				return problems.length
					? json(400, { problems })
					: json(
							200,
							list.map((s) => s.id)
						);
			}
			if (url.pathname === '/xapi/activities/state') {
				const q = url.searchParams;
				const agent = JSON.parse(q.get('agent') ?? 'null');
				if (
					q.get('activityId') !== lrs.course.auId ||
					q.get('registration') !== session.registration ||
					agent?.account?.name !== session.learner
				)
					return json(400, { error: 'not this launch' });
				const key = `${session.registration}|${q.get('stateId')}`;
				if (req.method === 'GET') {
					const doc = lrs.state.get(key);
					return doc === undefined ? json(404) : json(200, JSON.parse(doc));
				}
				if (q.get('stateId') === 'LMS.LaunchData') return json(403, { error: 'the LMS owns it' });
				if (lrs.rejectState) {
					lrs.rejected++;
					return json(503, { error: 'rejected by the test' });
				}
				if (req.method === 'PUT') {
					JSON.parse(text);
					lrs.state.set(key, text);
					return json(204);
				}
				if (req.method === 'DELETE') {
					lrs.state.delete(key);
					return json(204);
				}
			}
			return json(405, { error: 'not in this test LRS' });
		}
		if (servePackageFile(files, url, res)) return;
		res.writeHead(404, { 'content-type': 'text/plain' });
		res.end('Not found');
	});
	return new Promise((resolve) =>
		server.listen(port, '127.0.0.1', () => resolve(Object.assign(server, { lrs })))
	);
}
