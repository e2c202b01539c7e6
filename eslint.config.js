import tseslint from 'typescript-eslint';

const noUnsafeHtml = [
  { selector: "MemberExpression[property.name=/^(innerHTML|outerHTML)$/]", message: 'Do not use innerHTML/outerHTML: render text with Preact or textContent.' },
  { selector: "CallExpression[callee.property.name='insertAdjacentHTML']", message: 'Do not use insertAdjacentHTML: render text with Preact or textContent.' },
  { selector: "CallExpression[callee.property.name=/^(write|writeln)$/][callee.object.name='document']", message: 'Do not use document.write.' },
  { selector: "CallExpression[callee.property.name='createContextualFragment']", message: 'Do not parse HTML strings into the DOM.' },
  { selector: "JSXAttribute[name.name='dangerouslySetInnerHTML']", message: 'Do not use dangerouslySetInnerHTML: pack text is rendered as text only.' },
  { selector: "Property[key.name='dangerouslySetInnerHTML']", message: 'Do not use dangerouslySetInnerHTML: pack text is rendered as text only.' },
  { selector: "CallExpression[callee.name='eval']", message: 'Do not use eval.' },
  { selector: "NewExpression[callee.name='Function']", message: 'Do not build functions from strings.' },
  { selector: "CallExpression[callee.name=/^(setTimeout|setInterval)$/][arguments.0.type='Literal']", message: 'Do not pass strings to timers.' },
];

export default tseslint.config(
  { ignores: ['.output/**', '.bench-output*/**', 'bench/.generated/**', '.wxt/**', 'node_modules/**', 'test-results/**', 'playwright-report/**', 'tests/fixtures/**', 'demo/**'] },
  ...tseslint.configs.recommended,
  {
    rules: {
      'no-restricted-syntax': ['error', ...noUnsafeHtml],
      'no-implied-eval': 'error',
      'no-new-func': 'error',
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    files: ['scripts/**/*.mjs', 'bench/**/*.mjs'],
    languageOptions: { globals: { process: 'readonly', console: 'readonly', URL: 'readonly', setTimeout: 'readonly', performance: 'readonly' } },
  },
);
