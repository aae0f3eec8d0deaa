namespace LiveOps.Core.Import;

/// <summary>
/// Imports one CSV file of a contract kind: validates the whole file first, then writes it in one
/// transaction, or writes nothing and returns every problem.
/// </summary>
public sealed class ImportService
{
    public Task<ImportResult> ImportFileAsync(ImportKind kind, string path, CancellationToken ct = default) =>
        throw new NotImplementedException("import is being built");

    public Task<ImportResult> ImportAsync(ImportKind kind, Stream csv, CancellationToken ct = default) =>
        throw new NotImplementedException("import is being built");
}
