#!/usr/bin/env node
// Copy the front-end files Gonghui needs from node_modules/ into static/vendor/.
//
// static/vendor/ is git-ignored: third-party code comes from the npm registry
// (package-lock.json pins it) and is never committed. Templates reference the
// destination paths below via {% static 'vendor/...' %}, so keep them stable.
//
// Idempotent: a file whose size and mtime already match its source is left
// alone (so collectstatic sees nothing new), and files that are no longer in
// the list are removed. No bundler, no dependencies beyond Node >= 18.

import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const NODE_MODULES = path.join(ROOT, "node_modules");
const VENDOR = path.join(ROOT, "static", "vendor");

// package -> the major version the templates were written against.
const EXPECTED = {
  "@tabler/core": /^1\./,
  "htmx.org": /^2\./,
  echarts: /^6\./,
  leaflet: /^1\.9\./,
};

// [source under node_modules/, destination under static/vendor/]
// Source maps are copied too: the minified files reference them, and a
// manifest static-files storage refuses to build if they are missing.
const FILES = [
  ["@tabler/core/dist/css/tabler.min.css", "tabler/tabler.min.css"],
  ["@tabler/core/dist/css/tabler.min.css.map", "tabler/tabler.min.css.map"],
  ["@tabler/core/dist/js/tabler.min.js", "tabler/tabler.min.js"],
  ["@tabler/core/dist/js/tabler.min.js.map", "tabler/tabler.min.js.map"],
  ["htmx.org/dist/htmx.min.js", "htmx/htmx.min.js"],
  ["htmx.org/LICENSE", "htmx/LICENSE"],
  ["echarts/dist/echarts.min.js", "echarts/echarts.min.js"],
  ["echarts/LICENSE", "echarts/LICENSE"],
  ["leaflet/dist/leaflet.css", "leaflet/leaflet.css"],
  ["leaflet/dist/leaflet.js", "leaflet/leaflet.js"],
  ["leaflet/dist/leaflet.js.map", "leaflet/leaflet.js.map"],
  ["leaflet/LICENSE", "leaflet/LICENSE"],
];
// Whole directories (leaflet.css refers to images/*.png relatively).
const DIRS = [["leaflet/dist/images", "leaflet/images"]];

function fail(message) {
  console.error(`build_assets: ${message}`);
  process.exit(1);
}

function checkVersions() {
  if (!fs.existsSync(NODE_MODULES)) {
    fail("node_modules/ is missing; run `npm ci` (or `make install`) first");
  }
  const versions = {};
  for (const [name, pattern] of Object.entries(EXPECTED)) {
    const manifest = path.join(NODE_MODULES, name, "package.json");
    if (!fs.existsSync(manifest)) fail(`${name} is not installed; run \`npm ci\``);
    const { version } = JSON.parse(fs.readFileSync(manifest, "utf8"));
    if (!pattern.test(version)) {
      fail(`${name} ${version} installed, but the templates expect ${pattern}; check package.json`);
    }
    versions[name] = version;
  }
  return versions;
}

function expandDirs() {
  const pairs = [];
  for (const [srcDir, destDir] of DIRS) {
    const absDir = path.join(NODE_MODULES, srcDir);
    if (!fs.existsSync(absDir)) fail(`missing directory node_modules/${srcDir}`);
    for (const entry of fs.readdirSync(absDir, { withFileTypes: true })) {
      if (entry.isFile()) {
        pairs.push([`${srcDir}/${entry.name}`, `${destDir}/${entry.name}`]);
      }
    }
  }
  return pairs;
}

function copyIfChanged(src, dest) {
  const s = fs.statSync(src);
  try {
    const d = fs.statSync(dest);
    // utimes() rounds to the millisecond on some file systems, hence the tolerance.
    if (d.size === s.size && Math.abs(d.mtimeMs - s.mtimeMs) < 1000) return false;
  } catch {
    // destination does not exist yet
  }
  fs.mkdirSync(path.dirname(dest), { recursive: true });
  const tmp = `${dest}.tmp-${process.pid}`;
  fs.copyFileSync(src, tmp);
  fs.utimesSync(tmp, s.atime, s.mtime);
  fs.renameSync(tmp, dest);
  return true;
}

function removeStale(dir, keep) {
  if (!fs.existsSync(dir)) return 0;
  let removed = 0;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const abs = path.join(dir, entry.name);
    if (entry.isDirectory()) {
      removed += removeStale(abs, keep);
      if (fs.readdirSync(abs).length === 0) fs.rmdirSync(abs);
    } else if (!keep.has(abs)) {
      fs.rmSync(abs, { force: true });
      removed += 1;
    }
  }
  return removed;
}

function main() {
  const versions = checkVersions();
  const pairs = [...FILES, ...expandDirs()];
  const keep = new Set();
  let copied = 0;
  for (const [from, to] of pairs) {
    const src = path.join(NODE_MODULES, from);
    const dest = path.join(VENDOR, to);
    if (!fs.existsSync(src)) fail(`missing node_modules/${from}`);
    keep.add(dest);
    if (copyIfChanged(src, dest)) copied += 1;
  }
  const removed = removeStale(VENDOR, keep);
  const summary = Object.entries(versions)
    .map(([name, version]) => `${name}@${version}`)
    .join(", ");
  console.log(
    `build_assets: static/vendor up to date (${pairs.length} files, ${copied} copied, ` +
      `${removed} removed; ${summary})`,
  );
}

main();
