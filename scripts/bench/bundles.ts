/**
 * First-load JavaScript per route of the production build, compressed with gzip: Next 16's build
 * no longer prints it, but `.next/diagnostics/route-bundle-stats.json` lists each route's
 * first-load chunks.
 */
import fs from "node:fs";
import path from "node:path";
import { gzipSync } from "node:zlib";

export type RouteBundle = { route: string; gzipBytes: number; rawBytes: number; chunks: number; hasEditor: boolean };

type RouteStat = { route: string; firstLoadUncompressedJsBytes: number; firstLoadChunkPaths: string[] };

/** A string only the ProseMirror view (the editor) carries, not the server-side renderer. */
const EDITOR_MARKER = "ProseMirror";

export function firstLoadJs(root = process.cwd()): RouteBundle[] {
  const statsFile = path.join(root, ".next", "diagnostics", "route-bundle-stats.json");
  const stats = JSON.parse(fs.readFileSync(statsFile, "utf8")) as RouteStat[];
  const chunkCache = new Map<string, { gzip: number; raw: number; editor: boolean }>();
  const chunk = (file: string) => {
    let entry = chunkCache.get(file);
    if (!entry) {
      const content = fs.readFileSync(path.join(root, file));
      entry = { gzip: gzipSync(content, { level: 9 }).length, raw: content.length, editor: content.includes(EDITOR_MARKER) };
      chunkCache.set(file, entry);
    }
    return entry;
  };
  return stats
    .map((stat) => {
      const chunks = stat.firstLoadChunkPaths.map(chunk);
      return {
        route: stat.route,
        gzipBytes: chunks.reduce((n, c) => n + c.gzip, 0),
        rawBytes: chunks.reduce((n, c) => n + c.raw, 0),
        chunks: chunks.length,
        hasEditor: chunks.some((c) => c.editor),
      };
    })
    .sort((a, b) => a.route.localeCompare(b.route));
}
