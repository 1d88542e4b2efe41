// Saved progress, lock notes and lesson blocks render above the step after the browser first
// scrolls to it, pushing it down. Until the learner scrolls, types or clicks (or a few seconds
// pass), the step is put back at the top each time the lesson's height changes. Loaded only when
// the address names a step: a lesson opened at its top has nothing to hold.

const events = ['wheel', 'touchstart', 'keydown', 'pointerdown'] as const;

/** Keeps the step `stepId` at the top of the view; returns the function that lets it go. */
export function holdInView(stepId: string, holdMs = 5000): () => void {
	const target = document.getElementById(stepId);
	const article = document.querySelector('article.lesson');
	if (!target || !target.matches('[data-step]') || !article) return () => {};
	const place = () => target.scrollIntoView({ block: 'start' });
	place();
	const observer = new ResizeObserver(place);
	observer.observe(article);
	let released = false;
	const release = () => {
		if (released) return;
		released = true;
		observer.disconnect();
		clearTimeout(timer);
		for (const type of events) window.removeEventListener(type, release, true);
	};
	const timer = setTimeout(release, holdMs);
	for (const type of events)
		window.addEventListener(type, release, { capture: true, passive: true });
	return release;
}
