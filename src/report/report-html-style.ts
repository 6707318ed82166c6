/** The batch report page's stylesheet (pinned by hash in its CSP): tables, charts by tone, ladders, light and dark. */
import { LADDER_SVG_CSS } from "../render/ladder-svg.js";

export const REPORT_HTML_CSS = `
:root{color-scheme:light dark;--fg:#1b2430;--muted:#5b6b82;--bg:#ffffff;--panel:#f4f6f9;--line:#d5dbe3;--ok:#2e7d32;--info:#00838f;--warning:#b26a00;--error:#c62828;--neutral:#3f6fb5}
@media (prefers-color-scheme:dark){:root{--fg:#e3e8ef;--muted:#9fb0c4;--bg:#14181f;--panel:#1c222c;--line:#344050;--ok:#66bb6a;--info:#4dd0e1;--warning:#ffb74d;--error:#ef5350;--neutral:#7aa7e8}}
body{margin:0;font:14px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:var(--fg);background:var(--bg)}
header,main,footer{max-width:1200px;margin:0 auto;padding:12px 20px}
h1{font-size:22px;margin:8px 0}h2{font-size:17px;margin:28px 0 8px;border-bottom:1px solid var(--line);padding-bottom:4px}
.muted,footer,figcaption,.note{color:var(--muted)}nav a{margin-right:12px}
table{border-collapse:collapse;margin:6px 0 14px;font-variant-numeric:tabular-nums}
th,td{border:1px solid var(--line);padding:3px 8px;text-align:left;vertical-align:top;max-width:520px;overflow-wrap:anywhere}
th{background:var(--panel)}td.n{text-align:right}
figure.chart{margin:8px 0 12px}svg.chart{max-width:100%;height:auto}
svg.chart text{fill:var(--fg);font-size:12px}svg.chart text.label{text-anchor:end}svg.chart text.value{fill:var(--muted)}
svg.chart .axis{stroke:var(--line)}
.ok rect,rect.ok{fill:var(--ok)}.info rect,rect.info{fill:var(--info)}.warning rect,rect.warning{fill:var(--warning)}
.error rect,rect.error{fill:var(--error)}.neutral rect,rect.neutral{fill:var(--neutral)}
.ladder-box{overflow-x:auto;border:1px solid var(--line);padding:6px;margin:6px 0 18px}
${LADDER_SVG_CSS}`;
