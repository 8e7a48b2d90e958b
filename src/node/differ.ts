// The differ that the published site uses for changes pages, banners, versions.json and the feed:
// the diff engine (src/diff/index.ts: diffPolicies, renderDiffHtml, summarizeDiff) when this build
// has it, else the simple differ of src/render/changes.ts. Loaded lazily, so compile works on a
// branch without the engine and picks it up as soon as it is merged.
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { simpleDiffer, type ChangeSide, type Differ } from '../render/changes.js';
import { escapeHtml } from '../render/html.js';
import type { PolicyDiff } from '../diff/types.js';

interface DiffEngine {
  diffPolicies: (a: ChangeSide, b: ChangeSide) => PolicyDiff;
  renderDiffHtml: (diff: PolicyDiff, options: { layout: string }) => string;
  summarizeDiff: (diff: PolicyDiff) => string;
}

/** The diff engine's output as the site's ChangeSet. */
export function engineDiffer(engine: DiffEngine): Differ {
  return (a, b) => {
    const diff = engine.diffPolicies(a, b);
    const counts = diff.counts as Record<string, number>;
    const classes = Object.entries(counts)
      .filter(([, n]) => n > 0)
      .map(([k, n]) => `<span class="class ${escapeHtml(k)}">${escapeHtml(k.replace('_', ' '))}: ${n}</span>`)
      .join(' ');
    return {
      from: a.label,
      to: b.label,
      summary: engine.summarizeDiff(diff),
      html: `${classes ? `<p class="classes">${classes}</p>\n` : ''}${engine.renderDiffHtml(diff, { layout: 'inline' })}`,
      required_bump: diff.required_bump,
      counts,
    };
  };
}

let cached: Promise<Differ> | undefined;

/** The best differ this build has. */
export function loadSiteDiffer(): Promise<Differ> {
  cached ??= (async () => {
    // The engine is src/diff/index.ts (lib/diff/index.js once built); without it, the simple differ.
    const here = (ext: string) => fileURLToPath(new URL(`../diff/index.${ext}`, import.meta.url));
    if (!existsSync(here('js')) && !existsSync(here('ts'))) return simpleDiffer;
    const specifier = '../diff/index.js';
    const engine = (await import(specifier)) as Partial<DiffEngine>;
    if (engine.diffPolicies && engine.renderDiffHtml && engine.summarizeDiff) return engineDiffer(engine as DiffEngine);
    return simpleDiffer;
  })();
  return cached;
}
