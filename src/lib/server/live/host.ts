// The one facilitator check of the live routes (delete, export, controls, the host stream and the
// host page): the host token from a bearer header or the session's cookie, the session it belongs to,
// and a 403 for anyone else. A request that carries the host token is never held up by the
// unknown-code lockout of its address (sessionByCode).
import type { Cookies } from '@sveltejs/kit';
import { cookieCode, hostCookie, tokenFrom } from './http';
import { getLive } from './instance';
import { sessionByCode, type Live } from './service';
import type { LiveSession } from './store';
import { LiveError } from './validation';

/** The parts of a SvelteKit request event the check reads. */
export interface HostRequest {
	params: { code: string };
	request: Request;
	cookies: Cookies;
	getClientAddress(): string;
}

export const notHost = 'Only the facilitator who started this session can do that.';

/**
 * The session of `params.code` when the request carries its host token, after counting the visit as
 * the facilitator being there. Throws a LiveError: 404 or 429 (sessionByCode), else 403 `refusal`.
 */
export async function requireHost(
	event: HostRequest,
	refusal = notHost
): Promise<{ live: Live; session: LiveSession }> {
	const live = getLive();
	const { params, request, cookies } = event;
	const token = tokenFrom(request, cookies, hostCookie(cookieCode(params.code)));
	let host = false;
	const session = await sessionByCode(
		live,
		params.code,
		event.getClientAddress(),
		(s) => (host = live.store.isHost(s.id, token))
	);
	if (!host) throw new LiveError(403, refusal);
	live.store.touchHost(session.id);
	return { live, session };
}
