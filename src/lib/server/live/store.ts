// The live-session store: one SQLite file (WAL) holding sessions, participants, the items pushed
// and the responses. Synchronous better-sqlite3 calls keep each action a single short transaction.
import Database from 'better-sqlite3';
import { createHash, randomBytes, randomInt, timingSafeEqual } from 'node:crypto';
import { chmodSync, closeSync, existsSync, mkdirSync, openSync } from 'node:fs';
import { dirname } from 'node:path';
import type { LiveAnswer, LiveItem, LiveResponse, SessionStatus } from '$lib/live/types';
import { randomHandle } from './handles';
import { skeleton } from './hygiene';
import { LiveError, cleanAnswer, cleanHandle, codeAlphabet, codeLength } from './validation';

export interface StoreOptions {
	/** How long a session and its responses are kept, counted from its last activity. */
	retentionMs: number;
	/** Most participants in one session. */
	maxParticipants?: number;
	/** A session whose facilitator has done nothing for this long takes no new participants. */
	idleMs?: number;
	/** Most bytes of answers and handles one session may store, and most responses. */
	maxSessionBytes?: number;
	maxSessionResponses?: number;
	/** Most bytes the whole database file may hold: past it no session starts and no answer is added. */
	maxDbBytes?: number;
	now?: () => number;
}

export type { SessionStatus };

export interface LiveSession {
	id: string;
	code: string;
	lessonSlug: string;
	createdAt: number;
	expiresAt: number;
	current: LiveItem | null;
	revealed: boolean;
	/** The facilitator closed the room to new participants. */
	locked: boolean;
	/** The facilitator ended the session (results stay until deleted or expired). */
	endedAt: number | null;
	/** Answers to the current item are closed. */
	closed: boolean;
	hostSeenAt: number;
	status: SessionStatus;
	storedBytes: number;
	responseCount: number;
	/** No handles on the screen or in the exports. */
	anonymous: boolean;
	/** Free text waits for the facilitator's approval before the screen shows it. */
	moderated: boolean;
	/** The current item's results are on the screen. */
	resultsShown: boolean;
	/** Answers to the current item close at this time (epoch ms). */
	endsAt: number | null;
}

export interface Participant {
	id: string;
	sessionId: string;
	handle: string;
	joinedAt: number;
}

interface SessionRow {
	id: string;
	code: string;
	lesson_slug: string;
	created_at: number;
	expires_at: number;
	current_key: string | null;
	revealed: number;
	item_json: string | null;
	locked: number;
	ended_at: number | null;
	closed: number;
	host_seen_at: number | null;
	stored_bytes: number;
	response_count: number;
	anonymous: number;
	moderated: number;
	results_shown: number;
	ends_at: number | null;
}

interface ResponseRow {
	participant_id: string;
	number: number;
	approved: number;
	handle: string;
	item_key: string;
	answer_json: string;
	hidden: number;
	updated_at: number;
}

const schema = `
CREATE TABLE IF NOT EXISTS sessions (
	id TEXT PRIMARY KEY,
	code TEXT NOT NULL UNIQUE,
	lesson_slug TEXT NOT NULL,
	host_hash TEXT NOT NULL,
	created_at INTEGER NOT NULL,
	expires_at INTEGER NOT NULL,
	current_key TEXT,
	revealed INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX IF NOT EXISTS sessions_expires ON sessions (expires_at);
CREATE TABLE IF NOT EXISTS participants (
	id TEXT PRIMARY KEY,
	session_id TEXT NOT NULL REFERENCES sessions (id) ON DELETE CASCADE,
	token_hash TEXT NOT NULL UNIQUE,
	handle TEXT NOT NULL,
	joined_at INTEGER NOT NULL
);
CREATE INDEX IF NOT EXISTS participants_session ON participants (session_id);
CREATE TABLE IF NOT EXISTS items (
	session_id TEXT NOT NULL REFERENCES sessions (id) ON DELETE CASCADE,
	key TEXT NOT NULL,
	item_json TEXT NOT NULL,
	first_pushed_at INTEGER NOT NULL,
	PRIMARY KEY (session_id, key)
);
CREATE TABLE IF NOT EXISTS responses (
	session_id TEXT NOT NULL REFERENCES sessions (id) ON DELETE CASCADE,
	item_key TEXT NOT NULL,
	participant_id TEXT NOT NULL REFERENCES participants (id) ON DELETE CASCADE,
	answer_json TEXT NOT NULL,
	hidden INTEGER NOT NULL DEFAULT 0,
	created_at INTEGER NOT NULL,
	updated_at INTEGER NOT NULL,
	PRIMARY KEY (session_id, item_key, participant_id)
);
`;

// Columns added after the first release: added in place to an older database file.
const addedColumns: Record<string, string> = {
	locked: 'INTEGER NOT NULL DEFAULT 0',
	ended_at: 'INTEGER',
	closed: 'INTEGER NOT NULL DEFAULT 0',
	host_seen_at: 'INTEGER',
	stored_bytes: 'INTEGER NOT NULL DEFAULT 0',
	response_count: 'INTEGER NOT NULL DEFAULT 0',
	anonymous: 'INTEGER NOT NULL DEFAULT 1',
	moderated: 'INTEGER NOT NULL DEFAULT 1',
	results_shown: 'INTEGER NOT NULL DEFAULT 0',
	ends_at: 'INTEGER'
};

function migrate(db: Database.Database): void {
	const have = new Set(
		(db.prepare('PRAGMA table_info(sessions)').all() as { name: string }[]).map((c) => c.name)
	);
	for (const [name, type] of Object.entries(addedColumns))
		if (!have.has(name)) db.exec(`ALTER TABLE sessions ADD COLUMN ${name} ${type}`);
	if (!have.has('stored_bytes'))
		db.exec(`UPDATE sessions SET
			stored_bytes = (SELECT COALESCE(SUM(length(answer_json) + 64), 0) FROM responses r WHERE r.session_id = sessions.id),
			response_count = (SELECT COUNT(*) FROM responses r WHERE r.session_id = sessions.id)`);
	db.exec('UPDATE sessions SET host_seen_at = created_at WHERE host_seen_at IS NULL');
	const responseColumns = new Set(
		(db.prepare('PRAGMA table_info(responses)').all() as { name: string }[]).map((c) => c.name)
	);
	// Answers stored before moderation existed were shown as they came: they count as approved.
	if (!responseColumns.has('approved'))
		db.exec(
			'ALTER TABLE responses ADD COLUMN approved INTEGER NOT NULL DEFAULT 0; UPDATE responses SET approved = 1'
		);
}

/** The database and its -wal/-shm files are readable by this server's user only. */
function privateFile(path: string): void {
	mkdirSync(dirname(path), { recursive: true, mode: 0o700 });
	// SQLite gives the -wal and -shm files the main file's mode, so creating that one 0600 is enough
	// for new databases; older ones are tightened in place.
	if (!existsSync(path)) closeSync(openSync(path, 'a', 0o600));
	for (const file of [path, `${path}-wal`, `${path}-shm`])
		if (existsSync(file)) chmodSync(file, 0o600);
}

/** Bytes a response takes in the store, near enough for a cap. */
const responseBytes = (answerJson: string) => Buffer.byteLength(answerJson) + 64;

/** Tokens are stored only as hashes, so a copied database file cannot be used to act as anyone. */
function hashToken(token: string): string {
	return createHash('sha256').update(token).digest('hex');
}

function newToken(): string {
	return randomBytes(24).toString('base64url');
}

function newId(): string {
	return randomBytes(9).toString('base64url');
}

function newCode(): string {
	let code = '';
	for (let i = 0; i < codeLength; i++) code += codeAlphabet[randomInt(codeAlphabet.length)];
	return code;
}

export class LiveStore {
	readonly db: Database.Database;
	private readonly now: () => number;
	private readonly retentionMs: number;
	private readonly maxParticipants: number;
	private readonly idleMs: number;
	private readonly maxSessionBytes: number;
	private readonly maxSessionResponses: number;
	private readonly maxDbBytes: number;

	constructor(path: string, options: StoreOptions) {
		if (path !== ':memory:') privateFile(path);
		this.db = new Database(path);
		this.db.pragma('journal_mode = WAL');
		this.db.pragma('synchronous = NORMAL');
		this.db.pragma('foreign_keys = ON');
		this.db.pragma('busy_timeout = 5000');
		this.db.exec(schema);
		migrate(this.db);
		this.now = options.now ?? Date.now;
		this.retentionMs = options.retentionMs;
		this.maxParticipants = options.maxParticipants ?? 1000;
		this.idleMs = options.idleMs ?? 4 * 60 * 60 * 1000;
		this.maxSessionBytes = options.maxSessionBytes ?? 5 * 1024 * 1024;
		this.maxSessionResponses = options.maxSessionResponses ?? 20_000;
		this.maxDbBytes = options.maxDbBytes ?? 1024 * 1024 * 1024;
	}

	/** Bytes in use in the database file (free pages not counted). */
	dbBytes(): number {
		const pages = this.db.pragma('page_count', { simple: true }) as number;
		const free = this.db.pragma('freelist_count', { simple: true }) as number;
		const size = this.db.pragma('page_size', { simple: true }) as number;
		return (pages - free) * size;
	}

	private requireRoom(): void {
		if (this.dbBytes() >= this.maxDbBytes)
			throw new LiveError(
				507,
				'The live-session storage of this course is full. Ask the course administrator to free space; nothing more can be saved until then.'
			);
	}

	private readonly statements = new Map<string, Database.Statement>();

	/** Prepared once per SQL text: preparing is a large share of a small query's cost. */
	private stmt(sql: string): Database.Statement {
		let statement = this.statements.get(sql);
		if (!statement) this.statements.set(sql, (statement = this.db.prepare(sql)));
		return statement;
	}

	close(): void {
		this.db.close();
	}

	createSession(lessonSlug: string): { session: LiveSession; hostToken: string } {
		this.requireRoom();
		const hostToken = newToken();
		const now = this.now();
		const insert = this.stmt(
			`INSERT INTO sessions (id, code, lesson_slug, host_hash, created_at, expires_at, host_seen_at)
			 VALUES (?, ?, ?, ?, ?, ?, ?)`
		);
		for (let attempt = 0; attempt < 20; attempt++) {
			const id = newId();
			const code = newCode();
			try {
				insert.run(id, code, lessonSlug, hashToken(hostToken), now, now + this.retentionMs, now);
				return { session: this.getSession(id)!, hostToken };
			} catch (e) {
				if ((e as { code?: string }).code !== 'SQLITE_CONSTRAINT_UNIQUE') throw e;
			}
		}
		throw new Error('Could not find a free join code');
	}

	private sessionWhere(where: string, value: string): LiveSession | undefined {
		const row = this.stmt(
			`SELECT s.*, i.item_json FROM sessions s
				 LEFT JOIN items i ON i.session_id = s.id AND i.key = s.current_key
				 WHERE ${where} AND s.expires_at > ?`
		).get(value, this.now()) as SessionRow | undefined;
		if (!row) return undefined;
		const hostSeenAt = row.host_seen_at ?? row.created_at;
		const locked = row.locked === 1;
		const status: SessionStatus =
			row.ended_at !== null
				? 'ended'
				: this.now() - hostSeenAt >= this.idleMs
					? 'idle'
					: locked
						? 'locked'
						: 'open';
		return {
			id: row.id,
			code: row.code,
			lessonSlug: row.lesson_slug,
			createdAt: row.created_at,
			expiresAt: row.expires_at,
			current: row.item_json ? (JSON.parse(row.item_json) as LiveItem) : null,
			revealed: row.revealed === 1,
			locked,
			endedAt: row.ended_at,
			closed: row.closed === 1,
			hostSeenAt,
			status,
			storedBytes: row.stored_bytes,
			responseCount: row.response_count,
			anonymous: row.anonymous === 1,
			moderated: row.moderated === 1,
			resultsShown: row.results_shown === 1,
			endsAt: row.ends_at
		};
	}

	/**
	 * Records that the facilitator is here (page, stream or action): it keeps the session joinable
	 * and, with any activity, pushes its deletion date back. Written at most once a minute.
	 */
	touchHost(sessionId: string): void {
		const now = this.now();
		this.stmt(
			'UPDATE sessions SET host_seen_at = ?, expires_at = ? WHERE id = ? AND host_seen_at < ?'
		).run(now, now + this.retentionMs, sessionId, now - 60_000);
	}

	/** Participants' activity keeps the results for the retention period, but not the room open. */
	private touch(sessionId: string): void {
		const now = this.now();
		this.stmt('UPDATE sessions SET expires_at = ? WHERE id = ? AND expires_at < ?').run(
			now + this.retentionMs,
			sessionId,
			now + this.retentionMs - 60_000
		);
	}

	setLocked(sessionId: string, locked: boolean): void {
		this.stmt('UPDATE sessions SET locked = ? WHERE id = ?').run(locked ? 1 : 0, sessionId);
	}

	/** Ends the session: no joins and no answers from now on; results stay for export. */
	end(sessionId: string): void {
		this.stmt('UPDATE sessions SET ended_at = ? WHERE id = ? AND ended_at IS NULL').run(
			this.now(),
			sessionId
		);
	}

	/** Closes (or reopens) answers to the current item. */
	setClosed(sessionId: string, closed: boolean): void {
		this.stmt('UPDATE sessions SET closed = ? WHERE id = ?').run(closed ? 1 : 0, sessionId);
	}

	getSession(id: string): LiveSession | undefined {
		return this.sessionWhere('s.id = ?', id);
	}

	findByCode(code: string): LiveSession | undefined {
		return this.sessionWhere('s.code = ?', code);
	}

	isHost(sessionId: string, token: string | undefined): boolean {
		if (!token) return false;
		const row = this.stmt('SELECT host_hash FROM sessions WHERE id = ?').get(sessionId) as
			{ host_hash: string } | undefined;
		if (!row) return false;
		return timingSafeEqual(Buffer.from(row.host_hash), Buffer.from(hashToken(token)));
	}

	participantByToken(sessionId: string, token: string | undefined): Participant | undefined {
		if (!token) return undefined;
		const row = this.stmt(
			'SELECT id, session_id, handle, joined_at FROM participants WHERE token_hash = ? AND session_id = ?'
		).get(hashToken(token), sessionId) as
			{ id: string; session_id: string; handle: string; joined_at: number } | undefined;
		return (
			row && { id: row.id, sessionId: row.session_id, handle: row.handle, joinedAt: row.joined_at }
		);
	}

	participantById(id: string): Participant | undefined {
		const row = this.stmt(
			'SELECT id, session_id, handle, joined_at FROM participants WHERE id = ?'
		).get(id) as { id: string; session_id: string; handle: string; joined_at: number } | undefined;
		return (
			row && { id: row.id, sessionId: row.session_id, handle: row.handle, joinedAt: row.joined_at }
		);
	}

	/** Rejoins with a known token, or joins as a new participant with a random handle. */
	join(
		sessionId: string,
		token?: string
	): { participant: Participant; token: string; rejoined: boolean } {
		const known = this.participantByToken(sessionId, token);
		if (known && token) return { participant: known, token, rejoined: true };
		this.requireRoom();
		if (this.participantCount(sessionId) >= this.maxParticipants)
			throw new LiveError(409, 'This session is full.');
		const fresh = newToken();
		const participant: Participant = {
			id: newId(),
			sessionId,
			handle: randomHandle(),
			joinedAt: this.now()
		};
		this.stmt(
			'INSERT INTO participants (id, session_id, token_hash, handle, joined_at) VALUES (?, ?, ?, ?, ?)'
		).run(participant.id, sessionId, hashToken(fresh), participant.handle, participant.joinedAt);
		return { participant, token: fresh, rejoined: false };
	}

	rename(participantId: string, handle: string): string {
		const clean = cleanHandle(handle);
		const me = this.participantById(participantId);
		const looks = skeleton(clean);
		if (me)
			for (const [id, other] of this.handles(me.sessionId))
				if (id !== participantId && skeleton(other) === looks)
					throw new LiveError(
						409,
						'Someone in this session already has that handle. Choose another.'
					);
		this.stmt('UPDATE participants SET handle = ? WHERE id = ?').run(clean, participantId);
		return clean;
	}

	/** Every participant's handle in a session, by participant id: one query for a whole update. */
	handles(sessionId: string): Map<string, string> {
		const rows = this.stmt('SELECT id, handle FROM participants WHERE session_id = ?').all(
			sessionId
		) as { id: string; handle: string }[];
		return new Map(rows.map((r) => [r.id, r.handle]));
	}

	participantCount(sessionId: string): number {
		return (
			this.stmt('SELECT COUNT(*) AS n FROM participants WHERE session_id = ?').get(sessionId) as {
				n: number;
			}
		).n;
	}

	/**
	 * Shows an item on every phone (null: "waiting"). A new item starts unrevealed, with no
	 * countdown; a quiz question's results start hidden, a prompt's approved cards shown.
	 */
	push(sessionId: string, item: LiveItem | null): void {
		this.db.transaction(() => {
			if (item)
				this.stmt(
					`INSERT INTO items (session_id, key, item_json, first_pushed_at) VALUES (?, ?, ?, ?)
						 ON CONFLICT (session_id, key) DO UPDATE SET item_json = excluded.item_json`
				).run(sessionId, item.key, JSON.stringify(item), this.now());
			this.stmt(
				'UPDATE sessions SET current_key = ?, revealed = 0, closed = 0, ends_at = NULL, results_shown = ? WHERE id = ?'
			).run(item?.key ?? null, item?.kind === 'prompt' ? 1 : 0, sessionId);
		})();
	}

	/** Reveals the answer (and with it the results); answers are locked from then on. */
	reveal(sessionId: string, revealed: boolean): void {
		this.stmt(
			`UPDATE sessions SET revealed = ?, results_shown = CASE WHEN ? THEN 1 ELSE results_shown END WHERE id = ?`
		).run(revealed ? 1 : 0, revealed ? 1 : 0, sessionId);
	}

	/** Shows or hides the current item's results on the screen. */
	showResults(sessionId: string, shown: boolean): void {
		this.stmt('UPDATE sessions SET results_shown = ? WHERE id = ?').run(shown ? 1 : 0, sessionId);
	}

	/** Starts a countdown for the current item (answers close at its end), or stops it. */
	setTimer(sessionId: string, seconds: number | null): void {
		this.stmt('UPDATE sessions SET ends_at = ? WHERE id = ?').run(
			seconds === null ? null : this.now() + seconds * 1000,
			sessionId
		);
	}

	setAnonymous(sessionId: string, anonymous: boolean): void {
		this.stmt('UPDATE sessions SET anonymous = ? WHERE id = ?').run(anonymous ? 1 : 0, sessionId);
	}

	/** Pre-moderation on or off; turning it off approves what is waiting. */
	setModerated(sessionId: string, moderated: boolean): void {
		this.db.transaction(() => {
			this.stmt('UPDATE sessions SET moderated = ? WHERE id = ?').run(moderated ? 1 : 0, sessionId);
			if (!moderated)
				this.stmt('UPDATE responses SET approved = 1 WHERE session_id = ?').run(sessionId);
		})();
	}

	/** Lets one free-text answer on the screen. */
	approve(sessionId: string, itemKey: string, participantId: string): LiveResponse {
		const result = this.stmt(
			'UPDATE responses SET approved = 1, hidden = 0 WHERE session_id = ? AND item_key = ? AND participant_id = ?'
		).run(sessionId, itemKey, participantId);
		if (result.changes === 0) throw new LiveError(404, 'No such response.');
		return this.response(sessionId, itemKey, participantId)!;
	}

	/** Rejects an answer: it is deleted, not hidden, so no screen or export can show it again. */
	reject(sessionId: string, itemKey: string, participantId: string): void {
		this.db.transaction(() => {
			const old = this.stmt(
				'SELECT answer_json FROM responses WHERE session_id = ? AND item_key = ? AND participant_id = ?'
			).get(sessionId, itemKey, participantId) as { answer_json: string } | undefined;
			if (!old) throw new LiveError(404, 'No such response.');
			this.stmt(
				'DELETE FROM responses WHERE session_id = ? AND item_key = ? AND participant_id = ?'
			).run(sessionId, itemKey, participantId);
			this.stmt(
				'UPDATE sessions SET stored_bytes = MAX(0, stored_bytes - ?), response_count = MAX(0, response_count - 1) WHERE id = ?'
			).run(responseBytes(old.answer_json), sessionId);
		})();
	}

	/** One answer per participant per item; answering again replaces it. Only the current item. */
	answer(sessionId: string, participantId: string, itemKey: string, answer: unknown): LiveResponse {
		const session = this.getSession(sessionId);
		if (!session) throw new LiveError(404, 'This session has ended.');
		if (session.status === 'ended') throw new LiveError(409, 'This session has ended.');
		if (!session.current || session.current.key !== itemKey)
			throw new LiveError(409, 'That question is no longer open.');
		if (session.closed)
			throw new LiveError(409, 'The facilitator has closed answers to this question.');
		if (session.revealed)
			throw new LiveError(
				409,
				'The answer has been shown, so answers to this question are closed.'
			);
		const now = this.now();
		if (session.endsAt !== null && now >= session.endsAt)
			throw new LiveError(409, 'Time is up for this question: answers are closed.');
		const clean = cleanAnswer(session.current, answer);
		const json = JSON.stringify(clean);
		// Free text waits for approval while the session is moderated; a changed text waits again.
		const approved = session.current.kind === 'question' || !session.moderated ? 1 : 0;
		this.db.transaction(() => {
			const old = this.stmt(
				'SELECT answer_json FROM responses WHERE session_id = ? AND item_key = ? AND participant_id = ?'
			).get(sessionId, itemKey, participantId) as { answer_json: string } | undefined;
			const grow = responseBytes(json) - (old ? responseBytes(old.answer_json) : 0);
			if (!old && session.responseCount >= this.maxSessionResponses)
				throw new LiveError(
					507,
					'This session holds as many answers as it can. The facilitator can export the results and start a new session.'
				);
			if (grow > 0 && session.storedBytes + grow > this.maxSessionBytes)
				throw new LiveError(
					507,
					'This session has stored as much as it can. The facilitator can export the results and start a new session.'
				);
			if (!old) this.requireRoom();
			this.stmt(
				`INSERT INTO responses (session_id, item_key, participant_id, answer_json, approved, created_at, updated_at)
					 VALUES (?, ?, ?, ?, ?, ?, ?)
					 ON CONFLICT (session_id, item_key, participant_id)
					 DO UPDATE SET answer_json = excluded.answer_json, updated_at = excluded.updated_at,
					   approved = CASE WHEN answer_json = excluded.answer_json THEN approved ELSE excluded.approved END`
			).run(sessionId, itemKey, participantId, json, approved, now, now);
			this.stmt(
				'UPDATE sessions SET stored_bytes = stored_bytes + ?, response_count = response_count + ? WHERE id = ?'
			).run(grow, old ? 0 : 1, sessionId);
			this.touch(sessionId);
		})();
		return this.response(sessionId, itemKey, participantId)!;
	}

	/** Hides (or shows) every response to an item at once, e.g. after a flood of cards. */
	hideAll(sessionId: string, itemKey: string, hidden: boolean): number {
		return this.stmt('UPDATE responses SET hidden = ? WHERE session_id = ? AND item_key = ?').run(
			hidden ? 1 : 0,
			sessionId,
			itemKey
		).changes;
	}

	hide(sessionId: string, itemKey: string, participantId: string, hidden: boolean): LiveResponse {
		const result = this.stmt(
			'UPDATE responses SET hidden = ? WHERE session_id = ? AND item_key = ? AND participant_id = ?'
		).run(hidden ? 1 : 0, sessionId, itemKey, participantId);
		if (result.changes === 0) throw new LiveError(404, 'No such response.');
		return this.response(sessionId, itemKey, participantId)!;
	}

	private responseQuery(where: string): string {
		return `SELECT r.participant_id, p.handle, r.item_key, r.answer_json, r.hidden, r.approved, r.updated_at,
				(SELECT COUNT(*) FROM participants q WHERE q.session_id = p.session_id
					AND (q.joined_at < p.joined_at OR (q.joined_at = p.joined_at AND q.rowid <= p.rowid))) AS number
			FROM responses r JOIN participants p ON p.id = r.participant_id
			WHERE r.session_id = ? ${where}`;
	}

	private toResponse(row: ResponseRow): LiveResponse {
		return {
			participantId: row.participant_id,
			number: row.number,
			handle: row.handle,
			itemKey: row.item_key,
			answer: JSON.parse(row.answer_json) as LiveAnswer,
			hidden: row.hidden === 1,
			approved: row.approved === 1,
			updatedAt: row.updated_at
		};
	}

	response(sessionId: string, itemKey: string, participantId: string): LiveResponse | undefined {
		const row = this.stmt(this.responseQuery('AND r.item_key = ? AND r.participant_id = ?')).get(
			sessionId,
			itemKey,
			participantId
		) as ResponseRow | undefined;
		return row && this.toResponse(row);
	}

	/** Responses to one item in the order they first arrived. */
	responses(sessionId: string, itemKey: string): LiveResponse[] {
		const rows = this.stmt(
			this.responseQuery('AND r.item_key = ? ORDER BY r.created_at, r.rowid')
		).all(sessionId, itemKey) as ResponseRow[];
		return rows.map((row) => this.toResponse(row));
	}

	/** Every item pushed in the session, in the order first pushed, with its responses. */
	results(sessionId: string): { item: LiveItem; responses: LiveResponse[] }[] {
		const items = this.stmt(
			'SELECT item_json FROM items WHERE session_id = ? ORDER BY first_pushed_at, rowid'
		).all(sessionId) as { item_json: string }[];
		return items.map(({ item_json }) => {
			const item = JSON.parse(item_json) as LiveItem;
			return { item, responses: this.responses(sessionId, item.key) };
		});
	}

	deleteSession(sessionId: string): void {
		this.stmt('DELETE FROM sessions WHERE id = ?').run(sessionId);
	}

	/** Deletes sessions past their retention period, with everything in them. */
	purgeExpired(): number {
		return this.stmt('DELETE FROM sessions WHERE expires_at <= ?').run(this.now()).changes;
	}
}
