using LiveOps.Core.Accounts;
using LiveOps.Core.Import;
using LiveOps.Core.Import.Mapping;
using LiveOps.Dashboard.Accounts;
using LiveOps.Dashboard.Resources;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Forms;
using Microsoft.Extensions.Localization;
using MudBlazor;

namespace LiveOps.Dashboard.Components.Pages.Data;

/// <summary>What the page is waiting for while the file is read (<c>Data.Running.*</c>).</summary>
public enum DataRun { Upload, Preview, Import }

/// <summary>
/// Pick a kind, upload a file (CSV in any encoding the engine reads, or .xlsx), choose a mapping (the ones that fit
/// the header are offered), see the engine's preview, confirm, see what was written. Long reads show progress and can
/// be cancelled; a cancelled or refused file writes nothing. The flow itself lives in <see cref="DataImportFlow"/>.
/// </summary>
public sealed partial class DataPage : IAsyncDisposable
{
    private readonly CancellationTokenSource _life = new();
    private DataImportFlow _flow = default!;
    private MudFileUpload<IBrowserFile>? _upload;
    private CancellationTokenSource? _run;
    private ImportKind? _kind;
    private string? _fileName;
    private string? _rejection;
    private string? _notice;
    private DataRun? _running;
    private double? _fraction;
    private long _rowsRead;
    private MappedImportResult? _preview;
    private MappedImportResult? _outcome;
    private MappingDraft? _draft;

    [Inject] private SavedMappingService Saved { get; set; } = default!;

    [Inject] private MappedImportService Importer { get; set; } = default!;

    [Inject] private ISnackbar Snackbar { get; set; } = default!;

    [Inject] private Formatting F { get; set; } = default!;

    [Inject] private IStringLocalizer<AccountsResource> A { get; set; } = default!;

    /// <summary><c>/data?kind=orders</c> opens the page with that kind chosen.</summary>
    [SupplyParameterFromQuery(Name = "kind")] public string? KindName { get; set; }

    private bool Busy => _running is not null;

    private string MappingLabel => _flow.Selected is not { } s ? "" : s.IsPlain ? D["Data.Mapping.None"] : s.Mapping.Name;

    protected override void OnInitialized() => _flow = new DataImportFlow(Saved, Importer);

    protected override void OnParametersSet()
    {
        if (_kind is null && KindName is not null && ImportKinds.TryParse(KindName, out var kind))
        {
            _kind = kind;
        }
    }

    private async Task SelectKindAsync(ImportKind kind)
    {
        if (kind != _kind)
        {
            _kind = kind;
            await ResetAsync();
        }
    }

    private async Task ResetAsync()
    {
        _preview = _outcome = null;
        _rejection = _notice = null;
        _draft = null;
        await _flow.ReleaseAsync();
    }

    private async Task UploadAsync(IBrowserFile? file)
    {
        if (file is null || _kind is not { } kind || Busy)
        {
            return;
        }
        await ResetAsync();
        _fileName = file.Name;
        if (file.Size > UploadLimits.MaxBytes)
        {
            _rejection = L["Data.TooLarge", file.Name, UploadLimits.MaxMegabytes].Value;
            Snackbar.Add(_rejection, Severity.Error);
            await ClearPickerAsync();
            return;
        }
        await RunAsync(DataRun.Upload, async ct =>
        {
            var bytes = new Progress<long>(n => ReportBytes(n, file.Size));
            await using var source = file.OpenReadStream(UploadLimits.MaxBytes, ct);
            var spool = await UploadSpool.FromStreamAsync(source, UploadLimits.MaxBytes, ct, bytes)
                ?? throw new IOException("larger than announced");
            await _flow.LoadAsync(kind, file.Name, spool, ct);
        });
        await ClearPickerAsync();
        if (_flow.HasFile)
        {
            await PreviewAsync();
        }
    }

    private async Task SelectMappingAsync(string key)
    {
        _flow.Select(key);
        await PreviewAsync();
    }

    private async Task PreviewAsync()
    {
        _preview = _outcome = null;
        await RunAsync(DataRun.Preview, async ct => _preview = await _flow.PreviewAsync(Progress(), ct));
    }

    private async Task ConfirmAsync()
    {
        await RunAsync(DataRun.Import, async ct =>
        {
            _outcome = await _flow.ImportAsync(Progress(), ct);
            if (_outcome.Succeeded)
            {
                Snackbar.Add(L["Data.Snack.Done", ImportKinds.Name(_outcome.Kind), _outcome.Records].Value, Severity.Success);
                await _flow.ReleaseAsync();
                _draft = null;
            }
            else
            {
                Snackbar.Add(L["Data.Snack.Failed", _outcome.ProblemCount].Value, Severity.Error);
            }
        });
    }

    private async Task DiscardAsync()
    {
        await ResetAsync();
        _notice = D["Data.Discarded", _fileName ?? ""].Value;
    }

    private void OpenEditor()
    {
        var selected = _flow.Selected;
        _draft = selected is null || selected.IsPlain
            ? new MappingDraft(_flow.Kind, _flow.Header) { Name = Path.GetFileNameWithoutExtension(_flow.FileName) }
            : MappingDraft.From(selected.Mapping, _flow.Header);
        if (selected is { IsPreset: true })
        {
            // A preset's name cannot be saved over: an adapted preset is saved under a name of the shop's own.
            _draft.Name = $"{selected.Mapping.Name}-{Path.GetFileNameWithoutExtension(_flow.FileName)}";
        }
    }

    private Task<IReadOnlyList<string>> LoadValuesAsync(string column) =>
        _flow.DistinctValuesAsync(column, MappingEditor.MaxValues, _life.Token);

    private async Task PreviewDraftAsync(ImportMapping mapping)
    {
        _flow.UseDraft(mapping);
        await PreviewAsync();
    }

    private async Task<IReadOnlyList<ImportProblem>> SaveMappingAsync(ImportMapping mapping)
    {
        try
        {
            var saved = await _flow.SaveAsync(mapping, _life.Token);
            Snackbar.Add(D["Data.Saved", saved.Name, saved.Version].Value, Severity.Success);
            await PreviewAsync();
            return [];
        }
        catch (MappingException refused)
        {
            return refused.Problems;
        }
        catch (AccessDeniedException refusal)
        {
            _rejection = AccessMessages.Describe(A, refusal);
            Snackbar.Add(_rejection, Severity.Error);
            return [];
        }
    }

    private void Cancel() => _run?.Cancel();

    /// <summary>Runs one long step with progress and cancel; a refusal or a broken upload reads as a sentence.</summary>
    private async Task RunAsync(DataRun run, Func<CancellationToken, Task> step)
    {
        _run = CancellationTokenSource.CreateLinkedTokenSource(_life.Token);
        (_running, _fraction, _rowsRead, _rejection, _notice) = (run, null, 0, null, null);
        StateHasChanged();
        try
        {
            await step(_run.Token);
        }
        catch (OperationCanceledException) when (!_life.IsCancellationRequested)
        {
            _preview = _outcome = null;
            if (run != DataRun.Preview)
            {
                await _flow.ReleaseAsync();
            }
            _notice = D["Data.Cancelled", _fileName ?? ""].Value;
            Snackbar.Add(_notice, Severity.Info);
        }
        catch (AccessDeniedException refusal)
        {
            _rejection = AccessMessages.Describe(A, refusal);
            Snackbar.Add(_rejection, Severity.Error);
        }
        catch (LiveOps.Core.Store.ImportBusyException)
        {
            // Nothing was written; the file stays, so Import can be pressed again once the other import is done.
            _rejection = ImportText.Format(LiveOps.Core.Store.ImportBusyException.TextCode, System.Globalization.CultureInfo.CurrentUICulture, []);
            Snackbar.Add(_rejection, Severity.Warning);
        }
        catch (IOException)
        {
            // The upload broke off (closed tab, lost connection, file changed while read): nothing was imported.
            _rejection = L["Data.ReadFailed", _fileName ?? ""].Value;
            Snackbar.Add(_rejection, Severity.Error);
            await _flow.ReleaseAsync();
        }
        finally
        {
            _running = null;
            _run.Dispose();
            _run = null;
        }
        // A step started by a child's callback (the editor's save) would otherwise leave the page showing "running".
        StateHasChanged();
    }

    private IProgress<ImportProgress> Progress() => new Progress<ImportProgress>(p => Report(p.RowsRead, p.Fraction));

    private void ReportBytes(long bytes, long size) => Report(0, size > 0 ? (double)bytes / size : null);

    private void Report(long rows, double? fraction)
    {
        (_rowsRead, _fraction) = (rows, fraction);
        _ = InvokeAsync(StateHasChanged);
    }

    // Lets the same file name be picked again after it is fixed.
    private async Task ClearPickerAsync()
    {
        if (_upload is not null)
        {
            await _upload.ClearAsync();
        }
    }

    public async ValueTask DisposeAsync()
    {
        _life.Cancel();
        await _flow.DisposeAsync();
        _life.Dispose();
    }
}
