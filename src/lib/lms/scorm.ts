import { reportWrite } from '$lib/progress/writes';
import { resolve } from '$app/paths';
import type { Envelope } from '$lib/progress/envelope';
import type { CourseProgress } from '$lib/progress/progress.svelte';
import { browserStorage, storageKey, type ProgressStorage } from '$lib/progress/storage';
import { scorm12, scorm2004, type ScormDialect, type ScormMethod } from './dialects';
import { findApi } from './find-api';
import { lms } from './lms-state.svelte';
import type { QuizKey } from './quiz-key';
import { attemptCounts, newAnswers, standing } from './report';
import { decodeSuspend, fitSuspend } from './suspend';

// SCORM 1.2 and 2004: progress lives in the LMS (cmi.suspend_data) behind ProgressStorage, with a
// browser copy keyed by the LMS learner id, so a commit the LMS drops or a reflection it has no
// room for loses nothing. The LMS sees status, score, location, time, exit and one interaction per
// answer, in the words of the version's dialect (dialects.ts).

const retryDelays = [1000, 3000, 10_000];
/** Steps done between status changes still reach the LMS within this long. */
const settleDelay = 5000;

/** The LMS's API object, under either version's method names. */
type ScormApi = Record<string, (...args: string[]) => string | number | boolean>;

/** The package's own SCORM version (the build-time constant itself, so the other dialect is dropped). */
export const connectPackage = (progress: CourseProgress) =>
	connectScorm(progress, __PACKAGE_TARGET__ === 'scorm2004' ? scorm2004 : scorm12);

export function connectScorm(
	progress: CourseProgress,
	dialect: ScormDialect,
	from: Window = window
): () => void {
	const api = findApi<ScormApi>(dialect.apiName, from);
	const call = (method: ScormMethod, ...args: string[]) =>
		String(api?.[dialect.methods[method]]?.(...args));
	if (call('initialize', '') !== 'true') {
		lms.connection = 'plain';
		return progress.connect(browserStorage());
	}
	lms.connection = 'connected';
	const get = (name: string) => call('get', name);
	const first = dialect.start(get);
	if (first.length) {
		for (const [name, value] of first) call('set', name, value);
		call('commit', '');
	}
	const outline = progress.outline;
	const started = Date.now();
	const learner = get(dialect.learnerId) || 'anonymous';
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
	/** What the LMS was last sent of the standing's fields. */
	const sentFields: Record<string, string> = {};
	let lessonsDone = -1;
	let terminated = false;
	let retry: ReturnType<typeof setTimeout> | undefined;
	let failures = 0;
	// The answer key (for the LMS's interactions) is fetched with the first progress written, long
	// before any answer is reported: a first launch that only reads does not fetch it.
	let quizKey: Promise<QuizKey | null> | undefined;
	const loadKey = () =>
		(quizKey ??= fetch(resolve('/lms/quiz-key.json'))
			.then((r) => (r.ok ? (r.json() as Promise<QuizKey>) : null))
			.catch(() => null));

	const set = (name: string, value: string) => terminated || call('set', name, value) === 'true';

	function commit(): boolean {
		clearTimeout(retry);
		retry = undefined;
		if (terminated) return false;
		set(...dialect.sessionTime(Date.now() - started));
		const ok = call('commit', '') === 'true';
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

	/** Reports run one after another, in the order written (encoding is asynchronous). */
	let reporting: Promise<void> = Promise.resolve();
	const report = (envelope: Envelope, force = false) =>
		(reporting = reporting.then(() => reportNow(envelope, force)).catch(() => undefined));

	async function reportNow(envelope: Envelope, force: boolean) {
		const fitted = await fitSuspend(envelope, dialect.suspendLimit, order, omitted);
		omitted = fitted.omitted;
		showKept(envelope);
		let ok = fitted.text.length <= dialect.suspendLimit && set('cmi.suspend_data', fitted.text);

		const now = standing(outline, envelope);
		let statusChanged = false;
		for (const [name, value] of dialect.standing(now, get(dialect.passingScore))) {
			if (sentFields[name] === value) continue;
			const stored = set(name, value);
			ok = stored && ok;
			if (!stored) continue;
			sentFields[name] = value;
			if (dialect.statusFields.includes(name)) statusChanged = true;
		}
		ok = set(...dialect.exit(now.finished)) && ok;
		const lessons = Object.values(envelope.progress).filter((r) => r.complete).length;
		const answered = await interactions(envelope);
		const changed = statusChanged || lessons !== lessonsDone || answered;
		lessonsDone = lessons;
		if (changed || force || !ok) commit();
		else if (!retry) retry = setTimeout(commit, settleDelay);
	}

	async function interactions(envelope: Envelope): Promise<boolean> {
		const key = await loadKey();
		if (!key) return false;
		const answers = newAnswers(envelope, key, sent);
		sent = { ...sent, ...attemptCounts(envelope) };
		for (const a of answers) {
			const at = `cmi.interactions.${Number(get('cmi.interactions._count')) || 0}`;
			for (const [field, value] of dialect.interaction(a)) set(`${at}.${field}`, value);
		}
		return answers.length > 0;
	}

	// The LMS's copy is read once, at launch; after that this page holds the newest progress.
	const fromLms = (async () => {
		const text = get('cmi.suspend_data');
		return text ? { text, decoded: await decodeSuspend(text) } : null;
	})();
	let launchValue: Promise<string | null> | undefined;
	let lastWritten: string | null = null;

	/** The LMS's copy merged with this browser's: the newest of each item, nothing lowered. */
	async function atLaunch(): Promise<string | null> {
		const local = mirror ? await mirror.read() : null;
		const lmsCopy = await fromLms;
		if (!lmsCopy) return local;
		if (!lmsCopy.decoded) {
			// Not ours or damaged: kept apart, never thrown away, and the browser copy is used.
			// A full browser store cannot take the copy: the LMS's own value is then what is read.
			const kept = await reportWrite('backup', () => mirror?.backup(lmsCopy.text), {
				oneOff: true
			});
			return kept.ok ? (local ?? lmsCopy.text) : lmsCopy.text;
		}
		omitted = lmsCopy.decoded.omitted;
		// Decoding and merging stored progress load only when the LMS holds some: not at a first launch.
		const [{ decode }, { mergeEnvelopes }] = await Promise.all([
			import('$lib/progress/migrate'),
			import('$lib/progress/merge')
		]);
		const version = outline.version;
		const lmsEnvelope = decode(lmsCopy.decoded.json, version).envelope;
		sent = attemptCounts(lmsEnvelope);
		if (!local) return lmsCopy.decoded.json;
		return JSON.stringify(mergeEnvelopes(decode(local, version).envelope, lmsEnvelope));
	}

	async function save(value: string, force = false) {
		lastWritten = value;
		void loadKey();
		// The browser copy first: whatever the LMS does next, nothing is lost.
		// A failed browser copy is reported (the storage notice says so), and the LMS still gets it.
		if (mirror) await reportWrite('lms-mirror', () => mirror.write(value));
		await report(JSON.parse(value) as Envelope, force);
	}

	const storage: ProgressStorage = {
		async read() {
			return lastWritten ?? (await (launchValue ??= atLaunch()));
		},
		write: (value) => save(value),
		async backup(value) {
			// No browser copy means no backup: the caller must not say one was kept.
			if (!mirror) throw new Error('This browser keeps no copy of the LMS progress.');
			await mirror.backup(value);
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
		// Committed at once, changed or not: the page may not get another chance.
		if (hasAnything) await save(JSON.stringify(await progress.envelope()), true);
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
			call('finish', '');
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
