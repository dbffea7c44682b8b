/** @type {import('jest').Config} */
export default {
  preset: 'ts-jest/presets/default-esm',
  testEnvironment: 'node',
  globalSetup: '<rootDir>/test/support/build-once.js',
  roots: ['<rootDir>/test'],
  testMatch: ['**/*.test.ts'],
  moduleNameMapper: { '^(\\.{1,2}/.*)\\.js$': '$1' },
  transform: { '^.+\\.ts$': ['ts-jest', { useESM: true }] },
  reporters: ['default', '<rootDir>/test/support/closing-line-reporter.cjs'],
  testTimeout: 30000,
  // In-process tests only: the end-to-end tests run the bundle in processes of their own.
  collectCoverageFrom: ['src/**/*.ts'],
  coverageReporters: ['text-summary']
};
