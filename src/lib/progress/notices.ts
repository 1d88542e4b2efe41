// Notices about stored data that stores other than the progress session raise (the journey
// data): the layout shows them under the header with the progress notice. Framework-free.

export interface StoredDataNotice {
	id: string;
	text: string;
	/** Damaged stored text no copy could be kept of, offered as a download under this name. */
	original?: { text: string; fileName: string };
	/** Lets the store write over the original once the learner has it. */
	release?: () => void;
}

let notices: StoredDataNotice[] = [];
const listeners = new Set<(notices: StoredDataNotice[]) => void>();

function emit() {
	for (const listener of listeners) listener(notices);
}

export function showNotice(notice: StoredDataNotice): () => void {
	notices = [...notices.filter((n) => n.id !== notice.id), notice];
	emit();
	return () => dismissNotice(notice.id);
}

export function dismissNotice(id: string): void {
	notices = notices.filter((n) => n.id !== id);
	emit();
}

export function watchNotices(listener: (notices: StoredDataNotice[]) => void): () => void {
	listeners.add(listener);
	listener(notices);
	return () => listeners.delete(listener);
}
