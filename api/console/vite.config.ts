import { defineConfig } from 'vitest/config'
import vue from '@vitejs/plugin-vue'

// Built into the irisx-console jar's class path; the API serves it at /console/.
export default defineConfig({
  base: '/console/',
  plugins: [vue()],
  build: {
    outDir: 'target/classes/irisx/console',
    emptyOutDir: true,
    sourcemap: false,
    reportCompressedSize: true,
  },
  server: {
    // `npm run dev` against a running API (./irisx dev): same origin through the proxy.
    proxy: { '/v1': process.env.IRISX_API_URL ?? 'http://127.0.0.1:8080' },
  },
  test: {
    environment: 'happy-dom',
    include: ['tests/**/*.spec.ts'],
  },
})
