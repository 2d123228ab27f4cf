import js from '@eslint/js';
import tseslint from 'typescript-eslint';

// Which part of src may import which (the README's "Architecture" picture). A folder's own files and
// the parts listed as allowed are fine; everything else is an error, so the layering cannot drift.
const PARTS = ['text', 'engine', 'excel', 'xlsx', 'docx', 'cli', 'taskpane', 'commands'];
const HOST_PACKAGES = ['exceljs', '@e965/xlsx', 'yauzl', 'fflate', 'docx', '@xmldom/xmldom', 'react', 'react-dom', '@fluentui/react-components'];

function layer(part, allowedParts, allowedPackages = []) {
  const forbiddenParts = PARTS.filter((p) => p !== part && !allowedParts.includes(p));
  return {
    files: [`src/${part}/**/*.ts`, `src/${part}/**/*.tsx`],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            ...forbiddenParts.map((p) => ({
              group: [`../${p}`, `../${p}/*`, `../../${p}`, `../../${p}/*`, `../../../${p}/*`],
              message: `src/${part} may not import src/${p} (see README, Architecture).`,
            })),
          ],
          paths: HOST_PACKAGES.filter((pkg) => !allowedPackages.includes(pkg)).map((name) => ({
            name,
            message: `src/${part} may not use this package (see README, Architecture).`,
          })),
        },
      ],
    },
  };
}

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'coverage/**', 'test-output/**', '**/*.js', '**/*.mjs', '**/*.cjs'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  // The words in two languages: a leaf every part may read.
  layer('text', []),
  layer('engine', ['text']),
  layer('excel', ['engine', 'text']),
  layer('xlsx', ['engine', 'text'], ['exceljs', '@e965/xlsx', 'yauzl', 'fflate', '@xmldom/xmldom']),
  layer('docx', ['engine', 'text'], ['docx', 'fflate', '@xmldom/xmldom']),
  layer('cli', ['engine', 'text', 'xlsx', 'docx']),
  layer('taskpane', ['engine', 'text', 'excel', 'docx'], ['react', 'react-dom', '@fluentui/react-components', 'docx']),
  layer('commands', ['engine', 'text', 'excel']),
  {
    // The pane's stores are host-free and React-free so that they can be tested alone, with fake timers
    // and the in-memory port: only the engine and the pane's own host-free modules (and the words).
    ...layer('taskpane', ['engine', 'text']),
    files: ['src/taskpane/stores/**'],
  },
  {
    // Components and hooks get data and actions as props; only the pane's entry wires the Excel port.
    files: ['src/taskpane/components/**', 'src/taskpane/hooks/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['../../excel', '../../excel/*', '../../xlsx/*', '../../cli/*', '../../commands/*'], message: 'Components and hooks never reach the host: take data and actions as props (see README, Architecture).' },
          ],
          paths: ['exceljs', '@e965/xlsx', 'yauzl', 'fflate', '@xmldom/xmldom'].map((name) => ({ name, message: 'Not in the pane (see README, Architecture).' })),
        },
      ],
    },
  },
);
