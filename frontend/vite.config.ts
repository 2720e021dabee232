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
