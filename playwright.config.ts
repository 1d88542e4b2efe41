import { defineConfig, devices } from '@playwright/test';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromiumArgs, chromiumPath } from './config/chromium.js';

const port = Number(process.env.E2E_PORT ?? 4173);
const buildDir = process.env.BUILD_DIR ?? 'build';

export default defineConfig({
	testDir: 'tests',
	testMatch: '**/*.e2e.ts',
	fullyParallel: true,
	workers: process.env.CI ? 2 : undefined,
	retries: process.env.CI ? 1 : 0,
	reporter: 'list',
	outputDir: 'test-results',
	use: {
		baseURL: `http://127.0.0.1:${port}`,
		...devices['Desktop Chrome'],
		launchOptions: { executablePath: chromiumPath, args: chromiumArgs },
		trace: 'retain-on-failure'
	},
	webServer: {
		command: `node ${buildDir}`,
		env: {
			PORT: String(port),
			HOST: '127.0.0.1',
			ORIGIN: `http://127.0.0.1:${port}`,
			// Live sessions write to a throw-away database, never to ./data.
			LIVE_DB_PATH:
				process.env.LIVE_DB_PATH ?? join(tmpdir(), `live-e2e-${port}-${Date.now()}.sqlite`)
		},
		url: `http://127.0.0.1:${port}`,
		reuseExistingServer: !process.env.CI,
		timeout: 60_000
	}
});
