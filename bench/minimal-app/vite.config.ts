// The minimal Remix app the pages benchmark compares Kindred with: one route, the same versions of Remix, React,
// Vite, Express and compression, built and served the same way (bench/pages.ts builds and starts it).
import { vitePlugin as remix } from "@remix-run/dev";
import { defineConfig } from "vite";

export default defineConfig({
  root: import.meta.dirname,
  css: { postcss: { plugins: [] } },
  plugins: [
    remix({
      appDirectory: "app",
      future: { v3_fetcherPersist: true, v3_relativeSplatPath: true, v3_throwAbortReason: true, v3_singleFetch: true, v3_lazyRouteDiscovery: true },
    }),
  ],
});
