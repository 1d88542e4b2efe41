// Helpers shared by the thin live API routes: tokens from a header or a cookie, and errors as JSON.
import { json, type Cookies } from '@sveltejs/kit';
import { LiveError, normaliseCode } from './validation';

export const hostCookie = (code: string) => `live_host_${code}`;
export const participantCookie = (code: string) => `live_p_${code}`;

/** A bearer token (scripts) or the session cookie (browsers). */
export function tokenFrom(request: Request, cookies: Cookies, cookie: string): string | undefined {
	const header = request.headers.get('authorization');
	if (header?.startsWith('Bearer ')) return header.slice(7).trim();
	return cookies.get(cookie);
}

export function setTokenCookie(
	cookies: Cookies,
	url: URL,
	name: string,
	token: string,
	maxAgeMs: number
): void {
	cookies.set(name, token, {
		path: '/',
		httpOnly: true,
		sameSite: 'lax',
		secure: url.protocol === 'https:',
		maxAge: Math.floor(maxAgeMs / 1000)
	});
}

/** A LiveError as the JSON answer of the API, with Retry-After when there is a wait. */
export function errorResponse(e: LiveError): Response {
	const headers: Record<string, string> = { 'cache-control': 'private, no-store' };
	if (e.retryAfterS) headers['retry-after'] = String(e.retryAfterS);
	return json({ error: e.message }, { status: e.status, headers });
}

/** Runs a route body, answering a LiveError with its status and message as JSON. */
export async function handle(run: () => Response | Promise<Response>): Promise<Response> {
	try {
		return await run();
	} catch (e) {
		if (e instanceof LiveError) return errorResponse(e);
		throw e;
	}
}

/** The code part of a session's cookie names, from the code as typed in the URL. */
export const cookieCode = (raw: string) => normaliseCode(raw) ?? '';
