// SCORM 1.2 and SCORM 2004 (4th edition) say the same things with different names and formats.
// One adapter (scorm.ts) speaks both; each version is a dialect. This half is what a session needs
// from its first moment: the API's name and methods, the learner, the suspend_data limit, the
// first status and the session time. What the LMS is told about progress (dialect-reports.ts)
// loads with the first progress written.

export type ScormMethod = 'initialize' | 'finish' | 'get' | 'set' | 'commit';

export interface ScormDialect {
	version: '1.2' | '2004';
	/** The window property the LMS's API object is found under. */
	apiName: 'API' | 'API_1484_11';
	methods: Record<ScormMethod, string>;
	/** The standard's limit for cmi.suspend_data (scorm-again accepts more under 1.2). */
	suspendLimit: number;
	learnerId: string;
	/** Fields to set at launch, given what the LMS holds: a first attempt becomes incomplete. */
	start(get: (name: string) => string): Array<[string, string]>;
	sessionTime(ms: number): [string, string];
}

export const scorm12: ScormDialect = {
	version: '1.2',
	apiName: 'API',
	methods: {
		initialize: 'LMSInitialize',
		finish: 'LMSFinish',
		get: 'LMSGetValue',
		set: 'LMSSetValue',
		commit: 'LMSCommit'
	},
	suspendLimit: 4096,
	learnerId: 'cmi.core.student_id',
	start: (get) =>
		get('cmi.core.lesson_status') === 'not attempted'
			? [['cmi.core.lesson_status', 'incomplete']]
			: [],
	sessionTime: (ms) => ['cmi.core.session_time', timespan12(ms)]
};

export const scorm2004: ScormDialect = {
	version: '2004',
	apiName: 'API_1484_11',
	methods: {
		initialize: 'Initialize',
		finish: 'Terminate',
		get: 'GetValue',
		set: 'SetValue',
		commit: 'Commit'
	},
	suspendLimit: 64_000,
	learnerId: 'cmi.learner_id',
	start: (get) =>
		['not attempted', 'unknown', ''].includes(get('cmi.completion_status'))
			? [['cmi.completion_status', 'incomplete']]
			: [],
	sessionTime: (ms) => ['cmi.session_time', duration2004(ms)]
};

/** Milliseconds → SCORM 1.2 CMITimespan HHHH:MM:SS.SS. */
export function timespan12(ms: number): string {
	const total = Math.max(0, Math.round(ms / 10)) / 100;
	const h = Math.floor(total / 3600);
	const m = Math.floor((total % 3600) / 60);
	const s = total % 60;
	return `${String(h).padStart(4, '0')}:${String(m).padStart(2, '0')}:${s.toFixed(2).padStart(5, '0')}`;
}

/** Milliseconds → SCORM 2004 timeinterval (ISO 8601 duration) PThHmMs.ssS. */
export function duration2004(ms: number): string {
	const centis = Math.max(0, Math.round(ms / 10));
	const h = Math.floor(centis / 360_000);
	const m = Math.floor((centis % 360_000) / 6000);
	const s = (centis % 6000) / 100;
	return `PT${h ? `${h}H` : ''}${h || m ? `${m}M` : ''}${Number(s.toFixed(2))}S`;
}
