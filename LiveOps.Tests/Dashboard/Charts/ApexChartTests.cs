using Bunit;
using LiveOps.Dashboard.Components.Charts;

namespace LiveOps.Tests.Dashboard.Charts;

public sealed class ApexChartTests : BunitContext, IAsyncLifetime
{
    private const string ModulePath = "./Components/Charts/ApexChart.razor.js";

    private readonly BunitJSModuleInterop _module;

    public ApexChartTests()
    {
        JSInterop.Mode = JSRuntimeMode.Strict;
        _module = JSInterop.SetupModule(ModulePath);
        _module.SetupModule(invocation => invocation.Identifier == "create");
        _module.SetupVoid("update", _ => true).SetVoidResult();
        _module.SetupVoid("destroy", _ => true).SetVoidResult();
    }

    [Fact]
    public void FirstRender_CreatesTheChartWithTheOptionsAsJson_AndMarksItReady()
    {
        var cut = Render<ApexChart>(p => p
            .Add(x => x.Options, new { series = new[] { new { name = "GMV", data = new[] { 1.5m, 2m } } } })
            .Add(x => x.TestId, "chart"));

        var create = _module.VerifyInvoke("create");
        Assert.Equal("{\"series\":[{\"name\":\"GMV\",\"data\":[1.5,2]}]}", create.Arguments[1]);
        cut.WaitForAssertion(() => Assert.Equal("true", cut.Find("[data-testid=chart]").GetAttribute("data-chart-ready")));
    }

    [Fact]
    public void NewOptions_UpdateTheSameChart_AndSameOptionsDoNothing()
    {
        var cut = Render<ApexChart>(p => p.Add(x => x.Options, new { a = 1 }));

        cut.Render(p => p.Add(x => x.Options, new { a = 1 }));
        Assert.Empty(_module.Invocations["update"]);

        cut.Render(p => p.Add(x => x.Options, new { a = 2 }));
        var update = _module.VerifyInvoke("update");
        Assert.Equal("{\"a\":2}", update.Arguments[1]);
        _module.VerifyInvoke("create", calledTimes: 1);
    }

    [Fact]
    public async Task Dispose_DestroysTheChart()
    {
        var cut = Render<ApexChart>(p => p.Add(x => x.Options, new { a = 1 }));

        await cut.Instance.DisposeAsync();

        _module.VerifyInvoke("destroy");
    }

    public Task InitializeAsync() => Task.CompletedTask;

    Task IAsyncLifetime.DisposeAsync() => base.DisposeAsync().AsTask();
}
