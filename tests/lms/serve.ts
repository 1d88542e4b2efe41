// What every LMS end-to-end file sets up: its package (built when missing or stale) and the test
// LMS or LRS serving it on a port beside the e2e server's, started once for the file's serial
// tests and closed after them.
import { test } from '@playwright/test';
import { packageFiles } from './package';

type Target = Parameters<typeof packageFiles>[0];
interface Closable {
	close(callback: () => void): unknown;
}

/**
 * Beside the e2e server's port (E2E_PORT + offset), so parallel checkouts (each with its own
 * E2E_PORT) do not collide; `override` names an environment variable that sets it outright.
 */
export const lmsPort = (offset: number, override: string) =>
	Number(process.env[override] ?? Number(process.env.E2E_PORT ?? 4173) + offset);

/** Registers the file's serial mode, its package and its server; read `files` and `server` in tests. */
export function servePackage<S extends Closable>(
	target: Target,
	port: number,
	start: (files: Map<string, Uint8Array>, port: number) => Promise<S>
) {
	const served = {} as { files: Map<string, Uint8Array>; server: S };
	test.describe.configure({ mode: 'serial', timeout: 90_000 });
	test.beforeAll(async () => {
		test.setTimeout(300_000);
		served.files = packageFiles(target);
		served.server = await start(served.files, port);
	});
	test.afterAll(
		() =>
			new Promise<void>((resolve) =>
				served.server ? served.server.close(() => resolve()) : resolve()
			)
	);
	return served;
}
