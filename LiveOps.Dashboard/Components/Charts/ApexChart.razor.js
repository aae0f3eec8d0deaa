// Interop for ApexChart.razor: the ApexCharts library (npm apexcharts, MIT) is loaded once by App.razor.
// The C# mappers name a formatter (`"formatter": "yuan"`); ApexCharts wants a function, so the names are mapped
// here to the functions below. Nothing is evaluated from the options.

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

// Date and week axes show one label per ~80 px of the chart's width, so labels never run into each other.
const thinned = new Set(['dayTick', 'weekTick']);
function thinTicks(options, element) {
    const xaxis = options && options.xaxis;
    if (!xaxis || !xaxis.labels || !thinned.has(xaxis.labels.formatter)) return options;
    const count = (xaxis.categories || []).length;
    const fits = Math.max(2, Math.floor((element.clientWidth || 600) / 80));
    if (count > fits) xaxis.tickAmount = fits;
    return options;
}

function prepare(optionsJson, element) {
    return withFormatters(thinTicks(JSON.parse(optionsJson), element));
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
