/** The HTML report's stylesheet: system fonts only, light and dark schemes, visible focus. */
import { LADDER_SVG_CSS } from "../ladder-svg.js";

export const REPORT_CSS = `
:root{color-scheme:light dark;--bg:#f5f7fa;--panel:#ffffff;--text:#1b2430;--muted:#5b6b82;--line:#dde3ea;
--accent:#1f5fbf;--accent-soft:#e6efff;--sel:#fff4d6;--error:#c62828;--warning:#a15c00;--info:#00838f;--ok:#2e7d32;
--error-bg:#fdecea;--warning-bg:#fff4e0;--info-bg:#e0f7fa;--ok-bg:#e8f5e9;--code:#f0f3f7}
@media (prefers-color-scheme:dark){:root{--bg:#0f1217;--panel:#171c24;--text:#e3e8ef;--muted:#9fb0c4;--line:#2a3340;
--accent:#7fb0ff;--accent-soft:#1d2b44;--sel:#3a3120;--error:#ef5350;--warning:#ffb74d;--info:#4dd0e1;--ok:#66bb6a;
--error-bg:#3b1d1d;--warning-bg:#3a2c14;--info-bg:#123338;--ok-bg:#1b3320;--code:#10151c}}
*{box-sizing:border-box}
html{font-size:15px}
body{margin:0;background:var(--bg);color:var(--text);font-family:system-ui,-apple-system,"Segoe UI",Roboto,"Noto Sans","Liberation Sans",sans-serif;line-height:1.45}
a{color:var(--accent)}
.skip{position:absolute;left:-9999px}.skip:focus{left:8px;top:8px;background:var(--panel);padding:6px 10px;z-index:10}
header.top{background:var(--panel);border-bottom:1px solid var(--line);padding:14px 24px;display:flex;align-items:baseline;gap:16px;flex-wrap:wrap}
header.top h1{font-size:1.25rem;margin:0;letter-spacing:.01em}
header.top .brand{color:var(--accent);font-weight:700}
header.top .meta{color:var(--muted);margin:0;font-size:.9rem}
main{padding:18px 24px 40px;max-width:1800px;margin:0 auto}
section{margin-bottom:22px}
h2{font-size:1.05rem;margin:0 0 10px;text-transform:uppercase;letter-spacing:.06em;color:var(--muted)}
h3{font-size:1rem;margin:0 0 8px}
.panel{background:var(--panel);border:1px solid var(--line);border-radius:8px;padding:14px 16px}
.cards{display:grid;grid-template-columns:repeat(auto-fill,minmax(140px,1fr));gap:10px;margin-bottom:12px}
.card{background:var(--panel);border:1px solid var(--line);border-radius:8px;padding:10px 12px}
.card .v{font-size:1.45rem;font-weight:700;font-variant-numeric:tabular-nums}
.card .k{color:var(--muted);font-size:.8rem;text-transform:uppercase;letter-spacing:.05em}
.row2{display:grid;grid-template-columns:1fr 1fr;gap:12px}
@media (max-width:900px){.row2{grid-template-columns:1fr}}
table{border-collapse:collapse;width:100%}
th,td{text-align:left;padding:5px 8px;border-bottom:1px solid var(--line);vertical-align:top}
th{font-size:.78rem;text-transform:uppercase;letter-spacing:.05em;color:var(--muted);font-weight:600;position:sticky;top:0;background:var(--panel)}
td.num,th.num{text-align:right;font-variant-numeric:tabular-nums}
.mono,code,pre{font-family:ui-monospace,"SFMono-Regular",Menlo,Consolas,"DejaVu Sans Mono",monospace;font-size:.86rem}
.chip{display:inline-block;border-radius:999px;padding:1px 9px;font-size:.8rem;font-weight:600;white-space:nowrap;border:1px solid transparent}
.chip.error{background:var(--error-bg);color:var(--error)}.chip.warning{background:var(--warning-bg);color:var(--warning)}
.chip.info{background:var(--info-bg);color:var(--info)}.chip.ok{background:var(--ok-bg);color:var(--ok)}
.chip.none{background:var(--code);color:var(--muted)}
.list{list-style:none;margin:0;padding:0}.list li{display:flex;justify-content:space-between;gap:10px;padding:4px 0;border-bottom:1px dashed var(--line)}
.list li:last-child{border-bottom:0}
.toolbar{display:flex;gap:12px;align-items:center;margin-bottom:10px;flex-wrap:wrap}
.toolbar label{font-weight:600}
input[type=search]{font:inherit;padding:7px 10px;border:1px solid var(--line);border-radius:6px;min-width:min(440px,100%);background:var(--panel);color:var(--text)}
.muted{color:var(--muted)}
.calllist{max-height:42vh;overflow:auto;border:1px solid var(--line);border-radius:8px;background:var(--panel)}
.calllist td{white-space:nowrap;max-width:260px;overflow:hidden;text-overflow:ellipsis}
.tablewrap{overflow:auto}
.calllist tr.selected td{background:var(--sel)}
.calllist tbody tr:hover td{background:var(--accent-soft)}
button.open{font:inherit;font-weight:700;color:var(--accent);background:none;border:1px solid var(--line);border-radius:5px;padding:1px 8px;cursor:pointer}
button.open[aria-pressed=true]{background:var(--accent);color:var(--panel);border-color:var(--accent)}
button.link{font:inherit;background:none;border:0;color:var(--accent);text-decoration:underline;cursor:pointer;padding:0}
:focus-visible{outline:3px solid var(--accent);outline-offset:2px}
.viewer{display:grid;grid-template-columns:minmax(0,1fr) minmax(420px,40%);gap:14px;margin-top:14px}
@media (max-width:1200px){.viewer{grid-template-columns:1fr}}
.viewer .hint{color:var(--muted);margin:0}
.callhead{display:flex;flex-wrap:wrap;gap:8px 18px;align-items:baseline;margin-bottom:8px}
.callhead h3{margin:0}
.ladder-wrap{overflow:auto;max-height:72vh;border:1px solid var(--line);border-radius:8px;background:var(--panel)}
.ladder-wrap svg{display:block}
.sticky-head{position:sticky;top:0;z-index:2;background:var(--panel);border-bottom:1px solid var(--line)}
.zoom{display:inline-flex;gap:4px;margin-left:auto}
.zoom button,button.sort{font:inherit;font-size:.85rem;background:none;border:1px solid var(--line);border-radius:5px;padding:0 8px;color:var(--text);cursor:pointer}
button.sort{border:0;padding:0;font-size:inherit;text-transform:inherit;letter-spacing:inherit;color:inherit;font-weight:inherit}
th[aria-sort=ascending] button.sort::after{content:" ▲"}th[aria-sort=descending] button.sort::after{content:" ▼"}
.ladder g.msg{cursor:pointer;outline:none}
.ladder g.msg:hover .hit{fill:var(--accent-soft)}
.ladder g.msg:focus-visible .hit{fill:var(--accent-soft);stroke:var(--accent);stroke-width:2}
.ladder g.msg.selected .hit{fill:var(--sel)}
.notes{margin-top:12px;display:grid;gap:10px}
.note{border:1px solid var(--line);border-left:5px solid var(--muted);border-radius:8px;padding:10px 12px;background:var(--panel)}
.note.error{border-left-color:var(--error)}.note.warning{border-left-color:var(--warning)}.note.info{border-left-color:var(--info)}.note.ok{border-left-color:var(--ok)}
.note .nh{display:flex;gap:8px;align-items:center;flex-wrap:wrap;margin-bottom:4px}
.note .sum{font-weight:600;margin:2px 0 6px}
.note p{margin:0 0 6px}.note ul{margin:4px 0 0 18px;padding:0}
.detail{position:sticky;top:10px;align-self:start;max-height:92vh;overflow:auto}
.detail dl{display:grid;grid-template-columns:max-content 1fr;gap:3px 12px;margin:0 0 10px}
.detail dt{color:var(--muted);font-size:.85rem}.detail dd{margin:0;word-break:break-all}
pre.raw{background:var(--code);border:1px solid var(--line);border-radius:6px;padding:10px;white-space:pre-wrap;word-break:break-all;max-height:50vh;overflow:auto;margin:0}
details summary{cursor:pointer;font-weight:600}
footer{color:var(--muted);font-size:.85rem;padding:0 24px 24px}
${LADDER_SVG_CSS}
.ladder .bg{fill:var(--panel)}
`;
