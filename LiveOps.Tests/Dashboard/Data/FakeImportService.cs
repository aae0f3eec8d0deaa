using LiveOps.Core.Import;

namespace LiveOps.Tests.Dashboard.Data;

/// <summary>Answers every import with the next prepared result and records what it was given.</summary>
public sealed class FakeImportService : IImportService
{
    private readonly Queue<ImportResult> _results = new();

    public List<(ImportKind Kind, string Path, string Content)> Calls { get; } = [];

    public FakeImportService Returns(ImportResult result)
    {
        _results.Enqueue(result);
        return this;
    }

    public Task<ImportResult> ImportFileAsync(ImportKind kind, string path, CancellationToken ct = default)
    {
        Calls.Add((kind, path, File.ReadAllText(path)));
        return Task.FromResult(_results.Dequeue());
    }

    public Task<ImportResult> ImportAsync(ImportKind kind, Stream csv, CancellationToken ct = default) =>
        throw new InvalidOperationException("the Data page imports from a file");
}
