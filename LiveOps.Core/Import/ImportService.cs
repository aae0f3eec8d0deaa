namespace LiveOps.Core.Import;

/// <summary>
/// Imports one CSV file of a contract kind: validates the whole file, writes it in one
/// transaction, or writes nothing and returns every problem.
/// </summary>
public interface IImportService
{
    Task<ImportResult> ImportFileAsync(ImportKind kind, string path, CancellationToken ct = default);

    Task<ImportResult> ImportAsync(ImportKind kind, Stream csv, CancellationToken ct = default);
}

public sealed class ImportService : IImportService
{
    public Task<ImportResult> ImportFileAsync(ImportKind kind, string path, CancellationToken ct = default) =>
        throw new NotImplementedException("import is being built");

    public Task<ImportResult> ImportAsync(ImportKind kind, Stream csv, CancellationToken ct = default) =>
        throw new NotImplementedException("import is being built");
}
