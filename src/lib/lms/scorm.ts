import { reportWrite } from '$lib/progress/writes';
import type { CourseProgress } from '$lib/progress/progress.svelte';
import { browserStorage, storageKey, type ProgressStorage } from '$lib/progress/storage';
import { scorm12, scorm2004, type ScormDialect, type ScormMethod } from './dialects';
import { findApi } from './find-api';
import { lms } from './lms-state.svelte';
import type { ScormLink, ScormReporter } from './scorm-report';

// SCORM 1.2 and 2004: progress lives in the LMS (cmi.suspend_data) behind ProgressStorage, with a
// browser copy keyed by the LMS learner id, so a commit the LMS drops or a reflection it has no
// room for loses nothing. This is the session: finding the LMS, starting, reading what it holds,
// committing and finishing. What the LMS is told about progress (scorm-report.ts: status, score,
// location, exit and one interaction per answer) loads with the first progress written; reading
// the LMS's copy (scorm-resume.ts) loads only when it has one.

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
	const started = Date.now();
	const learner = get(dialect.learnerId) || 'anonymous';
	const mirror = browserStorage(`${storageKey}:lms:${learner}`);

	let terminated = false;
	let retry: ReturnType<typeof setTimeout> | undefined;
	let failures = 0;

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

	const link: ScormLink = {
		outline: progress.outline,
		dialect,
		get,
		set,
		commit,
		settle: () => {
			if (!retry) retry = setTimeout(commit, settleDelay);
		},
		carried: { omitted: [], sent: {} }
	};
	let reporter: Promise<ScormReporter> | undefined;
	const reporterNow = () =>
		(reporter ??= import('./scorm-report').then(({ scormReporter }) => scormReporter(link)));

	// The LMS's copy is read once, at launch; after that this page holds the newest progress.
	const lmsText = get('cmi.suspend_data');
	let launchValue: Promise<string | null> | undefined;
	let lastWritten: string | null = null;

	/** The LMS's copy merged with this browser's (scorm-resume.ts, loaded only when there is one). */
	async function atLaunch(): Promise<string | null> {
		const local = mirror ? await mirror.read() : null;
		if (!lmsText) return local;
		const { resumeFrom } = await import('./scorm-resume');
		const resumed = await resumeFrom(lmsText, local, progress.outline.version);
		if (!resumed) {
			// Not ours or damaged: kept apart, never thrown away, and the browser copy is used.
			// A full browser store cannot take the copy: the LMS's own value is then what is read.
			const kept = await reportWrite('backup', () => mirror?.backup(lmsText), { oneOff: true });
			return kept.ok ? (local ?? lmsText) : lmsText;
		}
		Object.assign(link.carried, { omitted: resumed.omitted, sent: resumed.sent });
		return resumed.value;
	}

	async function save(value: string, force = false) {
		lastWritten = value;
		const reporting = reporterNow();
		// The browser copy first: whatever the LMS does next, nothing is lost.
		// A failed browser copy is reported (the storage notice says so), and the LMS still gets it.
		if (mirror) await reportWrite('lms-mirror', () => mirror.write(value));
		await (await reporting).report(JSON.parse(value), force);
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
			link.carried.omitted = [];
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
