import type { HandleServerError } from '@sveltejs/kit';

// A request the framework refuses (a body over BODY_SIZE_LIMIT, a malformed form) is the client's
// mistake: it gets its 4xx and the log gets no stack trace, so oversized requests cannot flood it.
export const handleError: HandleServerError = ({ error, status, message }) => {
	if (status < 500) return { message };
	console.error(error);
	return { message };
};
