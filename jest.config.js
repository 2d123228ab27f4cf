/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/test'],
  testMatch: ['**/*.test.ts', '**/*.test.tsx'],
  // A hang guard, not a timing: many tests read and write real workbooks, and a busy 2-core machine
  // is several times slower than an idle one. Speed is measured by `npm run bench`.
  testTimeout: 60_000,
  testPathIgnorePatterns: ['/node_modules/', '<rootDir>/test/e2e/'],
  transform: {
    // office-addin-manifest (npm run validate) reaches two ESM-only packages; Node requires them natively, jest needs them compiled.
    '/node_modules/(uuid|strip-bom)/.+\\.js$': ['ts-jest', { tsconfig: { allowJs: true, module: 'commonjs', isolatedModules: true } }],
    '^.+\\.tsx?$': ['ts-jest', { tsconfig: { module: 'commonjs', moduleResolution: 'node', jsx: 'react-jsx', esModuleInterop: true, isolatedModules: true } }],
  },
  transformIgnorePatterns: ['^(?!.*/node_modules/(uuid|strip-bom)/).*/node_modules/'],
  moduleNameMapper: {
    '\\.(css|png|svg)$': '<rootDir>/test/support/fileStub.js',
  },
};
