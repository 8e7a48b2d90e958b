// Printers of a PolicyDiff: terminal text, markdown (a pull-request comment), HTML (an inline or
// side-by-side redline; compile publishes it as the changes pages) and JSON. Each starts with the
// summary. Pure and deterministic.
import type { Change, ChangeClass, PolicyDiff, SectionDiff } from './types.js';
import type { Evidence } from '../model/types.js';
import { FACET_TITLES } from './model.js';

const ORDER: ChangeClass[] = ['material', 'needs_review', 'minor', 'editorial'];
const CLASS_TITLE: Record<ChangeClass, string> = {
  material: 'Material: requires notice or consent',
  needs_review: 'Needs review: a changed practice the models cannot explain',
  minor: 'Minor: new disclosures that add no new use',
  editorial: 'Editorial: wording only',
};
const CLASS_WORD: Record<ChangeClass, string> = { material: 'material', needs_review: 'needing review', minor: 'minor', editorial: 'editorial' };

/** One line: "2 material, 1 minor, 5 editorial changes; requires a major version". */
export function summarizeDiff(diff: PolicyDiff): string {
  const total = ORDER.reduce((n, c) => n + diff.counts[c], 0);
  if (!total) return 'No changes; no new version required';
  const parts = ORDER.filter((c) => diff.counts[c]).map((c) => `${diff.counts[c]} ${CLASS_WORD[c]}`);
  const list = parts.length > 1 ? `${parts.slice(0, -1).join(', ')}, ${parts.at(-1)}` : parts[0]!;
  return `${list} change${total === 1 ? '' : 's'}; requires a ${diff.required_bump} version`;
}

/** Changes grouped by class, in the order a reviewer reads them. */
function byClass(diff: PolicyDiff): [ChangeClass, Change[]][] {
  return ORDER.map((c) => [c, diff.changes.filter((x) => x.class === c)] as [ChangeClass, Change[]]).filter(([, l]) => l.length);
}

const oneLine = (s: string, max = 160) => {
  const t = s.replace(/\s+/g, ' ').trim();
  return t.length > max ? `${t.slice(0, max - 1)}…` : t;
};
const where = (e: Evidence) => (e.lines[0] === e.lines[1] ? `line ${e.lines[0]}` : `lines ${e.lines[0]}-${e.lines[1]}`);

// ---------------------------------------------------------------------------------------------
// Terminal.

const ANSI = { red: '\u001b[31m', green: '\u001b[32m', yellow: '\u001b[33m', cyan: '\u001b[36m', bold: '\u001b[1m', dim: '\u001b[2m', reset: '\u001b[0m' };
const CLASS_COLOR: Record<ChangeClass, keyof typeof ANSI> = { material: 'red', needs_review: 'yellow', minor: 'cyan', editorial: 'dim' };

export function renderDiffText(diff: PolicyDiff, options: { color?: boolean } = {}): string {
  const paint = (color: keyof typeof ANSI, s: string) => (options.color ? `${ANSI[color]}${s}${ANSI.reset}` : s);
  const out: string[] = [];
  out.push(paint('bold', `${diff.from} → ${diff.to}`));
  out.push(paint('bold', summarizeDiff(diff)));
  for (const n of diff.notes ?? []) out.push(paint('yellow', `note: ${n}`));
  for (const [cls, list] of byClass(diff)) {
    out.push('', paint(CLASS_COLOR[cls], paint('bold', `${CLASS_TITLE[cls]} (${list.length})`)));
    for (const c of list) {
      out.push(`  ${paint(CLASS_COLOR[cls], '●')} ${c.summary}  ${paint('dim', c.key)}`);
      out.push(`      ${paint('dim', `why: ${c.reason}`)}`);
      if (c.override) out.push(`      ${paint('yellow', `overridden from ${c.override.from}: ${c.override.reason}`)}`);
      for (const e of c.evidenceBefore.slice(0, 2)) out.push(`      ${paint('red', `- old ${where(e)}:`)} ${oneLine(e.quote)}`);
      for (const e of c.evidenceAfter.slice(0, 2)) out.push(`      ${paint('green', `+ new ${where(e)}:`)} ${oneLine(e.quote)}`);
    }
  }
  const changed = diff.sections.filter((s) => s.status !== 'same');
  if (changed.length) {
    out.push('', paint('bold', `Text (${changed.length} of ${diff.sections.length} sections changed)`));
    for (const s of changed) {
      out.push(`  ${statusMark(s)} ${s.heading}${s.heading_before ? paint('dim', ` (was: ${s.heading_before})`) : ''}`);
      for (const h of s.hunks ?? []) {
        const redline = h.parts
          .map((p) => (p.added ? paint('green', options.color ? p.value : `{+${p.value}+}`) : p.removed ? paint('red', options.color ? p.value : `[-${p.value}-]`) : p.value))
          .join('');
        const at = h.lines_after ?? h.lines_before;
        out.push(`      ${paint('dim', at ? `@${at[0]}` : '')} ${redline.replace(/\n/g, '\n      ')}`);
      }
    }
  }
  return out.join('\n') + '\n';
}

function statusMark(s: SectionDiff): string {
  return { same: ' ', changed: '~', added: '+', removed: '-', moved: '↕' }[s.status] + ` [${s.status}]`;
}

// ---------------------------------------------------------------------------------------------
// Markdown (a pull-request comment).

const mdCell = (s: string) => oneLine(s, 200).replace(/\\/g, '\\\\').replace(/\|/g, '\\|').replace(/[<>]/g, (c) => (c === '<' ? '&lt;' : '&gt;'));

export function renderDiffMarkdown(diff: PolicyDiff): string {
  const out: string[] = [];
  out.push(`### Policy diff: ${mdCell(diff.from)} → ${mdCell(diff.to)}`, '', `**${summarizeDiff(diff)}**`, '');
  for (const n of diff.notes ?? []) out.push(`> ${mdCell(n)}`, '');
  for (const [cls, list] of byClass(diff)) {
    out.push(`#### ${CLASS_TITLE[cls]} (${list.length})`, '', '| Change | Why | Old text | New text |', '| --- | --- | --- | --- |');
    for (const c of list) {
      const ev = (e: Evidence[]) => (e.length ? e.slice(0, 2).map((x) => `L${x.lines[0]}: ${mdCell(x.quote)}`).join('<br>') : '');
      const why = c.override ? `${c.reason} (overridden from ${c.override.from}: ${c.override.reason})` : c.reason;
      out.push(`| ${mdCell(c.summary)}<br>\`${c.key.replace(/`/g, "'")}\` | ${mdCell(why)} | ${ev(c.evidenceBefore)} | ${ev(c.evidenceAfter)} |`);
    }
    out.push('');
  }
  const changed = diff.sections.filter((s) => s.status !== 'same');
  if (changed.length) {
    out.push(`<details><summary>Text: ${changed.length} of ${diff.sections.length} sections changed</summary>`, '');
    for (const s of changed) {
      out.push(`**${mdCell(s.heading)}** (${s.status}${s.heading_before ? `; was: ${mdCell(s.heading_before)}` : ''})`, '');
      if (s.hunks?.length) {
        out.push('```diff');
        for (const h of s.hunks) {
          const old = h.parts.filter((p) => !p.added).map((p) => p.value).join('');
          const neu = h.parts.filter((p) => !p.removed).map((p) => p.value).join('');
          if (h.lines_before) for (const l of old.split('\n').filter((x) => x.trim())) out.push(`- ${l.replace(/```/g, "'''")}`);
          if (h.lines_after) for (const l of neu.split('\n').filter((x) => x.trim())) out.push(`+ ${l.replace(/```/g, "'''")}`);
        }
        out.push('```', '');
      }
    }
    out.push('</details>', '');
  }
  return out.join('\n');
}

// ---------------------------------------------------------------------------------------------
// HTML.

const esc = (s: string): string => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');
const escText = (s: string) => esc(s).replace(/\n/g, '<br>\n');

export function renderDiffHtml(diff: PolicyDiff, options: { layout?: 'inline' | 'side-by-side' } = {}): string {
  const layout = options.layout ?? 'inline';
  const out: string[] = [];
  out.push(`<div class="policyc-diff" data-required-bump="${esc(diff.required_bump)}">`);
  out.push(`<p class="diff-summary"><strong>${esc(summarizeDiff(diff))}</strong> <span class="diff-versions">(${esc(diff.from)} → ${esc(diff.to)})</span></p>`);
  for (const n of diff.notes ?? []) out.push(`<p class="diff-note">${esc(n)}</p>`);
  out.push('<section class="diff-changes">', '<h2>Changes in substance</h2>');
  const groups = byClass(diff);
  if (!groups.length) out.push('<p class="none">No change.</p>');
  for (const [cls, list] of groups) {
    out.push(`<h3 class="class-${cls}">${esc(CLASS_TITLE[cls])} (${list.length})</h3>`, `<ul class="changes ${cls}">`);
    for (const c of list) {
      const ev = (side: string, e: Evidence[]) =>
        e
          .slice(0, 3)
          .map((x) => `<blockquote class="evidence ${side}"><span class="where">${side === 'old' ? 'Old' : 'New'}, ${esc(where(x))}:</span> ${esc(oneLine(x.quote, 400))}</blockquote>`)
          .join('');
      out.push(
        `<li class="change ${cls}" data-key="${esc(c.key)}"><span class="class">${esc(CLASS_WORD[c.class])}</span> ${esc(c.summary)}` +
          `<br><span class="why">${esc(c.reason)}</span>` +
          (c.override ? `<br><span class="override">Overridden from ${esc(CLASS_WORD[c.override.from])}: ${esc(c.override.reason)}</span>` : '') +
          ev('old', c.evidenceBefore) +
          ev('new', c.evidenceAfter) +
          '</li>',
      );
    }
    out.push('</ul>');
  }
  out.push('</section>');
  const changed = diff.sections.filter((s) => s.status !== 'same');
  out.push('<section class="diff-redline">', '<h2>Changes to the text</h2>');
  if (!changed.length) out.push(`<p class="none">${diff.sections.length ? 'The text is unchanged (whitespace and quote style aside).' : 'No text compared.'}</p>`);
  else out.push('<p class="diff-legend">Inserted text is <ins>underlined</ins>; deleted text is <del>struck through</del>.</p>');
  for (const s of changed) {
    out.push(`<section class="diff-section ${s.status}">`);
    out.push(`<h3>${esc(s.heading)} <span class="status">${esc(s.status)}</span>${s.heading_before ? ` <span class="was">was: ${esc(s.heading_before)}</span>` : ''}</h3>`);
    if (s.parts) {
      if (layout === 'side-by-side') {
        const old = s.parts.map((p) => (p.added ? '' : p.removed ? `<del>${escText(p.value)}</del>` : escText(p.value))).join('');
        const neu = s.parts.map((p) => (p.removed ? '' : p.added ? `<ins>${escText(p.value)}</ins>` : escText(p.value))).join('');
        out.push(`<div class="side-by-side"><div class="old"><p>${old}</p></div><div class="new"><p>${neu}</p></div></div>`);
      } else {
        out.push(`<p class="inline">${s.parts.map((p) => (p.added ? `<ins>${escText(p.value)}</ins>` : p.removed ? `<del>${escText(p.value)}</del>` : escText(p.value))).join('')}</p>`);
      }
    } else if (s.status === 'moved') out.push('<p class="moved">Moved; its text is unchanged.</p>');
    out.push('</section>');
  }
  out.push('</section>', '</div>');
  return out.join('\n') + '\n';
}

// ---------------------------------------------------------------------------------------------
// JSON.

export function renderDiffJson(diff: PolicyDiff): string {
  return JSON.stringify({ summary: summarizeDiff(diff), ...diff }, null, 2) + '\n';
}

export { FACET_TITLES };
