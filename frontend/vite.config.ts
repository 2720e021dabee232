/// <reference types="vitest/config" />
import { fileURLToPath, URL } from 'node:url'
import { defineConfig } from 'vite'
import vue from '@vitejs/plugin-vue'

// The production build lands in the Spring Boot jar (../target/classes/static), so `./mvnw package`
// ships the web app and Boot serves it; history-mode deep links are answered by SpaFallbackFilter.
export default defineConfig({
  plugins: [vue()],
  resolve: {
    alias: { '@': fileURLToPath(new URL('./src', import.meta.url)) },
  },
  build: {
    outDir: fileURLToPath(new URL('../target/classes/static', import.meta.url)),
    emptyOutDir: true,
    chunkSizeWarningLimit: 1200,
    rolldownOptions: {
      output: {
        // The libraries in one cached file (ECharts apart, for the pages with charts) and the shared app code in
        // another, instead of dozens of small shared chunks: a page load fetches a handful of files (fewer requests
        // on slow rural links, fewer chances to meet a connection that stalls). Views stay lazy, one chunk each.
        codeSplitting: {
          // priorities matter: a group also takes the dependencies of its modules that no higher group took
          groups: [
            {
              name: 'vendor',
              test: /\/node_modules\/(?!echarts\/|zrender\/|vue-echarts\/)|vite\/preload-helper|vite\/modulepreload-polyfill/,
              priority: 5,
            },
            {
              name: 'charts',
              test: /\/node_modules\/(echarts|zrender|vue-echarts)\/|\/src\/components\/\w*Chart\.vue/,
              priority: 4,
            },
            { name: 'app', test: /\/src\/(components|composables|stores|api|layout|navigation|i18n)\//, priority: 3 },
          ],
        },
      },
    },
  },
  server: {
    port: 5173,
    // `npm run dev` against a running app (./mvnw spring-boot:run or java -jar) on :8080, which also
    // answers /config.js (the Keycloak URL, realm and client it is configured with)
    proxy: {
      '/api': 'http://127.0.0.1:8080',
      '/config.js': 'http://127.0.0.1:8080',
    },
  },
  test: {
    environment: 'happy-dom',
    include: ['src/**/*.spec.ts'],
    restoreMocks: true,
  },
})
