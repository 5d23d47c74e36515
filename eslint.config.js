import pluginVue from 'eslint-plugin-vue'
import { defineConfigWithVueTs, vueTsConfigs } from '@vue/eslint-config-typescript'
import skipFormatting from 'eslint-config-prettier'

export default defineConfigWithVueTs(
  { ignores: ['dist/**', 'node_modules/**', 'coverage/**', 'test-results/**', 'playwright-report/**', 'bench/out/**'] },
  pluginVue.configs['flat/recommended'],
  vueTsConfigs.recommended,
  {
    // src/core is plain TypeScript shared by the page, the worker and the command line (STYLE.md):
    // no Vue, no DOM runtime, no Chart.js.
    files: ['src/core/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: ['vue', 'vue-chartjs', 'chart.js', '@vueuse/core'].map((name) => ({
            name,
            message: 'src/core must stay free of UI runtimes.',
            allowTypeImports: true,
          })),
          patterns: [{ group: ['**/components/*', '**/composables/*'], message: 'src/core must not import UI code.' }],
        },
      ],
    },
  },
  {
    rules: {
      'vue/no-v-html': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
    },
  },
  skipFormatting,
)
