using LiveOps.Core.Import;
using LiveOps.Core.Import.Mapping;
using LiveOps.Tests.Support;

namespace LiveOps.Tests.Core.Import.Mapping;

internal static class MappedImportKit
{
    public static Task<MappedImportResult> MappedImportAsync(this TestDatabase db, ImportKind kind, byte[] file, string preset) =>
        db.MappedImportAsync(kind, file, PresetCatalog.Find(preset) ?? throw new ArgumentException(preset));

    public static async Task<MappedImportResult> MappedImportAsync(this TestDatabase db, ImportKind kind, byte[] file, ImportMapping mapping)
    {
        using var stream = new MemoryStream(file);
        return await db.Get<MappedImportService>().ImportAsync(kind, stream, mapping);
    }

    public static async Task<MappedImportResult> MappedPreviewAsync(this TestDatabase db, ImportKind kind, byte[] file, string preset)
    {
        using var stream = new MemoryStream(file);
        return await db.Get<MappedImportService>().PreviewAsync(kind, stream, PresetCatalog.Find(preset)!);
    }
}
