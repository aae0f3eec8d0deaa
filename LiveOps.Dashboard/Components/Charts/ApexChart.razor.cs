using System.Text.Json;
using Microsoft.AspNetCore.Components;
using Microsoft.JSInterop;

namespace LiveOps.Dashboard.Components.Charts;

/// <summary>
/// The one ApexCharts component. Options come from a pure C# mapper (see <see cref="ChartOptions"/>),
/// are sent as JSON, and the chart is updated in place when they change.
/// </summary>
public partial class ApexChart
{
    private ElementReference _host;
    private IJSObjectReference? _module;
    private IJSObjectReference? _chart;
    private string? _renderedOptions;
    private bool _ready;

    /// <summary>ApexCharts options as plain data (anonymous objects or dictionaries).</summary>
    [Parameter, EditorRequired] public object Options { get; set; } = default!;

    [Parameter] public int Height { get; set; } = 320;

    [Parameter] public string? Class { get; set; }

    [Parameter] public string? TestId { get; set; }

    [Parameter] public string? AriaLabel { get; set; }

    protected override async Task OnAfterRenderAsync(bool firstRender)
    {
        var json = JsonSerializer.Serialize(Options, ChartOptions.Json);
        if (json == _renderedOptions)
        {
            return;
        }
        _module ??= await JS.InvokeAsync<IJSObjectReference>("import", "./Components/Charts/ApexChart.razor.js");
        if (_chart is null)
        {
            _chart = await _module.InvokeAsync<IJSObjectReference>("create", _host, json);
        }
        else
        {
            await _module.InvokeVoidAsync("update", _chart, json);
        }
        _renderedOptions = json;
        if (!_ready)
        {
            _ready = true;
            StateHasChanged();
        }
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            if (_chart is not null && _module is not null)
            {
                await _module.InvokeVoidAsync("destroy", _chart);
            }
            if (_chart is not null)
            {
                await _chart.DisposeAsync();
            }
            if (_module is not null)
            {
                await _module.DisposeAsync();
            }
        }
        catch (JSDisconnectedException)
        {
            // The circuit is gone; the browser has already dropped the chart.
        }
        GC.SuppressFinalize(this);
    }
}
