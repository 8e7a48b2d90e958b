// The one stylesheet, inlined into every page (no external assets, no web fonts). Colours meet
// WCAG AA contrast (4.5:1 or better on their backgrounds); a print block drops navigation,
// shows link targets and keeps the summary together.
export const CSS = `
:root{--fg:#1a1a1a;--muted:#4a4a4a;--bg:#fff;--accent:#0b57a4;--line:#c9d1d9;--panel:#f3f6f9;--draft:#7a1a00;--draftbg:#fff1e0;--old:#5c3b00;--oldbg:#fff8db}
*{box-sizing:border-box}
html{-webkit-text-size-adjust:100%}
body{margin:0;font:17px/1.6 system-ui,-apple-system,"Segoe UI",Roboto,"Helvetica Neue",Arial,sans-serif;color:var(--fg);background:var(--bg)}
a{color:var(--accent)}
a:focus-visible{outline:3px solid var(--accent);outline-offset:2px}
.skip{position:absolute;left:-999px;top:0;background:var(--bg);padding:.5rem}
.skip:focus{left:.5rem}
header.site{background:var(--panel);border-bottom:1px solid var(--line);padding:.6rem 1rem}
header.site>*{max-width:72rem;margin-left:auto;margin-right:auto}
.site-name{margin:0 auto .3rem;font-weight:600}
.site-name a{color:var(--fg);text-decoration:none}
.version p{margin:.15rem 0}
.version .tag{display:inline-block;border:1px solid currentColor;border-radius:3px;padding:0 .35rem;margin-right:.35rem;font-size:.85rem;letter-spacing:.02em}
header.draft{background:var(--draftbg);color:var(--draft);border-bottom:3px solid var(--draft)}
header.draft a{color:var(--draft)}
header.old{background:var(--oldbg);color:var(--old);border-bottom:3px solid #b58900}
header.old a{color:#6b4500}
.versions summary{cursor:pointer;color:var(--accent)}
.versions ol{margin:.3rem 0;padding-left:1.4rem}
.layout{max-width:72rem;margin:0 auto;padding:0 1rem;display:grid;grid-template-columns:16rem minmax(0,1fr);gap:2rem}
nav[aria-label=Contents]{position:sticky;top:0;align-self:start;max-height:100vh;overflow:auto;font-size:.9rem;padding-top:1rem}
nav h2{font-size:1rem;margin:0 0 .4rem}
nav ol{list-style:none;padding:0;margin:0}
nav li{margin:.25rem 0}
nav li.d1{font-weight:600}
nav li.d2{padding-left:.6rem}
nav li.d3{padding-left:1.4rem;font-size:.85rem}
main{min-width:0;padding-bottom:3rem}
.glance{border:1px solid var(--line);border-radius:6px;padding:0 1rem 1rem;margin:1rem 0;background:#fbfcfd}
.glance>h2{margin:.8rem 0 .2rem}
.glance-note{color:var(--muted);font-size:.9rem;margin:0}
.glance .grid{display:grid;grid-template-columns:repeat(auto-fit,minmax(15rem,1fr));gap:0 1.5rem}
.glance h3{font-size:1rem;margin:1rem 0 .3rem}
.glance ul{margin:0;padding-left:1.1rem}
.glance li{margin:.15rem 0}
.none{color:var(--muted);font-style:italic}
.hedge{color:var(--muted)}
.evs{font-size:.8rem;color:var(--muted)}
article.policy{border-top:1px solid var(--line);margin-top:1.5rem}
article.policy h1{font-size:1.8rem;line-height:1.25}
blockquote{margin:1rem 0;padding:.2rem 1rem;border-left:4px solid var(--line);color:var(--muted)}
table{border-collapse:collapse;display:block;overflow-x:auto}td,th{border:1px solid var(--line);padding:.2rem .5rem}
:target{background:#fff3a3}
.downloads{border-top:1px solid var(--line);padding-top:1rem;color:var(--muted);font-size:.9rem}
.redline ins,ins{background:#dafbe1;color:#0a3d1a;text-decoration:underline}
.redline del,del{background:#ffebe9;color:#6e0b05;text-decoration:line-through}
.redline{white-space:pre-wrap;font:inherit;font-size:.95rem;border:1px solid var(--line);padding:1rem;border-radius:6px}
.layout-single{max-width:60rem;margin:0 auto;padding:0 1rem 3rem}
.changes-list li{margin:.3rem 0}
.class{display:inline-block;font-size:.8rem;border:1px solid currentColor;border-radius:3px;padding:0 .3rem;margin-right:.3rem}
.class.material{color:#7a1a00}.class.minor{color:#5c3b00}.class.editorial{color:#31465e}.class.needs_review{color:#4b2a80}
.index-list li{margin:.5rem 0}
@media (max-width:50rem){.layout{display:block}nav[aria-label=Contents]{position:static;max-height:none}}
@media print{
 body{font:11pt/1.45 Georgia,"Times New Roman",serif;color:#000}
 .skip,nav,.versions,.evs,.downloads{display:none}
 header.site,header.draft{background:none;border-bottom:1px solid #000;color:#000}
 .layout{display:block;max-width:none;padding:0}
 a{color:#000}
 article a[href^="http"]::after{content:" (" attr(href) ")";font-size:.85em;word-break:break-all}
 .glance{break-inside:avoid;background:none}
 h1,h2,h3,h4{break-after:avoid}
 header.draft::before{content:"DRAFT - NOT IN FORCE";display:block;font-weight:700;font-size:14pt}
}
`;
