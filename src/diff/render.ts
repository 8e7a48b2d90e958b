// Diff printers: terminal (summary first, optional colour), markdown for a pull-request comment,
// an HTML fragment (inline or side-by-side redline) for the published changes pages, and JSON.
import type { Evidence } from '../model/types.js';
import type { Change, ChangeClass, PolicyDiff, SectionDiff } from './types.js';

const TITLE: Record<ChangeClass, string> = {
  material: 'Material: needs notice or consent',
  needs_review: 'Needs review: practice wording the model cannot explain',
  minor: 'Minor: new disclosures, no new use',
  editorial: 'Editorial: wording only',
};
const CLASSES: ChangeClass[] = ['material', 'needs_review', 'minor', 'editorial'];

export function summarizeDiff(diff: PolicyDiff): string {
  const n = diff.counts;
  const parts = CLASSES.filter((c) => n[c]).map((c) => `${n[c]} ${c.replace('_', ' ')}`);
  if (!parts.length) return `No changes from ${diff.from} to ${diff.to}.`;
  const bump = diff.required_bump === 'none' ? 'no version bump' : `a ${diff.required_bump} version`;
  return `${parts.join(', ')} change${diff.changes.length === 1 ? '' : 's'} from ${diff.from} to ${diff.to}; requires ${bump}.`;
}

const where = (e: Evidence[]) => [...new Set(e.map((x) => (x.lines[0] === x.lines[1] ? `${x.lines[0]}` : `${x.lines[0]}-${x.lines[1]}`)))].join(', ');

// ---- terminal ----------------------------------------------------------------------------
export function renderDiffText(diff: PolicyDiff, options: { color?: boolean } = {}): string {
  const c = options.color
    ? { red: (s: string) => `\x1b[31m${s}\x1b[39m`, green: (s: string) => `\x1b[32m${s}\x1b[39m`, yellow: (s: string) => `\x1b[33m${s}\x1b[39m`, bold: (s: string) => `\x1b[1m${s}\x1b[22m`, dim: (s: string) => `\x1b[2m${s}\x1b[22m` }
    : { red: (s: string) => s, green: (s: string) => s, yellow: (s: string) => s, bold: (s: string) => s, dim: (s: string) => s };
  const colour: Record<ChangeClass, (s: string) => string> = { material: c.red, needs_review: c.yellow, minor: c.green, editorial: c.dim };
  const out: string[] = [c.bold(summarizeDiff(diff)), ''];
  for (const cls of CLASSES) {
    const list = diff.changes.filter((x) => x.class === cls && !(cls === 'editorial' && x.facet === 'text'));
    const text = cls === 'editorial' ? diff.changes.filter((x) => x.class === cls && x.facet === 'text') : [];
    if (!list.length && !text.length) continue;
    out.push(colour[cls](c.bold(`${TITLE[cls]} (${diff.counts[cls]})`)));
    for (const x of list) {
      const ev = [where(x.evidenceBefore) && `was line ${where(x.evidenceBefore)}`, where(x.evidenceAfter) && `now line ${where(x.evidenceAfter)}`].filter(Boolean).join(', ');
      out.push(`  ${colour[cls]('•')} ${x.summary}${ev ? c.dim(` [${ev}]`) : ''}`);
      out.push(c.dim(`      ${x.reason}${x.override ? `; overridden from ${x.override.from}: ${x.override.reason}` : ''} (${x.key})`));
    }
    if (text.length) out.push(`  ${text.length} section${text.length === 1 ? '' : 's'} reworded: ${text.map((t) => t.summary.replace(/^Wording \w+ in /, '')).join(', ')}`);
    out.push('');
  }
  const moved = diff.sections.filter((s) => s.status === 'moved');
  if (moved.length) out.push(c.dim(`Moved sections (no change in substance): ${moved.map((s) => s.heading).join(', ')}`), '');
  const changed = diff.sections.filter((s) => s.parts && s.status !== 'same');
  if (changed.length) {
    out.push(c.bold('Text'));
    for (const s of changed) {
      out.push(c.bold(`## ${s.heading} (${s.status})`));
      out.push(
        s.parts!.map((p) => (p.added ? c.green(options.color ? p.value : `{+${p.value}+}`) : p.removed ? c.red(options.color ? p.value : `[-${p.value}-]`) : p.value)).join(''),
        '',
      );
    }
  }
  return out.join('\n').replace(/\n+$/, '\n');
}

// ---- markdown ----------------------------------------------------------------------------
const mdEscape = (s: string) => s.replace(/([\\`*_{}[\]<>|#])/g, '\\$1');

export function renderDiffMarkdown(diff: PolicyDiff): string {
  const out: string[] = [`### Policy diff: ${mdEscape(diff.from)} → ${mdEscape(diff.to)}`, '', `**${mdEscape(summarizeDiff(diff))}**`, ''];
  out.push('| class | changes |', '|---|---:|', ...CLASSES.map((c) => `| ${c.replace('_', ' ')} | ${diff.counts[c]} |`), '');
  for (const cls of CLASSES) {
    const list = diff.changes.filter((x) => x.class === cls);
    if (!list.length) continue;
    out.push(`#### ${TITLE[cls]}`, '');
    for (const x of list) {
      const ev = [where(x.evidenceBefore) && `was line ${where(x.evidenceBefore)}`, where(x.evidenceAfter) && `now line ${where(x.evidenceAfter)}`].filter(Boolean).join(', ');
      out.push(`- ${mdEscape(x.summary)}${ev ? ` _(${ev})_` : ''}  \n  ${mdEscape(x.reason)}${x.override ? `; overridden from ${x.override.from}: ${mdEscape(x.override.reason)}` : ''} \`${x.key.replace(/`/g, "'")}\``);
    }
    out.push('');
  }
  const changed = diff.sections.filter((s) => s.parts && s.status !== 'same');
  if (changed.length) {
    out.push('<details><summary>Text redline</summary>', '');
    for (const s of changed) {
      out.push(`**${mdEscape(s.heading)}** (${s.status})`, '');
      out.push(s.parts!.map((p) => (p.added ? `<ins>${htmlEscape(p.value)}</ins>` : p.removed ? `<del>${htmlEscape(p.value)}</del>` : htmlEscape(p.value))).join(''), '');
    }
    out.push('</details>', '');
  }
  return out.join('\n');
}

// ---- HTML --------------------------------------------------------------------------------
const htmlEscape = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');

function evidenceHtml(label: string, e: Evidence[]): string {
  if (!e.length) return '';
  return `<div class="ev"><span>${label}</span> ${e
    .slice(0, 3)
    .map((x) => `<q title="line ${x.lines[0]}">${htmlEscape(x.quote.length > 240 ? `${x.quote.slice(0, 239)}…` : x.quote)}</q>`)
    .join(' ')}</div>`;
}

function changeHtml(x: Change): string {
  return `<li class="${x.class}"><strong>${htmlEscape(x.summary)}</strong> <small>${htmlEscape(x.reason)}${x.override ? `; overridden from ${htmlEscape(x.override.from.replace('_', ' '))}: ${htmlEscape(x.override.reason)}` : ''}</small>${evidenceHtml('Before:', x.evidenceBefore)}${evidenceHtml('After:', x.evidenceAfter)}</li>`;
}

function sectionInline(s: SectionDiff): string {
  const body = (s.parts ?? []).map((p) => (p.added ? `<ins>${htmlEscape(p.value)}</ins>` : p.removed ? `<del>${htmlEscape(p.value)}</del>` : htmlEscape(p.value))).join('');
  return `<section class="redline ${s.status}"><h3>${htmlEscape(s.heading)} <small>(${s.status})</small></h3><p>${body}</p></section>`;
}

function sectionSideBySide(s: SectionDiff): string {
  const parts = s.parts ?? [];
  const left = parts.filter((p) => !p.added).map((p) => (p.removed ? `<del>${htmlEscape(p.value)}</del>` : htmlEscape(p.value))).join('');
  const right = parts.filter((p) => !p.removed).map((p) => (p.added ? `<ins>${htmlEscape(p.value)}</ins>` : htmlEscape(p.value))).join('');
  return `<section class="redline ${s.status}"><h3>${htmlEscape(s.heading)} <small>(${s.status})</small></h3><div class="sbs"><div class="before"><p>${left}</p></div><div class="after"><p>${right}</p></div></div></section>`;
}

/** `summary: false` when the page around it already states the summary (the site's changes page). */
export function renderDiffHtml(diff: PolicyDiff, options: { layout?: 'inline' | 'side-by-side' | string; summary?: boolean } = {}): string {
  const out: string[] = [`<section class="diff-summary" aria-labelledby="diff-summary"><h2 id="diff-summary">What changed</h2>${options.summary === false ? '' : `<p>${htmlEscape(summarizeDiff(diff))}</p>`}`];
  for (const cls of CLASSES) {
    const list = diff.changes.filter((x) => x.class === cls);
    if (!list.length) continue;
    out.push(`<h3 class="${cls}">${htmlEscape(TITLE[cls])} (${list.length})</h3><ul class="changes ${cls}">${list.map(changeHtml).join('')}</ul>`);
  }
  out.push('</section>');
  const moved = diff.sections.filter((s) => s.status === 'moved');
  const changed = diff.sections.filter((s) => s.parts && s.status !== 'same');
  out.push(`<section class="diff-text" aria-labelledby="diff-text"><h2 id="diff-text">Changes to the text</h2>`);
  if (moved.length) out.push(`<p>Moved, unchanged: ${moved.map((s) => htmlEscape(s.heading)).join(', ')}.</p>`);
  if (!changed.length) out.push('<p>No change to the wording.</p>');
  else out.push(`<p class="legend">Inserted text is <ins>underlined</ins>; deleted text is <del>struck through</del>.</p>`, ...changed.map(options.layout === 'side-by-side' ? sectionSideBySide : sectionInline));
  out.push('</section>');
  return out.join('\n');
}

// ---- JSON --------------------------------------------------------------------------------
export function renderDiffJson(diff: PolicyDiff): string {
  return JSON.stringify(diff, null, 2) + '\n';
}
