/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: "node",
  roots: ["<rootDir>/test"],
  testMatch: ["**/*.test.ts"],
  transform: {
    "^.+\\.ts$": [
      "@swc/jest",
      {
        jsc: {
          target: "es2022",
          parser: { syntax: "typescript", decorators: true },
          transform: { legacyDecorator: true, decoratorMetadata: true },
        },
        module: { type: "commonjs" },
      },
    ],
  },
  // the tests' path aliases (tsconfig.json "paths"); code outside test/ imports relatively
  moduleNameMapper: {
    "^@platform/(.*)$": "<rootDir>/platform/$1",
    "^@kit/(.*)$": "<rootDir>/subgraphs/kit/$1",
    "^@subgraphs/(.*)$": "<rootDir>/subgraphs/$1",
    "^@gateway/(.*)$": "<rootDir>/gateway/$1",
    "^@scripts/(.*)$": "<rootDir>/scripts/$1",
    "^@web/(.*)$": "<rootDir>/web/$1",
    "^@test/(.*)$": "<rootDir>/test/$1",
  },
  setupFiles: ["<rootDir>/test/setup-env.ts"],
  globalSetup: "<rootDir>/test/support/global-setup.ts",
  testTimeout: 60000,
  // the suites share one MariaDB and two cores: two workers keep them from starving each other
  maxWorkers: 2,
  reporters: ["default", "<rootDir>/test/support/summary-reporter.js"],
};
