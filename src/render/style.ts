// The one stylesheet, inlined into every page (no external assets). Contrast meets WCAG AA;
// a print block drops navigation and shows link targets.
export const CSS = `
:root{--fg:#1a1a1a;--muted:#4a4a4a;--bg:#fff;--accent:#0b57a4;--line:#d0d7de;--draft:#8a1c00;--draftbg:#fff4e5}
*{box-sizing:border-box}
body{margin:0;font:16px/1.6 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:var(--fg);background:var(--bg)}
a{color:var(--accent)}
.banner{background:#f3f6f9;border-bottom:1px solid var(--line);padding:.6rem 1rem}
.banner.draft{background:var(--draftbg);color:var(--draft)}
.banner p{margin:0;max-width:60rem}
nav,main{max-width:60rem;margin:0 auto;padding:0 1rem}
nav ol{padding-left:1.2rem}
nav li.d3{margin-left:1rem;list-style:circle}
.glance{border:1px solid var(--line);border-radius:6px;padding:0 1rem 1rem;margin:1rem 0}
.glance .grid{display:grid;grid-template-columns:repeat(auto-fit,minmax(16rem,1fr));gap:0 1.5rem}
.glance h3{font-size:1rem;margin:1rem 0 .3rem}
.glance ul{margin:0;padding-left:1.1rem}
.none{color:var(--muted);font-style:italic}
.ev{font-size:.8rem;color:var(--muted)}
article.policy{border-top:1px solid var(--line);margin-top:1.5rem}
table{border-collapse:collapse}td,th{border:1px solid var(--line);padding:.2rem .5rem}
:target{background:#fff8c5}
@media print{nav,.banner a,.evs{display:none}body{font-size:11pt}a[href^="http"]::after{content:" (" attr(href) ")";font-size:.8em}.glance{break-inside:avoid}}
`;
