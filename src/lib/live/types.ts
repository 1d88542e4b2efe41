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
	handle: string;
	itemKey: string;
	answer: LiveAnswer;
	hidden: boolean;
	/** Epoch milliseconds. */
	updatedAt: number;
}

export interface HostState {
	code: string;
	lessonSlug: string;
	current: LiveItem | null;
	revealed: boolean;
	participants: number;
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
}

export type StreamEvent =
	| { type: 'host'; state: HostState }
	| { type: 'answer'; response: LiveResponse }
	| { type: 'participants'; count: number }
	| { type: 'participant'; state: ParticipantState }
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
