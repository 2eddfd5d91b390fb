import { defineConfig, type Plugin } from "vite";
import { MANIFEST_FILE, persistedQueryManifest } from "./build/manifest.ts";

/** Writes the trusted documents' manifest beside the app, for the gateway that serves both. */
function trustedDocuments(): Plugin {
  return {
    name: "waybill-trusted-documents",
    apply: "build",
    generateBundle() {
      this.emitFile({
        type: "asset",
        fileName: MANIFEST_FILE,
        source: `${JSON.stringify(persistedQueryManifest(), null, 2)}\n`,
      });
    },
  };
}

// The gateway serves the built app under /console; `npm run dev -w @waybill/console` proxies the
// API to a hub started with `npm start`.
export default defineConfig(({ command }) => ({
  base: "/console/",
  // A build is for the gateway to serve, even when a test runner (NODE_ENV=test) starts it: React's
  // production build and JSX without the development runtime.
  define: command === "build" ? { "process.env.NODE_ENV": JSON.stringify("production") } : {},
  oxc: { jsx: { runtime: "automatic", development: command !== "build" } },
  plugins: [trustedDocuments()],
  build: {
    outDir: "dist",
    emptyOutDir: true,
    sourcemap: true,
    rolldownOptions: {
      onwarn(warning, warn) {
        // React Router marks its modules "use client" for server components; this app has none.
        if (warning.code !== "MODULE_LEVEL_DIRECTIVE") warn(warning);
      },
    },
  },
  server: {
    proxy: {
      "/graphql": { target: process.env.WAYBILL_GATEWAY ?? "http://127.0.0.1:4000", ws: true },
    },
  },
}));
