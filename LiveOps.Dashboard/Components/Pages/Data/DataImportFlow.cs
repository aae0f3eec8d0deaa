using LiveOps.Core.Import;
using LiveOps.Core.Import.Mapping;

namespace LiveOps.Dashboard.Components.Pages.Data;

/// <summary>A mapping the operator can choose for an upload: offered (it fits the file's header), another of the kind, or none.</summary>
public sealed record MappingOption(string Key, ImportMapping Mapping, bool Offered, bool IsPreset, int? Version)
{
    public bool IsPlain => Key == DataImportFlow.PlainKey;
}

/// <summary>
/// One upload on the Data page, from the spooled file to the import: its header, the mappings offered for it (saved
/// mappings and presets whose columns it has), the chosen mapping, the preview (the engine's dry run) and the import.
/// The page stays thin; the engine (<see cref="MappedImportService"/>) does the reading, checking and writing, and runs
/// on the thread pool so the page keeps answering (progress, cancel) while a large file is read.
/// </summary>
public sealed class DataImportFlow(SavedMappingService saved, MappedImportService importer) : IAsyncDisposable
{
    /// <summary>The choice "no mapping": the file has the contract's own columns (or their Chinese names).</summary>
    public const string PlainKey = "";

    /// <summary>The name the audit log shows for an upload without a mapping.</summary>
    public const string PlainName = "contract columns";

    private UploadSpool? _spool;

    public ImportKind Kind { get; private set; }

    public string FileName { get; private set; } = "";

    public IReadOnlyList<string> Header { get; private set; } = [];

    public IReadOnlyList<MappingOption> Options { get; private set; } = [];

    public MappingOption? Selected { get; private set; }

    public bool HasFile => _spool is not null;

    /// <summary>A mapping that takes the file's columns as contract §2 names them.</summary>
    public static ImportMapping Plain(ImportKind kind) =>
        new(kind, PlainName, SourceEncoding.Auto, new Dictionary<string, FieldRule>(), LineMode.None, [], [], []);

    /// <summary>Takes over a spooled upload, reads its header and offers the mappings that fit it, the best one chosen.</summary>
    public async Task LoadAsync(ImportKind kind, string fileName, UploadSpool spool, CancellationToken ct)
    {
        await ReleaseAsync();
        _spool = spool;
        Kind = kind;
        FileName = fileName;
        Header = await Task.Run(() =>
        {
            using var stream = File.OpenRead(spool.Path);
            return PresetCatalog.ReadHeader(stream);
        }, ct);
        await RefreshOptionsAsync(null, ct);
    }

    /// <summary>Rebuilds the choices (after a save) and selects <paramref name="key"/>, else the best offer, else none.</summary>
    public async Task RefreshOptionsAsync(string? key, CancellationToken ct)
    {
        var offered = Header.Count == 0 ? [] : (await saved.DetectAsync(Header, ct)).Where(m => m.Mapping.Kind == Kind).ToList();
        var options = offered.Select(m => new MappingOption(Key(m.Mapping, m.IsPreset), m.Mapping, true, m.IsPreset, m.Version)).ToList();
        var others = (await saved.ListAsync(ct)).Where(s => s.Mapping.Kind == Kind).Select(s => new MappingOption(Key(s.Mapping, false), s.Mapping, false, false, s.Version))
            .Concat(PresetCatalog.All.Where(p => p.Kind == Kind).Select(p => new MappingOption(Key(p, true), p, false, true, null)));
        options.AddRange(others.Where(o => options.All(x => x.Key != o.Key)));
        options.Add(new MappingOption(PlainKey, Plain(Kind), false, false, null));
        Options = options;
        Selected = options.FirstOrDefault(o => o.Key == key) ?? options.FirstOrDefault(o => o.Offered) ?? options[^1];
    }

    public void Select(string key) => Selected = Options.FirstOrDefault(o => o.Key == key) ?? Selected;

    /// <summary>Uses a mapping made in the editor (not saved yet) for the next preview.</summary>
    public void UseDraft(ImportMapping mapping) => Selected = new MappingOption("draft:" + mapping.Name, mapping, false, false, null);

    /// <summary>The engine's dry run of the chosen mapping over the whole file: nothing is written.</summary>
    public Task<MappedImportResult> PreviewAsync(IProgress<ImportProgress>? progress, CancellationToken ct)
    {
        var (path, mapping) = Current();
        return Task.Run(() => importer.PreviewFileAsync(Kind, path, mapping, progress, ct), ct);
    }

    /// <summary>Imports the file through the chosen mapping; a file with any problem writes nothing.</summary>
    public Task<MappedImportResult> ImportAsync(IProgress<ImportProgress>? progress, CancellationToken ct)
    {
        var (path, mapping) = Current();
        return Task.Run(() => importer.ImportFileAsync(Kind, path, mapping, progress, ct), ct);
    }

    /// <summary>The distinct values of a source column over the whole file (the status words to translate).</summary>
    public Task<IReadOnlyList<string>> DistinctValuesAsync(string column, int max, CancellationToken ct)
    {
        var path = _spool?.Path ?? throw new InvalidOperationException("no file");
        return Task.Run(() =>
        {
            using var stream = File.OpenRead(path);
            return SourceSample.DistinctValues(stream, column, max, ct);
        }, ct);
    }

    /// <summary>Saves the mapping as the next version of its name (role-checked and audited by the engine) and chooses it.</summary>
    public async Task<SavedMapping> SaveAsync(ImportMapping mapping, CancellationToken ct)
    {
        var version = await saved.SaveAsync(mapping, ct);
        if (HasFile)
        {
            await RefreshOptionsAsync(Key(version.Mapping, false), ct);
        }
        return version;
    }

    private (string Path, ImportMapping Mapping) Current() =>
        (_spool?.Path ?? throw new InvalidOperationException("no file"), Selected?.Mapping ?? Plain(Kind));

    private static string Key(ImportMapping mapping, bool preset) => (preset ? "preset:" : "saved:") + mapping.Name;

    /// <summary>Deletes the spooled file.</summary>
    public async Task ReleaseAsync()
    {
        if (_spool is not null)
        {
            await _spool.DisposeAsync();
            _spool = null;
        }
        Header = [];
        Options = [];
        Selected = null;
    }

    public ValueTask DisposeAsync() => new(ReleaseAsync());
}
