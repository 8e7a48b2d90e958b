// The differ that the published site uses for changes pages, banners, versions.json and the feed:
// the diff engine (src/diff/index.ts: diffPolicies, renderDiffHtml, summarizeDiff). The simple
// differ of src/render/changes.ts remains for pure buildSite() callers that pass none.
import { type ChangeSide, type Differ } from '../render/changes.js';
import { diffPolicies, renderDiffHtml, summarizeDiff, type DiffSide } from '../diff/index.js';
import { escapeHtml } from '../render/html.js';
import type { PolicyDiff } from '../diff/types.js';

interface DiffEngine {
  diffPolicies: (a: ChangeSide, b: ChangeSide) => PolicyDiff;
  renderDiffHtml: (diff: PolicyDiff, options: { layout: string; summary?: boolean }) => string;
  summarizeDiff: (diff: PolicyDiff) => string;
}

/** The diff engine's output as the site's ChangeSet (the page states the summary once, above the class counts). */
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
      html: `${classes ? `<p class="classes">${classes}</p>\n` : ''}${engine.renderDiffHtml(diff, { layout: 'inline', summary: false })}`,
      required_bump: diff.required_bump,
      counts,
    };
  };
}

/** The site's differ: the diff engine. (Async so that callers need not change if it is ever loaded lazily again.) */
export function loadSiteDiffer(): Promise<Differ> {
  return Promise.resolve(engineDiffer({ diffPolicies: (a, b) => diffPolicies(a as DiffSide, b as DiffSide), renderDiffHtml, summarizeDiff }));
}
