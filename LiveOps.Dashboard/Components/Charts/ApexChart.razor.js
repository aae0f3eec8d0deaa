// Interop for ApexChart.razor: the ApexCharts library (npm apexcharts, MIT) is loaded once by App.razor.
//
// Formatters: the C# mappers name a formatter (`"formatter": "yuan"`); ApexCharts wants a function, so the names are
// mapped here to the functions below. Nothing is evaluated from the options.
//
// Names in chart options come from users and files (tier names, campaign names, audience names, session titles).
// ApexCharts draws axis labels, data labels and titles as SVG text (a text node: safe), but writes legend labels,
// tooltip titles, series names and values with innerHTML. Every such path goes through a formatter set here,
// which HTML-encodes the text, so no chart mapper can forget it; option keys that take raw HTML are dropped.

const chinese = () => (document.documentElement.lang || '').toLowerCase().startsWith('zh');
const locale = () => (chinese() ? 'zh-CN' : 'en-US');
const number = (v, digits) => Number(v).toLocaleString(locale(), { minimumFractionDigits: digits, maximumFractionDigits: digits });
const finite = (v) => typeof v === 'number' && Number.isFinite(v);

// 12,345 → 1.2万 in Chinese, 12.3K in English; below ten thousand the plain grouped integer.
function compact(v) {
    const abs = Math.abs(v);
    const short = (x) => x.toLocaleString(locale(), { maximumFractionDigits: 1 });
    if (chinese()) {
        if (abs >= 1e8) return short(v / 1e8) + '亿';
        if (abs >= 1e4) return short(v / 1e4) + '万';
        return number(v, 0);
    }
    if (abs >= 1e6) return short(v / 1e6) + 'M';
    if (abs >= 1e4) return short(v / 1e3) + 'K';
    return number(v, 0);
}

const weekLabel = (v) => {
    const m = /^(\d{4})-W(\d{2})$/.exec(String(v));
    if (!m) return String(v);
    return chinese() ? `第${Number(m[2])}周` : `W${m[2]}`;
};

const weekTitle = (v) => {
    const m = /^(\d{4})-W(\d{2})$/.exec(String(v));
    if (!m) return String(v);
    return chinese() ? `${m[1]}年第${Number(m[2])}周` : `${m[1]} week ${Number(m[2])}`;
};

const dayLabel = (v) => {
    const m = /^\d{4}-(\d{2})-(\d{2})$/.exec(String(v));
    return m ? `${m[1]}-${m[2]}` : String(v);
};

/** The formatters a C# mapper may name. Values are numbers as the mapper sent them. */
export const formatters = {
    // Money in yuan, compact for axes: ¥8,000, ¥12.5万.
    yuan: (v) => (finite(v) ? '¥' + compact(v) : ''),
    // Money in yuan to the fen, for tooltips.
    yuanExact: (v) => (finite(v) ? '¥' + number(v, 2) : '—'),
    // A value already in percent units (0–100).
    percent: (v) => (finite(v) ? number(v, Math.abs(v) >= 10 || Number.isInteger(v) ? 0 : 1) + '%' : '—'),
    // A value already in percent units, one decimal, for tooltips.
    percentExact: (v) => (finite(v) ? number(v, 1) + '%' : '—'),
    // A fraction (0–1) shown as percent.
    fraction: (v) => (finite(v) ? number(v * 100, 1) + '%' : '—'),
    // People, orders, pushes: integers, compact when large.
    count: (v) => (finite(v) ? compact(Math.round(v)) : ''),
    countExact: (v) => (finite(v) ? number(Math.round(v), 0) : '—'),
    // Seconds shown as m:ss (h:mm:ss past an hour).
    duration: (v) => {
        if (!finite(v)) return '—';
        const s = Math.max(0, Math.round(v));
        const h = Math.floor(s / 3600);
        const m = Math.floor((s % 3600) / 60);
        const ss = String(s % 60).padStart(2, '0');
        return h > 0 ? `${h}:${String(m).padStart(2, '0')}:${ss}` : `${m}:${ss}`;
    },
    // A "yyyy-MM-dd" category: "MM-dd" on the axis (thinned to the chart's width, see thinTicks).
    dayTick: (v) => dayLabel(v),
    // An ISO week category ("2026-W36"): 第36周 / W36 on the axis (thinned likewise).
    weekTick: (v) => weekLabel(v),
    // A category the page already put in its words (第 3 期): as it is, thinned likewise.
    tick: (v) => (v === null || v === undefined ? '' : String(v)),
    // Tooltip titles: the full date or week.
    day: (v) => String(v),
    week: (v) => weekTitle(v),
};

// Replaces every `formatter: "<name>"` in the options by the named function; unknown names are dropped.
export function withFormatters(node) {
    if (Array.isArray(node)) {
        node.forEach(withFormatters);
    } else if (node && typeof node === 'object') {
        for (const key of Object.keys(node)) {
            const value = node[key];
            if (key === 'formatter' && typeof value === 'string') {
                if (Object.prototype.hasOwnProperty.call(formatters, value)) {
                    node[key] = formatters[value];
                } else {
                    delete node[key];
                }
            } else {
                withFormatters(value);
            }
        }
    }
    return node;
}

// Date, week and period axes show one label per ~80 px of the chart's width, so labels never run into each other.
// Line and area charts thin through tickAmount; ApexCharts gives every bar its own label whatever tickAmount says,
// so a chart with bars or columns keeps every n-th label and leaves the others blank (the tooltip still names each).
const thinned = new Set(['dayTick', 'weekTick', 'tick']);
const barred = (options) =>
    ['bar', 'column'].includes(options.chart && options.chart.type)
    || (options.series || []).some(s => s && ['bar', 'column'].includes(s.type));

function thinTicks(options, element) {
    const xaxis = options && options.xaxis;
    if (!xaxis || !xaxis.labels || !thinned.has(xaxis.labels.formatter)) return options;
    const count = (xaxis.categories || []).length;
    const fits = Math.max(2, Math.floor((element.clientWidth || 600) / 80));
    if (count <= fits) return options;
    if (!barred(options)) {
        xaxis.tickAmount = fits;
        return options;
    }
    const stride = Math.ceil(count / fits);
    const name = xaxis.labels.formatter;
    const label = formatters[name];
    const first = new Map();
    xaxis.categories.forEach((c, i) => { if (!first.has(String(c))) first.set(String(c), i); });
    xaxis.labels.formatter = (value, _timestamp, opts) => {
        const i = opts && Number.isInteger(opts.i) ? opts.i : first.get(String(value));
        return i === undefined || i % stride === 0 ? label(value) : '';
    };
    // The tooltip's title falls back on the axis formatter: give it the whole label.
    const tooltip = options.tooltip = { ...options.tooltip };
    if (!tooltip.x || !tooltip.x.formatter) tooltip.x = { ...tooltip.x, formatter: name };
    return options;
}

const entities = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

export function encodeHtml(value) {
    if (value === null || value === undefined) {
        return '';
    }
    if (Array.isArray(value)) {
        return value.map(encodeHtml).join(' ');
    }
    return String(value).replace(/[&<>"']/g, c => entities[c]);
}

// The label ApexCharts itself would have shown for an x value (category axes; no chart here uses datetime axes).
function xLabel(value, opts) {
    const g = opts && opts.w && opts.w.globals;
    if (!g) {
        return value;
    }
    const format = g.isBarHorizontal ? g.yLabelFormatters[0] : g.xLabelFormatter;
    return typeof format === 'function' ? format(value, opts) : value;
}

// The value ApexCharts itself would have shown for a y value of the given series.
function yLabel(value, opts) {
    const g = opts && opts.w && opts.w.globals;
    const formats = g ? g.yLabelFormatters : [];
    const format = (opts && formats[opts.seriesIndex]) || formats[0];
    return typeof format === 'function' ? format(value, opts) : value;
}

function harden(options) {
    const o = { ...options };
    const legend = { ...o.legend, formatter: name => encodeHtml(name) };
    delete legend.tooltipHoverFormatter;
    if (legend.markers) {
        legend.markers = { ...legend.markers };
        delete legend.markers.customHTML;
    }
    o.legend = legend;

    const tooltip = { ...o.tooltip };
    delete tooltip.custom;
    // A named tooltip formatter (already a function, see withFormatters) decides the text; the encoding stays.
    const ownX = tooltip.x && typeof tooltip.x.formatter === 'function' ? tooltip.x.formatter : null;
    tooltip.x = { ...tooltip.x, formatter: (value, opts) => encodeHtml(ownX ? ownX(value, opts) : xLabel(value, opts)) };
    const ownY = Array.isArray(tooltip.y)
        ? tooltip.y.map(s => (s && typeof s.formatter === 'function' ? s.formatter : null))
        : [tooltip.y && typeof tooltip.y.formatter === 'function' ? tooltip.y.formatter : null];
    const y = Array.isArray(tooltip.y) ? {} : { ...tooltip.y };
    y.formatter = (value, opts) => {
        const own = ownY.length > 1 ? ownY[(opts && opts.seriesIndex) || 0] : ownY[0];
        return encodeHtml(own ? own(value, opts) : yLabel(value, opts));
    };
    y.title = { ...y.title, formatter: name => (name ? encodeHtml(name) + ': ' : '') };
    tooltip.y = y;
    const z = { ...tooltip.z, formatter: value => encodeHtml(value) };
    if (z.title !== undefined) {
        z.title = encodeHtml(z.title);
    }
    tooltip.z = z;
    o.tooltip = tooltip;

    o.xaxis = { ...o.xaxis, tooltip: { ...(o.xaxis && o.xaxis.tooltip), formatter: (value, opts) => encodeHtml(xLabel(value, opts)) } };
    if (o.annotations && Array.isArray(o.annotations.points)) {
        o.annotations = { ...o.annotations, points: o.annotations.points.map(p => { const c = { ...p }; delete c.customSVG; return c; }) };
    }
    return o;
}

function prepare(optionsJson, element) {
    return harden(withFormatters(thinTicks(JSON.parse(optionsJson), element)));
}

export function create(element, optionsJson) {
    const chart = new window.ApexCharts(element, prepare(optionsJson, element));
    chart.render();
    return chart;
}

export function update(chart, optionsJson) {
    chart.updateOptions(prepare(optionsJson, chart.el), true, true);
}

export function destroy(chart) {
    chart.destroy();
}
