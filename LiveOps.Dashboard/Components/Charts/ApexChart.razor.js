// Interop for ApexChart.razor: the ApexCharts library (npm apexcharts, MIT) is loaded once by App.razor.
//
// Names in chart options come from users and files (tier names, campaign names, audience names, session titles).
// ApexCharts draws axis labels, data labels and titles as SVG text (a text node: safe), but writes legend labels,
// tooltip titles, series names and values with innerHTML. Every such path goes through a formatter set here,
// which HTML-encodes the text, so no chart mapper can forget it; option keys that take raw HTML are dropped.

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
    tooltip.x = { ...tooltip.x, formatter: (value, opts) => encodeHtml(xLabel(value, opts)) };
    const y = Array.isArray(tooltip.y) ? {} : { ...tooltip.y };
    y.formatter = (value, opts) => encodeHtml(yLabel(value, opts));
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

export function create(element, optionsJson) {
    const chart = new window.ApexCharts(element, harden(JSON.parse(optionsJson)));
    chart.render();
    return chart;
}

export function update(chart, optionsJson) {
    chart.updateOptions(harden(JSON.parse(optionsJson)), true, true);
}

export function destroy(chart) {
    chart.destroy();
}
