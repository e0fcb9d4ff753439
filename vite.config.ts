import { defineConfig, type Plugin } from 'vite';
import react from '@vitejs/plugin-react';
import { fileURLToPath } from 'node:url';

/**
 * The dev server needs an inline React-refresh preamble and a websocket for hot reload, both of
 * which the strict CSP in renderer/index.html forbids. Relax the policy in `vite serve` only;
 * built files (served by `studio serve` and loaded by Electron) keep the strict one.
 */
function relaxCspForDevServer(): Plugin {
  return {
    name: 'studio-relax-csp-for-dev',
    apply: 'serve',
    transformIndexHtml: (html) =>
      html
        .replace("default-src 'self';", "default-src 'self'; script-src 'self' 'unsafe-inline';")
        .replace("connect-src 'self'", "connect-src 'self' ws: http://localhost:* http://127.0.0.1:*"),
  };
}

const apiTarget = `http://127.0.0.1:${process.env.STUDIO_API_PORT ?? 5174}`;

export default defineConfig({
  root: 'renderer',
  base: './',
  plugins: [react(), relaxCspForDevServer()],
  build: {
    // Two entries: the studio, and the member app for phones (served at /member/, see main/sync/member-app.ts).
    rollupOptions: { input: { studio: fileURLToPath(new URL('./renderer/index.html', import.meta.url)), member: fileURLToPath(new URL('./renderer/member/index.html', import.meta.url)) } },
    outDir: '../dist/renderer',
    emptyOutDir: true,
    chunkSizeWarningLimit: 1500,
  },
  server: {
    proxy: {
      // The studio answers only same-origin calls for its own Host (boundary.ts): the proxy
      // presents itself as the studio's own page (Host and Origin of the target).
      '/api': {
        target: apiTarget,
        changeOrigin: true,
        headers: { origin: apiTarget },
      },
    },
  },
});
