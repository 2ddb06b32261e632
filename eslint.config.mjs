import js from '@eslint/js';
import globals from 'globals';
import tseslint from 'typescript-eslint';
import prettier from 'eslint-config-prettier';

// Imports flow one way (docs/architecture.md): apps → application → domain, application → persistence → domain.
const restrict = (patterns) => ({ 'no-restricted-imports': ['error', { patterns }] });
const deep = {
  group: ['**/libs/*/src/**', '../../libs/**', '../../../libs/**'],
  message: 'Import a library through its @sandbridge/* alias.',
};
const framework = [
  '@nestjs/*',
  'typeorm',
  'typeorm/*',
  'graphql',
  'graphql/*',
  '@apollo/*',
  'rxjs',
  'rxjs/*',
  'pg',
  'class-validator',
  'class-transformer',
];

export default tseslint.config(
  {
    ignores: [
      'dist/**',
      'node_modules/**',
      'coverage/**',
      '.data/**',
      'libs/persistence/src/migrations/1*.ts',
      'libs/testing/src/generated/**',
      'apps/console/src/gql/**',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    // Type-aware rules read the program through TypeScript's project service (tsconfig.json).
    files: ['**/*.ts'],
    languageOptions: {
      globals: { ...globals.node },
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      // A promise nobody awaits loses its errors: await it, or say `void` when fire-and-forget is meant.
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/await-thenable': 'error',
      '@typescript-eslint/no-misused-promises': 'error',
      // A switch over a union or an enum names every member, or has a default that proves none is left (`never`).
      '@typescript-eslint/switch-exhaustiveness-check': [
        'error',
        { considerDefaultExhaustiveForUnions: false, requireDefaultForNonUnion: true },
      ],
    },
  },
  {
    rules: {
      '@typescript-eslint/no-explicit-any': 'off',
      '@typescript-eslint/no-unsafe-function-type': 'off',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'off',
    },
  },
  {
    files: ['libs/domain/**/*.ts'],
    rules: restrict([
      { group: framework, message: 'libs/domain is pure: no framework, ORM, GraphQL or rxjs.' },
      { group: ['@sandbridge/*'], message: 'libs/domain imports no other library.' },
    ]),
  },
  {
    files: ['libs/persistence/**/*.ts'],
    rules: restrict([
      deep,
      {
        group: ['@sandbridge/application', '@sandbridge/testing', '@nestjs/graphql', 'graphql', '**/apps/**'],
        message: 'libs/persistence knows the domain and the database only.',
      },
    ]),
  },
  {
    files: ['libs/application/**/*.ts'],
    rules: restrict([
      deep,
      {
        group: ['@sandbridge/testing', '@nestjs/graphql', '@nestjs/apollo', 'graphql', '**/apps/**'],
        message: 'libs/application knows no GraphQL and no app.',
      },
    ]),
  },
  {
    files: ['libs/common/**/*.ts', 'config/**/*.ts'],
    rules: restrict([
      deep,
      {
        group: ['@sandbridge/application', '@sandbridge/persistence', '@sandbridge/testing', '**/apps/**'],
        message: 'config and common are at the bottom of the stack.',
      },
    ]),
  },
  {
    files: ['apps/**/*.ts'],
    ignores: ['apps/**/*.spec.ts'],
    rules: restrict([
      deep,
      { group: ['@sandbridge/testing'], message: 'Production code never imports the test library.' },
      { group: ['typeorm/*'], message: 'Apps talk to services, not to TypeORM internals.' },
    ]),
  },
  {
    // A dialog's title comes from the state that opens it; ui/Dialog keeps it through the closing transition.
    files: ['apps/console/src/features/**/*.tsx', 'apps/console/src/app/**/*.tsx'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [
            {
              name: '@mantine/core',
              importNames: ['Modal'],
              message: 'Use Dialog from ui/Dialog: it keeps its accessible name while it closes.',
            },
          ],
        },
      ],
    },
  },
  {
    // The medium tier builds its data through the services and the test library, beside the repository it tests.
    files: ['libs/**/*.medium.spec.ts'],
    rules: restrict([deep]),
  },
  {
    files: ['**/*.spec.ts', '**/*.e2e-spec.ts', 'test/**/*.ts', 'libs/testing/**/*.ts'],
    rules: { '@typescript-eslint/no-non-null-assertion': 'off' },
  },
  {
    files: ['**/*.mjs'],
    languageOptions: { globals: { ...globals.node } },
  },
  // Layout is Prettier's (`npm run format`); no lint rule argues with it.
  prettier,
);
