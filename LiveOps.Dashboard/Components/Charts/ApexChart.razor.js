// Interop for ApexChart.razor: the ApexCharts library (npm apexcharts, MIT) is loaded once by App.razor.
export function create(element, optionsJson) {
    const chart = new window.ApexCharts(element, JSON.parse(optionsJson));
    chart.render();
    return chart;
}

export function update(chart, optionsJson) {
    chart.updateOptions(JSON.parse(optionsJson), true, true);
}

export function destroy(chart) {
    chart.destroy();
}
