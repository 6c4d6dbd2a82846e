// Inline CSS and JavaScript of the HTML report (html_assets.hpp). Grades are coloured, but the
// symbol is always written beside the colour. The page never scrolls sideways: wide tables scroll in
// their own box. Print: A4 landscape, controls hidden, details open, rows and cards never split.
#include "report/html_assets.hpp"

namespace sosei::report {

const char* const kReportCss = R"CSS(
:root{--ink:#1b2430;--muted:#5b6675;--line:#d5dbe3;--head:#1f3a5f;--bg:#f5f7fa;--card:#fff;
--best:#1e7a3c;--best-bg:#e3f3e8;--mid:#8a6100;--mid-bg:#fdf3d7;--low:#b4461b;--low-bg:#fce7dc;--other:#56606d;--other-bg:#e8ebef;
--value:#1f5fa8;--target:#c2410c}
*{box-sizing:border-box}
body{margin:0;background:var(--bg);color:var(--ink);font:14px/1.5 "Hiragino Sans","Noto Sans CJK JP","IPAPGothic","IPAexGothic","IPAGothic","Yu Gothic",Meiryo,system-ui,sans-serif}
header.page{background:var(--head);color:#fff;padding:20px 32px 18px}
header.page h1{margin:0;font-size:22px;font-weight:700;letter-spacing:.02em}
header.page .meta{margin-top:4px;color:#c9d6e8;font-size:13px}
.totals{display:flex;gap:10px;flex-wrap:wrap;margin-top:14px}
.total-chip{background:rgba(255,255,255,.1);border:1px solid rgba(255,255,255,.25);border-radius:8px;padding:6px 14px;font-size:13px}
.total-chip b{font-size:20px;margin-right:6px}
main{padding:16px 20px 40px;max-width:1800px}
section{background:var(--card);border:1px solid var(--line);border-radius:10px;padding:14px 16px;margin-bottom:20px;min-width:0}
.table-scroll{overflow-x:auto;max-width:100%}
h2{font-size:17px;margin:0 0 12px;color:var(--head);border-left:4px solid var(--head);padding-left:10px}
table{border-collapse:collapse;width:100%;font-size:12.5px}
th,td{border:1px solid var(--line);padding:4px 5px;vertical-align:top}
thead th{background:#eef2f7;color:var(--head);font-weight:700;text-align:center;white-space:nowrap}
a{color:var(--value)}
#project-table a,#targets-table a{color:inherit;text-decoration:none}
#project-table a:hover,#targets-table a:hover,#project-table a:focus,#targets-table a:focus{color:var(--value);text-decoration:underline}
th.sortable{cursor:pointer;user-select:none}
th.sortable::after{content:" ↕";color:#9aa6b5;font-weight:400}
th[aria-sort=ascending]::after{content:" ▲";color:var(--head)}
th[aria-sort=descending]::after{content:" ▼";color:var(--head)}
td.num{text-align:right;white-space:nowrap;font-variant-numeric:tabular-nums}
td.center{text-align:center}
td.nowrap{white-space:nowrap}
#project-table{font-size:12px}
#project-table td.kpi{min-width:11em}
#project-table td.measure,#project-table td.project{min-width:6em}
#project-table td.target{min-width:7em}
#project-table td.dept{min-width:6em}
tr.total td{font-weight:700;background:#f3f6fa}
tbody tr:nth-child(even) td{background:#fafbfd}
tbody tr:hover td{background:#eef4fb}
tfoot tr.others td{color:#555;border-top:1px solid #ccd}
.sub{display:block;color:var(--muted);font-size:.85em}
.mark{color:var(--muted);font-size:.85em;display:block}
.break{color:var(--low)}
.grade{display:inline-block;min-width:2.2em;padding:1px 8px;border-radius:999px;font-weight:700;text-align:center;white-space:nowrap;border:1px solid currentColor}
.grade .label{font-weight:400;font-size:.85em;margin-left:4px}
.grade-best{color:var(--best);background:var(--best-bg)}
.grade-mid{color:var(--mid);background:var(--mid-bg)}
.grade-low{color:var(--low);background:var(--low-bg)}
.grade-other{color:var(--other);background:var(--other-bg)}
.off-track{color:var(--low);font-weight:700}
svg.grade-bar{width:240px;height:22px;display:block}
svg.grade-bar g.grade-best rect{fill:#3f9b5d}svg.grade-bar g.grade-mid rect{fill:#e0b43a}
svg.grade-bar g.grade-low rect{fill:#e07a4f}svg.grade-bar g.grade-other rect{fill:#9aa3ad}
svg.grade-bar text{fill:#fff;font-size:12px;font-weight:700}
.controls{display:flex;gap:10px;flex-wrap:wrap;align-items:center;margin-bottom:10px}
.controls input,.controls select{font:inherit;font-size:13px;padding:5px 8px;border:1px solid var(--line);border-radius:6px;background:#fff}
.controls input{min-width:280px}
.controls .count,.controls .hint{color:var(--muted);font-size:12px}
.cards{display:grid;grid-template-columns:repeat(auto-fill,minmax(min(460px,100%),1fr));gap:14px}
.card{border:1px solid var(--line);border-radius:10px;padding:12px 14px;background:#fff;break-inside:avoid;min-width:0}
.card h3{margin:0 0 2px;font-size:14px}
.card .where{color:var(--muted);font-size:11.5px;margin-bottom:6px}
.card .figures{display:grid;grid-template-columns:repeat(4,1fr);gap:4px 10px;font-size:12px;margin:6px 0}
.card .figures dt{color:var(--muted);font-size:11px}.card .figures dd{margin:0;font-weight:600}
.card ul.notes{margin:6px 0 0;padding-left:18px;color:var(--muted);font-size:11.5px}
svg.kpi-chart{width:100%;max-width:440px;height:auto;display:block}
svg.kpi-chart .chart-grid line{stroke:#e3e8ee;stroke-width:1}
svg.kpi-chart .chart-grid line.zero{stroke:#9aa6b5}
svg.kpi-chart text{font-size:10px;fill:var(--muted)}
.chart-line{fill:none;stroke:var(--value);stroke-width:2.2}
.chart-point{fill:var(--value);stroke:#fff;stroke-width:1.5}
svg.kpi-chart .chart-value-label{fill:var(--value);font-weight:700;font-size:11px}
.chart-target{stroke:var(--target);stroke-width:1.8;fill:var(--target)}
.chart-path{fill:none;stroke:var(--target);stroke-width:1.5;stroke-dasharray:2 3}
.chart-forecast{fill:none;stroke:var(--value);stroke-width:1.8;stroke-dasharray:6 4}
.chart-projection{stroke:#7b8794;stroke-width:1.4;stroke-dasharray:4 3}
.chart-baseline{fill:#fff;stroke:#56606d;stroke-width:1.6}
svg.kpi-chart .chart-target-label{fill:var(--target);font-weight:600}
svg.kpi-chart .chart-projection-label{fill:#7b8794}
.chart-legend{display:flex;gap:12px;flex-wrap:wrap;font-size:11px;color:var(--muted);margin-top:2px}
.legend-item svg{vertical-align:middle;margin-right:3px}
details.drilldown{margin-top:8px;font-size:12px}
details.drilldown summary{cursor:pointer;color:var(--head);font-weight:600}
details.drilldown table{margin-top:6px;font-size:11.5px}
.bar{display:inline-block;height:8px;background:#9db8da;border-radius:2px;vertical-align:middle;margin-left:6px}
.no-chart{color:var(--muted);font-size:12px;padding:20px 0}
footer{color:var(--muted);font-size:11px;padding:0 32px 24px}
@media print{
 @page{size:A4 landscape;margin:10mm}
 body{background:#fff;font-size:10px}
 header.page{background:#fff;color:var(--ink);padding:0 0 6px;border-bottom:2px solid var(--head)}
 header.page .meta{color:var(--muted)}
 .total-chip{border-color:var(--line)}
 main{padding:8px 0;max-width:none}
 section{border:none;padding:0;margin-bottom:10px;break-inside:auto}
 h2,h3,summary{break-after:avoid}
 .controls,.hint{display:none}
 .table-scroll{overflow:visible}
 table,#project-table{font-size:8.5px}
 th,td{padding:2px 3px}
 thead th{white-space:normal}
 #project-table td.kpi{min-width:8em}
 #project-table td.measure,#project-table td.project,#project-table td.target,#project-table td.dept{min-width:0}
 thead{display:table-header-group}
 tr,td,th,.card,details.drilldown,svg{break-inside:avoid}
 th.sortable::after{content:none}
 a{color:inherit;text-decoration:none}
 .grade{padding:0 4px}
 svg.grade-bar{width:180px}
 .cards{display:block;columns:2;column-gap:12px}
 .card{margin-bottom:10px;display:inline-block;width:100%}
 .card[hidden],tr[hidden]{display:none}
 section.details{break-before:page}
 *{-webkit-print-color-adjust:exact;print-color-adjust:exact}
}
)CSS";

const char* const kReportJs = R"JS(
(function () {
  'use strict';
  var table = document.getElementById('project-table');
  if (!table) return;
  var tbody = table.tBodies[0];
  var rows = Array.prototype.slice.call(tbody.rows);
  var text = document.getElementById('filter-text');
  var selects = Array.prototype.slice.call(document.querySelectorAll('.controls select'));
  var count = document.getElementById('shown-count');
  function apply() {
    var q = text.value.trim().toLowerCase();
    var shown = 0;
    rows.forEach(function (r) {
      var ok = !q || r.getAttribute('data-search').indexOf(q) >= 0;
      selects.forEach(function (s) {
        if (s.value && r.getAttribute('data-' + s.name) !== s.value) ok = false;
      });
      r.hidden = !ok;
      var card = document.getElementById('kpi-' + r.getAttribute('data-kpi'));
      if (card) card.hidden = !ok;
      if (ok) shown++;
    });
    count.textContent = shown + ' / ' + rows.length + ' ' + count.getAttribute('data-label');
  }
  text.addEventListener('input', apply);
  selects.forEach(function (s) { s.addEventListener('change', apply); });
  var heads = table.tHead.rows[0].cells;
  Array.prototype.forEach.call(heads, function (th, i) {
    if (!th.classList.contains('sortable')) return;
    th.tabIndex = 0;
    function sort() {
      var dir = th.getAttribute('aria-sort') === 'ascending' ? -1 : 1;
      Array.prototype.forEach.call(heads, function (h) { h.removeAttribute('aria-sort'); });
      th.setAttribute('aria-sort', dir === 1 ? 'ascending' : 'descending');
      var numeric = th.getAttribute('data-type') === 'number';
      rows.sort(function (a, b) {
        var x = a.cells[i].getAttribute('data-sort') || '', y = b.cells[i].getAttribute('data-sort') || '';
        if (numeric) {
          var fx = x === '' ? NaN : parseFloat(x), fy = y === '' ? NaN : parseFloat(y);
          if (isNaN(fx) || isNaN(fy)) return isNaN(fx) - isNaN(fy);  // no value: always last
          return (fx - fy) * dir;
        }
        return x.localeCompare(y, 'ja') * dir;
      });
      rows.forEach(function (r) { tbody.appendChild(r); });
    }
    th.addEventListener('click', sort);
    th.addEventListener('keydown', function (e) {
      if (e.key === 'Enter' || e.key === ' ') { e.preventDefault(); sort(); }
    });
  });
  window.addEventListener('beforeprint', function () {
    Array.prototype.forEach.call(document.querySelectorAll('details'), function (d) { d.open = true; });
  });
  apply();
})();
)JS";

}  // namespace sosei::report
