/**
 * Five projects: unit tests (no server), the web app's own unit tests, end-to-end tests, which
 * share one real Temporal dev server started by test/support/global-setup.ts, the web app's
 * tests, which drive Debian's Chromium through the built app on the same kind of server, and the
 * cluster suite, which starts the deployment of deploy/cluster.yaml (PostgreSQL, a Temporal
 * server, workers, API instances). `npm test` runs them all.
 */
const transform = { '^.+\\.ts$': ['ts-jest', { tsconfig: 'tsconfig.json' }] };

/** @type {import('jest').Config} */
module.exports = {
  // End-to-end tests wait on real servers and timers of a few seconds.
  testTimeout: 60_000,
  projects: [
    {
      displayName: 'unit',
      testEnvironment: 'node',
      transform,
      testMatch: ['<rootDir>/test/unit/**/*.test.ts'],
    },
    {
      // The web app's own logic (forms, problems, working time), compiled as CommonJS for jest.
      displayName: 'web-unit',
      testEnvironment: 'node',
      transform: { '^.+\\.ts$': ['ts-jest', { tsconfig: '<rootDir>/web/tsconfig.test.json' }] },
      testMatch: ['<rootDir>/web/src/**/*.test.ts'],
    },
    {
      displayName: 'e2e',
      testEnvironment: 'node',
      transform,
      testMatch: ['<rootDir>/test/e2e/**/*.test.ts'],
      globalSetup: '<rootDir>/test/support/global-setup.ts',
      globalTeardown: '<rootDir>/test/support/global-teardown.ts',
    },
    {
      displayName: 'web',
      testEnvironment: 'node',
      transform,
      testMatch: ['<rootDir>/test/web/**/*.test.ts'],
      globalSetup: '<rootDir>/test/support/global-setup.ts',
      globalTeardown: '<rootDir>/test/support/global-teardown.ts',
    },
    {
      // The production-shaped deployment (deploy/cluster.yaml), started by the suite itself.
      displayName: 'cluster',
      testEnvironment: 'node',
      transform,
      testMatch: ['<rootDir>/test/cluster/**/*.test.ts'],
    },
  ],
};
