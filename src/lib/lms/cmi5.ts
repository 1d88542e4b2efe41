import type { Envelope } from '$lib/progress/envelope';
import type { CourseProgress } from '$lib/progress/progress.svelte';
import { browserStorage, storageKey, type ProgressStorage } from '$lib/progress/storage';
import { reportWrite } from '$lib/progress/writes';
import type { Cmi5Link, cmi5Reporter } from './cmi5-report';
import type { Cmi5Doc } from './cmi5-resume';
import {
	launchParams,
	statementIn,
	type Extra,
	type LaunchData,
	type Sent
} from './cmi5-statements';
import { duration2004 } from './dialects';
import { lms } from './lms-state.svelte';

// cmi5: the course is one AU. The LMS launches it with endpoint, fetch, actor, registration and
// activityId in the URL; the AU fetches its auth token once, reads LMS.LaunchData from the xAPI
// State API, keeps the progress envelope in a State API document of its own (not a suspend
// string), and sends cmi5 statements (initialized, completed, passed or failed, terminated) and
// one cmi5 "allowed" answered statement per question. A small fetch client, not @xapi/cmi5
// (29.8 KB gzip with its bundled HTTP client, the adapter's budget is 4 KB). The browser copy,
// keyed by the learner, is the mirror: a request the LRS rejects is retried and loses nothing.
// What the LRS is told about progress (cmi5-report.ts) loads with the first progress written,
// and reading the LRS's copy back (cmi5-resume.ts) only when there is one.

const retryDelays = [1000, 3000, 10_000];
const progressState = 'urn:coproduction-course:state:progress';

// The launch and its token outlive a reload of the page, which may be at a lesson's address by
// then (the fetch URL answers once). A frame without session storage: a reload is not an LMS launch.
const recall = (key: string) => {
	try {
		return sessionStorage.getItem(key) ?? '';
	} catch {
		return '';
	}
};
const remember = (key: string, value: string) => {
	try {
		sessionStorage.setItem(key, value);
	} catch {
		// Then a reload cannot resume this session; the LMS launches a new one.
	}
};

type Queued = { statement: object; mark?: (sent: Sent) => void };

export function connectPackage(progress: CourseProgress, from: Window = window): () => void {
	const launchKey = `${storageKey}:cmi5:launch`;
	const launch = launchParams(from.location.search) ?? launchParams(recall(launchKey));
	if (launchParams(from.location.search)) remember(launchKey, from.location.search);
	if (!launch) {
		lms.connection = 'plain';
		return progress.connect(browserStorage());
	}
	const { actor, registration, activityId } = launch;
	const learner = actor.account?.name ?? actor.mbox ?? 'anonymous';
	const mirror = browserStorage(`${storageKey}:lms:${learner}`);
	const outline = progress.outline;
	const started = Date.now();
	const tokenKey = `${storageKey}:cmi5:${launch.fetch}`;

	let token = '';
	let data: LaunchData | undefined;
	let leaving = false;
	let terminated = false;
	/** What the LRS has acknowledged (kept in the State document), and what is queued beyond it. */
	let acked: Sent = { answers: {} };
	let queuedMarks: Sent = { answers: {} };
	const queue: Queued[] = [];
	let lastWritten: string | null = null;

	const api = (path: string, method = 'GET', body?: string, query?: Record<string, string>) =>
		fetch(`${launch.endpoint}${path}${query ? `?${new URLSearchParams(query)}` : ''}`, {
			method,
			body,
			keepalive: leaving,
			headers: {
				Authorization: `Basic ${token}`,
				'X-Experience-API-Version': '1.0.3',
				...(body ? { 'Content-Type': 'application/json' } : {})
			}
		});
	const stateQuery = (stateId: string) => ({
		stateId,
		activityId,
		agent: JSON.stringify(actor),
		registration
	});
	const getState = async (stateId: string) => {
		const r = await api('activities/state', 'GET', undefined, stateQuery(stateId));
		if (r.status === 404) return null;
		if (!r.ok) throw new Error(`LRS ${r.status}`);
		return r.text();
	};

	/** One request at a time per kind; a failure is retried later, calmly. */
	const failing = new Set<string>();
	function channel(name: string, run: () => Promise<boolean>) {
		let busy = false;
		let again = false;
		let failures = 0;
		let timer: ReturnType<typeof setTimeout> | undefined;
		const go = async (): Promise<void> => {
			clearTimeout(timer);
			if (busy) return void (again = true);
			if (!data) return;
			busy = true;
			again = false;
			const ok = await run().catch(() => false);
			busy = false;
			if (ok) {
				failures = 0;
				failing.delete(name);
			} else {
				failing.add(name);
				if (!leaving)
					timer = setTimeout(go, retryDelays[Math.min(failures++, retryDelays.length - 1)]);
			}
			lms.connection = failing.size ? 'lost' : 'connected';
			if (again && ok) return go();
		};
		return go;
	}

	const docText = () =>
		lastWritten ? `{"progress":${lastWritten},"sent":${JSON.stringify(acked)}}` : null;
	const saveState = channel('state', async () => {
		const text = docText();
		if (!text) return true;
		return (await api('activities/state', 'PUT', text, stateQuery(progressState))).ok;
	});

	const flush = channel('statements', async () => {
		const batch = queue.slice();
		if (!batch.length) return true;
		const ok = (await api('statements', 'POST', JSON.stringify(batch.map((q) => q.statement)))).ok;
		if (!ok) return false;
		queue.splice(0, batch.length);
		for (const q of batch) q.mark?.(acked);
		if (batch.some((q) => q.mark)) void saveState();
		if (queue.length) void flush();
		return true;
	});

	function send(verb: string, extra: Extra = {}, mark?: Queued['mark']) {
		if (terminated || !data) return;
		mark?.(queuedMarks);
		queue.push({ statement: statementIn(data, launch!, verb, extra), mark });
	}

	const link: Cmi5Link = {
		outline,
		launch,
		data: () => data,
		terminated: () => terminated,
		started,
		marks: () => queuedMarks,
		queue: (statement, mark) => void queue.push({ statement, mark }),
		send,
		flush: () => void flush()
	};
	let reporter: Promise<ReturnType<typeof cmi5Reporter>> | undefined;

	async function report(envelope: Envelope) {
		void saveState();
		// What the LRS is told about progress loads with the first progress written.
		reporter ??= import('./cmi5-report').then((module) => module.cmi5Reporter(link));
		await (await reporter).report(envelope);
	}

	async function start(): Promise<Cmi5Doc | null> {
		token = recall(tokenKey);
		// Reloaded after this session was terminated: no statement may follow terminated, so this
		// page only keeps the State document; what it would have sent goes at the next launch.
		terminated = recall(`${tokenKey}:ended`) === '1';
		if (!token) {
			const r = await fetch(launch!.fetch, { method: 'POST' });
			token = ((await r.json()) as Record<string, string>)['auth-token'] ?? '';
			if (!token) throw new Error('No auth token');
			remember(tokenKey, token);
		}
		const launchData = JSON.parse(
			(await getState('LMS.LaunchData')) ?? 'null'
		) as LaunchData | null;
		if (!launchData?.contextTemplate) throw new Error('No LMS.LaunchData');
		const stored = await getState(progressState);
		data = launchData;
		lms.connection = 'connected';
		send('initialized');
		void flush();
		return stored ? (JSON.parse(stored) as Cmi5Doc) : null;
	}
	const started$ = start().catch(() => {
		lms.connection = 'plain';
		return null;
	});

	/** The LRS's copy merged with this browser's: the newest of each item, nothing lowered. */
	async function atLaunch(): Promise<string | null> {
		const local = mirror ? await mirror.read() : null;
		const doc = await started$;
		if (!doc) return local;
		const { resumeFrom } = await import('./cmi5-resume');
		const resumed = resumeFrom(doc, local, outline.version);
		// Not ours or damaged: kept apart in this browser, never thrown away.
		if (resumed.keepApart)
			await reportWrite('backup', () => mirror?.backup(JSON.stringify(doc)), { oneOff: true });
		if (resumed.sent) {
			acked = resumed.sent;
			queuedMarks = { ...acked, answers: { ...acked.answers } };
		}
		return resumed.value;
	}
	let launchValue: Promise<string | null> | undefined;

	async function save(value: string) {
		lastWritten = value;
		// The browser copy first: whatever the LRS does next, nothing is lost.
		if (mirror) await reportWrite('lms-mirror', () => mirror.write(value));
		await report(JSON.parse(value) as Envelope);
	}

	const storage: ProgressStorage = {
		async read() {
			return lastWritten ?? (await (launchValue ??= atLaunch()));
		},
		write: save,
		async backup(value) {
			if (!mirror) throw new Error('This browser keeps no copy of the LMS progress.');
			await mirror.backup(value);
		},
		async clear() {
			await mirror?.clear?.();
			lastWritten = null;
			launchValue = Promise.resolve(null);
			if (data) await api('activities/state', 'DELETE', undefined, stateQuery(progressState));
		}
	};
	const stopProgress = progress.connect(storage);

	async function sendNow() {
		const view = progress.view;
		if (
			Object.keys(view.lessons).length ||
			Object.keys(view.reflections).length ||
			Object.keys(view.answers).length
		)
			await save(JSON.stringify(await progress.envelope()));
	}
	const onHidden = () => {
		if (document.visibilityState === 'hidden') void sendNow();
	};
	// Leaving: what this page holds goes now, terminated last, in requests that outlive the page.
	// Past any request still under way: a statement sent twice has one id and is stored once.
	const onLeave = () => {
		if (leaving || !data) return;
		leaving = true;
		if (!terminated) {
			send('terminated', { result: { duration: duration2004(Date.now() - started) } });
			terminated = true;
			remember(`${tokenKey}:ended`, '1');
		}
		const text = docText();
		const quiet = () => undefined;
		if (text) api('activities/state', 'PUT', text, stateQuery(progressState)).catch(quiet);
		if (queue.length)
			api('statements', 'POST', JSON.stringify(queue.map((q) => q.statement))).catch(quiet);
	};
	// Back from the browser's page cache: the session stays terminated; progress is saved again.
	const onShow = (event: PageTransitionEvent) => {
		if (event.persisted) leaving = false;
	};
	void progress.ready.then(sendNow);
	document.addEventListener('visibilitychange', onHidden);
	window.addEventListener('pagehide', onLeave);
	window.addEventListener('pageshow', onShow);
	return () => {
		window.removeEventListener('pageshow', onShow);
		document.removeEventListener('visibilitychange', onHidden);
		window.removeEventListener('pagehide', onLeave);
		stopProgress();
	};
}
