import { resolve } from '$app/paths';
import type { Envelope } from '$lib/progress/envelope';
import { mergeEnvelopes } from '$lib/progress/merge';
import { decode } from '$lib/progress/migrate';
import type { CourseProgress } from '$lib/progress/progress.svelte';
import { browserStorage, storageKey, type ProgressStorage } from '$lib/progress/storage';
import { findApi } from './find-api';
import { lms } from './lms-state.svelte';
import type { QuizKey } from './quiz-key';
import { attemptCounts, newAnswers, responseLetters, standing, time12, timespan12 } from './report';
import { decodeSuspend, fitSuspend } from './suspend';

// SCORM 1.2: progress lives in the LMS (cmi.suspend_data) behind ProgressStorage, with a browser
// copy keyed by the LMS learner id, so a commit the LMS drops or a reflection it has no room for
// loses nothing. The LMS sees status, score, location, time, exit and one interaction per answer.

/** SCORM 1.2's CMIString4096. scorm-again accepts more; real LMSs (and the standard) do not. */
export const suspendLimit = 4096;
const retryDelays = [1000, 3000, 10_000];
/** Steps done between status changes still reach the LMS within this long. */
const settleDelay = 5000;

export interface Scorm12Api {
	LMSInitialize(arg: ''): string;
	LMSFinish(arg: ''): string;
	LMSGetValue(name: string): string;
	LMSSetValue(name: string, value: string): string;
	LMSCommit(arg: ''): string;
	LMSGetLastError(): string | number;
}

export function connectScorm12(progress: CourseProgress, from: Window = window): () => void {
	const found = findApi<Scorm12Api>('API', from);
	if (!found || String(found.LMSInitialize('')) !== 'true') {
		lms.connection = 'plain';
		return progress.connect(browserStorage());
	}
	const api = found;
	lms.connection = 'connected';
	if (api.LMSGetValue('cmi.core.lesson_status') === 'not attempted') {
		api.LMSSetValue('cmi.core.lesson_status', 'incomplete');
		api.LMSCommit('');
	}
	const outline = progress.outline;
	const started = Date.now();
	const learner = api.LMSGetValue('cmi.core.student_id') || 'anonymous';
	const mirror = browserStorage(`${storageKey}:lms:${learner}`);
	const order = outline.lessons.flatMap((l) =>
		l.steps.filter((s) => s.kind === 'reflect').map((s) => `${l.slug}/${s.id}`)
	);
	const titles = new Map<string, string>(
		outline.lessons.flatMap((l) =>
			l.steps.map((s): [string, string] => [`${l.slug}/${s.id}`, `${s.title} (lesson ${l.number})`])
		)
	);

	let omitted: string[] = [];
	let sent: Record<string, number> = {};
	let last = { status: api.LMSGetValue('cmi.core.lesson_status'), score: '', lessons: -1 };
	let terminated = false;
	let retry: ReturnType<typeof setTimeout> | undefined;
	let failures = 0;
	let quizKey: Promise<QuizKey | null> | undefined;
	const loadKey = () =>
		(quizKey ??= fetch(resolve('/lms/quiz-key.json'))
			.then((r) => (r.ok ? (r.json() as Promise<QuizKey>) : null))
			.catch(() => null));

	void loadKey();

	const set = (name: string, value: string) =>
		terminated || String(api.LMSSetValue(name, value)) === 'true';

	function commit(): boolean {
		clearTimeout(retry);
		retry = undefined;
		if (terminated) return false;
		set('cmi.core.session_time', timespan12(Date.now() - started));
		const ok = String(api.LMSCommit('')) === 'true';
		if (ok) {
			failures = 0;
			lms.connection = 'connected';
		} else {
			// A dropped commit: the browser copy has everything; try again, calmly.
			lms.connection = 'lost';
			retry = setTimeout(commit, retryDelays[Math.min(failures++, retryDelays.length - 1)]);
		}
		return ok;
	}

	function showKept(envelope: Envelope) {
		const name = (k: string) => titles.get(k) ?? k;
		lms.keptHere = omitted.filter((k) => envelope.reflections[k]).map(name);
		lms.keptElsewhere = omitted.filter((k) => !envelope.reflections[k]).map(name);
	}

	async function report(envelope: Envelope, force = false) {
		const fitted = fitSuspend(envelope, suspendLimit, order, omitted);
		omitted = fitted.omitted;
		showKept(envelope);
		let ok = fitted.text.length <= suspendLimit && set('cmi.suspend_data', fitted.text);

		const now = standing(outline, envelope);
		// With a mastery score (adlcp:masteryscore) the course is passed or failed; without, completed.
		const mastery = api.LMSGetValue('cmi.student_data.mastery_score');
		const status = !now.finished
			? 'incomplete'
			: mastery === ''
				? 'completed'
				: (now.score ?? 0) >= Number(mastery)
					? 'passed'
					: 'failed';
		const score = now.score === undefined ? '' : String(now.score);
		const lessons = Object.values(envelope.progress).filter((r) => r.complete).length;
		if (score) {
			ok = set('cmi.core.score.min', '0') && ok;
			ok = set('cmi.core.score.max', '100') && ok;
			ok = set('cmi.core.score.raw', score) && ok;
		}
		if (now.location) ok = set('cmi.core.lesson_location', now.location) && ok;
		if (status !== last.status) ok = set('cmi.core.lesson_status', status) && ok;
		ok = set('cmi.core.exit', now.finished ? '' : 'suspend') && ok;
		const answered = await interactions(envelope);
		const changed =
			status !== last.status || score !== last.score || lessons !== last.lessons || answered;
		last = { status, score, lessons };
		if (changed || force || !ok) commit();
		else if (!retry) retry = setTimeout(commit, settleDelay);
	}

	async function interactions(envelope: Envelope): Promise<boolean> {
		const key = await loadKey();
		if (!key) return false;
		const answers = newAnswers(envelope, key, sent);
		sent = { ...sent, ...attemptCounts(envelope) };
		for (const a of answers) {
			const n = Number(api.LMSGetValue('cmi.interactions._count')) || 0;
			const at = `cmi.interactions.${n}`;
			set(`${at}.id`, a.id);
			set(`${at}.type`, a.question.type);
			set(`${at}.time`, time12(a.t));
			set(`${at}.correct_responses.0.pattern`, responseLetters(a.question, a.question.correct));
			set(`${at}.student_response`, responseLetters(a.question, a.chosen));
			set(`${at}.result`, a.correct ? 'correct' : 'wrong');
		}
		return answers.length > 0;
	}

	// The LMS's copy is read once, at launch; after that this page holds the newest progress.
	const fromLms = (() => {
		const text = api.LMSGetValue('cmi.suspend_data');
		return text ? { text, decoded: decodeSuspend(text) } : null;
	})();
	let launchValue: Promise<string | null> | undefined;
	let lastWritten: string | null = null;

	/** The LMS's copy merged with this browser's: the newest of each item, nothing lowered. */
	async function atLaunch(): Promise<string | null> {
		const local = mirror ? await mirror.read() : null;
		if (!fromLms) return local;
		if (!fromLms.decoded) {
			// Not ours or damaged: kept apart, never thrown away, and the browser copy is used.
			await mirror?.backup(fromLms.text);
			return local ?? fromLms.text;
		}
		omitted = fromLms.decoded.omitted;
		const version = outline.version;
		const lmsEnvelope = decode(fromLms.decoded.json, version).envelope;
		sent = attemptCounts(lmsEnvelope);
		if (!local) return fromLms.decoded.json;
		return JSON.stringify(mergeEnvelopes(decode(local, version).envelope, lmsEnvelope));
	}

	const storage: ProgressStorage = {
		async read() {
			return lastWritten ?? (await (launchValue ??= atLaunch()));
		},
		async write(value) {
			lastWritten = value;
			// The browser copy first: whatever the LMS does next, nothing is lost.
			await mirror?.write(value).catch(() => undefined);
			await report(JSON.parse(value) as Envelope);
		},
		async backup(value) {
			await mirror?.backup(value);
		},
		async clear() {
			await mirror?.clear?.();
			lastWritten = null;
			launchValue = Promise.resolve(null);
			omitted = [];
			lms.keptHere = [];
			lms.keptElsewhere = [];
			set('cmi.suspend_data', '');
			commit();
		}
	};
	const stopProgress = progress.connect(storage);

	/** Everything now on screen, sent and committed (debounced writes would be too late). */
	async function sendNow() {
		const view = progress.view;
		const hasAnything =
			Object.keys(view.lessons).length ||
			Object.keys(view.reflections).length ||
			Object.keys(view.answers).length;
		if (hasAnything) await storage.write(JSON.stringify(await progress.envelope()));
		else commit();
	}
	const onHidden = () => {
		if (document.visibilityState === 'hidden') void sendNow();
	};
	const onLeave = () => {
		void sendNow().finally(() => {
			if (terminated) return;
			clearTimeout(retry);
			commit();
			terminated = true;
			api.LMSFinish('');
		});
	};
	// Whatever this browser holds that the LMS lacks (a commit dropped last time) goes now.
	void progress.ready.then(sendNow);
	document.addEventListener('visibilitychange', onHidden);
	window.addEventListener('pagehide', onLeave);
	return () => {
		document.removeEventListener('visibilitychange', onHidden);
		window.removeEventListener('pagehide', onLeave);
		stopProgress();
	};
}
