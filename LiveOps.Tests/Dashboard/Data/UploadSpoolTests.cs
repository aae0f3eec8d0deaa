using System.Net;
using System.Text;
using LiveOps.Core.Common;
using LiveOps.Dashboard.Components.Pages.Data;
using LiveOps.Tests.Support;

namespace LiveOps.Tests.Dashboard.Data;

/// <summary>Uploads are spooled to the product's temporary folder before any write; a crash's leftovers go at start.</summary>
public sealed class UploadSpoolTests
{
    [Fact]
    public async Task AStart_RemovesSpoolFilesACrashLeft_AndKeepsThoseInUse()
    {
        var leftover = TempFiles.NewPath("upload");
        await File.WriteAllTextAsync(leftover, "customer_id\nu1\n");
        var unrelated = Path.Combine(Path.GetTempPath(), $"not-liveops-{Guid.NewGuid():N}");
        await File.WriteAllTextAsync(unrelated, "someone else's");
        await using var inUse = (await UploadSpool.FromStreamAsync(new MemoryStream("customer_id\nu2\n"u8.ToArray()), 1000, CancellationToken.None))!;
        try
        {
            await using (DashboardApp.Start(demoData: false, user: null))
            {
            }

            Assert.False(File.Exists(leftover));
            Assert.Equal("customer_id\nu2\n", await File.ReadAllTextAsync(inUse.Path));
            Assert.Equal(TempFiles.Folder, Path.GetDirectoryName(inUse.Path));
            Assert.True(File.Exists(unrelated));
        }
        finally
        {
            File.Delete(unrelated);
        }
    }

    [Fact]
    public async Task ASpool_IsDeletedOnDispose_AndOverTheLimitThereIsNoSpool()
    {
        var spool = (await UploadSpool.FromStreamAsync(new MemoryStream(new byte[100]), 100, CancellationToken.None))!;
        var path = spool.Path;
        Assert.Equal(100, new FileInfo(path).Length);
        await spool.DisposeAsync();

        var over = await UploadSpool.FromStreamAsync(new MemoryStream(new byte[101]), 100, CancellationToken.None);

        Assert.False(File.Exists(path));
        Assert.Null(over);
    }

    [Fact]
    public async Task ASlowUpload_HoldsNoDatabaseLock_AnotherImportFinishesWhileItIsStillSending()
    {
        await using var app = DashboardApp.Start(demoData: false);
        using var http = await app.SignedInClientAsync();
        var slow = new SlowContent("customer_id,nickname\nslow1,慢\n", "slow2,慢慢\n");

        var upload = http.PostAsync("/data/import/customers", slow);
        await slow.FirstPartSent.Task;
        using var other = await http.PostAsync("/data/import/customers", new StringContent("customer_id,nickname\nquick1,快\n", Encoding.UTF8, "text/csv"));
        var otherBody = await other.Content.ReadAsStringAsync();
        slow.Release.SetResult();
        using var slowResponse = await upload;

        Assert.Equal(HttpStatusCode.OK, other.StatusCode);
        Assert.Contains("\"added\":1", otherBody, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, slowResponse.StatusCode);
        Assert.Contains("\"added\":2", await slowResponse.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    /// <summary>A chunked CSV body that sends its first part, then waits for <see cref="Release"/> before the rest.</summary>
    private sealed class SlowContent : HttpContent
    {
        private readonly string _first;
        private readonly string _rest;

        public SlowContent(string first, string rest)
        {
            (_first, _rest) = (first, rest);
            Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("text/csv");
        }

        public TaskCompletionSource FirstPartSent { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public TaskCompletionSource Release { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        protected override async Task SerializeToStreamAsync(Stream stream, TransportContext? context)
        {
            await stream.WriteAsync(Encoding.UTF8.GetBytes(_first));
            await stream.FlushAsync();
            FirstPartSent.SetResult();
            await Release.Task;
            await stream.WriteAsync(Encoding.UTF8.GetBytes(_rest));
        }

        protected override bool TryComputeLength(out long length)
        {
            length = 0;
            return false;
        }
    }
}
