// cmi5's words: the launch parameters, LMS.LaunchData, and the statements the AU sends, each with
// the LMS's context template, the registration and the cmi5 categories the verb calls for. The
// answered statements and the pass/fail rule are in cmi5-report.ts, which loads when needed.

export interface Agent {
	objectType?: 'Agent';
	name?: string;
	mbox?: string;
	account?: { homePage: string; name: string };
}

export interface Launch {
	endpoint: string;
	fetch: string;
	actor: Agent;
	registration: string;
	activityId: string;
}

export interface LaunchData {
	contextTemplate: {
		contextActivities?: Record<string, Array<{ id: string }>>;
		extensions?: Record<string, unknown>;
		[key: string]: unknown;
	};
	launchMode: 'Normal' | 'Browse' | 'Review';
	moveOn?: 'Passed' | 'Completed' | 'CompletedAndPassed' | 'CompletedOrPassed' | 'NotApplicable';
	/** Scaled, 0–1. */
	masteryScore?: number;
	returnURL?: string;
}

/** What the LRS has been sent once per registration, kept in the AU's State document. */
export interface Sent {
	completed?: boolean;
	passed?: boolean;
	/** The course score a failed statement was last sent with. */
	failed?: number;
	/** Quiz attempts whose answers have been sent, by quiz key. */
	answers: Record<string, number>;
}

const cmi5 = 'https://w3id.org/xapi/cmi5/context/';
export const categories = {
	cmi5: `${cmi5}categories/cmi5`,
	moveOn: `${cmi5}categories/moveon`
};
export const masteryExtension = `${cmi5}extensions/masteryscore`;

/** The launch parameters, or null when the page was not launched by a cmi5 LMS. */
export function launchParams(search: string): Launch | null {
	const p = new URLSearchParams(search);
	const [endpoint, fetch, actor, registration, activityId] = [
		'endpoint',
		'fetch',
		'actor',
		'registration',
		'activityId'
	].map((k) => p.get(k));
	if (!endpoint || !fetch || !actor || !registration || !activityId) return null;
	try {
		const agent = JSON.parse(actor) as Agent;
		return {
			endpoint: endpoint.replace(/\/?$/, '/'),
			fetch,
			actor: agent,
			registration,
			activityId
		};
	} catch {
		return null;
	}
}

const hex = (n: number) =>
	Array.from(crypto.getRandomValues(new Uint8Array(n)), (b) =>
		b.toString(16).padStart(2, '0')
	).join('');
/** A version 4 UUID (crypto.randomUUID needs a secure context; an LMS may serve plain http). */
export const uuid = () => {
	const h = hex(16);
	return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-${'89ab'[parseInt(h[16], 16) & 3]}${h.slice(17, 20)}-${h.slice(20)}`;
};

export interface Extra {
	result?: Record<string, unknown>;
	/** completed, passed, failed: the moveOn category too. */
	moveOn?: boolean;
	/** cmi5 "allowed" statements carry no cmi5 category. */
	allowed?: boolean;
	object?: Record<string, unknown>;
	timestamp?: number;
}

/** A statement in this registration and session, on the LMS's context template. */
export function statementIn(data: LaunchData, launch: Launch, verb: string, extra: Extra = {}) {
	const template = JSON.parse(
		JSON.stringify(data.contextTemplate)
	) as LaunchData['contextTemplate'];
	const activities = (template.contextActivities ??= {});
	if (!extra.allowed)
		activities.category = [
			...(activities.category ?? []),
			{ id: categories.cmi5 },
			...(extra.moveOn ? [{ id: categories.moveOn }] : [])
		];
	if (extra.moveOn && verb !== 'completed' && data.masteryScore !== undefined)
		template.extensions = { ...template.extensions, [masteryExtension]: data.masteryScore };
	return {
		id: uuid(),
		actor: launch.actor,
		verb: { id: `http://adlnet.gov/expapi/verbs/${verb}`, display: { 'en-US': verb } },
		object: extra.object ?? { objectType: 'Activity', id: launch.activityId },
		...(extra.result && { result: extra.result }),
		context: { ...template, registration: launch.registration },
		timestamp: new Date(extra.timestamp ?? Date.now()).toISOString()
	};
}
