// Lighthouse runs, one after another, in one chromium: node lighthouse.mjs JOBS.json
// JOBS.json: {"tools": DIR, "chrome_flags": [...], "categories": [...], "blocked": [...],
//             "runs": [{"url": URL, "preset": "mobile" | "desktop", "report": FILE}, ...]}
// Each report (Lighthouse's JSON) is written to its FILE. Lighthouse and chrome-launcher come from
// the npm install in DIR (tools/); the browser is CHROME_PATH. Storage and cache are reset before each run.
import {readFileSync, writeFileSync} from 'node:fs';
import path from 'node:path';
import {pathToFileURL} from 'node:url';

const jobs = JSON.parse(readFileSync(process.argv[2], 'utf8'));
const from = (module) => import(pathToFileURL(path.join(jobs.tools, 'node_modules', module)).href);
const lighthouse = (await from('lighthouse/core/index.js')).default;
const desktop = (await from('lighthouse/core/config/desktop-config.js')).default;
const {launch} = await from('chrome-launcher/dist/index.js');

const chrome = await launch({chromeFlags: jobs.chrome_flags});
try {
  for (const [index, run] of jobs.runs.entries()) {
    const flags = {port: chrome.port, output: 'json', logLevel: 'error', onlyCategories: jobs.categories,
                   blockedUrlPatterns: jobs.blocked};
    const result = await lighthouse(run.url, flags, run.preset === 'desktop' ? desktop : undefined);
    if (!result) throw new Error(`Lighthouse gave no report for ${run.url}`);
    writeFileSync(run.report, result.report);
    console.error(`  lighthouse ${index + 1}/${jobs.runs.length}: ${run.url} (${run.preset})`);
  }
} finally {
  await chrome.kill();
}
