// Shapes shared by the live-session server and its pages. Types only: safe in client code.

export interface LiveOption {
	id: string;
	text: string;
}

/** Something the facilitator can push to phones: a quiz question or an open prompt. */
export type LiveItem =
	| {
			key: string;
			kind: 'question';
			title: string;
			/** The clinical situation the prompt asks about, when the item has one. */
			scenario?: string;
			prompt: string;
			options: LiveOption[];
			/** Whether more than one option may be chosen. */
			multiple: boolean;
			correct: string[];
			explanation?: string;
			source?: string;
	  }
	| { key: string; kind: 'prompt'; title: string; prompt: string };

/** A question as participants see it before the reveal: no correct answer in it. */
export type PublicItem =
	| Omit<Extract<LiveItem, { kind: 'question' }>, 'correct' | 'explanation' | 'source'>
	| Extract<LiveItem, { kind: 'prompt' }>;

/** Chosen option ids for a question, or the text for a prompt. */
export type LiveAnswer = string[] | string;

export interface LiveResponse {
	participantId: string;
	/** The participant's number in the session (1 for the first to join), for exports. */
	number: number;
	handle: string;
	itemKey: string;
	answer: LiveAnswer;
	hidden: boolean;
	/**
	 * The facilitator let this answer on the screen. Quiz answers are approved as they come; free
	 * text waits for approval while the session is pre-moderated. A rejected answer is deleted.
	 */
	approved: boolean;
	/** Epoch milliseconds. */
	updatedAt: number;
}

/** How the room sees an item: what the facilitator has chosen to show, and the countdown. */
export interface ItemShow {
	/** Results (bars, or approved cards) are on the screen. */
	resultsShown: boolean;
	/** Answers close at this time (epoch ms); null: no countdown. */
	endsAt: number | null;
}

export interface HostState extends ItemShow {
	code: string;
	lessonSlug: string;
	current: LiveItem | null;
	revealed: boolean;
	/** Participants connected now (an open event stream). */
	participants: number;
	/** Participants who have ever joined. */
	joined: number;
	/** No handles on the screen or in the exports. */
	anonymous: boolean;
	/** Free-text answers wait for the facilitator's approval before the screen shows them. */
	moderated: boolean;
	/** The server's clock when the state was built, for countdowns on a skewed device clock. */
	now: number;
	/** Every response to the current item, hidden ones included (flagged). */
	responses: LiveResponse[];
	/** Epoch milliseconds when the session and its responses are deleted. */
	expiresAt: number;
	/** Whether new participants may join (only when 'open'). */
	status?: SessionStatus;
	/** Answers to the current item are closed. */
	closed?: boolean;
}

/** 'locked': closed to new participants; 'ended' by the facilitator; 'idle': no facilitator for hours. */
export type SessionStatus = 'open' | 'locked' | 'ended' | 'idle';

/** One free-text answer as the room's screen shows it. */
export interface ScreenCard {
	id: string;
	text: string;
	/** Only when the session is not anonymous. */
	handle?: string;
}

/**
 * The audience screen (projector): only what the facilitator has chosen to show. Built on the
 * server, so nothing held back (answers before the reveal, unapproved text) reaches that browser.
 */
export interface ScreenState extends ItemShow {
	code: string;
	current: PublicItem | null;
	revealed: boolean;
	closed: boolean;
	ended: boolean;
	participants: number;
	/** How many have answered the current item. */
	answered: number;
	/** Counts per option id, when results are shown. */
	tally?: Record<string, number>;
	correct?: string[];
	explanation?: string;
	/** Approved, not hidden free-text answers, when results are shown. */
	cards?: ScreenCard[];
	now: number;
}

export interface ParticipantState {
	code: string;
	participantId: string;
	handle: string;
	current: PublicItem | null;
	revealed: boolean;
	/** Only after the facilitator reveals the answer. */
	correct?: string[];
	explanation?: string;
	/** Counts per option id, only after the reveal. */
	tally?: Record<string, number>;
	myAnswer: LiveAnswer | null;
	/** The facilitator closed answers to the current item. */
	closed?: boolean;
	/** The facilitator ended the session. */
	ended?: boolean;
	/** Answers to the current item close at this time (epoch ms). */
	endsAt?: number | null;
	/** The server's clock when the state was built. */
	now?: number;
}

export type StreamEvent =
	| { type: 'host'; state: HostState }
	| { type: 'answer'; response: LiveResponse }
	| { type: 'participants'; count: number }
	| { type: 'participant'; state: ParticipantState }
	| { type: 'screen'; state: ScreenState }
	/** Sent every few seconds, so a browser can tell a live stream from a silent, dead one. */
	| { type: 'ping' }
	| { type: 'ended' };

export const limits = {
	/** Longest prompt answer, in characters. */
	answerChars: 500,
	handleChars: 30,
	/** Largest request body accepted by the live API, in bytes. */
	bodyBytes: 4096
} as const;

/** Counts per option id over visible responses to a question. */
export function tallyOf(
	item: { options: LiveOption[] },
	responses: Pick<LiveResponse, 'answer' | 'hidden'>[]
): Record<string, number> {
	const tally: Record<string, number> = Object.fromEntries(item.options.map((o) => [o.id, 0]));
	for (const r of responses) {
		if (r.hidden || !Array.isArray(r.answer)) continue;
		for (const id of r.answer) if (id in tally) tally[id] += 1;
	}
	return tally;
}

/** A whole-number percentage of a total, 0 when nobody answered. */
export const percent = (n: number, total: number) =>
	total > 0 ? Math.round((n / total) * 100) : 0;

/** Countdown: whole seconds left on a device whose clock is `skew` ms ahead of the server. */
export function secondsLeft(endsAt: number | null | undefined, skew: number, now = Date.now()) {
	if (!endsAt) return null;
	return Math.max(0, Math.ceil((endsAt - (now - skew)) / 1000));
}
