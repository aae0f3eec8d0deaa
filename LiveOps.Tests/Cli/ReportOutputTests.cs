using LiveOps.Core.Common;
using LiveOps.Dashboard.Cli;

namespace LiveOps.Tests.Cli;

public sealed class ReportOutputTests
{
    private sealed record Row(string Name, decimal Amount, double Rate, DateTimeOffset At);

    [Fact]
    public async Task WriteJson_LargeReportWithChineseNames_SameTextAsSerializingToOneString()
    {
        // Enough rows for many chunks, names of three-byte characters so some are split between two chunks.
        var rows = Enumerable.Range(0, 20_000)
            .Select(i => new Row($"粉丝{i}号\"群\"", 129.9m + i, i / 7.0, DateTimeOffset.FromUnixTimeMilliseconds(1_700_000_000_000 + i)))
            .ToList();
        var writer = new StringWriter();

        await ReportOutput.WriteJsonAsync(writer, new { rows }, CancellationToken.None);

        var expected = ReportJson.Serialize(new { rows }) + writer.NewLine;
        Assert.True(expected.Length > 1_000_000);
        Assert.Equal(expected, writer.ToString());
        Assert.Contains("\"name\":\"粉丝19999号\\\"群\\\"\"", writer.ToString());
    }

    [Fact]
    public async Task WriteBuffered_ManySmallWrites_ArriveInOrderOnlyOnceFlushed()
    {
        var target = new StringWriter();
        string? seenBeforeEnd = null;

        await ReportOutput.WriteBufferedAsync(target, async w =>
        {
            for (var i = 0; i < 30_000; i++)
            {
                w.Write(i);
                w.Write(',');
                await w.WriteAsync("行\n");
            }
            seenBeforeEnd = target.ToString();
        });

        var expected = string.Concat(Enumerable.Range(0, 30_000).Select(i => $"{i},行\n"));
        Assert.Equal(expected, target.ToString());
        // Whole 64 KB chunks went out while writing, the rest at the end.
        Assert.Equal(expected[..(expected.Length / 65536 * 65536)], seenBeforeEnd);
    }
}
